using System.Xml.Linq;
using Gateway.Adapters.Soap;

namespace Gateway.Adapters.Portals.ProjectApproval;

/// <summary>The fixed names of the 工改平台 SOAP agreement (docs/portals.md, <c>project-approval</c>).</summary>
public static class ProjectApprovalContract
{
    public const string Route = "/soap/project-approval";
    public static readonly XNamespace Namespace = "urn:gcjs:hookup:v1";

    public static readonly SoapOperation SubmitHookupDemand =
        new(Namespace, "SubmitHookupDemand", "urn:gcjs:hookup:v1/SubmitHookupDemand");

    /// <summary>The callback the gateway calls on the platform; described in the WSDL, served by the platform.</summary>
    public static readonly SoapOperation NotifyProgress =
        new(Namespace, "NotifyProgress", "urn:gcjs:hookup:v1/NotifyProgress");
}

