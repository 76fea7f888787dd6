using System.Runtime.CompilerServices;
using Gateway.Routing.Deadlines;

namespace Gateway.UnitTests.Deadlines;

/// <summary>The real <c>config/calendars</c> of the repository, loaded once.</summary>
internal static class CalendarTestData
{
    private static readonly Lazy<WorkingCalendar> LazyReal = new(() => WorkingCalendar.LoadDirectory(CalendarDirectory()));

    public static WorkingCalendar Real => LazyReal.Value;

    public static DeadlineCalculator Calculator => new(Real);

    /// <summary>
    /// <c>config/calendars</c> under the folder holding <c>Gateway.sln</c>, found by walking up from
    /// <see cref="AppContext.BaseDirectory"/> (and, for test hosts built outside the repository,
    /// from this source file's location).
    /// </summary>
    public static string CalendarDirectory([CallerFilePath] string sourceFile = "")
    {
        foreach (var origin in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = string.IsNullOrEmpty(origin) ? null : new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
                {
                    return Path.Combine(dir.FullName, "config", "calendars");
                }
            }
        }

        throw new InvalidOperationException(
            $"Gateway.sln not found above '{AppContext.BaseDirectory}' or '{sourceFile}'");
    }
}
