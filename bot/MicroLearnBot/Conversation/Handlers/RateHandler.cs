using MicroLearnBot.Delivery;
using MicroLearnBot.Learning.Courses;
using MicroLearnBot.Learning.Scheduling;
using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroLearnBot.Conversation.Handlers;

/// <summary>
/// Records how sure the learner was of a right answer (Gissade / Ganska säker / Helt säker → Hard / Good / Easy),
/// which decides when the question comes back.
/// </summary>
public sealed class RateHandler(MicroLearnDbContext db, ICourseCatalog catalog, ReviewTracker reviews, TimeProvider time)
{
    public async Task<TurnResult> HandleAsync(LearnerEntity learner, CardSubmission submission, CancellationToken cancellationToken)
    {
        var language = learner.Language();
        var questionId = submission.Field(SubmissionActions.QuestionField);
        var isRating = int.TryParse(submission.Field(SubmissionActions.RatingField), out var ratingValue) && ratingValue is >= 2 and <= 4;
        if (!Guid.TryParse(submission.Field(SubmissionActions.DeliveryField), out var deliveryId) || questionId is null || !isRating)
        {
            return TurnResult.Message(language, "rate.unknown");
        }

        var answer = await db.Answers.SingleOrDefaultAsync(
            a => a.LearnerId == learner.Id && a.DeliveryId == deliveryId && a.QuestionId == questionId && a.Kind == AnswerKind.Check,
            cancellationToken);
        if (answer is not { IsCorrect: true })
        {
            return TurnResult.Message(language, "rate.unknown");
        }

        // The confirmation speaks the language of the feedback card it answers, which follows the course version,
        // and names the question, because a lesson may ask several.
        var version = catalog.Find(answer.CourseId)?.VersionFor(language);
        language = version?.Language ?? language;
        var prompt = version?.FindNugget(answer.NuggetId)?.Checks.FirstOrDefault(check => check.Id == questionId)?.Prompt ?? questionId;
        if (answer.Rating is not null || !await reviews.TryClaimRatingAsync(answer, (Rating)ratingValue, cancellationToken))
        {
            return TurnResult.Message(language, "rate.already");
        }

        var card = await reviews.RecordCheckAsync(learner, answer, (Rating)ratingValue, cancellationToken);
        var due = learner.LocalSessionForDue(card!.Due, time.GetUtcNow());
        return TurnResult.Message(language, "rate.saved", new Texts.LocalDateTimeArgument(due), prompt);
    }
}
