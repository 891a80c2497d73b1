using System.Reflection;
using System.Text.RegularExpressions;
using MicroLearnBot.Conversation.Texts;
using MicroLearnBot.Conversation.Views;

namespace MicroLearnBot.Tests.Conversation;

public sealed partial class TextCatalogTests
{
    [Fact]
    public void EveryKeyExistsInBothLanguages()
    {
        var swedish = TextCatalog.Default.KeysOf(Language.Swedish).ToHashSet();
        var english = TextCatalog.Default.KeysOf(Language.English).ToHashSet();

        Assert.Empty(swedish.Except(english));
        Assert.Empty(english.Except(swedish));
    }

    [Fact]
    public void PlaceholdersMatchAcrossLanguages()
    {
        foreach (var key in TextCatalog.Default.KeysOf(Language.Swedish))
        {
            var swedish = Placeholders(TextCatalog.Default.Format(Language.Swedish, LocalizedText.Of(key, "{0}", "{1}", "{2}", "{3}")));
            var english = Placeholders(TextCatalog.Default.Format(Language.English, LocalizedText.Of(key, "{0}", "{1}", "{2}", "{3}")));

            Assert.True(swedish.SetEquals(english), $"Key '{key}' uses different placeholders in sv and en.");
        }
    }

    [Fact]
    public void EveryKeyUsedInCodeExists()
    {
        var source = Path.Combine(Support.SharedReference.RepositoryRoot, "bot", "MicroLearnBot");
        var used = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => KeyLiteral().Matches(File.ReadAllText(file)).Select(match => match.Groups["key"].Value))
            .ToHashSet();

        Assert.NotEmpty(used);
        foreach (var key in used)
        {
            Assert.True(TextCatalog.Default.Contains(Language.Swedish, key), $"Text key '{key}' is used in code but missing from sv.json.");
        }
    }

    /// <summary>
    /// Views may carry text only as resource keys, course content or the learner's own words, so no handler can
    /// put a hard-coded sentence in front of a learner.
    /// </summary>
    [Fact]
    public void ViewStringsAreMarkedAsContentOrLearnerText()
    {
        var viewTypes = typeof(ReplyView).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(ReplyView).Namespace && !type.IsAbstract && !type.IsSubclassOf(typeof(Attribute)));

        foreach (var type in viewTypes)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var isText = property.PropertyType == typeof(string) || property.PropertyType == typeof(IReadOnlyList<string>);
                if (!isText || property.Name == nameof(ReplyView.Language))
                {
                    continue;
                }

                var marked = property.IsDefined(typeof(CourseContentAttribute)) || property.IsDefined(typeof(LearnerTextAttribute)) || property.IsDefined(typeof(IdentifierAttribute));
                Assert.True(marked, $"{type.Name}.{property.Name} is a string that is neither a resource key, course content nor learner text.");
            }
        }
    }

    [Theory]
    [InlineData("sv", "måndag 7 december kl. 08:30")]
    [InlineData("en", "Monday 7 December at 08:30")]
    public void DatesReadAsPeopleWriteThem(string language, string expected)
    {
        Assert.Equal(expected, DateTimeText.Format(language, new DateTime(2026, 12, 7, 8, 30, 0)));
    }

    [Theory]
    [InlineData(null, "sv-SE", "sv")]
    [InlineData(null, "en-US", "en")]
    [InlineData(null, null, "sv")]
    [InlineData(null, "de-DE", "sv")]
    [InlineData("en", "sv-SE", "en")]
    [InlineData("sv", "en-US", "sv")]
    public void LanguageFromChoiceThenLocaleThenSwedish(string? choice, string? locale, string expected)
    {
        Assert.Equal(expected, Language.Resolve(choice, locale));
    }

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"""(?<key>(welcome|catalog|help|enroll|usage|time|lesson|feedback|answer|more|mydata|language|pause|resume|error|progress|card|personal|erase|budget|weekends|rate|confidence)\.[A-Za-z.]+)""")]
    private static partial Regex KeyLiteral();
}
