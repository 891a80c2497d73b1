using System.Globalization;
using System.Text;
using System.Text.Json;
using MicroLearnBot.Learning.Scheduling.Replay;

namespace MicroLearnBot.Learning.Tests.Scheduling.Reference;

/// <summary>
/// Replays the same random sequences through ts-fsrs 5.4.2 (Node.js) and through <see cref="ScheduleReplay"/>
/// and requires the same state, scheduled days and due date, and S, D and R within 1e-6 (absolute).
/// </summary>
public sealed class ReferenceComparisonTests(ReferenceScriptFixture reference) : IClassFixture<ReferenceScriptFixture>
{
    private const double Tolerance = 1e-6;
    private const int SequenceCount = 400;
    private const int MaxReportedMismatches = 10;

    [Fact]
    public void Replay_RandomSequences_MatchesTsFsrs()
    {
        var input = new ReplaySequenceGenerator(seed: 20221229).Generate(SequenceCount).ToJsonString();

        var expected = reference.Replay(input);
        var actual = ScheduleReplay.Run(input);

        Assert.True(actual.Succeeded, actual.Error);
        var (mismatches, rows) = Compare(input, expected, actual.Output!);
        Assert.True(mismatches.Length == 0, mismatches);
        Assert.True(rows > 2 * SequenceCount, $"Only {rows} reviews were compared.");
    }

    [Fact]
    public void Replay_UpstreamSequence_MatchesTsFsrs()
    {
        const string input = """
            [{"reviews": [{"rating": 3, "at": "2022-12-29T12:30:00Z"}, {"rating": 3, "at": "2022-12-29T12:40:00Z"},
              {"rating": 3, "at": "2022-12-31T12:40:00Z"}, {"rating": 1, "at": "2023-01-11T12:40:00Z"}]}]
            """;

        var expected = reference.Replay(input);
        var actual = ScheduleReplay.Run(input);

        Assert.True(actual.Succeeded, actual.Error);
        var (mismatches, rows) = Compare(input, expected, actual.Output!);
        Assert.Equal("", mismatches);
        Assert.Equal(4, rows);
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
