using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroLearnBot.Learning.Scheduling.Replay;

namespace MicroLearnBot.Learning.Tests.Scheduling.Reference;

/// <summary>
/// Replays the same sequences through ts-fsrs 5.4.2 (Node.js) and through <see cref="ScheduleReplay"/> and requires
/// the same state, scheduled days and due date, and S, D and R within 1e-6 (absolute).
/// </summary>
public sealed class ReferenceComparisonTests(ReferenceScriptFixture reference) : IClassFixture<ReferenceScriptFixture>
{
    private const double Tolerance = 1e-6;
    private const int Seed = 20221229;
    private const int SequenceCount = 3000;
    private const int LongSequenceCount = 200;
    private const int DefaultMaximumInterval = 36500;
    private const int MaxReportedMismatches = 10;

    [Fact]
    public void Replay_RandomSequences_MatchesTsFsrs()
    {
        var input = new ReplaySequenceGenerator(Seed).Generate(SequenceCount).ToJsonString();

        var (_, rows) = AssertSameAsTsFsrs(input);

        Assert.True(rows > 10 * SequenceCount, $"Only {rows} reviews were compared.");
    }

    [Fact]
    public void Replay_LongSequences_MatchesTsFsrs()
    {
        var input = new ReplaySequenceGenerator(Seed).GenerateLong(LongSequenceCount).ToJsonString();

        var (expected, _) = AssertSameAsTsFsrs(input);

        // Most long sequences must reach their maximum interval, so the cap is compared, not only the way up to it.
        var (longSequences, reachedMaximum, reachedDefaultMaximum) = CountLongSequences(input, expected);
        Assert.True(longSequences >= LongSequenceCount * 3 / 4, $"Only {longSequences} sequences have {ReplaySequenceGenerator.LongSequenceMinimum} reviews or more.");
        Assert.True(reachedMaximum >= LongSequenceCount / 2, $"Only {reachedMaximum} long sequences reach their maximum interval.");
        Assert.True(reachedDefaultMaximum >= 5, $"Only {reachedDefaultMaximum} long sequences reach {DefaultMaximumInterval} days.");
    }

    [Fact]
    public void Replay_CornerParameterSets_MatchesTsFsrs()
    {
        var input = new ReplaySequenceGenerator(Seed).GenerateCornerSets().ToJsonString();

        var (_, rows) = AssertSameAsTsFsrs(input);

        Assert.True(rows > 1000, $"Only {rows} reviews were compared.");
    }

    [Fact]
    public void Replay_OffsetInstants_MatchesTsFsrs()
    {
        // Elapsed days count UTC dates, not the dates written with the offset. The first two lists each have a
        // review on the same local date as the one before but the next UTC date, and one on a later local date but
        // the same UTC date. The third crosses a new year at the extreme offsets -12:00 and +14:00.
        string[][] instantLists =
        [
            ["2024-03-01T18:00:00-05:00", "2024-03-01T20:00:00-05:00", "2024-03-03T01:30:00+02:00", "2024-03-05T23:59:59.999+00:00"],
            ["2024-03-02T00:30:00+01:00", "2024-03-02T23:30:00+01:00", "2024-03-03T00:30:00+14:00", "2024-03-04T05:29+05:30"],
            ["2024-12-31T11:59:59-12:00", "2025-01-01T14:00:00+14:00", "2025-01-01T23:30:00.500+00:00", "2025-01-11T05:30+05:30"],
        ];
        var sequences = new JsonArray();
        foreach (var instants in instantLists)
        {
            foreach (var shortTerm in new[] { true, false })
            {
                for (var first = 1; first <= 4; first++)
                {
                    for (var second = 1; second <= 4; second++)
                    {
                        int[] ratings = [first, second, 3, first];
                        var reviews = new JsonArray([.. instants.Select((at, i) => (JsonNode)new JsonObject { ["rating"] = ratings[i], ["at"] = at })]);
                        sequences.Add(new JsonObject { ["enable_short_term"] = shortTerm, ["time_zone"] = "UTC", ["reviews"] = reviews });
                    }
                }
            }
        }

        var (_, rows) = AssertSameAsTsFsrs(sequences.ToJsonString());

        Assert.Equal(4 * sequences.Count, rows);
    }

    [Fact]
    public void Replay_UpstreamSequence_MatchesTsFsrs()
    {
        const string input = """
            [{"reviews": [{"rating": 3, "at": "2022-12-29T12:30:00Z"}, {"rating": 3, "at": "2022-12-29T12:40:00Z"},
              {"rating": 3, "at": "2022-12-31T12:40:00Z"}, {"rating": 1, "at": "2023-01-11T12:40:00Z"}]}]
            """;

        var (_, rows) = AssertSameAsTsFsrs(input);

        Assert.Equal(4, rows);
    }

    // Replays the input on both sides, asserts that they agree and returns the ts-fsrs output and the number of
    // reviews compared.
    private (string Expected, int Rows) AssertSameAsTsFsrs(string input)
    {
        var expected = reference.Replay(input);
        var actual = ScheduleReplay.Run(input);

        Assert.True(actual.Succeeded, actual.Error);
        var (mismatches, rows) = Compare(input, expected, actual.Output!);
        Assert.True(mismatches.Length == 0, mismatches);
        return (expected, rows);
    }

    // Counts sequences of at least the long-sequence minimum, those of them that reach their maximum interval, and
    // those that reach the default maximum of 36500 days.
    private static (int Long, int ReachedMaximum, int ReachedDefaultMaximum) CountLongSequences(string input, string output)
    {
        using var inputDocument = JsonDocument.Parse(input);
        using var outputDocument = JsonDocument.Parse(output);
        var (longSequences, reachedMaximum, reachedDefaultMaximum) = (0, 0, 0);
        for (var s = 0; s < outputDocument.RootElement.GetArrayLength(); s++)
        {
            var rows = outputDocument.RootElement[s];
            if (rows.GetArrayLength() < ReplaySequenceGenerator.LongSequenceMinimum)
            {
                continue;
            }

            longSequences++;
            var maximum = inputDocument.RootElement[s].TryGetProperty("maximum_interval", out var field)
                ? field.GetInt32()
                : DefaultMaximumInterval;
            if (rows.EnumerateArray().Any(row => row.GetProperty("scheduled_days").GetInt32() >= maximum))
            {
                reachedMaximum++;
                reachedDefaultMaximum += maximum == DefaultMaximumInterval ? 1 : 0;
            }
        }

        return (longSequences, reachedMaximum, reachedDefaultMaximum);
    }

    // Returns a report of the first mismatch in each sequence (empty when all agree) and the number of reviews compared.
    private static (string Report, int Rows) Compare(string input, string expectedJson, string actualJson)
    {
        using var inputDocument = JsonDocument.Parse(input);
        using var expectedDocument = JsonDocument.Parse(expectedJson);
        using var actualDocument = JsonDocument.Parse(actualJson);
        var expected = expectedDocument.RootElement;
        var actual = actualDocument.RootElement;

        var report = new StringBuilder();
        var mismatches = 0;
        var rows = 0;
        if (expected.GetArrayLength() != actual.GetArrayLength())
        {
            return ($"ts-fsrs returned {expected.GetArrayLength()} sequences, C# returned {actual.GetArrayLength()}.", 0);
        }

        for (var s = 0; s < expected.GetArrayLength(); s++)
        {
            var expectedRows = expected[s];
            var actualRows = actual[s];
            var common = Math.Min(expectedRows.GetArrayLength(), actualRows.GetArrayLength());
            for (var r = 0; r < common && mismatches < MaxReportedMismatches; r++)
            {
                rows++;
                var difference = CompareRow(expectedRows[r], actualRows[r]);
                if (difference is null)
                {
                    continue;
                }

                mismatches++;
                report.AppendLine(CultureInfo.InvariantCulture, $"sequence {s}, review {r}: {difference}");
                report.AppendLine(CultureInfo.InvariantCulture, $"  ts-fsrs: {expectedRows[r].GetRawText()}");
                report.AppendLine(CultureInfo.InvariantCulture, $"  C#:      {actualRows[r].GetRawText()}");
                report.AppendLine(CultureInfo.InvariantCulture, $"  input:   {inputDocument.RootElement[s].GetRawText()}");
                break;
            }

            if (expectedRows.GetArrayLength() != actualRows.GetArrayLength())
            {
                mismatches++;
                report.AppendLine(CultureInfo.InvariantCulture, $"sequence {s}: {expectedRows.GetArrayLength()} rows from ts-fsrs, {actualRows.GetArrayLength()} from C#.");
            }
        }

        return (report.ToString(), rows);
    }

    private static string? CompareRow(JsonElement expected, JsonElement actual)
    {
        foreach (var field in new[] { "state", "scheduled_days", "due" })
        {
            if (expected.GetProperty(field).GetRawText() != actual.GetProperty(field).GetRawText())
            {
                return $"{field} differs";
            }
        }

        foreach (var field in new[] { "stability", "difficulty", "retrievability" })
        {
            var e = expected.GetProperty(field);
            var a = actual.GetProperty(field);
            if (e.ValueKind == JsonValueKind.Null || a.ValueKind == JsonValueKind.Null)
            {
                if (e.ValueKind != a.ValueKind)
                {
                    return $"{field} is null on one side only";
                }

                continue;
            }

            // Negated so that a NaN difference counts as a mismatch.
            if (!(Math.Abs(e.GetDouble() - a.GetDouble()) <= Tolerance))
            {
                return $"{field} differs by {Math.Abs(e.GetDouble() - a.GetDouble()):G3}";
            }
        }

        return null;
    }
}
