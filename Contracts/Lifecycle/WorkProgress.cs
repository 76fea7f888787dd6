namespace Gateway.Contracts.Lifecycle;

/// <summary>A utility's progress on a work order, in its only legal order; REJECTED may come at any point before CONNECTED.</summary>
public enum WorkProgress { Accepted, Surveyed, Designed, Constructing, Constructed, Connected, Rejected }
