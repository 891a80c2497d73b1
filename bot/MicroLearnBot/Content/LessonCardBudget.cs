using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroLearnBot.Learning.Courses;

namespace MicroLearnBot.Content;

/// <summary>
/// The size and version limits a lesson card must meet to be sent to Teams. Teams rejects a message over
/// about 100 KB counted in UTF-16 code units with 413 MessageSizeTooBig; the bot keeps a margin below that.
/// </summary>
public static class LessonCardBudget
{
    /// <summary>Maximum length of a serialized outgoing activity that carries one lesson card, in UTF-16 code units.</summary>
    public const int MaxActivityUtf16Length = 80_000;

    /// <summary>Highest Adaptive Card schema version Teams bot cards support.</summary>
    public static readonly Version MaxCardVersion = new(1, 5);

    private static readonly JsonSerializerOptions MeasureOptions = new()
    {
        // Characters such as å count once, as Teams counts them, instead of as six-character \u escapes.
        // NOTE: characters outside the Basic Multilingual Plane (most emoji) are still escaped, so they
        // count 12 instead of 2 and the measure errs high for them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Returns the length in UTF-16 code units of a message activity carrying <paramref name="card"/>,
    /// with placeholder ids as long as Teams ids, as the Bot Framework connector receives it.
    /// </summary>
    public static int MeasureActivity(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["serviceUrl"] = "https://smba.trafficmanager.net/emea/00000000-0000-0000-0000-000000000000/",
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "28:" + Guid.Empty, ["name"] = "MicroLearnBot" },
            ["recipient"] = new JsonObject { ["id"] = "29:" + new string('x', 120), ["aadObjectId"] = Guid.Empty.ToString() },
            ["conversation"] = new JsonObject
            {
                ["id"] = "a:" + new string('x', 140),
                ["conversationType"] = "personal",
                ["tenantId"] = Guid.Empty.ToString(),
            },
            ["replyToId"] = "1:" + new string('x', 40),
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.adaptive",
                ["content"] = card.DeepClone(),
            }),
        };

        return activity.ToJsonString(MeasureOptions).Length;
    }

    /// <summary>Renders every nugget of every language of <paramref name="course"/> and reports cards over budget or of the wrong version.</summary>
    internal static void Check(Course course, IReadOnlyDictionary<(string Language, string NuggetId), ParsedNugget> nuggetFiles,
        ILessonCardPreviewRenderer renderer, List<ContentProblem> sink)
    {
        foreach (var (language, version) in Versions(course))
        {
            foreach (var nugget in version.Nuggets)
            {
                var parsed = nuggetFiles.GetValueOrDefault((language, nugget.Id));
                var problems = new FileProblems(parsed?.FilePath ?? nugget.Id, sink);
                CheckNugget(course, nugget, language, renderer, problems, parsed?.BodyMark ?? SourceMark.FileStart);
            }
        }
    }

    internal static IEnumerable<(string Language, CourseVersion Version)> Versions(Course course) =>
        new[] { (course.Language, course.Original) }.Concat(course.Translations.Select(t => (t.Key, t.Value)));

    /// <param name="bodyMark">Where the body starts, because the body is usually what makes a card too big.</param>
    private static void CheckNugget(Course course, Nugget nugget, string language, ILessonCardPreviewRenderer renderer, FileProblems problems,
        SourceMark bodyMark)
    {
        JsonObject card;

        // Any failure of the renderer on this nugget's text becomes a problem, so one odd file cannot stop the load.
        try
        {
            card = renderer.RenderLessonCard(course, nugget, language);
        }
        catch (Exception exception)
        {
            problems.Error(SourceMark.FileStart, $"nugget '{nugget.Id}' could not be rendered as a card: {exception.Message}");
            return;
        }

        var versionText = card["version"]?.GetValueKind() == JsonValueKind.String ? card["version"]!.GetValue<string>() : null;
        if (versionText is null || !Version.TryParse(versionText, out var cardVersion) || cardVersion > MaxCardVersion)
        {
            problems.Error(SourceMark.FileStart,
                $"nugget '{nugget.Id}' renders to a card with version '{versionText}'; Teams needs an Adaptive Card version of at most {MaxCardVersion}, so the renderer must set it");
        }

        var length = MeasureActivity(card);
        if (length > MaxActivityUtf16Length)
        {
            problems.Error(bodyMark, string.Format(CultureInfo.InvariantCulture,
                "nugget '{0}' ({1}) renders to a Teams message of {2:N0} characters, over the {3:N0} the bot allows; shorten the body, the transcript or the choices, or split the nugget in two",
                nugget.Id, ContentRules.LanguageName(language), length, MaxActivityUtf16Length));
        }
    }
}
