namespace Gateway.Contracts.Lifecycle;

/// <summary>Where a quoted item's work lies: outside the planning red line (the region's cost rules apply) or inside it.</summary>
public enum FeeScope { OutsideRedLine, InsideRedLine }

/// <summary>A case's fee list: ISSUED (the portal was told, payment awaited), PAID (the one payment confirmed).</summary>
public enum FeeListStatus { Issued, Paid }
