using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Learning.Courses;
using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroLearnBot.Conversation.Handlers;

/// <summary>Shows the learner everything stored about them, reflection texts included.</summary>
public sealed class MyDataHandler(MicroLearnDbContext db, ICourseCatalog catalog)
{
    public async Task<TurnResult> HandleAsync(LearnerEntity learner, CancellationToken cancellationToken)
    {
        var language = learner.Language();
        var deliveredCounts = await db.LessonDeliveries
            .Where(d => d.LearnerId == learner.Id && !d.IsReview)
            .GroupBy(d => d.CourseId)
            .Select(g => new { CourseId = g.Key, Count = g.Select(d => d.NuggetId).Distinct().Count() })
            .ToDictionaryAsync(g => g.CourseId, g => g.Count, cancellationToken);

        var enrollments = learner.Enrollments
            .OrderBy(e => e.StartedUtc)
            .Select(e =>
            {
                var course = catalog.Find(e.CourseId);
                var title = course?.VersionFor(language).Title ?? e.CourseId;
                return new EnrollmentSummary(title, learner.ToLocal(e.StartedUtc), deliveredCounts.GetValueOrDefault(e.CourseId), course?.Nuggets.Count);
            })
            .ToList();

        var stored = await db.Answers
            .Where(a => a.LearnerId == learner.Id)
            .OrderByDescending(a => a.AnsweredUtc)
            .ToListAsync(cancellationToken);

        var answers = stored.Select(answer => Summarize(learner, language, answer)).ToList();
        var view = new MyDataView(
            learner.DisplayName,
            language,
            learner.DeliveryTime(),
            learner.TimeZone,
            learner.NextDeliveryUtc is { } next ? learner.ToLocal(next) : null,
            learner.Status == LearnerStatus.Paused,
            enrollments,
            answers)
        {
            Language = language,
        };
        return TurnResult.Of(view);
    }

    private AnswerSummary Summarize(LearnerEntity learner, string language, AnswerEntity answer)
    {
        var course = catalog.Find(answer.CourseId);
        var version = course?.VersionFor(language);
        var nugget = version?.FindNugget(answer.NuggetId);
        var courseTitle = version?.Title ?? answer.CourseId;

        if (answer.Kind == AnswerKind.Reflection)
        {
            return new AnswerSummary(courseTitle, nugget?.Reflection.Prompt ?? answer.QuestionId, answer.Text ?? "", null, learner.ToLocal(answer.AnsweredUtc));
        }

        var check = nugget?.Checks.FirstOrDefault(c => c.Id == answer.QuestionId);
        var selectedIds = (answer.SelectedChoices ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var selectedText = check is null
            ? answer.SelectedChoices ?? ""
            : string.Join(", ", check.Choices.Where(c => selectedIds.Contains(c.Id)).Select(c => c.Text));
        return new AnswerSummary(courseTitle, check?.Prompt ?? answer.QuestionId, selectedText, answer.IsCorrect, learner.ToLocal(answer.AnsweredUtc))
        {
            Confidence = answer.IsCorrect == true ? answer.Rating : null,
        };
    }
}
