using System.Xml;
using System.Xml.Linq;
using Gateway.Contracts;
using Gateway.Contracts.Intake;
using Gateway.Contracts.Lifecycle;

namespace Gateway.Adapters.Portals.ProjectApproval;

/// <summary>
/// The 受理回执 as the platform reads it: SubmitHookupDemandResponse (see the WSDL). For an intent (an early-stage demand in a
/// region that offers intents) the response has no CaseId/ReceiptNo/AcceptedAt: its Dispatch elements are the planning
/// notices and its Intent element says it is an intent; a case converted from an intent names it in Intent too.
/// </summary>
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
                d.DueAt is { } due ? new XElement(ns + "DueAt", XmlConvert.ToString(due)) : null)),
            receipt.IntentId is { } intentId ? new XElement(ns + "Intent", new XElement(ns + "IntentId", intentId),
                new XElement(ns + "Status", WireName.Of(IntentStatus.Converted)), new XElement(ns + "CaseId", receipt.CaseId)) : null);
    }

    public static XElement Of(IntentReceipt intent)
    {
        var ns = ProjectApprovalContract.Namespace;
        return new XElement(ns + "SubmitHookupDemandResponse",
            new XElement(ns + "Duplicate", XmlConvert.ToString(intent.Duplicate)),
            intent.Notices.Select(d => new XElement(ns + "Dispatch",
                new XElement(ns + "DispatchId", d.DispatchId),
                new XElement(ns + "CounterpartId", d.CounterpartId),
                new XElement(ns + "Kind", d.Kind))),
            new XElement(ns + "Intent",
                new XElement(ns + "IntentId", intent.IntentId),
                new XElement(ns + "Status", intent.Status),
                intent.CaseId is { } caseId ? new XElement(ns + "CaseId", caseId) : null,
                new XElement(ns + "Stage", intent.Stage),
                new XElement(ns + "RegisteredAt", XmlConvert.ToString(intent.RegisteredAt))));
    }
}
