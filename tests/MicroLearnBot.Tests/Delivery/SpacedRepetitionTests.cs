using MicroLearnBot.Delivery;
using MicroLearnBot.Storage;
using MicroLearnBot.Storage.Entities;
using MicroLearnBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MicroLearnBot.Tests.Delivery;

/// <summary>
/// What learners answer decides when questions come back: a wrong answer returns sooner than a right and
/// certain one, in <c>status</c> and in the sessions the sweep delivers.
/// </summary>
public sealed class SpacedRepetitionTests : IAsyncLifetime
{
    private FakeTeamsConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeTeamsConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task WrongAnswerReturnsSoonerThanCertainOne()
    {
        // Monday 7 December 2026, 10:00 in Stockholm.
        var time = FakeTime.AtStockholm(2026, 12, 7, 10, 0);
        await using var bot = await BotTestHost.StartAsync(time, new StaticCourseCatalog(TestCourses.Create(nuggetCount: 1)));

        await AnswerFirstLessonAsync(bot, "wrong-user", correct: false);
        await AnswerFirstLessonAsync(bot, "certain-user", correct: true);
        var rate = await _connector.WaitForActivityAsync(r => r.ConversationId == "certain-user" && r.CardText.Contains("Helt säker", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        await bot.PostActivityAsync(Submit("certain-user", Activities.SubmitData(rate.Card!, "rate", "rating", "4")));
        await _connector.WaitForActivityAsync(r => r.ConversationId == "certain-user" && r.CardText.Contains("Frågan ”Vilket svar är rätt?” kommer tillbaka", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

        var wrongDue = await DueOfCheckAsync(bot, "wrong-user");
        var certainDue = await DueOfCheckAsync(bot, "certain-user");
        Assert.True(wrongDue < certainDue, $"Wrong answer due {wrongDue:o} should come before certain answer due {certainDue:o}.");
        Assert.Equal(new DateTime(2026, 12, 8), wrongDue.Date);

        await bot.PostActivityAsync(Text("wrong-user", "status"));
        var wrongStatus = await _connector.WaitForActivityAsync(r => r.ConversationId == "wrong-user" && r.CardText.Contains("Så går det för dig", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.StartsWith("tisdag 8 december", FactValue(wrongStatus, "Nästa repetition"), StringComparison.Ordinal);
        await bot.PostActivityAsync(Text("certain-user", "status"));
        var certainStatus = await _connector.WaitForActivityAsync(r => r.ConversationId == "certain-user" && r.CardText.Contains("Så går det för dig", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.DoesNotContain("8 december", FactValue(certainStatus, "Nästa repetition"), StringComparison.Ordinal);

        // Tuesday 08:30: the sweep brings the wrong answer back as a review. The certain learner gets nothing,
        // because the course has no new nugget left and their question is not due.
        time.SetUtcNow(new DateTimeOffset(2026, 12, 8, 7, 31, 0, TimeSpan.Zero));
        await bot.RunSweepAsync();
        var review = await _connector.WaitForActivityAsync(r => r.ConversationId == "wrong-user" && r.CardText.Contains("· repetition", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Contains("Vilket svar är rätt?", review.CardText, StringComparison.Ordinal);
        Assert.DoesNotContain(_connector.Requests, r => r.ConversationId == "certain-user" && r.CardText.Contains("· repetition", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReviewDueOnWeekendShowsMonday()
    {
        // Friday 4 December 2026: a wrong answer is due on Saturday, but sessions come on working days.
        await using var bot = await BotTestHost.StartAsync(FakeTime.AtStockholm(2026, 12, 4, 10, 0), new StaticCourseCatalog(TestCourses.Create(nuggetCount: 1)));
        await AnswerFirstLessonAsync(bot, "friday-user", correct: false);

        await bot.PostActivityAsync(Text("friday-user", "status"));

        var status = await _connector.WaitForActivityAsync(r => r.ConversationId == "friday-user" && r.CardText.Contains("Så går det för dig", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.StartsWith("måndag 7 december", FactValue(status, "Nästa repetition"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovedQuestionIsRetiredNotReviewed()
    {
        var course = TestCourses.Create(nuggetCount: 1);
        var catalog = new SwappableCourseCatalog(course);
        var time = FakeTime.AtStockholm(2026, 12, 7, 10, 0);
        await using var bot = await BotTestHost.StartAsync(time, catalog);
        await AnswerFirstLessonAsync(bot, "content-change", correct: false);

        // The author rewrites the nugget: its check question gets a new id, so the old one no longer exists.
        var nugget = course.Nuggets[0];
        var rewritten = nugget with { Checks = [nugget.Checks[0] with { Id = "del-1:q2" }] };
        catalog.Replace(course with { Original = course.Original with { Nuggets = [rewritten] } });

        time.SetUtcNow(new DateTimeOffset(2026, 12, 8, 7, 31, 0, TimeSpan.Zero));
        await bot.RunSweepAsync();
        await Task.Delay(300);

        Assert.DoesNotContain(_connector.Requests, r => r.ConversationId == "content-change" && r.CardText.Contains("Vilket svar är rätt?", StringComparison.Ordinal) && r.CardText.Contains("· repetition", StringComparison.Ordinal));
        var retired = await bot.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MicroLearnDbContext>();
            return await db.QuestionCards.Where(c => c.QuestionId == "del-1:q1").Select(c => c.IsRetired).SingleAsync();
        });
        Assert.True(retired);
    }

    [Fact]
    public async Task SecondConfidenceTapCountsOnce()
    {
        await using var bot = await BotTestHost.StartAsync(FakeTime.AtStockholm(2026, 12, 7, 10, 0), new StaticCourseCatalog(TestCourses.Create(nuggetCount: 1)));
        await AnswerFirstLessonAsync(bot, "double-tapper", correct: true);
        var feedback = await _connector.WaitForActivityAsync(r => r.ConversationId == "double-tapper" && r.CardText.Contains("Helt säker", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        var certain = Activities.SubmitData(feedback.Card!, "rate", "rating", "4");
        var guessed = Activities.SubmitData(feedback.Card!, "rate", "rating", "2");

        await bot.PostActivityAsync(Submit("double-tapper", certain));
        await bot.PostActivityAsync(Submit("double-tapper", guessed));

        await _connector.WaitForActivityAsync(r => r.ConversationId == "double-tapper" && r.CardText.Contains("Du har redan sagt hur säker du var", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Equal(4, await RatingOfCheckAsync(bot, "double-tapper"));
    }

    [Fact]
    public async Task ReflectionReturnsWithLastAnswer()
    {
        var time = FakeTime.AtStockholm(2026, 12, 7, 10, 0);
        await using var bot = await BotTestHost.StartAsync(time, new StaticCourseCatalog(TestCourses.Create(nuggetCount: 1)));
        await AnswerFirstLessonAsync(bot, "reflecting-user", correct: true, reflection: "Min första tanke");

        // Three days later (Thursday) the reflection is due again and shows what was written.
        time.SetUtcNow(new DateTimeOffset(2026, 12, 10, 7, 31, 0, TimeSpan.Zero));
        await bot.RunSweepAsync();

        var review = await _connector.WaitForActivityAsync(r => r.ConversationId == "reflecting-user" && r.CardText.Contains("· repetition", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Contains("Min första tanke", review.CardText, StringComparison.Ordinal);
        Assert.Contains("Förra gången", review.CardText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UntappedConfidenceCountsAsGood()
    {
        var time = FakeTime.AtStockholm(2026, 12, 7, 10, 0);
        await using var bot = await BotTestHost.StartAsync(time, new StaticCourseCatalog(TestCourses.Create(nuggetCount: 1)));
        await AnswerFirstLessonAsync(bot, "silent-user", correct: true);
        Assert.Null(await RatingOfCheckAsync(bot, "silent-user"));

        time.Advance(TimeSpan.FromHours(2));
        await bot.PostActivityAsync(Text("silent-user", "status"));
        await _connector.WaitForActivityAsync(r => r.ConversationId == "silent-user" && r.CardText.Contains("Så går det för dig", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

        Assert.Equal(3, await RatingOfCheckAsync(bot, "silent-user"));
    }

    private async Task AnswerFirstLessonAsync(BotTestHost bot, string user, bool correct, string reflection = "En tanke")
    {
        await bot.PostActivityAsync(Activities.ForUser(Activities.Install(_connector.ServiceUrl), user));
        await bot.PostActivityAsync(Text(user, "starta testkurs"));
        await bot.PostActivityAsync(Text(user, "mer"));
        var lesson = await _connector.WaitForActivityAsync(r => r.ConversationId == user && r.CardText.Contains("Lektion 1", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        var data = Activities.SubmitData(lesson.Card!, "answer");
        var submit = Activities.ForUser(Activities.Submit(_connector.ServiceUrl, data, new Dictionary<string, string> { ["reflection"] = reflection, ["check:del-1:q1"] = correct ? "a" : "b" }), user);
        await bot.PostActivityAsync(submit);
        await _connector.WaitForActivityAsync(r => r.ConversationId == user && r.CardText.Contains("Ditt svar är sparat", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
    }

    private static string FactValue(RecordedRequest card, string title)
    {
        var facts = card.Card!["body"]!.AsArray().Single(e => (string?)e!["type"] == "FactSet")!["facts"]!.AsArray();
        return (string?)facts.Single(f => (string?)f!["title"] == title)!["value"] ?? "";
    }

    private System.Text.Json.Nodes.JsonObject Text(string user, string text) => Activities.ForUser(Activities.Text(_connector.ServiceUrl, text), user);

    private System.Text.Json.Nodes.JsonObject Submit(string user, System.Text.Json.Nodes.JsonObject data) =>
        Activities.ForUser(Activities.Submit(_connector.ServiceUrl, data, new Dictionary<string, string>()), user);


    private static Task<DateTime> DueOfCheckAsync(BotTestHost bot, string user) =>
        bot.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MicroLearnDbContext>();
            var learner = await db.Learners.SingleAsync(l => l.UserId == $"aad-{user}");
            var card = await db.QuestionCards.SingleAsync(c => c.LearnerId == learner.Id && c.Kind == QuestionKind.Check);
            return card.DueUtc;
        });

    private static Task<int?> RatingOfCheckAsync(BotTestHost bot, string user) =>
        bot.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MicroLearnDbContext>();
            var learner = await db.Learners.SingleAsync(l => l.UserId == $"aad-{user}");
            return (await db.Answers.SingleAsync(a => a.LearnerId == learner.Id && a.Kind == AnswerKind.Check)).Rating;
        });

}
