using MicroLearnBot.Conversation.Texts;
using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using Microsoft.Extensions.Logging;

namespace MicroLearnBot.Conversation.Handlers;

/// <summary>
/// Erases everything stored about a learner after they confirm: the learner row and, through cascading deletes,
/// enrollments, deliveries, answers, memory states and unsent messages.
/// </summary>
public sealed partial class EraseHandler(MicroLearnDbContext db, ILogger<EraseHandler> logger)
{
    public static TurnResult Confirm(LearnerEntity learner)
    {
        var erase = new ButtonView(LocalizedText.Of("erase.button"), SubmissionActions.EraseConfirmed, new Dictionary<string, string>());
        var cancel = new ButtonView(LocalizedText.Of("erase.cancel"), SubmissionActions.EraseCancelled, new Dictionary<string, string>());
        return TurnResult.Of(new MessageView([LocalizedText.Of("erase.confirm")]) { Language = learner.Language(), Buttons = [erase, cancel] });
    }

    public Task<TurnResult> EraseAsync(LearnerEntity learner, CancellationToken cancellationToken)
    {
        var language = learner.Language();
        db.Learners.Remove(learner);
        LogErased(logger, learner.Id);
        return Task.FromResult(TurnResult.Message(language, "erase.done"));
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Erased learner {LearnerId} and all their data at their request")]
    private static partial void LogErased(ILogger logger, Guid learnerId);
}
