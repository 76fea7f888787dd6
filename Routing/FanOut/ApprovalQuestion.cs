namespace Gateway.Routing.FanOut;

/// <summary>The two questions a department is asked (docs/lifecycle.md).</summary>
public static class ApprovalQuestion
{
    public const string Involvement = "INVOLVEMENT";
    public const string Approval = "APPROVAL";
}
