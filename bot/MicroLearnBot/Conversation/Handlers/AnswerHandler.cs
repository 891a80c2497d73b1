using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Delivery;
using MicroLearnBot.Learning.Courses;
using MicroLearnBot.Learning.Scheduling;
using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MicroLearnBot.Conversation.Handlers;

/// <summary>
/// Stores a submitted lesson card (reflection and check answers) all at once or not at all, and replies with
/// feedback. A second submission of the same card shows what was stored the first time.
/// </summary>
public sealed partial class AnswerHandler(MicroLearnDbContext db, ICourseCatalog catalog, ReviewTracker reviews, TimeProvider time, ILogger<AnswerHandler> logger)
{
    public async Task<TurnResult> HandleAsync(LearnerEntity learner, CardSubmission submission, CancellationToken cancellationToken)
    {
        var language = learner.Language();
        if (!Guid.TryParse(submission.Field(SubmissionActions.DeliveryField), out var deliveryId))
        {
            return TurnResult.Message(language, "answer.unknownLesson");
        }

        var delivery = await db.LessonDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId && d.LearnerId == learner.Id, cancellationToken);
        var course = delivery is null ? null : catalog.Find(delivery.CourseId);
        if (delivery is not null && course is null)
        {
            // The course files are broken and left out until fixed, so nothing is stored; the card works again afterwards.
            LogUnavailableCourse(logger, learner.Id, delivery.CourseId);
            return TurnResult.Message(language, "course.unavailable", delivery.CourseId);
        }

        var version = course?.VersionFor(language);
        var nugget = version?.FindNugget(delivery!.NuggetId);
        if (delivery is null || version is null || nugget is null)
        {
            LogUnknownDelivery(logger, learner.Id, deliveryId);
            return TurnResult.Message(language, "answer.unknownLesson");
        }

        var stored = await db.Answers.Where(a => a.LearnerId == learner.Id && a.DeliveryId == deliveryId).ToListAsync(cancellationToken);
        if (stored.Count > 0)
        {
            var finished = await IsCourseFinishedAsync(learner, course!, delivery.Id, cancellationToken);
            return TurnResult.Of(Feedback(learner, version, nugget, delivery, stored, wasAlreadyAnswered: true) with { CourseFinished = finished });
        }

        var asked = AskedQuestions(submission, nugget);
        var asksReflection = asked.Contains(nugget.Reflection.Id);
        var reflection = submission.Field(SubmissionActions.ReflectionInput)?.Trim() ?? "";
        if (asksReflection && reflection.Length == 0)
        {
            return TurnResult.Message(language, "answer.empty");
        }

        if (reflection.Length > AnswerLimits.MaxReflectionLength)
        {
            return TurnResult.Message(language, "answer.tooLong", reflection.Length, AnswerLimits.MaxReflectionLength);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var answers = new List<AnswerEntity>();
        if (asksReflection)
        {
            var reflectionAnswer = NewAnswer(learner, delivery, nugget.Reflection.Id, AnswerKind.Reflection, now);
            reflectionAnswer.Text = reflection;
            answers.Add(reflectionAnswer);
        }

        var unanswered = 0;
        foreach (var check in nugget.Checks.Where(c => asked.Contains(c.Id)))
        {
            var selected = SelectedChoices(submission, check);
            if (selected.Count == 0)
            {
                unanswered++;
                continue;
            }

            var checkAnswer = NewAnswer(learner, delivery, check.Id, AnswerKind.Check, now);
            checkAnswer.SelectedChoices = string.Join(',', selected);
            checkAnswer.IsCorrect = check.IsAnsweredCorrectly(selected);
            answers.Add(checkAnswer);
        }

        if (answers.Count == 0)
        {
            return TurnResult.Message(language, "answer.nothing");
        }

        // The card marks every input required, but a client that skips that check could send part of the answers.
        // Storing that part would close the lesson with the other questions never scheduled, so nothing is stored.
        if (unanswered > 0)
        {
            return TurnResult.Message(language, "answer.incomplete", unanswered);
        }

        // A wrong answer is rated Again now. A right one waits for the learner's confidence tap.
        foreach (var answer in answers)
        {
            if (answer.Kind == AnswerKind.Reflection)
            {
                await reviews.RecordReflectionAsync(learner, answer, cancellationToken);
            }
            else if (answer.IsCorrect == false)
            {
                await reviews.RecordCheckAsync(learner, answer, Rating.Again, cancellationToken);
            }
        }

        db.Answers.AddRange(answers);
        LogAnswerStored(logger, learner.Id, delivery.CourseId, delivery.NuggetId, answers.Count);
        var courseFinished = await IsCourseFinishedAsync(learner, course!, delivery.Id, cancellationToken);
        return TurnResult.Of(Feedback(learner, version, nugget, delivery, answers, wasAlreadyAnswered: false) with { CourseFinished = courseFinished });
    }

    private static AnswerEntity NewAnswer(LearnerEntity learner, LessonDeliveryEntity delivery, string questionId, AnswerKind kind, DateTime now) =>
        new()
        {
            Id = Guid.NewGuid(),
            LearnerId = learner.Id,
            DeliveryId = delivery.Id,
            CourseId = delivery.CourseId,
            NuggetId = delivery.NuggetId,
            QuestionId = questionId,
            Kind = kind,
            AnsweredUtc = now,
        };

    /// <summary>Returns the question ids the card asked; cards without the list asked the reflection and every check.</summary>
    private static HashSet<string> AskedQuestions(CardSubmission submission, Nugget nugget)
    {
        var listed = submission.Field(SubmissionActions.AskedField);
        if (string.IsNullOrWhiteSpace(listed))
        {
            return [nugget.Reflection.Id, .. nugget.Checks.Select(c => c.Id)];
        }

        return [.. listed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    /// <summary>Reads the selected choice ids; Teams sends a multi-select value as "a,b".</summary>
    private static List<string> SelectedChoices(CardSubmission submission, CheckQuestion check)
    {
        var raw = submission.Field(SubmissionActions.CheckInputPrefix + check.Id) ?? "";
        var known = check.Choices.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return [.. raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(known.Contains).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Returns whether the answered delivery finishes the course: every nugget has reached the learner and no other
    /// lesson of the course waits for an answer, so answering an earlier card late is not called the last lesson.
    /// </summary>
    private async Task<bool> IsCourseFinishedAsync(LearnerEntity learner, Course course, Guid answeredDeliveryId, CancellationToken cancellationToken)
    {
        var delivered = await LessonDeliveries.DeliveredNuggetIdsAsync(db, learner.Id, course.Id, cancellationToken);
        if (!course.Nuggets.All(nugget => delivered.Contains(nugget.Id)))
        {
            return false;
        }

        var othersUnanswered = await db.LessonDeliveries
            .Where(d => d.LearnerId == learner.Id && d.CourseId == course.Id && !d.IsReview)
            .Where(d => d.Id != answeredDeliveryId && !db.Answers.Any(a => a.LearnerId == learner.Id && a.DeliveryId == d.Id))
            .AnyAsync(cancellationToken);
        return !othersUnanswered;
    }

    private static FeedbackView Feedback(LearnerEntity learner, CourseVersion version, Nugget nugget, LessonDeliveryEntity delivery, IReadOnlyList<AnswerEntity> answers, bool wasAlreadyAnswered)
    {
        var reflection = answers.FirstOrDefault(a => a.Kind == AnswerKind.Reflection)?.Text;
        var checks = new List<CheckFeedback>();
        foreach (var check in nugget.Checks)
        {
            var answer = answers.FirstOrDefault(a => a.QuestionId == check.Id);
            if (answer is null)
            {
                continue;
            }

            var correctAnswers = check.Choices.Where(c => c.IsCorrect).Select(c => c.Text).ToList();
            checks.Add(new CheckFeedback(check.Id, check.Prompt, answer.IsCorrect == true, correctAnswers, check.Explanation)
            {
                AwaitsConfidence = answer.IsCorrect == true && answer.Rating is null,
            });
        }

        return new FeedbackView(nugget.Title, reflection, checks, wasAlreadyAnswered)
        {
            Language = version.Language,
            CourseId = delivery.CourseId,
            DeliveryId = delivery.Id,
            NextDeliveryLocal = learner.NextDeliveryUtc is { } next ? learner.ToLocal(next) : null,
        };
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Stored {AnswerCount} answers for learner {LearnerId}, course {CourseId}, nugget {NuggetId}")]
    private static partial void LogAnswerStored(ILogger logger, Guid learnerId, string courseId, string nuggetId, int answerCount);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Learner {LearnerId} submitted a card for unknown delivery {DeliveryId}")]
    private static partial void LogUnknownDelivery(ILogger logger, Guid learnerId, Guid deliveryId);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Learner {LearnerId} submitted a card of course {CourseId}, which is not loaded; nothing was stored")]
    private static partial void LogUnavailableCourse(ILogger logger, Guid learnerId, string courseId);
}
