using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MicroLearnBot.WaveBenchmark;

/// <summary>
/// Counts the database commands EF Core executes in this process and the time they take, through EF Core's
/// diagnostic source, so the run can report round trips per learner and how much of a phase the database takes. One <c>SaveChanges</c> may send several statements in one batched command.
/// </summary>
public sealed class DatabaseCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    // EF Core's diagnostic listener and the event RelationalEventId.CommandExecuted raises (EF Core 10).
    private const string ListenerName = "Microsoft.EntityFrameworkCore";
    private const string CommandExecutedEvent = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted";

    private static long s_count;
    private static long s_durationTicks;

    private DatabaseCommandCounter()
    {
    }

    /// <summary>Commands executed since <see cref="Subscribe"/>.</summary>
    public static long Count => Interlocked.Read(ref s_count);

    /// <summary>Summed duration of those commands as EF Core measured them, from sending to reading the result.</summary>
    public static TimeSpan Duration => TimeSpan.FromTicks(Interlocked.Read(ref s_durationTicks));

    /// <summary>Starts counting. Call it once, before the bot starts.</summary>
    public static IDisposable Subscribe() => DiagnosticListener.AllListeners.Subscribe(new DatabaseCommandCounter());

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == ListenerName)
        {
            listener.Subscribe(this, eventName => eventName == CommandExecutedEvent);
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value is { Key: CommandExecutedEvent, Value: CommandExecutedEventData executed })
        {
            Interlocked.Increment(ref s_count);
            Interlocked.Add(ref s_durationTicks, executed.Duration.Ticks);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
