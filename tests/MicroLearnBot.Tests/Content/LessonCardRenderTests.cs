using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using MicroLearnBot.Content;
using MicroLearnBot.Learning.Courses;
using MicroLearnBot.Tests.Support;

namespace MicroLearnBot.Tests.Content;

/// <summary>
/// Renders every nugget of the repository's courses and of the test fixtures with the Bot Framework lesson card
/// and checks each card against the Adaptive Cards 1.5 schema and the Teams message size budget.
/// </summary>
public sealed class LessonCardRenderTests
{
    private static readonly Lazy<JsonSchema> CardSchema = new(LoadCardSchema);

    [Fact]
    public async Task RepositoryCourses_HaveNoErrors()
    {
        if (!Directory.Exists(RepositoryPaths.Content))
        {
            return;
        }

        var result = await new CourseLoader().LoadAllAsync(RepositoryPaths.Content);

        var errors = result.AllProblems.Where(p => p.IsError).Select(p => p.Format(Path.GetRelativePath(RepositoryPaths.Root, p.FilePath))).ToList();
        Assert.True(errors.Count == 0, "content validation errors:\n" + string.Join('\n', errors));
    }

    [Fact]
    public async Task EveryCard_MatchesSchemaAndBudget()
    {
        var courses = await LoadCoursesAsync();
        var renderers = new[] { LessonCardPreviewRenderer.ForPreview(), LessonCardPreviewRenderer.ForSizeCheck() };
        var failures = new List<string>();
        var count = 0;

        foreach (var course in courses)
        {
            foreach (var (language, version) in new[] { (course.Language, course.Original) }.Concat(course.Translations.Select(t => (t.Key, t.Value))))
            {
                foreach (var nugget in version.Nuggets)
                {
                    foreach (var renderer in renderers)
                    {
                        count++;
                        failures.AddRange(CheckCard(renderer.RenderLessonCard(course, nugget, language), $"{course.Id}/{language}/{nugget.Id}"));
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(count >= 8, $"expected at least the fixture course's 4 nuggets in two forms, rendered {count} cards");
    }

    [Fact]
    public void SchemaCheck_RejectsUnknownElement()
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "Table2", ["rows"] = new JsonArray() }),
        };

        Assert.NotEmpty(CheckCard(card, "broken"));
    }

    private static List<string> CheckCard(JsonObject card, string name)
    {
        var failures = new List<string>();

        // The card-level "msteams" object (width "Full") is a Teams host extension. The generic 1.5 schema
        // forbids properties it does not list, so only that one is removed before the check.
        var schemaView = (JsonObject)card.DeepClone();
        schemaView.Remove("msteams");
        using var document = JsonDocument.Parse(schemaView.ToJsonString());
        var evaluation = CardSchema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!evaluation.IsValid)
        {
            var details = (evaluation.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
                .Take(10);
            failures.Add($"{name}: card does not match the Adaptive Cards 1.5 schema: {string.Join("; ", details)}");
        }

        if (card["version"]?.GetValue<string>() != "1.5")
        {
            failures.Add($"{name}: card version is {card["version"]}, expected 1.5");
        }

        var size = LessonCardBudget.MeasureActivity(card);
        if (size > LessonCardBudget.MaxActivityUtf16Length)
        {
            failures.Add($"{name}: activity is {size} UTF-16 code units, over {LessonCardBudget.MaxActivityUtf16Length}");
        }

        return failures;
    }

    private static async Task<List<Course>> LoadCoursesAsync()
    {
        var courses = new List<Course>();
        foreach (var folder in new[] { RepositoryPaths.Fixtures, RepositoryPaths.Content }.Where(Directory.Exists))
        {
            var result = await new CourseLoader().LoadAllAsync(folder);
            courses.AddRange(result.Courses.Select(c => c.Course).OfType<Course>());
        }

        return courses;
    }

    private static JsonSchema LoadCardSchema()
    {
        var path = Path.Combine(RepositoryPaths.ReferenceSchemas, "adaptive-card-1.5.json");
        Assert.True(Directory.Exists(SharedReference.Folder), SharedReference.MissingFolderMessage(SharedReference.Folder));
        Assert.True(File.Exists(path), $"The Adaptive Cards 1.5 schema was not found at {path}.");
        return JsonSchema.FromText(File.ReadAllText(path));
    }
}
