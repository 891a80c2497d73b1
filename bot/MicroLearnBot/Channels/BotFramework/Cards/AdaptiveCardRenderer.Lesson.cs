using MicroLearnBot.Conversation;
using MicroLearnBot.Conversation.Texts;
using MicroLearnBot.Conversation.Views;
using MicroLearnBot.Learning.Courses;
using MicroLearnBot.Storage;

namespace MicroLearnBot.Channels.BotFramework.Cards;

public sealed partial class AdaptiveCardRenderer
{
    private AdaptiveCard RenderLesson(LessonView view)
    {
        var nugget = view.Nugget;
        var body = new List<CardElement>
        {
            new TextBlock(view.IsReview
                ? T(view, "lesson.reviewHeader", view.CourseTitle)
                : T(view, "lesson.header", view.CourseTitle, view.Position, view.NuggetCount)) { IsSubtle = true, Size = "small" },
            Title(nugget.Title),
            new TextBlock(T(view, "lesson.minutes", nugget.EstimatedMinutes)) { IsSubtle = true, Spacing = "none", Size = "small" },
        };

        if (!view.IsReview)
        {
            body.AddRange(MarkdownCardText.ToElements(nugget.Body));
        }

        var actions = new List<CardAction>();
        AddMedia(view, nugget, body, actions);
        AddLinks(view, nugget, body);

        var asked = new List<string>();
        if (view.IncludesReflection)
        {
            asked.Add(nugget.Reflection.Id);
            body.Add(new TextBlock(T(view, "lesson.reflection")) { Weight = "bolder", Separator = true, Spacing = "large" });
            foreach (var previous in view.PreviousReflections.Take(1))
            {
                body.Add(new TextBlock(T(view, "lesson.previous", new LocalDateTimeArgument(previous.AnsweredLocal))) { IsSubtle = true, Size = "small" });
                body.Add(new RichTextBlock([new TextRun(previous.Text) { Italic = true }]) { Spacing = "none" });
            }

            body.Add(LabelledInput.Of(new TextInput(SubmissionActions.ReflectionInput, nugget.Reflection.Prompt)
            {
                Placeholder = T(view, "lesson.reflection.placeholder", AnswerLimits.MaxReflectionLength),
                IsMultiline = true,
                MaxLength = AnswerLimits.MaxReflectionLength,
                IsRequired = true,
                ErrorMessage = T(view, "lesson.reflection.required"),
            }));
        }

        var checks = view.CheckQuestionIds is null
            ? nugget.Checks
            : nugget.Checks.Where(check => view.CheckQuestionIds.Contains(check.Id)).ToList();
        if (checks.Count > 0)
        {
            body.Add(new TextBlock(T(view, "lesson.checks")) { Weight = "bolder", Spacing = "large" });
            foreach (var check in checks)
            {
                asked.Add(check.Id);
                var isMultiple = check.Kind == CheckKind.MultipleChoice;
                body.Add(LabelledInput.Of(new ChoiceSetInput(
                    SubmissionActions.CheckInputPrefix + check.Id,
                    isMultiple ? $"{check.Prompt} {T(view, "lesson.check.multiple")}" : check.Prompt,
                    [.. check.Choices.Select(choice => new InputChoice(choice.Text, choice.Id))])
                {
                    IsMultiSelect = isMultiple,
                    IsRequired = true,
                    ErrorMessage = T(view, "lesson.check.required"),
                }));
            }
        }

        var submitData = new Dictionary<string, string>
        {
            ["action"] = SubmissionActions.Answer,
            [SubmissionActions.CourseField] = view.CourseId,
            [SubmissionActions.NuggetField] = nugget.Id,
            [SubmissionActions.DeliveryField] = view.DeliveryId.ToString("N"),
            [SubmissionActions.AskedField] = string.Join(',', asked),
        };
        actions.Insert(0, new SubmitAction(T(view, "lesson.submit"), submitData) { Style = "positive" });
        return Card(view, body, actions);
    }

    private void AddMedia(LessonView view, Nugget nugget, List<CardElement> body, List<CardAction> actions)
    {
        if (nugget.Media is not { } media)
        {
            return;
        }

        if (media.Kind == MediaKind.Image)
        {
            body.Add(new Image(media.Url, media.TextAlternative ?? media.Title) { Size = "stretch" });
            return;
        }

        var label = media.Kind == MediaKind.Video ? "lesson.media.video" : "lesson.media.audio";
        body.Add(new TextBlock($"**{media.Title}**") { Spacing = "medium" });
        if (!string.IsNullOrWhiteSpace(media.TextAlternative))
        {
            body.Add(new TextBlock(T(view, "lesson.media.alternative", media.TextAlternative)) { IsSubtle = true, Size = "small" });
        }

        actions.Add(new OpenUrlAction(T(view, label), media.Url));
    }

    private void AddLinks(LessonView view, Nugget nugget, List<CardElement> body)
    {
        if (nugget.Links.Count == 0)
        {
            return;
        }

        var lines = nugget.Links.Select(link => $"- [{EscapeLinkText(link.Title)}]({link.Url.AbsoluteUri})");
        body.Add(new TextBlock(T(view, "lesson.links")) { Weight = "bolder", Spacing = "medium" });
        body.Add(new TextBlock(string.Join("\r", lines)) { Spacing = "small" });
    }

    private static string EscapeLinkText(string text) => text.Replace("[", "(", StringComparison.Ordinal).Replace("]", ")", StringComparison.Ordinal);

    /// <summary>How sure the learner was after a right answer, and the FSRS rating each level sets.</summary>
    private static readonly (string Key, string Rating)[] ConfidenceLevels =
    [
        ("confidence.guessed", "2"),
        ("confidence.fairlySure", "3"),
        ("confidence.certain", "4"),
    ];

    private AdaptiveCard RenderFeedback(FeedbackView view)
    {
        var body = new List<CardElement>
        {
            new TextBlock(T(view, view.WasAlreadyAnswered ? "feedback.already" : "feedback.saved")) { Weight = "bolder" },
            new TextBlock(view.NuggetTitle) { IsSubtle = true, Spacing = "none" },
        };

        if (view.ReflectionText is not null)
        {
            body.Add(new TextBlock(T(view, "feedback.reflection")) { Spacing = "medium", Size = "small", IsSubtle = true });
            body.Add(new RichTextBlock([new TextRun(view.ReflectionText)]) { Spacing = "none" });
        }

        foreach (var check in view.Checks)
        {
            var items = new List<CardElement>
            {
                new TextBlock(check.Prompt) { Weight = "bolder" },
                // The emoji carries the verdict; a green or red text colour reads poorly on tinted containers.
                new TextBlock(T(view, check.IsCorrect ? "feedback.correct" : "feedback.wrong")),
            };

            if (!check.IsCorrect && check.CorrectAnswers.Count > 0)
            {
                items.Add(new TextBlock(T(view, "feedback.rightAnswer", string.Join(", ", check.CorrectAnswers))));
            }

            if (!string.IsNullOrWhiteSpace(check.Explanation))
            {
                items.Add(new TextBlock(check.Explanation) { IsSubtle = true });
            }

            if (check.AwaitsConfidence)
            {
                items.Add(new TextBlock(T(view, "feedback.confidence")) { Weight = "bolder", Spacing = "small" });
                items.Add(new ActionSet([.. ConfidenceLevels.Select(level => (CardAction)Button(T(view, level.Key), SubmissionActions.Rate, new Dictionary<string, string>
                {
                    [SubmissionActions.DeliveryField] = view.DeliveryId.ToString("N"),
                    [SubmissionActions.QuestionField] = check.QuestionId,
                    [SubmissionActions.RatingField] = level.Rating,
                }))]));
            }

            body.Add(new Container(items) { Style = check.IsCorrect ? "good" : "attention", Spacing = "medium" });
        }

        if (view.CourseFinished)
        {
            body.Add(new TextBlock(T(view, "feedback.finished")) { Spacing = "medium" });
            return Card(view, body);
        }

        if (view.NextDeliveryLocal is { } next)
        {
            body.Add(new TextBlock(T(view, "feedback.next", new LocalDateTimeArgument(next))) { Spacing = "medium", IsSubtle = true });
        }

        var more = Button(T(view, "feedback.more"), SubmissionActions.More);
        return Card(view, body, [more]);
    }

    private AdaptiveCard RenderMyData(MyDataView view)
    {
        var facts = new List<Fact>
        {
            new(T(view, "mydata.name"), view.UserName ?? "–"),
            new(T(view, "mydata.language"), T(view, view.LearnerLanguage == Language.English ? "language.en" : "language.sv")),
            new(T(view, "mydata.time"), T(view, "time.of", new LocalTimeArgument(view.DeliveryTime))),
            new(T(view, "mydata.timeZone"), view.TimeZone),
            new(T(view, "mydata.status"), T(view, view.IsPaused ? "mydata.paused" : "mydata.active")),
            new(T(view, "mydata.next"), view.NextDeliveryLocal is { } next ? DateTimeText.Format(view.Language, next) : T(view, "mydata.none")),
            new(T(view, "mydata.minutes"), T(view, "mydata.minutesValue", view.DailyMinutes)),
            new(T(view, "mydata.weekends"), T(view, view.IncludeWeekends ? "mydata.weekendsOn" : "mydata.weekendsOff")),
        };

        var title = view.PartCount > 1 ? T(view, "mydata.titlePart", 1, view.PartCount) : T(view, "mydata.title");
        var body = new List<CardElement> { Title(title), new FactSet(facts) };

        if (view.Enrollments.Count > 0)
        {
            body.Add(new TextBlock(T(view, "mydata.courses")) { Weight = "bolder", Spacing = "medium" });
            foreach (var enrollment in view.Enrollments)
            {
                var started = new LocalDateTimeArgument(enrollment.StartedLocal);
                var line = enrollment.NuggetCount is { } nuggetCount
                    ? T(view, "mydata.course", enrollment.CourseTitle, started, enrollment.DeliveredCount, nuggetCount)
                    : T(view, "mydata.courseUnavailable", enrollment.CourseTitle, started, enrollment.DeliveredCount);
                body.Add(new TextBlock(line) { Spacing = "small" });
                if (enrollment.ReviewQuestionCount > 0)
                {
                    var reviews = enrollment.NextReviewLocal is { } nextReview
                        ? T(view, "mydata.reviews", enrollment.ReviewQuestionCount, new LocalDateTimeArgument(nextReview))
                        : T(view, "mydata.reviewsUnplanned", enrollment.ReviewQuestionCount);
                    body.Add(new TextBlock(reviews) { Spacing = "none", IsSubtle = true });
                }
            }
        }

        if (view.Account is { } account)
        {
            body.Add(new TextBlock(T(view, "mydata.account")) { Weight = "bolder", Spacing = "medium" });
            body.Add(new FactSet(
            [
                new(T(view, "mydata.channel"), account.Channel),
                new(T(view, "mydata.tenant"), account.TenantId),
                new(T(view, "mydata.userId"), account.UserId),
                new(T(view, "mydata.conversation"), account.ConversationId),
                new(T(view, "mydata.locale"), account.Locale ?? "–"),
            ]));
        }

        var answersHeading = view.PartCount > 1 ? T(view, "mydata.answersPart", view.Answers.Count, view.AnswerCount) : T(view, "mydata.answers");
        body.Add(new TextBlock(answersHeading) { Weight = "bolder", Spacing = "medium" });
        if (view.Answers.Count == 0)
        {
            body.Add(new TextBlock(T(view, "mydata.noAnswers")));
        }

        AddAnswers(view, body, view.Answers);
        return Card(view, body, OlderAnswersButton(view, 1, view.PartCount));
    }

    private AdaptiveCard RenderMyDataAnswers(MyDataAnswersView view)
    {
        var body = new List<CardElement> { Title(T(view, "mydata.titlePart", view.Part, view.PartCount)) };
        AddAnswers(view, body, view.Answers);
        return Card(view, body, OlderAnswersButton(view, view.Part, view.PartCount));
    }

    private CardAction[] OlderAnswersButton(ReplyView view, int part, int partCount)
    {
        if (part >= partCount)
        {
            return [];
        }

        var next = part + 1;
        var data = new Dictionary<string, string> { [SubmissionActions.PartField] = next.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return [Button(T(view, "mydata.older", next, partCount), SubmissionActions.MyDataPart, data)];
    }

    private void AddAnswers(ReplyView view, List<CardElement> body, IReadOnlyList<AnswerSummary> answers)
    {
        foreach (var answer in answers)
        {
            var meta = T(view, "mydata.answerMeta", answer.CourseTitle, new LocalDateTimeArgument(answer.AnsweredLocal));
            var items = new List<CardElement>
            {
                new TextBlock(meta) { IsSubtle = true, Size = "small" },
                new TextBlock(answer.QuestionPrompt) { Weight = "bolder", Spacing = "none" },
            };

            var runs = new List<TextRun> { new(answer.Answer) };
            if (answer.IsCorrect is { } isCorrect)
            {
                var verdict = T(view, isCorrect ? "mydata.correct" : "mydata.wrong");
                var confidence = ConfidenceLevels.FirstOrDefault(level => level.Rating == answer.Confidence?.ToString(System.Globalization.CultureInfo.InvariantCulture)).Key;
                var detail = confidence is null ? verdict : $"{verdict}, {T(view, confidence).ToLower(TextCatalog.CultureFor(view.Language))}";
                runs.Add(new TextRun($" ({detail})") { IsSubtle = true });
            }

            items.Add(new RichTextBlock(runs) { Spacing = "none" });
            body.Add(new Container(items) { Spacing = "small" });
        }
    }
}
