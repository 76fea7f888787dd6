namespace Gateway.Contracts.Lifecycle;

/// <summary>An intent's status (docs/lifecycle.md, "Intent registration and 免申办"): OPEN until it becomes a case, then CONVERTED.</summary>
public enum IntentStatus { Open, Converted }
