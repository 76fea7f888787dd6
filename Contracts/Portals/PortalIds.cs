namespace Gateway.Contracts.Portals;

/// <summary>The portals of docs/portals.md; the portal id is also its access key.</summary>
public static class PortalIds
{
    public const string Zhejiang = "zhejiang";
    public const string Henan = "henan";
    public const string Hubei = "hubei";
    public const string ProjectApproval = "project-approval";

    public static readonly IReadOnlyList<string> All = [Zhejiang, Henan, Hubei, ProjectApproval];
}
