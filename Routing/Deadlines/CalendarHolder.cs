
namespace Gateway.Routing.Deadlines;

/// <summary>
/// The working-day calendars currently in force, reloaded when <c>config/calendars/</c> changes (an operator adds
/// the next year's file) so provisional due times can be made exact without a restart.
/// </summary>
public sealed class CalendarHolder
{
    private readonly string _directory;
    private string _signature;

    public CalendarHolder(string configDirectory)
    {
        _directory = Path.Combine(configDirectory, "calendars");
        Calendar = WorkingCalendar.LoadDirectory(_directory);
        Calculator = new DeadlineCalculator(Calendar);
        _signature = Signature();
    }

    public WorkingCalendar Calendar { get; private set; }
    public DeadlineCalculator Calculator { get; private set; }

    /// <summary>Reloads when a calendar file was added, removed or changed; true when it did. A bad file keeps the old calendars.</summary>
    public bool ReloadIfChanged()
    {
        var signature = Signature();
        if (signature == _signature) return false;
        var calendar = WorkingCalendar.LoadDirectory(_directory);
        (Calendar, Calculator, _signature) = (calendar, new DeadlineCalculator(calendar), signature);
        return true;
    }

    private string Signature() =>
        string.Join('|', Directory.GetFiles(_directory, "*.json").Order(StringComparer.Ordinal)
            .Select(f => new FileInfo(f)).Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));
}
