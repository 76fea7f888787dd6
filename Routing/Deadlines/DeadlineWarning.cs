namespace Gateway.Routing.Deadlines;

/// <summary>
/// When a dispatch is "near due": once the given fraction (default 75 %) of its period has passed, measured in
/// wall-clock time from the start of the period to its due time.
/// </summary>
public static class DeadlineWarning
{
    public static long WarnAt(long from, long dueAt, double fraction) => from + (long)((dueAt - from) * fraction);
}
