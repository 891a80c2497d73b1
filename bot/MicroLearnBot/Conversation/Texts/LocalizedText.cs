namespace MicroLearnBot.Conversation.Texts;

/// <summary>
/// A reference to a resource string plus its arguments. Handlers return these instead of strings, so every word
/// the bot says comes from the resource files and is rendered in the learner's language at the edge.
/// </summary>
public sealed record LocalizedText(string Key, IReadOnlyList<object> Arguments)
{
    public static LocalizedText Of(string key, params object[] arguments) => new(key, arguments);
}

/// <summary>A local date and time argument, formatted the way each language writes it.</summary>
public sealed record LocalDateTimeArgument(DateTime LocalDateTime);

/// <summary>A local time of day argument, always HH:mm.</summary>
public sealed record LocalTimeArgument(TimeOnly LocalTime);
