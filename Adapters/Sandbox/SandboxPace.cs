namespace Gateway.Adapters.Sandbox;

/// <summary>The delay between the simulated counterparts' steps (<c>Gateway:Sandbox:StepMilliseconds</c>), so each state can be watched.</summary>
public sealed record SandboxPace(TimeSpan Step);
