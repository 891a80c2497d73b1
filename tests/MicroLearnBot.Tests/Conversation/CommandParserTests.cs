using MicroLearnBot.Conversation.Commands;

namespace MicroLearnBot.Tests.Conversation;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("hjälp")]
    [InlineData("hjalp")]
    [InlineData("HJÄLP")]
    [InlineData("  Help  ")]
    [InlineData("help!")]
    [InlineData("<at>MicroLearnBot</at> hjälp")]
    public void HelpInBothLanguages(string text) => Assert.IsType<Command.Help>(CommandParser.Parse(text));

    [Theory]
    [InlineData("kurser")]
    [InlineData("Courses")]
    public void CatalogInBothLanguages(string text) => Assert.IsType<Command.Catalog>(CommandParser.Parse(text));

    [Theory]
    [InlineData("starta sma-steg", "sma-steg")]
    [InlineData("Start SMA-STEG", "sma-steg")]
    [InlineData("starta  informationssakerhet", "informationssakerhet")]
    public void StartTakesCourseId(string text, string expected)
    {
        var command = Assert.IsType<Command.StartCourse>(CommandParser.Parse(text));

        Assert.Equal(expected, command.CourseId);
    }

    [Theory]
    [InlineData("starta")]
    [InlineData("start ../etc")]
    [InlineData("starta två ord")]
    public void StartWithoutValidIdIsInvalid(string text)
    {
        var command = Assert.IsType<Command.Invalid>(CommandParser.Parse(text));

        Assert.Equal(CommandUsage.StartCourse, command.Usage);
    }

    [Theory]
    [InlineData("tid 08:30", 8, 30)]
    [InlineData("time 8:05", 8, 5)]
    [InlineData("tid 13.15", 13, 15)]
    [InlineData("tid kl. 7", 7, 0)]
    [InlineData("TID 23:59", 23, 59)]
    [InlineData("tid 00:00", 0, 0)]
    public void TimeAcceptsSwedishAndEnglishForms(string text, int hour, int minute)
    {
        var command = Assert.IsType<Command.SetTime>(CommandParser.Parse(text));

        Assert.Equal(new TimeOnly(hour, minute), command.LocalTime);
    }

    [Theory]
    [InlineData("tid")]
    [InlineData("tid 24:00")]
    [InlineData("tid 12:60")]
    [InlineData("time noon")]
    [InlineData("tid 8:5")]
    public void TimeOutOfRangeIsInvalid(string text)
    {
        var command = Assert.IsType<Command.Invalid>(CommandParser.Parse(text));

        Assert.Equal(CommandUsage.SetTime, command.Usage);
    }

    [Theory]
    [InlineData("mer")]
    [InlineData("More")]
    [InlineData("nästa")]
    public void MoreInBothLanguages(string text) => Assert.IsType<Command.More>(CommandParser.Parse(text));

    [Theory]
    [InlineData("mina data")]
    [InlineData("My Data")]
    [InlineData("MINA  DATA")]
    public void MyDataInBothLanguages(string text) => Assert.IsType<Command.MyData>(CommandParser.Parse(text));

    [Theory]
    [InlineData("språk engelska", "en")]
    [InlineData("sprak English", "en")]
    [InlineData("language swedish", "sv")]
    [InlineData("language svenska", "sv")]
    public void LanguageChoice(string text, string expected)
    {
        var command = Assert.IsType<Command.SetLanguage>(CommandParser.Parse(text));

        Assert.Equal(expected, command.Language);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("progress")]
    public void ProgressInBothLanguages(string text) => Assert.IsType<Command.Progress>(CommandParser.Parse(text));

    [Theory]
    [InlineData("paus", typeof(Command.Pause))]
    [InlineData("pause", typeof(Command.Pause))]
    [InlineData("fortsätt", typeof(Command.Resume))]
    [InlineData("resume", typeof(Command.Resume))]
    public void PauseAndResume(string text, Type expected) => Assert.IsType(expected, CommandParser.Parse(text));

    [Theory]
    [InlineData("helger på", true)]
    [InlineData("helger pa", true)]
    [InlineData("weekends off", false)]
    [InlineData("HELGER AV", false)]
    public void NonWorkingDaysOptIn(string text, bool expected)
    {
        var command = Assert.IsType<Command.SetNonWorkingDays>(CommandParser.Parse(text));

        Assert.Equal(expected, command.Include);
    }

    [Theory]
    [InlineData("minuter 15", 15)]
    [InlineData("minutes 5", 5)]
    public void BudgetWithinBounds(string text, int expected)
    {
        var command = Assert.IsType<Command.SetBudget>(CommandParser.Parse(text));

        Assert.Equal(expected, command.Minutes);
    }

    [Theory]
    [InlineData("minuter 4")]
    [InlineData("minutes 16")]
    [InlineData("minuter tio")]
    public void BudgetOutOfBoundsIsInvalid(string text)
    {
        var command = Assert.IsType<Command.Invalid>(CommandParser.Parse(text));

        Assert.Equal(CommandUsage.SetBudget, command.Usage);
    }

    [Theory]
    [InlineData("hej hej")]
    [InlineData("kurser nu")]
    [InlineData("mina")]
    [InlineData("🙂")]
    public void OtherTextIsUnknown(string text) => Assert.IsType<Command.Unknown>(CommandParser.Parse(text));

    [Fact]
    public void EmptyTextShowsHelp() => Assert.IsType<Command.Help>(CommandParser.Parse("   "));
}
