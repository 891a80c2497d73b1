using MicroLearnBot.Conversation.Commands;
using MicroLearnBot.Conversation.Handlers;
using MicroLearnBot.Conversation.Texts;
using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MicroLearnBot.Conversation;

/// <summary>Sends each turn to the handler for its intent and saves what the handler changed in one transaction.</summary>
public sealed partial class TurnRouter(
    MicroLearnDbContext db,
    LearnerDirectory learners,
    LearnerTurnLock turnLock,
    WelcomeHandler welcome,
    CatalogHandler catalog,
    EnrollHandler enroll,
    PreferencesHandler preferences,
    MoreHandler more,
    AnswerHandler answers,
    MyDataHandler myData,
    ProgressHandler progress,
    RateHandler rate,
    EraseHandler erase,
    ILogger<TurnRouter> logger)
{
    public async Task<TurnResult> HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        using var turnLease = await turnLock.AcquireAsync(turn.Learner, cancellationToken);
        try
        {
            return await HandleOnceAsync(turn, cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // Another instance created or changed this learner at the same moment; run the turn again on fresh rows.
            LogTurnRetried(logger, exception, turn.Kind);
            db.ChangeTracker.Clear();
            return await HandleOnceAsync(turn, cancellationToken);
        }
    }

    private async Task<TurnResult> HandleOnceAsync(Turn turn, CancellationToken cancellationToken)
    {
        var learner = await learners.GetOrCreateAsync(turn, cancellationToken);

        var result = turn.Kind switch
        {
            TurnKind.Installed => welcome.Installed(learner),
            TurnKind.Uninstalled => WelcomeHandler.Uninstalled(learner),
            TurnKind.Text => await HandleCommandAsync(learner, CommandParser.Parse(turn.Text), cancellationToken),
            TurnKind.CardSubmission when turn.Submission is not null => await HandleSubmissionAsync(learner, turn.Submission, cancellationToken),
            _ => TurnResult.None,
        };

        await db.SaveChangesAsync(cancellationToken);
        LogTurnHandled(logger, turn.Kind, learner.Id, result.Replies.Count);
        return result;
    }

    private async Task<TurnResult> HandleCommandAsync(LearnerEntity learner, Command command, CancellationToken cancellationToken)
    {
        var language = learner.Language();
        return command switch
        {
            Command.Help => TurnResult.Of(new HelpView(AfterUnknownCommand: false) { Language = language }),
            Command.Catalog => catalog.Handle(learner),
            Command.StartCourse start => enroll.Handle(learner, start.CourseId),
            Command.SetTime setTime => preferences.SetTime(learner, setTime.LocalTime),
            Command.More => await more.HandleAsync(learner, cancellationToken),
            Command.MyData => await myData.HandleAsync(learner, cancellationToken),
            Command.EraseMyData => EraseHandler.Confirm(learner),
            Command.SetLanguage setLanguage => PreferencesHandler.SetLanguage(learner, setLanguage.Language),
            Command.Progress => await progress.HandleAsync(learner, cancellationToken),
            Command.Pause => PreferencesHandler.Pause(learner),
            Command.SetBudget budget => PreferencesHandler.SetBudget(learner, budget.Minutes),
            Command.SetNonWorkingDays nonWorkingDays => preferences.SetNonWorkingDays(learner, nonWorkingDays.Include),
            Command.Resume => preferences.Resume(learner),
            Command.Invalid invalid => TurnResult.Message(language, UsageKey(invalid.Usage)),
            _ => TurnResult.Of(new HelpView(AfterUnknownCommand: true) { Language = language }),
        };
    }

    private async Task<TurnResult> HandleSubmissionAsync(LearnerEntity learner, CardSubmission submission, CancellationToken cancellationToken) =>
        submission.Action switch
        {
            SubmissionActions.Answer => await answers.HandleAsync(learner, submission, cancellationToken),
            SubmissionActions.More => await more.HandleAsync(learner, cancellationToken),
            SubmissionActions.Rate => await rate.HandleAsync(learner, submission, cancellationToken),
            SubmissionActions.EraseConfirmed => await erase.EraseAsync(learner, cancellationToken),
            SubmissionActions.EraseCancelled => TurnResult.Message(learner.Language(), "erase.cancelled"),
            SubmissionActions.SetLanguage when submission.Field(SubmissionActions.LanguageField) is { } chosen && Language.All.Contains(chosen) =>
                PreferencesHandler.SetLanguage(learner, chosen),
            SubmissionActions.MyDataPart => await myData.HandleAsync(learner, MyDataHandler.ParsePart(submission.Field(SubmissionActions.PartField)), cancellationToken),
            SubmissionActions.Start when submission.Field(SubmissionActions.CourseField) is { } courseId => enroll.Handle(learner, courseId),
            _ => TurnResult.Of(new HelpView(AfterUnknownCommand: true) { Language = learner.Language() }),
        };

    private static string UsageKey(CommandUsage usage) => usage switch
    {
        CommandUsage.StartCourse => "usage.start",
        CommandUsage.SetTime => "usage.time",
        CommandUsage.SetBudget => "usage.budget",
        CommandUsage.SetNonWorkingDays => "usage.weekends",
        _ => "usage.language",
    };

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Retrying a {TurnKind} turn after a concurrent database change")]
    private static partial void LogTurnRetried(ILogger logger, Exception exception, TurnKind turnKind);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Handled {TurnKind} turn for learner {LearnerId} with {ReplyCount} replies")]
    private static partial void LogTurnHandled(ILogger logger, TurnKind turnKind, Guid learnerId, int replyCount);
}
