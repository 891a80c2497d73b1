using MicroLearnBot.Conversation;
using MicroLearnBot.Conversation.Texts;
using MicroLearnBot.Conversation.Views;

namespace MicroLearnBot.Channels.BotFramework.Cards;

/// <summary>Renders channel-neutral reply views as Adaptive Cards 1.5, every word in the view's language.</summary>
public sealed partial class AdaptiveCardRenderer(TextCatalog texts)
{
    // Long enough for a lesson title, short enough for a notification line.
    private const int MaxSummaryLength = 120;

    public AdaptiveCard Render(ReplyView view) => view switch
    {
        MessageView message => RenderMessage(message),
        HelpView help => RenderHelp(help),
        WelcomeView welcome => RenderWelcome(welcome),
        CatalogView catalog => RenderCatalog(catalog),
        EnrollmentView enrollment => RenderEnrollment(enrollment),
        LessonView lesson => RenderLesson(lesson),
        FeedbackView feedback => RenderFeedback(feedback),
        MyDataView myData => RenderMyData(myData),
        MyDataAnswersView answers => RenderMyDataAnswers(answers),
        ProgressView progress => RenderProgress(progress),
        _ => throw new NotSupportedException($"No Adaptive Card layout for {view.GetType().Name}; add one to {nameof(AdaptiveCardRenderer)}."),
    };

    private string T(ReplyView view, string key, params object[] arguments) =>
        texts.Format(view.Language, LocalizedText.Of(key, arguments));

    private string T(ReplyView view, LocalizedText text) => texts.Format(view.Language, text);

    private AdaptiveCard Card(ReplyView view, IReadOnlyList<CardElement> body, IReadOnlyList<CardAction>? actions = null) =>
        new(body)
        {
            Actions = actions ?? [],
            FallbackText = T(view, "card.fallback"),
            Summary = SummaryOf(body),

            // NOTE: no card-level "lang": adaptivecards 3.x checks it with a global-flag regex whose lastIndex
            // carries over between cards, so every second card logs an invalid value even for "sv".
        };

    /// <summary>Returns the card's heading, or its first text, as one line of plain text without Markdown marks.</summary>
    private static string? SummaryOf(IReadOnlyList<CardElement> body)
    {
        var texts = body.OfType<TextBlock>().ToList();
        var text = (texts.FirstOrDefault(t => t.Style == "heading") ?? texts.FirstOrDefault())?.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var firstLine = text.Split('\r', '\n')[0].Replace("**", "", StringComparison.Ordinal).Trim();
        return firstLine.Length <= MaxSummaryLength ? firstLine : string.Concat(firstLine.AsSpan(0, MaxSummaryLength - 1), "…");
    }

    private static TextBlock Title(string text) => new(text) { Size = "medium", Weight = "bolder", Style = "heading" };

    private static SubmitAction Button(string title, string action, IReadOnlyDictionary<string, string>? data = null)
    {
        var payload = new Dictionary<string, string>(data ?? new Dictionary<string, string>()) { ["action"] = action };
        return new SubmitAction(title, payload) { IncludesInputs = false };
    }

    private AdaptiveCard RenderMessage(MessageView view)
    {
        var body = view.Paragraphs.Select(paragraph => (CardElement)new TextBlock(T(view, paragraph))).ToList();
        var actions = view.Buttons.Select(button => (CardAction)Button(T(view, button.Title), button.Action, button.Data)).ToList();
        return Card(view, body, actions);
    }

    private AdaptiveCard RenderHelp(HelpView view)
    {
        var body = new List<CardElement>();
        body.Add(Title(T(view, view.AfterUnknownCommand ? "help.unknown" : "help.title")));
        body.Add(new TextBlock(T(view, "help.commands")));
        return Card(view, body);
    }

    private AdaptiveCard RenderWelcome(WelcomeView view)
    {
        var body = new List<CardElement>
        {
            Title(T(view, "welcome.title")),
            new TextBlock(T(view, "welcome.intro")),
            new TextBlock(T(view, "welcome.time", new LocalTimeArgument(view.DeliveryTime))),
        };

        if (view.Courses.Count == 0)
        {
            body.Add(new TextBlock(T(view, "catalog.empty")));
        }
        else
        {
            body.Add(new TextBlock(T(view, "welcome.pick")) { Weight = "bolder", Spacing = "medium" });
            body.AddRange(view.Courses.Select(course => CourseContainer(view, course)));
        }

        AddOtherLanguageNote(view, view.OtherLanguageCourseCount, body);
        body.Add(new TextBlock(T(view, "welcome.help")) { IsSubtle = true, Spacing = "medium" });

        // The welcome follows the client's locale, which may not be the learner's language, so one tap changes it.
        var other = view.Language == Language.English ? Language.Swedish : Language.English;
        var switchLanguage = Button(T(view, "welcome.switchLanguage"), SubmissionActions.SetLanguage,
            new Dictionary<string, string> { [SubmissionActions.LanguageField] = other });
        return Card(view, body, [switchLanguage]);
    }

    private AdaptiveCard RenderCatalog(CatalogView view)
    {
        var body = new List<CardElement> { Title(T(view, "catalog.title")) };
        if (view.Courses.Count == 0)
        {
            body.Add(new TextBlock(T(view, "catalog.empty")));
        }

        body.AddRange(view.Courses.Select(course => CourseContainer(view, course)));
        AddOtherLanguageNote(view, view.OtherLanguageCourseCount, body);
        return Card(view, body);
    }

    private void AddOtherLanguageNote(ReplyView view, int count, List<CardElement> body)
    {
        if (count > 0)
        {
            body.Add(new TextBlock(T(view, "catalog.otherLanguage", count)) { IsSubtle = true, Spacing = "medium" });
        }
    }

    private Container CourseContainer(ReplyView view, CourseSummary course)
    {
        var items = new List<CardElement>
        {
            new TextBlock(course.Title) { Weight = "bolder" },
            new TextBlock(course.Description),
            new TextBlock(T(view, "catalog.meta", course.NuggetCount, course.EstimatedMinutes, course.Id)) { IsSubtle = true, Spacing = "small" },
        };

        if (course.IsEnrolled)
        {
            items.Add(new TextBlock(T(view, "catalog.enrolled")) { Weight = "bolder", Spacing = "small" });
        }
        else
        {
            var start = Button(T(view, "catalog.start", course.Title), SubmissionActions.Start, new Dictionary<string, string> { [SubmissionActions.CourseField] = course.Id });
            items.Add(new ActionSet([start]));
        }

        return new Container(items) { Style = "emphasis", Spacing = "medium" };
    }

    private AdaptiveCard RenderProgress(ProgressView view)
    {
        string Date(DateTime? local) => local is { } value ? DateTimeText.Format(view.Language, value) : T(view, "progress.none");

        var facts = new List<Fact>
        {
            new(T(view, "progress.streak"), view.Streak.ToString(TextCatalog.CultureFor(view.Language))),
            new(T(view, "progress.lessons"), T(view, "progress.lessonsValue", view.LessonsDelivered, view.LessonCount)),
            new(T(view, "progress.learned"), T(view, "progress.learnedValue", view.QuestionsLearned, view.QuestionCount)),
            new(T(view, "progress.recall"), view.EstimatedRecall is { } recall ? T(view, "progress.percent", Math.Round(recall * 100)) : T(view, "progress.recallUnknown")),
            new(T(view, "progress.dueToday"), view.DueNow.ToString(TextCatalog.CultureFor(view.Language))),
            new(T(view, "progress.nextReview"), view.IsPaused ? T(view, "progress.paused") : Date(view.NextReviewLocal)),
            new(T(view, "progress.next"), NextLesson()),
        };

        string NextLesson()
        {
            if (view.IsPaused)
            {
                return T(view, "progress.paused");
            }

            return view.LessonsDelivered >= view.LessonCount ? T(view, "progress.finished") : Date(view.NextDeliveryLocal);
        }

        var body = new List<CardElement>
        {
            Title(T(view, "progress.title")),
            new TextBlock(view.CourseTitle) { IsSubtle = true, Spacing = "none" },
            new FactSet(facts),
        };
        return Card(view, body);
    }

    private AdaptiveCard RenderEnrollment(EnrollmentView view)
    {
        var body = new List<CardElement>
        {
            new TextBlock(T(view, view.WasAlreadyEnrolled ? "enroll.already" : "enroll.started", view.Course.Title)),
            new TextBlock(T(view, view.WasAlreadyEnrolled ? "enroll.next" : "enroll.first", new LocalDateTimeArgument(view.FirstDeliveryLocal))),
        };

        if (view.PausedCourse is { } paused)
        {
            body.Add(new TextBlock(T(view, "enroll.pausedOther", paused.Title, paused.Id)));
        }

        // A course without a version in the learner's language sends its lessons in the course language.
        if (view.Course.ContentLanguage != view.Language)
        {
            var note = view.Course.ContentLanguage == Language.English ? "enroll.lessonsInEnglish" : "enroll.lessonsInSwedish";
            body.Add(new TextBlock(T(view, note)));
        }

        var now = Button(T(view, "enroll.now"), SubmissionActions.More, new Dictionary<string, string> { [SubmissionActions.CourseField] = view.Course.Id });
        return Card(view, body, [now]);
    }
}
