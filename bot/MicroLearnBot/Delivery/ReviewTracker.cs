using MicroLearnBot.Conversation;
using MicroLearnBot.Learning.Courses;
using MicroLearnBot.Learning.Planning;
using MicroLearnBot.Learning.Scheduling;
using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MicroLearnBot.Delivery;

/// <summary>
/// Turns answers into memory states: check questions through FSRS-6, reflections through their fixed spacing.
/// Changes are added to the context; the caller saves.
/// </summary>
public sealed partial class ReviewTracker(MicroLearnDbContext db, ICourseCatalog catalog, TimeProvider time, ILogger<ReviewTracker> logger)
{
    /// <summary>A right answer whose confidence the learner has not tapped counts as Good after this long.</summary>
    public static readonly TimeSpan ConfidenceWait = TimeSpan.FromHours(1);

    /// <summary>Estimated minutes to answer a check question again in a review.</summary>
    public static readonly TimeSpan CheckReviewTime = TimeSpan.FromMinutes(1);

    /// <summary>Estimated minutes to write a reflection again in a review.</summary>
    public static readonly TimeSpan ReflectionReviewTime = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Builds the scheduler for one course and learner: the course's desired retention, days counted in the
    /// learner's time zone, and no same-day steps unless the course asks for them, because a chat bot cannot
    /// bring a question back ten minutes later.
    /// </summary>
    public static FsrsScheduler SchedulerFor(Course? course, LearnerEntity learner)
    {
        var options = new FsrsOptions
        {
            DesiredRetention = course?.DesiredRetention ?? 0.9,
            TimeZone = learner.Zone(),
        };

        return new FsrsScheduler(course?.SameDayLearningSteps == true ? options : options.WithoutSameDaySteps());
    }

    /// <summary>Counts a check answer with <paramref name="rating"/> at the time it was given.</summary>
    public async Task<FsrsCard?> RecordCheckAsync(LearnerEntity learner, AnswerEntity answer, Rating rating, CancellationToken cancellationToken)
    {
        var course = catalog.Find(answer.CourseId);
        var entity = await FindOrCreateAsync(learner, answer, QuestionKind.Check, cancellationToken);
        var card = ToCard(entity);
        var result = SchedulerFor(course, learner).Review(card, rating, new DateTimeOffset(answer.AnsweredUtc, TimeSpan.Zero), answer.Id.ToString("N"));
        if (result.IsDuplicate)
        {
            LogDuplicateAnswer(logger, learner.Id, answer.QuestionId);
            return result.Card;
        }

        Apply(entity, result.Card);
        answer.Rating = (int)rating;
        LogReviewed(logger, learner.Id, answer.QuestionId, (int)rating, result.Card.ScheduledDays);
        return result.Card;
    }

    /// <summary>Plans the next return of a reflection after this answer.</summary>
    public async Task RecordReflectionAsync(LearnerEntity learner, AnswerEntity answer, CancellationToken cancellationToken)
    {
        var entity = await FindOrCreateAsync(learner, answer, QuestionKind.Reflection, cancellationToken);
        if (entity.LastAnswerId == answer.Id.ToString("N"))
        {
            return;
        }

        entity.Reps++;
        entity.LastAnswerId = answer.Id.ToString("N");
        entity.LastReviewUtc = answer.AnsweredUtc;
        entity.State = (int)CardState.Review;
        entity.UpdatedUtc = time.GetUtcNow().UtcDateTime;

        var wait = ReflectionSpacing.After(entity.Reps);
        entity.IsRetired = wait is null;
        entity.ScheduledDays = (int)(wait?.TotalDays ?? 0);
        entity.Stability = wait?.TotalDays ?? entity.Stability;
        entity.DueUtc = answer.AnsweredUtc + (wait ?? TimeSpan.Zero);
    }

    /// <summary>
    /// Sets the rating of an unrated answer with a conditional update, so a confidence tap and the automatic Good
    /// rating cannot both count. Returns false when the answer was rated meanwhile.
    /// </summary>
    public async Task<bool> TryClaimRatingAsync(AnswerEntity answer, Rating rating, CancellationToken cancellationToken)
    {
        var ratingValue = (int)rating;
        var claimed = await db.Answers
            .Where(a => a.Id == answer.Id && a.Rating == null)
            .ExecuteUpdateAsync(setters => setters.SetProperty(a => a.Rating, ratingValue), cancellationToken);
        return claimed == 1;
    }

    /// <summary>Rates Good every right answer older than <see cref="ConfidenceWait"/> whose confidence was never tapped.</summary>
    public async Task FinalizePendingConfidenceAsync(LearnerEntity learner, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - ConfidenceWait;
        var pending = await db.Answers
            .Where(a => a.LearnerId == learner.Id && a.Kind == AnswerKind.Check && a.IsCorrect == true && a.Rating == null && a.AnsweredUtc < cutoff)
            .OrderBy(a => a.AnsweredUtc)
            .ToListAsync(cancellationToken);

        foreach (var answer in pending)
        {
            if (await TryClaimRatingAsync(answer, Rating.Good, cancellationToken))
            {
                await RecordCheckAsync(learner, answer, Rating.Good, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Loads the learner's tracked questions for the planner, this unit of work's new cards included. Retired
    /// reflections are left out, and a card whose course, nugget or question was removed from the content is
    /// retired here (the caller saves), because nobody could ever answer it and it would stay due for ever.
    /// </summary>
    public async Task<IReadOnlyList<TrackedQuestion>> LoadTrackedAsync(LearnerEntity learner, CancellationToken cancellationToken)
    {
        var stored = await db.QuestionCards.Where(c => c.LearnerId == learner.Id && !c.IsRetired).ToListAsync(cancellationToken);
        var added = db.QuestionCards.Local.Where(c => c.LearnerId == learner.Id && !c.IsRetired && !stored.Contains(c));

        var tracked = new List<TrackedQuestion>(stored.Count);
        foreach (var card in stored.Concat(added))
        {
            if (!QuestionExists(card))
            {
                card.IsRetired = true;
                LogOrphanRetired(logger, learner.Id, card.CourseId, card.QuestionId);
                continue;
            }

            var estimate = card.Kind == QuestionKind.Reflection ? ReflectionReviewTime : CheckReviewTime;
            tracked.Add(new TrackedQuestion(card.QuestionId, card.NuggetId, card.CourseId, ToCard(card), estimate));
        }

        return tracked;
    }

    private bool QuestionExists(QuestionCardEntity card)
    {
        var nugget = catalog.Find(card.CourseId)?.Nuggets.FirstOrDefault(n => n.Id == card.NuggetId);
        return nugget is not null &&
            (nugget.Reflection.Id == card.QuestionId || nugget.Checks.Any(c => c.Id == card.QuestionId));
    }

    public static FsrsCard ToCard(QuestionCardEntity entity) => new()
    {
        State = (CardState)entity.State,
        Stability = entity.Stability,
        Difficulty = entity.Difficulty,
        Due = new DateTimeOffset(entity.DueUtc, TimeSpan.Zero),
        LastReview = entity.LastReviewUtc is { } last ? new DateTimeOffset(last, TimeSpan.Zero) : null,
        Step = entity.Step,
        Reps = entity.Reps,
        Lapses = entity.Lapses,
        ScheduledDays = entity.ScheduledDays,
        LastRating = entity.LastRating is { } rating ? (Rating)rating : null,
        LastAnswerId = entity.LastAnswerId,
    };

    private void Apply(QuestionCardEntity entity, FsrsCard card)
    {
        entity.State = (int)card.State;
        entity.Stability = card.Stability;
        entity.Difficulty = card.Difficulty;
        entity.DueUtc = card.Due.UtcDateTime;
        entity.LastReviewUtc = card.LastReview?.UtcDateTime;
        entity.Step = card.Step;
        entity.Reps = card.Reps;
        entity.Lapses = card.Lapses;
        entity.ScheduledDays = card.ScheduledDays;
        entity.LastRating = card.LastRating is { } rating ? (int)rating : null;
        entity.LastAnswerId = card.LastAnswerId;
        entity.UpdatedUtc = time.GetUtcNow().UtcDateTime;
    }

    private async Task<QuestionCardEntity> FindOrCreateAsync(LearnerEntity learner, AnswerEntity answer, QuestionKind kind, CancellationToken cancellationToken)
    {
        var entity = db.QuestionCards.Local.FirstOrDefault(c => c.LearnerId == learner.Id && c.CourseId == answer.CourseId && c.QuestionId == answer.QuestionId)
            ?? await db.QuestionCards.SingleOrDefaultAsync(c => c.LearnerId == learner.Id && c.CourseId == answer.CourseId && c.QuestionId == answer.QuestionId, cancellationToken);
        if (entity is not null)
        {
            return entity;
        }

        entity = new QuestionCardEntity
        {
            Id = Guid.NewGuid(),
            LearnerId = learner.Id,
            CourseId = answer.CourseId,
            NuggetId = answer.NuggetId,
            QuestionId = answer.QuestionId,
            Kind = kind,
            DueUtc = answer.AnsweredUtc,
            UpdatedUtc = time.GetUtcNow().UtcDateTime,
        };
        db.QuestionCards.Add(entity);
        return entity;
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Learner {LearnerId} rated question {QuestionId} {Rating}; next review in {ScheduledDays} days")]
    private static partial void LogReviewed(ILogger logger, Guid learnerId, string questionId, int rating, int scheduledDays);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Retired question {QuestionId} of course {CourseId} for learner {LearnerId}: the content no longer has it")]
    private static partial void LogOrphanRetired(ILogger logger, Guid learnerId, string courseId, string questionId);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Ignored a repeated answer from learner {LearnerId} to question {QuestionId}")]
    private static partial void LogDuplicateAnswer(ILogger logger, Guid learnerId, string questionId);
}
