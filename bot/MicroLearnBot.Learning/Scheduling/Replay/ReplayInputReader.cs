using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MicroLearnBot.Learning.Scheduling.Replay;

/// <summary>
/// Reads replay input: a JSON array of sequences with the fields <c>params</c>, <c>desired_retention</c>,
/// <c>enable_short_term</c>, <c>maximum_interval</c>, <c>learning_steps</c>, <c>relearning_steps</c>,
/// <c>time_zone</c> and the required <c>reviews</c>. Absent or null fields take the ts-fsrs 5.4.2 defaults.
/// Where ts-fsrs silently falls back to a default (a retention or maximum interval of 0, a parameter list of
/// another length than 17, 19 or 21), this reader rejects the value instead. It also rejects a step longer than
/// <see cref="TimeSpan.MaxValue"/> (10675199 days), which ts-fsrs accepts.
/// </summary>
public static partial class ReplayInputReader
{
    private static readonly HashSet<string> SequenceFields =
    [
        "params", "desired_retention", "enable_short_term", "maximum_interval",
        "learning_steps", "relearning_steps", "time_zone", "reviews",
    ];

    /// <summary>Parses the whole input; fails on the first invalid value.</summary>
    /// <exception cref="ReplayInputException">The input is not valid JSON or a value is invalid.</exception>
    public static IReadOnlyList<ReplaySequence> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);

        // A file saved by a Windows editor may start with a byte order mark, which is not JSON.
        json = json.TrimStart('\uFEFF');

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new ReplayInputException($"Input is not valid JSON at {DescribePosition(exception)}: {DescribeProblem(exception)}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new ReplayInputException($"Input must be a JSON array of sequences, not {Describe(root.ValueKind)}.");
            }

            var sequences = new List<ReplaySequence>();
            foreach (var element in root.EnumerateArray())
            {
                sequences.Add(ReadSequence(element, $"sequence {sequences.Count}"));
            }

            return sequences;
        }
    }

    private static ReplaySequence ReadSequence(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ReplayInputException($"{where}: expected an object, not {Describe(element.ValueKind)}.");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!SequenceFields.Contains(property.Name))
            {
                throw new ReplayInputException(
                    $"{where}: unknown field \"{property.Name}\"; expected one of {string.Join(", ", SequenceFields)}.");
            }
        }

        var options = new FsrsOptions();
        if (Field(element, "params") is { } weights)
        {
            options = options with { Weights = ReadNumbers(weights, $"{where}, params") };
        }

        if (Field(element, "desired_retention") is { } retention)
        {
            var value = ReadNumber(retention, $"{where}, desired_retention");
            if (!(value > 0 && value <= 1))
            {
                throw new ReplayInputException($"{where}, desired_retention: {retention.GetRawText()} is out of range; give a number greater than 0 and at most 1, such as 0.9.");
            }

            options = options with { DesiredRetention = value };
        }

        if (Field(element, "enable_short_term") is { } shortTerm)
        {
            options = options with { EnableShortTerm = ReadBoolean(shortTerm, $"{where}, enable_short_term") };
        }

        if (Field(element, "maximum_interval") is { } maximum)
        {
            var value = ReadInteger(maximum, $"{where}, maximum_interval");
            if (value < 1)
            {
                throw new ReplayInputException($"{where}, maximum_interval: {value} is out of range; give a whole number of days, 1 or more, such as 36500.");
            }

            options = options with { MaximumInterval = value };
        }

        if (Field(element, "learning_steps") is { } learning)
        {
            options = options with { LearningSteps = ReadSteps(learning, $"{where}, learning_steps") };
        }

        if (Field(element, "relearning_steps") is { } relearning)
        {
            options = options with { RelearningSteps = ReadSteps(relearning, $"{where}, relearning_steps") };
        }

        if (Field(element, "time_zone") is { } zone)
        {
            options = options with { TimeZone = ReadTimeZone(zone, $"{where}, time_zone") };
        }

        var reviews = Field(element, "reviews")
            ?? throw new ReplayInputException($"{where}: the field \"reviews\" is missing; give an array of {{\"rating\", \"at\"}} objects.");
        return new ReplaySequence(options, ReadReviews(reviews, where));
    }

    private static List<ReplayReview> ReadReviews(JsonElement reviews, string where)
    {
        if (reviews.ValueKind != JsonValueKind.Array)
        {
            throw new ReplayInputException($"{where}, reviews: expected an array, not {Describe(reviews.ValueKind)}.");
        }

        var list = new List<ReplayReview>();
        foreach (var review in reviews.EnumerateArray())
        {
            var location = $"{where}, review {list.Count}";
            if (review.ValueKind != JsonValueKind.Object)
            {
                throw new ReplayInputException($"{location}: expected an object with \"rating\" and \"at\", not {Describe(review.ValueKind)}.");
            }

            foreach (var property in review.EnumerateObject())
            {
                if (property.Name is not ("rating" or "at"))
                {
                    throw new ReplayInputException($"{location}: unknown field \"{property.Name}\"; a review has only \"rating\" and \"at\".");
                }
            }

            var rating = Field(review, "rating") ?? throw new ReplayInputException($"{location}: the field \"rating\" is missing.");
            var instant = Field(review, "at") ?? throw new ReplayInputException($"{location}: the field \"at\" is missing.");
            list.Add(new ReplayReview(ReadRating(rating, $"{location}, rating"), ReadInstant(instant, $"{location}, at")));
        }

        return list;
    }

    private static Rating ReadRating(JsonElement element, string where)
    {
        var value = ReadInteger(element, where);
        if (value is < 1 or > 4)
        {
            throw new ReplayInputException($"{where}: {value} is not a rating; use 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).");
        }

        return (Rating)value;
    }

    // An instant needs a date, a time and an explicit offset, so no reader has to guess a zone.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex InstantPattern();

    private static DateTimeOffset ReadInstant(JsonElement element, string where)
    {
        var text = element.ValueKind == JsonValueKind.String ? element.GetString()! : null;
        if (text is null || !InstantPattern().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            throw new ReplayInputException(
                $"{where}: {element.GetRawText()} is not an ISO-8601 instant; use a form such as \"2024-03-01T08:30:00Z\" or \"2024-03-01T09:30:00+01:00\".");
        }

        // JavaScript dates hold whole milliseconds, so sub-millisecond digits are dropped as ts-fsrs would see them.
        var utc = instant.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond));
    }

    private static List<TimeSpan> ReadSteps(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new ReplayInputException($"{where}: expected an array of steps such as [\"1m\", \"10m\"], not {Describe(element.ValueKind)}.");
        }

        var steps = new List<TimeSpan>();
        foreach (var step in element.EnumerateArray())
        {
            if (step.ValueKind != JsonValueKind.String)
            {
                throw new ReplayInputException($"{where}[{steps.Count}]: expected a string such as \"10m\", not {Describe(step.ValueKind)}.");
            }

            try
            {
                steps.Add(LearningSteps.Parse(step.GetString()!));
            }
            catch (Exception exception) when (exception is FormatException or OverflowException)
            {
                throw new ReplayInputException($"{where}[{steps.Count}]: {exception.Message}");
            }
        }

        return steps;
    }

    private static TimeZoneInfo ReadTimeZone(JsonElement element, string where)
    {
        var id = element.ValueKind == JsonValueKind.String ? element.GetString()! : null;
        if (id is null)
        {
            throw new ReplayInputException($"{where}: expected an IANA time zone id such as \"Europe/Stockholm\", not {Describe(element.ValueKind)}.");
        }

        if (id == "UTC")
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ReplayInputException($"{where}: time zone \"{id}\" was not found; use an IANA id such as \"Europe/Stockholm\" or \"UTC\".");
        }
    }

    private static List<double> ReadNumbers(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new ReplayInputException($"{where}: expected null or an array of 21, 19 or 17 numbers, not {Describe(element.ValueKind)}.");
        }

        var numbers = new List<double>();
        foreach (var item in element.EnumerateArray())
        {
            numbers.Add(ReadNumber(item, $"{where}[{numbers.Count}]"));
        }

        if (numbers.Count is not (17 or 19 or 21))
        {
            throw new ReplayInputException($"{where}: {numbers.Count} numbers given; give 21 (FSRS-6), 19 (FSRS-5) or 17 (FSRS-4.5), or null for the defaults.");
        }

        return numbers;
    }

    private static double ReadNumber(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            throw new ReplayInputException($"{where}: expected a finite number, not {element.GetRawText()}.");
        }

        return value;
    }

    private static int ReadInteger(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var value)
            || value != Math.Floor(value) || value is < int.MinValue or > int.MaxValue)
        {
            throw new ReplayInputException($"{where}: expected a whole number, not {element.GetRawText()}.");
        }

        return (int)value;
    }

    private static bool ReadBoolean(JsonElement element, string where) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new ReplayInputException($"{where}: expected true or false, not {element.GetRawText()}."),
    };

    // Absent and null both mean "use the default".
    private static JsonElement? Field(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    // JsonException counts lines and bytes from 0, while editors count from 1.
    private static string DescribePosition(JsonException exception) =>
        exception.LineNumber is { } line && exception.BytePositionInLine is { } position
            ? $"line {line + 1}, byte {position + 1}"
            : "the end";

    // The parser's message ends with its own position, which DescribePosition gives in the editor's count.
    private static string DescribeProblem(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        }

        return (cut < 0 ? message : message[..cut]).TrimEnd();
    }
}
