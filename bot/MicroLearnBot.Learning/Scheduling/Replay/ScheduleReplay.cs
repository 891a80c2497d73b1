using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MicroLearnBot.Learning.Scheduling.Replay;

/// <summary>
/// Replays review sequences from new cards and renders the card after each review as JSON, in the same
/// format as the ts-fsrs comparison script under <c>tests/fsrs-reference</c>.
/// </summary>
/// <remarks>
/// Each output element is <c>{"state", "stability", "difficulty", "retrievability", "scheduled_days", "due"}</c>.
/// <c>retrievability</c> is the R that ts-fsrs 5.4.2 computes for the review and passes to its stability
/// formulas: R(t, S) with S the stability before the review and t the UTC (or configured zone) calendar days
/// since the previous review, rounded to 8 decimals. It is null for a review of a new card. For a same-day
/// review with short-term on it is reported even though the same-day formula does not use it.
/// Every listed review is counted; the replay does not apply duplicate detection.
/// </remarks>
public static class ScheduleReplay
{
    /// <summary>Runs every sequence; returns the whole output or, on the first invalid value, only an error.</summary>
    public static ReplayResult Run(string json)
    {
        IReadOnlyList<ReplaySequence> sequences;
        try
        {
            sequences = ReplayInputReader.Read(json);
        }
        catch (ReplayInputException exception)
        {
            return ReplayResult.Failure(exception.Message);
        }

        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (var i = 0; i < sequences.Count; i++)
            {
                if (WriteSequence(writer, sequences[i], i) is { } error)
                {
                    return ReplayResult.Failure(error);
                }
            }

            writer.WriteEndArray();
        }

        return ReplayResult.Success(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string? WriteSequence(Utf8JsonWriter writer, ReplaySequence sequence, int index)
    {
        FsrsScheduler scheduler;
        try
        {
            scheduler = new FsrsScheduler(sequence.Options);
        }
        catch (ArgumentException exception)
        {
            return $"sequence {index}: {exception.Message}";
        }

        var card = FsrsCard.CreateNew(sequence.Reviews.Count > 0 ? sequence.Reviews[0].At : DateTimeOffset.UnixEpoch);
        writer.WriteStartArray();
        for (var r = 0; r < sequence.Reviews.Count; r++)
        {
            var review = sequence.Reviews[r];
            ReviewResult result;
            try
            {
                // A distinct id per review turns duplicate detection off: the replay counts what it is given.
                result = scheduler.Review(card, review.Rating, review.At, answerId: r.ToString(CultureInfo.InvariantCulture));
            }
            catch (ArgumentOutOfRangeException)
            {
                return $"sequence {index}, review {r}: the next due date falls after year 9999; lower maximum_interval, the steps or the review instant.";
            }

            card = result.Card;
            WriteCard(writer, result);
        }

        writer.WriteEndArray();
        return null;
    }

    private static void WriteCard(Utf8JsonWriter writer, ReviewResult result)
    {
        var card = result.Card;
        writer.WriteStartObject();
        writer.WriteString("state", card.State.ToString());
        writer.WriteNumber("stability", card.Stability);
        writer.WriteNumber("difficulty", card.Difficulty);
        if (result.Retrievability is { } retrievability)
        {
            writer.WriteNumber("retrievability", retrievability);
        }
        else
        {
            writer.WriteNull("retrievability");
        }

        writer.WriteNumber("scheduled_days", card.ScheduledDays);
        writer.WriteString("due", FormatInstant(card.Due));
        writer.WriteEndObject();
    }

    /// <summary>Formats like JavaScript <c>Date.prototype.toISOString</c>: UTC with milliseconds and a Z.</summary>
    public static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
