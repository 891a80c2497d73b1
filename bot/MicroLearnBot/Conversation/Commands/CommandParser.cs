using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MicroLearnBot.Conversation.Commands;

/// <summary>
/// Parses Swedish and English commands, case-insensitive and tolerant of missing diacritics
/// (<c>hjalp</c> means <c>hjälp</c>), into a typed <see cref="Command"/>.
/// </summary>
public static partial class CommandParser
{
    public static Command Parse(string? text)
    {
        var words = Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return new Command.Help();
        }

        var rest = string.Join(' ', words.Skip(1));
        return (words[0], rest) switch
        {
            ("hjalp" or "help" or "?" or "meny" or "menu", "") => new Command.Help(),
            ("kurser" or "courses" or "katalog" or "catalog", "") => new Command.Catalog(),
            ("starta" or "start", _) => ParseStart(rest),
            ("tid" or "time", _) => ParseTime(rest),
            ("mer" or "more" or "nasta" or "next", "") => new Command.More(),
            ("mina" or "my", "data") => new Command.MyData(),
            ("radera", "mina data") or ("delete" or "erase", "my data") => new Command.EraseMyData(),
            ("sprak" or "language", _) => ParseLanguage(rest),
            ("status" or "progress" or "framsteg", "") => new Command.Progress(),
            ("paus" or "pausa" or "pause", "") => new Command.Pause(),
            ("minuter" or "minutes", _) => ParseBudget(rest),
            ("helger" or "weekends", _) => ParseOnOff(rest),
            ("fortsatt" or "resume", "") => new Command.Resume(),
            _ => new Command.Unknown(),
        };
    }

    /// <summary>
    /// Lower-cases, removes diacritics, Teams mention markup and surrounding punctuation, and collapses spaces.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var withoutMentions = MentionPattern().Replace(text, " ");
        var decomposed = withoutMentions.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.IsWhiteSpace(character) ? ' ' : character);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC).Trim().TrimEnd('.', '!').Trim();
    }

    private static Command ParseStart(string courseId) =>
        CourseIdPattern().IsMatch(courseId)
            ? new Command.StartCourse(courseId)
            : new Command.Invalid(CommandUsage.StartCourse);

    private static Command ParseTime(string argument)
    {
        // Swedes write both 08:30 and 08.30; a bare hour (tid 8) means on the hour.
        var match = TimePattern().Match(argument);
        if (!match.Success)
        {
            return new Command.Invalid(CommandUsage.SetTime);
        }

        var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["minute"].Success ? int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture) : 0;
        return hour is >= 0 and <= 23 && minute is >= 0 and <= 59
            ? new Command.SetTime(new TimeOnly(hour, minute))
            : new Command.Invalid(CommandUsage.SetTime);
    }

    private static Command ParseBudget(string argument) =>
        int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes is >= 5 and <= 15
            ? new Command.SetBudget(minutes)
            : new Command.Invalid(CommandUsage.SetBudget);

    private static Command ParseOnOff(string argument) => argument switch
    {
        "pa" or "ja" or "on" or "yes" => new Command.SetNonWorkingDays(true),
        "av" or "nej" or "off" or "no" => new Command.SetNonWorkingDays(false),
        _ => new Command.Invalid(CommandUsage.SetNonWorkingDays),
    };

    private static Command ParseLanguage(string argument) => argument switch
    {
        "engelska" or "english" or "en" => new Command.SetLanguage("en"),
        "svenska" or "swedish" or "sv" => new Command.SetLanguage("sv"),
        _ => new Command.Invalid(CommandUsage.SetLanguage),
    };

    [GeneratedRegex(@"<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex CourseIdPattern();

    [GeneratedRegex(@"^(kl\.?\s*)?(?<hour>\d{1,2})([:.](?<minute>\d{2}))?$")]
    private static partial Regex TimePattern();
}
