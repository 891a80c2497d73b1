using System.Text.RegularExpressions;

namespace MicroLearnBot.Content;

/// <summary>Limits and vocabularies of the course format.</summary>
internal static partial class ContentRules
{
    public const string CourseFileName = "course.yaml";

    public const double MinDesiredRetention = 0.7;

    public const double MaxDesiredRetention = 0.97;

    public const int MinNuggetMinutes = 5;

    public const int MaxNuggetMinutes = 15;

    /// <summary>Languages the bot has texts for; course and translation languages must be one of these.</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownLanguages = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sv"] = "Swedish",
        ["en"] = "English",
    };

    public static string LanguageList => string.Join(", ", KnownLanguages.Keys);

    public static string LanguageName(string code) => KnownLanguages.TryGetValue(code, out var name) ? name : code;

    /// <summary>Course, nugget and check ids: lowercase a–z and digits in words joined by single hyphens.</summary>
    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    /// <summary>
    /// Proposes a valid id from a file name for a fix hint: <c>03-Nätfiske i mejl.md</c> gives <c>natfiske-i-mejl</c>.
    /// Swedish letters lose their marks, any other character becomes a hyphen, and a leading number is dropped.
    /// </summary>
    public static string SuggestId(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant()
            .Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o').Replace('é', 'e');
        var words = NonIdCharacters().Split(stem).Where(w => w.Length > 0).ToList();
        if (words.Count > 1 && words[0].All(char.IsAsciiDigit))
        {
            words.RemoveAt(0);
        }

        return words.Count > 0 ? string.Join('-', words) : "forsta-lektionen";
    }

    /// <summary>A translation folder is named by a two-letter language code.</summary>
    public static bool IsLanguageFolderName(string name) => name.Length == 2 && name.All(char.IsAsciiLetterLower);

    public static bool IsAbsoluteHttps(string url, out Uri? uri) =>
        Uri.TryCreate(url, UriKind.Absolute, out uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0;

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NonIdCharacters();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
