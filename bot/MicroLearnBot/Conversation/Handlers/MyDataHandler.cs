using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Learning.Courses;
using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroLearnBot.Conversation.Handlers;

/// <summary>
/// Shows the learner everything stored about them, reflection texts included. A long history is split into
/// parts, because one message carries at most about 80,000 characters. Each part has a button for the next,
/// older one.
/// One part per turn keeps the replies inside the channel's per-conversation rate limit.
/// </summary>
public sealed class MyDataHandler(MicroLearnDbContext db, ICourseCatalog catalog, TimeProvider time)
{
    /// <summary>
    /// Characters of answers per message, as JSON. The settings, courses and card structure take the rest of the
    /// 80,000-character message budget.
    /// </summary>
    internal const int PartBudget = 60_000;

    /// <summary>Card structure around one answer: its container, date line and prompt, as JSON.</summary>
    private const int AnswerOverhead = 500;

    /// <summary>Reads the part a button asked for; anything but a positive number means the first part.</summary>
    public static int ParsePart(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var part) && part >= 1 ? part : 1;

    public Task<TurnResult> HandleAsync(LearnerEntity learner, CancellationToken cancellationToken) =>
        HandleAsync(learner, 1, cancellationToken);

    /// <summary>Shows part <paramref name="part"/> (1-based) of the export; a part past the end shows the last one.</summary>
    public async Task<TurnResult> HandleAsync(LearnerEntity learner, int part, CancellationToken cancellationToken)
    {
        var language = learner.Language();
        var deliveredCounts = await db.LessonDeliveries
            .Where(d => d.LearnerId == learner.Id && !d.IsReview)
            .GroupBy(d => d.CourseId)
            .Select(g => new { CourseId = g.Key, Count = g.Select(d => d.NuggetId).Distinct().Count() })
            .ToDictionaryAsync(g => g.CourseId, g => g.Count, cancellationToken);

        // The memory state of each question (FSRS stability, difficulty, due date), summed up per course.
        var reviewCards = await db.QuestionCards
            .Where(c => c.LearnerId == learner.Id && !c.IsRetired)
            .GroupBy(c => c.CourseId)
            .Select(g => new { CourseId = g.Key, Count = g.Count(), NextDueUtc = g.Min(c => c.DueUtc) })
            .ToDictionaryAsync(g => g.CourseId, g => (g.Count, g.NextDueUtc), cancellationToken);

        var now = time.GetUtcNow();
        var enrollments = learner.Enrollments
            .OrderBy(e => e.StartedUtc)
            .Select(e =>
            {
                var course = catalog.Find(e.CourseId);
                var title = course?.VersionFor(language).Title ?? e.CourseId;
                var reviews = reviewCards.GetValueOrDefault(e.CourseId);
                return new EnrollmentSummary(title, learner.ToLocal(e.StartedUtc), deliveredCounts.GetValueOrDefault(e.CourseId), course?.Nuggets.Count)
                {
                    ReviewQuestionCount = reviews.Count,
                    // The session that brings the first due question, as `status` shows it, not the raw due instant.
                    // A paused or unreachable learner has no session planned.
                    NextReviewLocal = reviews.Count > 0 && learner.Status == LearnerStatus.Active
                        ? learner.LocalSessionForDue(new DateTimeOffset(reviews.NextDueUtc, TimeSpan.Zero), now)
                        : null,
                };
            })
            .ToList();

        var stored = await db.Answers
            .Where(a => a.LearnerId == learner.Id)
            .OrderByDescending(a => a.AnsweredUtc)
            .ToListAsync(cancellationToken);

        var answers = stored.Select(answer => Summarize(learner, language, answer)).ToList();
        var parts = SplitIntoParts(answers);
        var partIndex = Math.Min(part, parts.Count) - 1;
        if (partIndex > 0)
        {
            return TurnResult.Of(new MyDataAnswersView(partIndex + 1, parts.Count, parts[partIndex]) { Language = language });
        }

        var view = new MyDataView(
            learner.DisplayName,
            language,
            learner.DeliveryTime(),
            learner.TimeZone,
            learner.NextDeliveryUtc is { } next ? learner.ToLocal(next) : null,
            learner.Status == LearnerStatus.Paused,
            enrollments,
            parts[0])
        {
            Language = language,
            DailyMinutes = learner.DailyBudgetMinutes,
            IncludeWeekends = learner.IncludeWeekends,
            Account = new LearnerAccount(learner.Channel, learner.TenantId, learner.UserId, learner.ConversationId, learner.Locale),
            AnswerCount = answers.Count,
            PartCount = parts.Count,
        };

        return TurnResult.Of(view);
    }

    /// <summary>Splits the answers, newest first, into parts that each fit one message; always returns at least one part.</summary>
    internal static List<List<AnswerSummary>> SplitIntoParts(IReadOnlyList<AnswerSummary> answers)
    {
        var parts = new List<List<AnswerSummary>> { new() };
        var used = 0;
        foreach (var answer in answers)
        {
            var size = AnswerOverhead + JsonLength(answer.Answer) + JsonLength(answer.QuestionPrompt) + JsonLength(answer.CourseTitle);
            if (used + size > PartBudget && parts[^1].Count > 0)
            {
                parts.Add([]);
                used = 0;
            }

            parts[^1].Add(answer);
            used += size;
        }

        return parts;
    }

    /// <summary>
    /// Returns the length of <paramref name="text"/> as a JSON string body, at most what a relaxed JSON encoder
    /// writes: an emoji half or control character becomes a six-character <c>\uXXXX</c> escape, a quote or
    /// backslash two characters.
    /// </summary>
    internal static int JsonLength(string text)
    {
        var length = 0;
        foreach (var character in text)
        {
            length += char.IsSurrogate(character) || char.IsControl(character) ? 6
                : character is '"' or '\\' ? 2
                : 1;
        }

        return length;
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
