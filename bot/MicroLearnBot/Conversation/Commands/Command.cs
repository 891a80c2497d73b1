namespace MicroLearnBot.Conversation.Commands;

/// <summary>A text command, parsed once from what the learner typed.</summary>
public abstract record Command
{
    private Command()
    {
    }

    public sealed record Help : Command;

    public sealed record Catalog : Command;

    public sealed record StartCourse(string CourseId) : Command;

    public sealed record SetTime(TimeOnly LocalTime) : Command;

    public sealed record More : Command;

    public sealed record MyData : Command;

    /// <summary>Asks to erase everything stored about the learner; a confirmation button does the erasing.</summary>
    public sealed record EraseMyData : Command;

    public sealed record SetLanguage(string Language) : Command;

    public sealed record Progress : Command;

    public sealed record Pause : Command;

    /// <summary>Whether lessons also come on weekends and Swedish public holidays.</summary>
    public sealed record SetNonWorkingDays(bool Include) : Command;

    /// <summary>The daily time budget in minutes, 5 to 15.</summary>
    public sealed record SetBudget(int Minutes) : Command;

    public sealed record Resume : Command;

    /// <summary>A known command word with a missing or invalid argument, for example <c>tid 25:00</c>.</summary>
    public sealed record Invalid(CommandUsage Usage) : Command;

    /// <summary>Text that matches no command.</summary>
    public sealed record Unknown : Command;
}

/// <summary>The command whose usage a learner got wrong, so the reply can show the right form.</summary>
public enum CommandUsage
{
    StartCourse,
    SetTime,
    SetLanguage,
    SetBudget,
    SetNonWorkingDays,
}
