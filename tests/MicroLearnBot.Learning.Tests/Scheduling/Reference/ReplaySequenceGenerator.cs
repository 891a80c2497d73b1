using System.Globalization;
using System.Text.Json.Nodes;
using MicroLearnBot.Learning.Scheduling;

namespace MicroLearnBot.Learning.Tests.Scheduling.Reference;

/// <summary>
/// Generates replay input with a fixed seed. Options vary: retention mostly 0.7 to 0.95, parameter sets from
/// <see cref="WeightSetGenerator"/>, maximum intervals from 1 day to 100 years, step setups with day steps, zero
/// steps and several relearning steps, and short-term on and off. Reviews come on time, early, late, on the same
/// day, around midnight UTC, a year or more apart, or slightly before the previous review on the same date.
/// Instants are written with and without milliseconds or seconds, in UTC or with an offset.
/// </summary>
internal sealed class ReplaySequenceGenerator
{
    /// <summary>Fewest reviews in a sequence from <see cref="GenerateLong"/>.</summary>
    public const int LongSequenceMinimum = 50;

    private static readonly string[]?[] LearningStepSets =
    [
        null, [], ["1m", "10m"], ["10m"], ["1m", "10m", "1h"], ["5m", "1d"], ["1h", "2d"], ["30m"], ["2d"], ["1d"],
        ["0m"], ["0m", "10m"], ["1m", "0m"], ["1440m"], ["23h", "1d"], ["1.5h"], ["010m", "01h"],
        ["10m", "20m", "30m", "40m"], ["1m", "2m", "3d"],
    ];

    private static readonly string[]?[] RelearningStepSets =
    [
        null, [], ["10m"], ["10m", "1h"], ["5m", "20m", "1d"], ["1d"], ["15m", "2h"], ["0m"], ["1m", "2m", "3m", "4m"],
        ["5m", "2d"], ["1d", "10m"], ["2d", "3d"],
    ];

    private static readonly int[] MaximumIntervals = [1, 2, 7, 10, 30, 365, 1000, 36500];

    private static readonly double[] RetentionsOutsideUsualRange = [0.5, 0.6, 0.97, 0.99];

    // Whole-hour, half-hour and quarter-hour offsets on both sides of UTC, up to the extremes -12:00 and +14:00.
    private static readonly TimeSpan[] Offsets =
    [
        TimeSpan.FromHours(1), TimeSpan.FromHours(-5), new(5, 30, 0), new(-3, -30, 0), new(5, 45, 0),
        TimeSpan.FromHours(14), TimeSpan.FromHours(-12), TimeSpan.Zero,
    ];

    // Reviews stop before this year so that no due date passes year 9999, the last year a DateTimeOffset can hold.
    private const int LastReviewYear = 9000;

    private readonly Random _random;
    private readonly WeightSetGenerator _weights;

    public ReplaySequenceGenerator(int seed)
    {
        _random = new Random(seed);
        _weights = new WeightSetGenerator(_random);
    }

    /// <summary>Returns a JSON array of <paramref name="count"/> sequences of 1 to 30 reviews each.</summary>
    public JsonArray Generate(int count)
    {
        var sequences = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var options = new SequenceOptions();
            var shortTerm = DrawShortTerm(options);
            options.SetWeights(_weights.Next(shortTerm));
            DrawRetention(options);
            DrawMaximumInterval(options, MaximumIntervals, probability: 0.4);
            DrawSteps(options);
            sequences.Add(options.WithReviews(GenerateReviews(options.CreateScheduler(), 1 + _random.Next(30), NextReviewTime, NextRating)));
        }

        return sequences;
    }

    /// <summary>
    /// Returns a JSON array of <paramref name="count"/> sequences of 50 to 120 reviews, mostly Good at the due date,
    /// so the interval grows until it reaches the maximum interval.
    /// </summary>
    public JsonArray GenerateLong(int count)
    {
        var sequences = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var options = new SequenceOptions();
            var shortTerm = DrawShortTerm(options);
            options.SetWeights(_random.Next(2) == 0 ? null : _weights.Next(shortTerm));
            DrawRetention(options);
            DrawMaximumInterval(options, [1, 7, 30, 365, 1000, 36500], probability: 0.8);
            DrawSteps(options);
            var reviewCount = LongSequenceMinimum + _random.Next(71);
            sequences.Add(options.WithReviews(GenerateReviews(options.CreateScheduler(), reviewCount, NextTimelyReviewTime, NextTimelyRating)));
        }

        return sequences;
    }

    /// <summary>
    /// Returns sequences of 10 to 30 reviews for every corner of the parameter bounds: 21, 19 and 17 numbers,
    /// short-term on and off, one, two and five relearning steps, and two draws of each.
    /// </summary>
    public JsonArray GenerateCornerSets()
    {
        var sequences = new JsonArray();
        foreach (var count in new[] { 21, 19, 17 })
        {
            foreach (var shortTerm in new[] { true, false })
            {
                foreach (var corner in Enum.GetValues<WeightSetGenerator.Corner>())
                {
                    foreach (var relearning in new[] { new[] { "10m" }, ["10m", "1h"], ["1m", "2m", "3m", "4m", "5m"] })
                    {
                        for (var draw = 0; draw < 2; draw++)
                        {
                            var options = new SequenceOptions();
                            options.SetShortTerm(shortTerm);
                            options.SetWeights(_weights.OnBounds(count, shortTerm, corner));
                            DrawRetention(options);
                            DrawMaximumInterval(options, MaximumIntervals, probability: 0.5);
                            options.SetRelearningSteps(relearning);
                            sequences.Add(options.WithReviews(GenerateReviews(options.CreateScheduler(), 10 + _random.Next(21), NextReviewTime, NextRating)));
                        }
                    }
                }
            }
        }

        return sequences;
    }

    private bool DrawShortTerm(SequenceOptions options)
    {
        if (_random.NextDouble() < 0.3)
        {
            options.SetShortTerm(false);
            return false;
        }

        if (_random.NextDouble() < 0.5)
        {
            options.SetShortTerm(true);
        }

        return true;
    }

    private void DrawRetention(SequenceOptions options)
    {
        if (_random.NextDouble() < 0.5)
        {
            return;
        }

        var retention = _random.NextDouble() < 0.9
            ? Math.Round(0.7 + _random.NextDouble() * 0.25, 3)
            : RetentionsOutsideUsualRange[_random.Next(RetentionsOutsideUsualRange.Length)];
        options.SetRetention(retention);
    }

    private void DrawMaximumInterval(SequenceOptions options, int[] choices, double probability)
    {
        if (_random.NextDouble() < probability)
        {
            options.SetMaximumInterval(choices[_random.Next(choices.Length)]);
        }
    }

    private void DrawSteps(SequenceOptions options)
    {
        if (LearningStepSets[_random.Next(LearningStepSets.Length)] is { } learning)
        {
            options.SetLearningSteps(learning);
        }

        if (RelearningStepSets[_random.Next(RelearningStepSets.Length)] is { } relearning)
        {
            options.SetRelearningSteps(relearning);
        }
    }

    private JsonArray GenerateReviews(FsrsScheduler scheduler, int count,
        Func<FsrsCard, DateTimeOffset, DateTimeOffset> nextTime, Func<Rating> nextRating)
    {
        var reviews = new JsonArray();
        var start = _random.Next(10) == 0
            ? new DateTimeOffset(1950, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(_random.Next(20 * 365 * 1440))
            : new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(_random.Next(6 * 365 * 1440));
        var (at, text) = FormatInstant(start.AddMilliseconds(_random.Next(60_000)));
        var card = FsrsCard.CreateNew(at);

        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                var next = nextTime(card, at);
                if (next.Year >= LastReviewYear || card.Due.Year >= LastReviewYear)
                {
                    break;
                }

                (at, text) = FormatInstant(next);
            }

            var rating = nextRating();
            reviews.Add(new JsonObject { ["rating"] = (int)rating, ["at"] = text });

            // The C# scheduler only picks realistic times around each due date; both sides replay the same input.
            card = scheduler.Review(card, rating, at, answerId: i.ToString(CultureInfo.InvariantCulture)).Card;
        }

        return reviews;
    }

    // Writes the instant in one of the ISO-8601 forms that JavaScript Date and the C# reader both accept, and
    // returns it without the digits that form drops. Truncating to a second or minute never crosses a UTC
    // midnight, so the UTC date of each review, which both sides count elapsed days by, stays as drawn.
    private (DateTimeOffset Instant, string Text) FormatInstant(DateTimeOffset instant)
    {
        instant = Truncate(instant.ToUniversalTime(), TimeSpan.TicksPerMillisecond);
        var draw = _random.Next(100);
        if (draw < 50)
        {
            return (instant, instant.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }

        if (draw < 65)
        {
            instant = Truncate(instant, TimeSpan.TicksPerSecond);
            return (instant, instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        if (draw < 75)
        {
            instant = Truncate(instant, TimeSpan.TicksPerMinute);
            return (instant, instant.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture));
        }

        var offset = Offsets[_random.Next(Offsets.Length)];
        if (draw < 88)
        {
            return (instant, instant.ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
        }

        instant = Truncate(instant, TimeSpan.TicksPerSecond);
        return (instant, instant.ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
    }

    private static DateTimeOffset Truncate(DateTimeOffset instant, long ticks) => instant.AddTicks(-(instant.Ticks % ticks));

    private Rating NextRating() => _random.Next(10) switch
    {
        0 or 1 => Rating.Again,
        2 => Rating.Hard,
        9 => Rating.Easy,
        _ => Rating.Good,
    };

    private Rating NextTimelyRating() => _random.Next(20) switch
    {
        0 => Rating.Again,
        1 or 2 => Rating.Hard,
        < 16 => Rating.Good,
        _ => Rating.Easy,
    };

    private DateTimeOffset NextReviewTime(FsrsCard card, DateTimeOffset last)
    {
        var due = card.Due;
        var interval = due - last;
        var next = _random.Next(11) switch
        {
            0 or 1 => due,
            2 => last + interval * _random.NextDouble(),
            3 => due + interval * (3 * _random.NextDouble()),
            4 => last.AddMinutes(_random.Next(300)),
            5 => NearMidnight(last),
            6 => last.AddDays(365 + _random.Next(400)).AddMinutes(_random.Next(1440)),
            7 => last,
            8 => SameDateEarlier(last),
            9 => due.AddMilliseconds(_random.Next(2) == 0 ? -1 : 1),
            _ => due.AddDays(_random.Next(1, 15)).AddMinutes(_random.Next(-720, 720)),
        };

        return NotOnEarlierDate(next, last);
    }

    // Mostly on the due date, sometimes a little early or late, so intervals keep growing.
    private DateTimeOffset NextTimelyReviewTime(FsrsCard card, DateTimeOffset last)
    {
        var due = card.Due;
        var interval = due - last;
        var next = _random.Next(20) switch
        {
            < 12 => due,
            < 15 => due + interval * (0.2 * _random.NextDouble()),
            < 17 => last + interval * (0.5 + 0.5 * _random.NextDouble()),
            < 19 => last.AddMinutes(_random.Next(1, 600)),
            _ => due.AddDays(_random.Next(1, 30)),
        };

        return NotOnEarlierDate(next, last);
    }

    // ts-fsrs rejects a review on an earlier UTC date than the previous one, so never go back past midnight.
    private static DateTimeOffset NotOnEarlierDate(DateTimeOffset next, DateTimeOffset last) =>
        next.UtcDateTime.Date < last.UtcDateTime.Date ? last : next;

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
}
