namespace MicroLearnBot.Conversation.Texts;

/// <summary>The languages the bot speaks. Swedish is the default for everyone who has not chosen otherwise.</summary>
public static class Language
{
    public const string Swedish = "sv";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Swedish, English];

    /// <summary>
    /// Picks the learner's language: their explicit choice, else the client locale, else Swedish.
    /// </summary>
    public static string Resolve(string? choice, string? locale)
    {
        if (choice is Swedish or English)
        {
            return choice;
        }

        return locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Swedish;
    }
}
