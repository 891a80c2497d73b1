namespace MicroLearnBot.Conversation;

/// <summary>
/// The data and inputs of a pressed card button, flattened to strings as Adaptive Card inputs arrive.
/// </summary>
public sealed record CardSubmission(string Action, IReadOnlyDictionary<string, string> Fields)
{
    public string? Field(string name) => Fields.TryGetValue(name, out var value) ? value : null;
}

/// <summary>Names of the <c>action</c> values our cards submit, and of their data fields.</summary>
public static class SubmissionActions
{
    public const string Answer = "answer";
    public const string More = "more";
    public const string Start = "start";
    public const string Rate = "rate";
    public const string EraseConfirmed = "erase-confirmed";
    public const string EraseCancelled = "erase-cancelled";
    public const string SetLanguage = "language";
    public const string MyDataPart = "mydata-part";

    public const string CourseField = "course";
    public const string NuggetField = "nugget";
    public const string DeliveryField = "delivery";

    /// <summary>Comma-separated ids of the questions a lesson card asked, so the answer is checked against them.</summary>
    public const string AskedField = "asks";

    public const string QuestionField = "question";

    /// <summary>Language a "switch language" button chooses: <c>sv</c> or <c>en</c>.</summary>
    public const string LanguageField = "language";

    /// <summary>1-based part of a <c>mina data</c> export that a "show older answers" button requests.</summary>
    public const string PartField = "part";

    /// <summary>FSRS rating a confidence button submits: 2 Hard, 3 Good, 4 Easy.</summary>
    public const string RatingField = "rating";
    public const string ReflectionInput = "reflection";

    /// <summary>Input id prefix of a check question; the rest of the id is the question id.</summary>
    public const string CheckInputPrefix = "check:";
}
