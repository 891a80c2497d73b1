using System.Globalization;
using System.Text.Json.Nodes;
using MicroLearnBot.Learning.Scheduling;

namespace MicroLearnBot.Learning.Tests.Scheduling.Reference;

/// <summary>
/// Generates replay input with a fixed seed. Options vary: retention 0.7 to 0.95, custom 21-, 19- and 17-number
/// parameter sets, several step setups, and short-term on and off. Reviews come on time, early, late, on the same
/// day, around midnight UTC, a year or more apart, or slightly before the previous review on the same date.
/// </summary>
internal sealed class ReplaySequenceGenerator(int seed)
{
    // A 17-number FSRS-4.5 parameter set, perturbed per sequence to exercise the conversion to 21 weights.
    private static readonly double[] Fsrs45Weights =
    [
        0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474, 0.1367,
        1.0461, 2.1072, 0.0793, 0.3246, 1.587, 0.2272, 2.8755,
    ];

    private static readonly string[]?[] LearningStepSets =
    [
        null, [], ["1m", "10m"], ["10m"], ["1m", "10m", "1h"], ["5m", "1d"], ["1h", "2d"], ["30m"], ["2d"],
    ];

    private static readonly string[]?[] RelearningStepSets =
    [
        null, [], ["10m"], ["10m", "1h"], ["5m", "20m", "1d"], ["1d"], ["15m", "2h"],
    ];

    private static readonly int[] MaximumIntervals = [30, 365, 1000, 36500];

    private readonly Random _random = new(seed);

    /// <summary>Returns a JSON array of <paramref name="count"/> sequences.</summary>
    public JsonArray Generate(int count)
    {
        var sequences = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            sequences.Add(GenerateSequence());
        }

        return sequences;
    }

    private JsonObject GenerateSequence()
    {
        var sequence = new JsonObject();
        var options = new FsrsOptions();

        var weights = GenerateWeights();
        sequence["params"] = weights is null ? null : new JsonArray([.. weights.Select(w => (JsonNode)w)]);
        options = options with { Weights = weights };

        if (_random.NextDouble() < 0.5)
        {
            var retention = Math.Round(0.7 + _random.NextDouble() * 0.25, 3);
            sequence["desired_retention"] = retention;
            options = options with { DesiredRetention = retention };
        }

        if (_random.NextDouble() < 0.3)
        {
            sequence["enable_short_term"] = false;
            options = options with { EnableShortTerm = false };
        }
        else if (_random.NextDouble() < 0.5)
        {
            sequence["enable_short_term"] = true;
        }

        if (_random.NextDouble() < 0.3)
        {
            var maximum = MaximumIntervals[_random.Next(MaximumIntervals.Length)];
            sequence["maximum_interval"] = maximum;
            options = options with { MaximumInterval = maximum };
        }

        var learning = LearningStepSets[_random.Next(LearningStepSets.Length)];
        if (learning is not null)
        {
            sequence["learning_steps"] = new JsonArray([.. learning.Select(s => (JsonNode)s)]);
            options = options with { LearningSteps = LearningSteps.ParseAll(learning) };
        }

        var relearning = RelearningStepSets[_random.Next(RelearningStepSets.Length)];
        if (relearning is not null)
        {
            sequence["relearning_steps"] = new JsonArray([.. relearning.Select(s => (JsonNode)s)]);
            options = options with { RelearningSteps = LearningSteps.ParseAll(relearning) };
        }

        sequence["reviews"] = GenerateReviews(new FsrsScheduler(options));
        return sequence;
    }

    private double[]? GenerateWeights()
    {
        var draw = _random.NextDouble();
        if (draw < 0.45)
        {
            return null;
        }

        var baseline = draw switch
        {
            < 0.75 => FsrsParameters.DefaultWeights.ToArray(),
            < 0.87 => FsrsParameters.DefaultWeights.Take(19).ToArray(),
            _ => Fsrs45Weights,
        };

        // Scale each weight by 0.5 to 1.5, which pushes some past their bounds so clipping is exercised too.
        return [.. baseline.Select(w => Math.Round(w * (0.5 + _random.NextDouble()), 4))];
    }

    private JsonArray GenerateReviews(FsrsScheduler scheduler)
    {
        var reviews = new JsonArray();
        var count = 1 + _random.Next(20);
        var at = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)
            .AddMinutes(_random.Next(6 * 365 * 1440))
            .AddMilliseconds(_random.Next(60_000));
        var card = FsrsCard.CreateNew(at);

        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                at = NextReviewTime(card, at);
            }

            var rating = NextRating();
            reviews.Add(new JsonObject
            {
                ["rating"] = (int)rating,
                ["at"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            });

            // The C# scheduler only picks realistic times around each due date; both sides replay the same input.
            card = scheduler.Review(card, rating, at, answerId: i.ToString(CultureInfo.InvariantCulture)).Card;
        }

        return reviews;
    }

    private Rating NextRating() => _random.Next(10) switch
    {
        0 or 1 => Rating.Again,
        2 => Rating.Hard,
        9 => Rating.Easy,
        _ => Rating.Good,
    };

    private DateTimeOffset NextReviewTime(FsrsCard card, DateTimeOffset last)
    {
        var due = card.Due;
        var interval = due - last;
        var kind = _random.Next(10);
        var next = kind switch
        {
            0 or 1 => due,
            2 => last + interval * _random.NextDouble(),
            3 => due + interval * (3 * _random.NextDouble()),
            4 => last.AddMinutes(_random.Next(300)),
            5 => NearMidnight(last),
            6 => last.AddDays(365 + _random.Next(400)).AddMinutes(_random.Next(1440)),
            7 => last,
            8 => SameDateEarlier(last),
            _ => due.AddDays(_random.Next(1, 15)).AddMinutes(_random.Next(-720, 720)),
        };

        // ts-fsrs rejects a review on an earlier UTC date than the previous one, so never go back past midnight.
        if (next.UtcDateTime.Date < last.UtcDateTime.Date)
        {
            next = last;
        }

        return TruncateToMilliseconds(next);
    }

    // Just before or just after a UTC midnight that follows the last review.
    private DateTimeOffset NearMidnight(DateTimeOffset last)
    {
        var midnight = new DateTimeOffset(last.UtcDateTime.Date, TimeSpan.Zero).AddDays(1 + _random.Next(3));
        return midnight.AddMinutes(_random.Next(-15, 15));
    }

    private DateTimeOffset SameDateEarlier(DateTimeOffset last)
    {
        var earlier = last.AddMinutes(-_random.Next(1, 120));
        return earlier.UtcDateTime.Date == last.UtcDateTime.Date ? earlier : last;
    }

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset instant) =>
        instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerMillisecond));
}
