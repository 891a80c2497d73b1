using System.Text.Json.Nodes;
using MicroLearnBot.Learning.Scheduling;

namespace MicroLearnBot.Learning.Tests.Scheduling.Reference;

/// <summary>
/// Options of one generated replay sequence, kept both as replay JSON fields and as <see cref="FsrsOptions"/>, so
/// the generator can simulate the reviews with the same settings that both replays will read.
/// </summary>
internal sealed class SequenceOptions
{
    private readonly JsonObject _json = new();
    private FsrsOptions _options = new();

    /// <summary>Sets <c>params</c>; null writes an explicit null, which selects the default weights.</summary>
    public void SetWeights(double[]? weights)
    {
        _json["params"] = weights is null ? null : new JsonArray([.. weights.Select(w => (JsonNode)w)]);
        _options = _options with { Weights = weights };
    }

    public void SetShortTerm(bool enableShortTerm)
    {
        _json["enable_short_term"] = enableShortTerm;
        _options = _options with { EnableShortTerm = enableShortTerm };
    }

    public void SetRetention(double retention)
    {
        _json["desired_retention"] = retention;
        _options = _options with { DesiredRetention = retention };
    }

    public void SetMaximumInterval(int days)
    {
        _json["maximum_interval"] = days;
        _options = _options with { MaximumInterval = days };
    }

    public void SetLearningSteps(string[] steps)
    {
        _json["learning_steps"] = new JsonArray([.. steps.Select(s => (JsonNode)s)]);
        _options = _options with { LearningSteps = LearningSteps.ParseAll(steps) };
    }

    public void SetRelearningSteps(string[] steps)
    {
        _json["relearning_steps"] = new JsonArray([.. steps.Select(s => (JsonNode)s)]);
        _options = _options with { RelearningSteps = LearningSteps.ParseAll(steps) };
    }

    /// <summary>Creates a scheduler with the options set so far.</summary>
    public FsrsScheduler CreateScheduler() => new(_options);

    /// <summary>Returns the sequence's JSON object with <paramref name="reviews"/> as its <c>reviews</c> field.</summary>
    public JsonObject WithReviews(JsonArray reviews)
    {
        _json["reviews"] = reviews;
        return _json;
    }
}
