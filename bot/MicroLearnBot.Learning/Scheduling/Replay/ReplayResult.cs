namespace MicroLearnBot.Learning.Scheduling.Replay;

/// <summary>Either the complete output JSON or an error message; never both.</summary>
public sealed record ReplayResult
{
    private ReplayResult(string? output, string? error)
    {
        Output = output;
        Error = error;
    }

    /// <summary>The output JSON document when the replay succeeded, otherwise null.</summary>
    public string? Output { get; }

    /// <summary>A message naming the sequence and review index at fault, otherwise null.</summary>
    public string? Error { get; }

    public bool Succeeded => Error is null;

    public static ReplayResult Success(string output) => new(output, null);

    public static ReplayResult Failure(string error) => new(null, error);
}
