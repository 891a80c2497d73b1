using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using MicroLearnBot.Tests.Support;

namespace MicroLearnBot.Tests.Deploy;

public sealed class TeamsManifestTests
{
    private static readonly string TeamsFolder = Path.Combine(SharedReference.RepositoryRoot, "deploy", "teams");

    private static JsonSchema LoadSchema()
    {
        // The Teams schema says draft-04 but uses const and if/then from later drafts; evaluate it as draft 7
        // so those keywords are enforced.
        var text = File.ReadAllText(SharedReference.PathOf(Path.Combine("reference", "schemas", "teams-manifest-1.29.json")));
        var node = JsonNode.Parse(text)!.AsObject();
        node["$schema"] = "http://json-schema.org/draft-07/schema#";
        return JsonSchema.FromText(node.ToJsonString());
    }

    [Fact]
    public void ManifestValidatesAgainstTeamsSchema()
    {
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(TeamsFolder, "manifest.json"))).RootElement;

        var result = LoadSchema().Evaluate(manifest, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(5)));
    }

    [Fact]
    public void SchemaRejectsWrongManifestVersion()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(TeamsFolder, "manifest.json")))!;
        manifest["manifestVersion"] = "1.2";

        var result = LoadSchema().Evaluate(JsonDocument.Parse(manifest.ToJsonString()).RootElement);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void ManifestIsSwedishWithEnglishStrings()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(TeamsFolder, "manifest.json")))!;
        var english = JsonNode.Parse(File.ReadAllText(Path.Combine(TeamsFolder, "en-us.json")))!.AsObject();

        Assert.Equal("sv-se", (string?)manifest["localizationInfo"]!["defaultLanguageTag"]);
        Assert.Equal("en-us.json", (string?)manifest["localizationInfo"]!["additionalLanguages"]![0]!["file"]);
        Assert.Contains("lär dig", (string?)manifest["name"]!["full"], StringComparison.Ordinal);

        var commands = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray();
        for (var i = 0; i < commands.Count; i++)
        {
            Assert.True(english.ContainsKey($"bots[0].commandLists[0].commands[{i}].title"), $"English title of command {i} is missing.");
            Assert.True(english.ContainsKey($"bots[0].commandLists[0].commands[{i}].description"), $"English description of command {i} is missing.");
        }

        foreach (var key in new[] { "name.short", "name.full", "description.short", "description.full" })
        {
            Assert.True(english.ContainsKey(key), $"en-us.json lacks {key}.");
        }
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void IconsHaveTeamsSizes(string file, int size)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TeamsFolder, file));

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        Assert.Equal(size, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(size, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }
}
