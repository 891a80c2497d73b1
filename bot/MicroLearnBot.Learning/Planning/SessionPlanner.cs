using MicroLearnBot.Learning.Scheduling;

namespace MicroLearnBot.Learning.Planning;

/// <summary>
/// Plans a learner's daily session: due reviews first, lowest recall probability first, then the course's next
/// new nuggets, all within the daily time budget. Pure and thread-safe.
/// </summary>
/// <remarks>
/// After an absence only the reviews that fit today's budget are planned. The rest stay due and come first on the
/// following days, as their recall probability keeps falling, so a backlog is spread instead of sent at once.
/// New nuggets are added only when no due review was left out, so new material never grows a backlog.
/// An item longer than the whole budget is planned as the only item of a session, so it is never starved.
/// </remarks>
public sealed class SessionPlanner(FsrsScheduler scheduler)
{
    // Scratch space for the due questions of one plan, reused per thread so planning many learners allocates
    // only the plan itself.
    [ThreadStatic]
    private static DueQuestion[]? _dueBuffer;

    private readonly FsrsScheduler _scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));

    /// <summary>Plans the session for <see cref="PlanRequest.Now"/>.</summary>
    /// <exception cref="ArgumentException">The request is invalid; the message names the value.</exception>
    public SessionPlan Plan(PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();

        var due = CollectDue(request);
        var items = new List<PlannedItem>();
        var used = TimeSpan.Zero;
        var deferred = 0;

        foreach (var candidate in due)
        {
            var question = request.Questions[candidate.Index];
            if (!Fits(question.EstimatedTime, used, request.Budget, items.Count))
            {
                deferred++;
                continue;
            }

            items.Add(new PlannedReview(question.QuestionId, question.NuggetId, question.CourseId, candidate.Retrievability, question.EstimatedTime));
            used += question.EstimatedTime;
        }

        if (deferred == 0)
        {
            used = AddNewNuggets(request, items, used);
        }

        return items.Count == 0 && due.Length == 0
            ? SessionPlan.Empty
            : new SessionPlan(items, used, due.Length, deferred);
    }

    private static TimeSpan AddNewNuggets(PlanRequest request, List<PlannedItem> items, TimeSpan used)
    {
        var added = 0;
        foreach (var nugget in request.NewNuggets)
        {
            // Nuggets go strictly in course order, so a long one is not skipped in favour of a later short one.
            if (added >= request.MaxNewNuggets || !Fits(nugget.EstimatedTime, used, request.Budget, items.Count))
            {
                break;
            }

            items.Add(new PlannedNugget(nugget.NuggetId, nugget.QuestionCount, nugget.EstimatedTime));
            used += nugget.EstimatedTime;
            added++;
        }

        return used;
    }

    private static bool Fits(TimeSpan time, TimeSpan used, TimeSpan budget, int plannedCount) =>
        used + time <= budget || (plannedCount == 0 && time > budget);

    // Returns the due questions sorted by recall probability, then due date, then question id, so equal inputs
    // always give the same order.
    private ReadOnlySpan<DueQuestion> CollectDue(PlanRequest request)
    {
        var questions = request.Questions;
        var buffer = _dueBuffer is { } existing && existing.Length >= questions.Count
            ? existing
            : _dueBuffer = new DueQuestion[Math.Max(questions.Count, 64)];

        var count = 0;
        for (var i = 0; i < questions.Count; i++)
        {
            var card = questions[i].Card;
            if (card.Due <= request.Now)
            {
                // A question never answered has no stability; it counts as not recalled at all.
                var retrievability = _scheduler.Retrievability(card, request.Now) ?? 0;
                buffer[count++] = new DueQuestion(i, retrievability, card.Due.UtcTicks, questions[i].QuestionId);
            }
        }

        var due = buffer.AsSpan(0, count);
        due.Sort(new DueQuestionComparer());
        return due;
    }

    private readonly record struct DueQuestion(int Index, double Retrievability, long DueTicks, string QuestionId);

    private readonly struct DueQuestionComparer : IComparer<DueQuestion>
    {
        public int Compare(DueQuestion x, DueQuestion y)
        {
            var byRetrievability = x.Retrievability.CompareTo(y.Retrievability);
            if (byRetrievability != 0)
            {
                return byRetrievability;
            }

            var byDue = x.DueTicks.CompareTo(y.DueTicks);
            return byDue != 0 ? byDue : string.CompareOrdinal(x.QuestionId, y.QuestionId);
        }
    }
}
