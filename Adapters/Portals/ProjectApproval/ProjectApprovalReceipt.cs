using System.Xml;
using System.Xml.Linq;
using Gateway.Contracts.Intake;

namespace Gateway.Adapters.Portals.ProjectApproval;

/// <summary>The 受理回执 as the platform reads it: SubmitHookupDemandResponse (see the WSDL).</summary>
public static class ProjectApprovalReceipt
{
    public static XElement Of(IntakeReceipt receipt)
    {
        var ns = ProjectApprovalContract.Namespace;
        return new XElement(ns + "SubmitHookupDemandResponse",
            new XElement(ns + "CaseId", receipt.CaseId),
            new XElement(ns + "ReceiptNo", receipt.ReceiptNo),
            new XElement(ns + "AcceptedAt", XmlConvert.ToString(receipt.AcceptedAt)),
            new XElement(ns + "Duplicate", XmlConvert.ToString(receipt.Duplicate)),
            receipt.Dispatches.Select(d => new XElement(ns + "Dispatch",
                new XElement(ns + "DispatchId", d.DispatchId),
                new XElement(ns + "CounterpartId", d.CounterpartId),
                new XElement(ns + "Kind", d.Kind),
                d.DueAt is { } due ? new XElement(ns + "DueAt", XmlConvert.ToString(due)) : null)));
    }
}
