using Gateway.Routing.Deadlines;

namespace Gateway.UnitTests.Deadlines;

public sealed class CalendarFileTests : IDisposable
{
    private const string Valid2025 = """
        { "year": 2025, "source": "test",
          "holidays": [ { "name": "元旦", "daysOff": ["2025-01-01", "2025-01-01"], "makeUpWorkingDays": [] } ] }
        """;

    private readonly string _directory =
        Path.Combine(Path.GetTempPath(), "gateway-calendar-tests-" + Guid.NewGuid().ToString("N"));

    public CalendarFileTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void Write(string fileName, string json) => File.WriteAllText(Path.Combine(_directory, fileName), json);

    private static string Year2026(string holidays) =>
        $$"""{ "year": 2026, "source": "test", "holidays": [ {{holidays}} ] }""";

    [Fact]
    public void LoadDirectory_reads_the_repository_calendars()
    {
        var calendar = WorkingCalendar.LoadDirectory(CalendarTestData.CalendarDirectory());

        Assert.Equal(2025, calendar.FirstYear);
        Assert.Equal(2026, calendar.LastYear);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 2, 16)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 10, 11)));
    }

    [Fact]
    public void LoadDirectory_reads_a_valid_temp_directory()
    {
        Write("2025.json", Valid2025);
        Write("2026.json", Year2026("""{ "name": "元旦", "daysOff": ["2026-01-01", "2026-01-03"], "makeUpWorkingDays": ["2026-01-04"] }"""));

        var calendar = WorkingCalendar.LoadDirectory(_directory);

        Assert.Equal(2025, calendar.FirstYear);
        Assert.Equal(2026, calendar.LastYear);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 1, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 1, 4)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 2, 16))); // no 春节 in this test data
    }

    [Theory]
    [InlineData("2026.json",
        """{ "year": 2026, "source": "t", "holidays": [ { "name": "春节", "daysOff": ["2026-02-15", "2026-02-30"], "makeUpWorkingDays": [] } ] }""",
        "\"2026-02-30\"")]
    [InlineData("2026.json",
        """{ "year": 2026, "source": "t", "holidays": [ { "name": "春节", "daysOff": ["2026-02-15", "2026-02-23"], "makeUpWorkingDays": ["14/02/2026"] } ] }""",
        "bad date")]
    [InlineData("2026.json",
        """{ "year": 2026, "source": "t", "holidays": [ { "name": "元旦", "daysOff": ["2025-12-31", "2026-01-01"], "makeUpWorkingDays": [] } ] }""",
        "2025-12-31 is outside the file's year 2026")]
    [InlineData("2026.json",
        """{ "year": 2026, "source": "t", "holidays": [ { "name": "元旦", "daysOff": ["2026-01-01", "2026-01-03"], "makeUpWorkingDays": ["2025-12-27"] } ] }""",
        "2025-12-27 is outside the file's year 2026")]
    [InlineData("2026.json",
        """{ "year": 2026, "source": "t", "holidays": [ { "name": "元旦", "daysOff": ["2026-01-01", "2026-01-04"], "makeUpWorkingDays": ["2026-01-03"] } ] }""",
        "2026-01-03 is also a day off")]
    [InlineData("2026.json",
        """{ "year": 2026, "source": "t", "holidays": [ { "name": "元旦", "daysOff": ["2026-01-01", "2026-01-03"], "makeUpWorkingDays": ["2026-01-05"] } ] }""",
        "2026-01-05 is a Monday, not a weekend day")]
    [InlineData("2026.json",
        """{ "year": 2026, "source": "t", "holidays": [ { "name": "国庆", "daysOff": ["2026-10-07", "2026-10-01"], "makeUpWorkingDays": [] } ] }""",
        "backwards")]
    [InlineData("2026.json",
        """{ "year": 2026, "source": "t", "holidays": [ { "name": "中秋", "daysOff": ["2026-09-25", "2026-10-01"] }, { "name": "国庆", "daysOff": ["2026-10-01", "2026-10-07"] } ] }""",
        "overlap")]
    [InlineData("2026.json",
        """{ "year": 2026, "source": "t", "holidays": [ { "name": "元旦", "daysOff": ["2026-01-01"], "makeUpWorkingDays": [] } ] }""",
        "[first, last]")]
    [InlineData("2026.json",
        """{ "year": 2026, "source": "t", "holidays": [ { "name": "元旦", "daysOff": ["2026-01-01", "2026-01-03"], "makeupWorkingDays": ["2026-01-04"] } ] }""",
        "unknown property \"makeupWorkingDays\"")]
    [InlineData("2026.json",
        """{ "source": "t", "holidays": [] }""",
        "required property \"year\" is missing")]
    [InlineData("2026.json",
        """{ "year": 2026, "source": "t", "holidays": [ { "name": "元旦", "daysOff": ["2026-01-01", "2026-01-03"] """,
        "not valid JSON")]
    [InlineData("2026.json",
        """{ "year": 2026, "source": "", "holidays": [] }""",
        "\"source\"")]
    [InlineData("2027.json",
        """{ "year": 2026, "source": "t", "holidays": [] }""",
        "the file name says 2027 but \"year\" is 2026")]
    public void LoadDirectory_rejects_a_bad_file_naming_it(string fileName, string json, string expectedProblem)
    {
        Write("2025.json", Valid2025);
        Write(fileName, json);

        var ex = Assert.Throws<InvalidDataException>(() => WorkingCalendar.LoadDirectory(_directory));

        Assert.Contains(Path.Combine(_directory, fileName), ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("2025.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expectedProblem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDirectory_rejects_a_duplicate_year_naming_both_files()
    {
        Write("2026.json", Year2026(""));
        Write("2026-copy.json", Year2026(""));

        var ex = Assert.Throws<InvalidDataException>(() => WorkingCalendar.LoadDirectory(_directory));

        // Files are read in ordinal order: "2026-copy.json" < "2026.json", so 2026.json is the duplicate.
        Assert.Contains("duplicate year: 2026", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2026.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2026-copy.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDirectory_rejects_an_empty_directory()
    {
        var ex = Assert.Throws<InvalidDataException>(() => WorkingCalendar.LoadDirectory(_directory));
        Assert.Contains("no calendar files", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDirectory_rejects_a_missing_directory()
    {
        Assert.Throws<DirectoryNotFoundException>(() => WorkingCalendar.LoadDirectory(Path.Combine(_directory, "nope")));
    }
}
