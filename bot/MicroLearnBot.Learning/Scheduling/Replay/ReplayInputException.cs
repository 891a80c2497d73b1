namespace MicroLearnBot.Learning.Scheduling.Replay;

/// <summary>Invalid replay input; the message names the sequence, review and field.</summary>
public sealed class ReplayInputException(string message) : Exception(message);
