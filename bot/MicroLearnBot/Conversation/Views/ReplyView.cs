using MicroLearnBot.Conversation.Texts;

namespace MicroLearnBot.Conversation.Views;

/// <summary>
/// A channel-neutral reply. Channels render views to Adaptive Cards or Block Kit; handlers never build card JSON.
/// Strings in views are either <see cref="LocalizedText"/>, course content or the learner's own text.
/// </summary>
public abstract record ReplyView
{
    /// <summary>The language the whole reply is rendered in, so a card never mixes languages.</summary>
    public required string Language { get; init; }
}

/// <summary>Marks a string that comes from a course file, shown as the author wrote it.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class CourseContentAttribute : Attribute;

/// <summary>Marks a string the learner typed, shown back exactly as typed and never interpreted as Markdown.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class LearnerTextAttribute : Attribute;

/// <summary>Marks an identifier (course id, command argument) that is data, not prose.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class IdentifierAttribute : Attribute;
