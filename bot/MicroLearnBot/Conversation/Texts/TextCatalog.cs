using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace MicroLearnBot.Conversation.Texts;

/// <summary>
/// All learner- and manager-visible strings, loaded from the embedded <c>sv.json</c> and <c>en.json</c>.
/// Placeholders are <c>{0}</c>, <c>{1}</c>, ... in <see cref="string.Format(IFormatProvider, string, object[])"/> style.
/// </summary>
public sealed class TextCatalog
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _strings;

    private TextCatalog(FrozenDictionary<string, FrozenDictionary<string, string>> strings) => _strings = strings;

    public static TextCatalog Default { get; } = LoadEmbedded();

    public IReadOnlyCollection<string> KeysOf(string language) => _strings[language].Keys;

    public bool Contains(string language, string key) => _strings[language].ContainsKey(key);

    /// <summary>Formats <paramref name="text"/> in <paramref name="language"/>; a missing key is a bug and throws.</summary>
    public string Format(string language, LocalizedText text)
    {
        if (!_strings.TryGetValue(language, out var strings))
        {
            strings = _strings[Language.Swedish];
            language = Language.Swedish;
        }

        if (!strings.TryGetValue(text.Key, out var template))
        {
            throw new KeyNotFoundException($"Text key '{text.Key}' is missing from {language}.json; add it to both language files.");
        }

        var culture = CultureFor(language);
        var arguments = text.Arguments.Select(argument => FormatArgument(language, culture, argument)).ToArray();
        return arguments.Length == 0 ? template : string.Format(culture, template, arguments);
    }

    public static CultureInfo CultureFor(string language) =>
        CultureInfo.GetCultureInfo(language == Language.English ? "en-GB" : "sv-SE");

    private object FormatArgument(string language, CultureInfo culture, object argument) => argument switch
    {
        LocalizedText nested => Format(language, nested),
        LocalDateTimeArgument dateTime => DateTimeText.Format(language, dateTime.LocalDateTime),
        LocalTimeArgument time => time.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture),
        double number => number.ToString("0.##", culture),
        _ => argument,
    };

    private static TextCatalog LoadEmbedded()
    {
        var assembly = typeof(TextCatalog).Assembly;
        var languages = new Dictionary<string, FrozenDictionary<string, string>>();
        foreach (var language in Language.All)
        {
            var resourceName = assembly.GetManifestResourceNames()
                .Single(name => name.EndsWith($".Texts.{language}.json", StringComparison.Ordinal));
            using var stream = assembly.GetManifestResourceStream(resourceName)!;
            var strings = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"Resource {resourceName} is empty.");
            languages[language] = strings.ToFrozenDictionary(StringComparer.Ordinal);
        }

        return new TextCatalog(languages.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
