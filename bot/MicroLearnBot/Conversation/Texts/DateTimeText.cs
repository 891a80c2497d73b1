using System.Globalization;

namespace MicroLearnBot.Conversation.Texts;

/// <summary>
/// Formats local date-times as people write them: <c>måndag 7 december kl. 08:30</c> in Swedish and
/// <c>Monday 7 December at 08:30</c> in English.
/// </summary>
public static class DateTimeText
{
    public static string Format(string language, DateTime localDateTime)
    {
        var culture = TextCatalog.CultureFor(language);
        var date = localDateTime.ToString("dddd d MMMM", culture);
        var time = localDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        return language == Language.English ? $"{date} at {time}" : $"{date} kl. {time}";
    }
}
