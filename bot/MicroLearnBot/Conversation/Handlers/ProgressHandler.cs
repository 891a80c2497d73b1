using MicroLearnBot.Conversation.Texts;
using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroLearnBot.Conversation.Handlers;

/// <summary>Shows how far the learner has come and when the next lesson arrives.</summary>
public sealed class ProgressHandler(MicroLearnDbContext db)
{
    public async Task<TurnResult> HandleAsync(LearnerEntity learner, CancellationToken cancellationToken)
    {
        var language = learner.Language();
        var delivered = await db.LessonDeliveries.CountAsync(d => d.LearnerId == learner.Id && !d.IsReview, cancellationToken);
        var answered = await db.Answers.CountAsync(a => a.LearnerId == learner.Id, cancellationToken);

        var paragraphs = new List<LocalizedText> { LocalizedText.Of("progress.summary", delivered, answered) };
        paragraphs.Add(learner.NextDeliveryUtc is { } next
            ? LocalizedText.Of("time.next", new LocalDateTimeArgument(learner.ToLocal(next)))
            : LocalizedText.Of("time.noCourse"));
        return TurnResult.Of(new MessageView(paragraphs) { Language = language });
    }
}
