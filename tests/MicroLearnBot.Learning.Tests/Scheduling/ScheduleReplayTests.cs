using System.Text.Json;
using MicroLearnBot.Learning.Scheduling.Replay;

namespace MicroLearnBot.Learning.Tests.Scheduling;

public sealed class ScheduleReplayTests
{
    [Fact]
    public void Run_DefaultSequence_WritesOneRowPerReview()
    {
        const string input = """
            [{"reviews": [{"rating": 3, "at": "2022-12-29T12:30:00Z"}, {"rating": 3, "at": "2022-12-29T12:40:00Z"},
              {"rating": 3, "at": "2022-12-31T13:40:00+01:00"}]}]
            """;

        var result = ScheduleReplay.Run(input);

        Assert.True(result.Succeeded, result.Error);
        using var output = JsonDocument.Parse(result.Output!);
        var rows = output.RootElement[0];
        Assert.Equal(3, rows.GetArrayLength());
        Assert.Equal("Learning", rows[0].GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("retrievability").ValueKind);
        Assert.Equal("2022-12-29T12:40:00.000Z", rows[0].GetProperty("due").GetString());
        Assert.Equal(1, rows[1].GetProperty("retrievability").GetDouble());
        Assert.Equal(2, rows[1].GetProperty("scheduled_days").GetInt32());
        Assert.Equal("Review", rows[2].GetProperty("state").GetString());
        Assert.Equal(0.90949326, rows[2].GetProperty("retrievability").GetDouble());
    }

    [Fact]
    public void Run_EmptyArray_WritesEmptyArray()
    {
        var result = ScheduleReplay.Run("[]");

        Assert.Equal("[]", result.Output);
    }

    [Fact]
    public void Run_SubMillisecondInstant_TruncatesLikeJavaScript()
    {
        var result = ScheduleReplay.Run("""[{"reviews": [{"rating": 1, "at": "2024-01-01T00:00:00.1239Z"}]}]""");

        using var output = JsonDocument.Parse(result.Output!);
        Assert.Equal("2024-01-01T00:01:00.123Z", output.RootElement[0][0].GetProperty("due").GetString());
    }

    [Theory]
    [InlineData("{}", "JSON array")]
    [InlineData("[1]", "sequence 0: expected an object")]
    [InlineData("[{}]", "sequence 0: the field \"reviews\" is missing")]
    [InlineData("""[{"reviews": []}, {"reviews": [{"rating": 5, "at": "2024-01-01T00:00:00Z"}]}]""", "sequence 1, review 0, rating: 5 is not a rating")]
    [InlineData("""[{"reviews": [{"rating": 3, "at": "2024-01-01T00:00:00"}]}]""", "sequence 0, review 0, at: \"2024-01-01T00:00:00\" is not an ISO-8601 instant")]
    [InlineData("""[{"reviews": [{"rating": 3}]}]""", "sequence 0, review 0: the field \"at\" is missing")]
    [InlineData("""[{"params": [1, 2], "reviews": []}]""", "sequence 0, params: 2 numbers given; give 21 (FSRS-6), 19 (FSRS-5) or 17 (FSRS-4.5)")]
    [InlineData("""[{"desired_retention": 1.5, "reviews": []}]""", "sequence 0, desired_retention: 1.5 is out of range")]
    [InlineData("""[{"maximum_interval": 0, "reviews": []}]""", "sequence 0, maximum_interval: 0 is out of range")]
    [InlineData("""[{"maximum_interval": 10.5, "reviews": []}]""", "sequence 0, maximum_interval: expected a whole number")]
    [InlineData("""[{"learning_steps": ["10s"], "reviews": []}]""", "sequence 0, learning_steps[0]: Invalid learning step \"10s\"")]
    [InlineData("""[{"relearning_steps": ["1m", "10675200d"], "reviews": []}]""", "sequence 0, relearning_steps[1]: Learning step \"10675200d\" is too long: the maximum is 10675199d")]
    [InlineData("""[{"time_zone": "Mars/Olympus", "reviews": []}]""", "time zone \"Mars/Olympus\" was not found")]
    [InlineData("""[{"retention": 0.9, "reviews": []}]""", "unknown field \"retention\"")]
    [InlineData("[", "not valid JSON at line 1, byte 2")]
    [InlineData("[\n  {\"reviews\": [}]", "not valid JSON at line 2, byte 16: '}' is an invalid start of a value.")]
    public void Run_InvalidInput_ReportsLocationAndNoOutput(string input, string message)
    {
        var result = ScheduleReplay.Run(input);

        Assert.False(result.Succeeded);
        Assert.Null(result.Output);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void Run_ByteOrderMark_IsIgnored()
    {
        var result = ScheduleReplay.Run("\uFEFF[{\"reviews\": [{\"rating\": 3, \"at\": \"2024-01-01T00:00:00Z\"}]}]");

        Assert.True(result.Succeeded, result.Error);
    }

    [Fact]
    public void Run_DueAfterYear9999_ReportsReview()
    {
        var result = ScheduleReplay.Run("""[{"reviews": [{"rating": 4, "at": "9999-12-30T00:00:00Z"}]}]""");

        Assert.Null(result.Output);
        Assert.Contains("sequence 0, review 0", result.Error);
    }

    [Fact]
    public void Run_StepDueAfterYear9999_ReportsReview()
    {
        var result = ScheduleReplay.Run("""[{"learning_steps": ["10675199d"], "reviews": [{"rating": 1, "at": "2024-01-01T00:00:00Z"}]}]""");

        Assert.Null(result.Output);
        Assert.Contains("sequence 0, review 0: the next due date falls after year 9999", result.Error);
    }

    [Fact]
    public void Run_StepWithLeadingZeros_IsAccepted()
    {
        var result = ScheduleReplay.Run("""[{"learning_steps": ["0000000001m"], "reviews": [{"rating": 1, "at": "2024-01-01T00:00:00Z"}]}]""");

        Assert.True(result.Succeeded, result.Error);
        using var output = JsonDocument.Parse(result.Output!);
        Assert.Equal("2024-01-01T00:01:00.000Z", output.RootElement[0][0].GetProperty("due").GetString());
    }
}
