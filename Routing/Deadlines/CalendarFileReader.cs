using System.Globalization;
using System.Text.Json;

namespace Gateway.Routing.Deadlines;

/// <summary>
/// Reads one <c>config/calendars/&lt;year&gt;.json</c> file into a <see cref="CalendarYear"/>; structural
/// problems (bad JSON, unknown / missing / duplicate properties, wrong types, bad dates) become one
/// <see cref="InvalidDataException"/> naming the file and every problem. Consistency rules are checked
/// afterwards by <see cref="WorkingCalendar"/>.
/// </summary>
internal static class CalendarFileReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Skip,
    };

    internal static string FileMessage(string file, IEnumerable<string> problems) =>
        $"calendar file '{file}': {string.Join("; ", problems)}";

    internal static CalendarYear Read(string file)
    {
        var text = File.ReadAllText(file);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(FileMessage(file, [$"not valid JSON: {ex.Message}"]), ex);
        }

        using (document)
        {
            var problems = new List<string>();
            var year = ReadYear(document.RootElement, problems);
            if (problems.Count > 0 || year is null)
            {
                throw new InvalidDataException(FileMessage(file, problems));
            }

            return year;
        }
    }

    private static CalendarYear? ReadYear(JsonElement root, List<string> problems)
    {
        var properties = Properties(root, "$", ["year", "source", "holidays"], ["year", "source", "holidays"], problems);
        if (properties is null)
        {
            return null;
        }

        int? year = null;
        if (properties.TryGetValue("year", out var yearElement))
        {
            if (yearElement.ValueKind == JsonValueKind.Number && yearElement.TryGetInt32(out var y) && y is >= 1 and <= 9999)
            {
                year = y;
            }
            else
            {
                problems.Add($"\"year\" must be an integer year, got {yearElement.GetRawText()}");
            }
        }

        string? source = null;
        if (properties.TryGetValue("source", out var sourceElement))
        {
            if (sourceElement.ValueKind == JsonValueKind.String)
            {
                source = sourceElement.GetString();
            }
            else
            {
                problems.Add($"\"source\" must be a string, got {sourceElement.ValueKind}");
            }
        }

        var holidays = new List<CalendarHoliday>();
        if (properties.TryGetValue("holidays", out var holidaysElement))
        {
            if (holidaysElement.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"\"holidays\" must be an array, got {holidaysElement.ValueKind}");
            }
            else
            {
                var index = 0;
                foreach (var element in holidaysElement.EnumerateArray())
                {
                    var holiday = ReadHoliday(element, $"holidays[{index}]", problems);
                    if (holiday is not null)
                    {
                        holidays.Add(holiday);
                    }

                    index++;
                }
            }
        }

        return year is null || problems.Count > 0 ? null : new CalendarYear(year.Value, source ?? "", holidays);
    }

    private static CalendarHoliday? ReadHoliday(JsonElement element, string path, List<string> problems)
    {
        var before = problems.Count;
        var properties = Properties(
            element, path, ["name", "daysOff", "makeUpWorkingDays"], ["name", "daysOff"], problems);
        if (properties is null)
        {
            return null;
        }

        string? name = null;
        if (properties.TryGetValue("name", out var nameElement))
        {
            if (nameElement.ValueKind == JsonValueKind.String)
            {
                name = nameElement.GetString();
            }
            else
            {
                problems.Add($"{path}.name must be a string, got {nameElement.ValueKind}");
            }
        }

        if (name is not null)
        {
            path = $"{path} ({name})";
        }

        DateOnly? first = null, last = null;
        if (properties.TryGetValue("daysOff", out var daysOffElement))
        {
            var days = ReadDates(daysOffElement, $"{path}.daysOff", problems);
            if (days is not null)
            {
                if (days.Count == 2)
                {
                    (first, last) = (days[0], days[1]);
                }
                else
                {
                    problems.Add(
                        $"{path}.daysOff must be [first, last] (two dates, inclusive; equal for a one-day holiday), " +
                        $"got {days.Count} date(s)");
                }
            }
        }

        var makeUp = new List<DateOnly>();
        if (properties.TryGetValue("makeUpWorkingDays", out var makeUpElement))
        {
            makeUp = ReadDates(makeUpElement, $"{path}.makeUpWorkingDays", problems) ?? [];
        }

        if (problems.Count > before || first is null || last is null)
        {
            return null;
        }

        return new CalendarHoliday(name ?? "", first.Value, last.Value, makeUp);
    }

    /// <summary>An array of "yyyy-MM-dd" strings; null (with problems) when it is not one.</summary>
    private static List<DateOnly>? ReadDates(JsonElement element, string path, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{path} must be an array of \"yyyy-MM-dd\" dates, got {element.ValueKind}");
            return null;
        }

        var before = problems.Count;
        var dates = new List<DateOnly>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(item.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                dates.Add(day);
            }
            else
            {
                problems.Add($"{path}[{index}]: bad date {item.GetRawText()} (expected \"yyyy-MM-dd\")");
            }

            index++;
        }

        return problems.Count > before ? null : dates;
    }

    /// <summary>The object's properties; unknown, duplicate and missing required ones are problems.</summary>
    private static Dictionary<string, JsonElement>? Properties(
        JsonElement element,
        string path,
        string[] allowed,
        string[] required,
        List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path} must be a JSON object, got {element.ValueKind}");
            return null;
        }

        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                problems.Add($"{path}: unknown property \"{property.Name}\" (allowed: {string.Join(", ", allowed)})");
            }
            else if (!result.TryAdd(property.Name, property.Value))
            {
                problems.Add($"{path}: property \"{property.Name}\" appears twice");
            }
        }

        foreach (var name in required)
        {
            if (!result.ContainsKey(name))
            {
                problems.Add($"{path}: required property \"{name}\" is missing");
            }
        }

        return result;
    }
}
