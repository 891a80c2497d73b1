using System.Diagnostics;

namespace MicroLearnBot.WaveBenchmark;

/// <summary>What one phase of a run cost the bot's process.</summary>
public sealed record PhaseCost(TimeSpan Elapsed, TimeSpan ProcessorTime, long AllocatedBytes, long PeakWorkingSetBytes, long DatabaseCommands, TimeSpan DatabaseTime);

/// <summary>
/// Measures a phase: wall-clock time, CPU time of the whole process (all threads), bytes allocated on the managed
/// heap by all threads, the highest working set seen, and the database commands EF Core executed with their time.
/// </summary>
public sealed class PhaseMeter : IDisposable
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(50);

    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();
    private readonly TimeSpan _processorTimeAtStart;
    private readonly long _allocatedAtStart;
    private readonly long _commandsAtStart;
    private readonly TimeSpan _databaseTimeAtStart;
    private readonly Timer _sampler;
    private long _peakWorkingSet;

    private PhaseMeter()
    {
        _processorTimeAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        _allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
        _commandsAtStart = DatabaseCommandCounter.Count;
        _databaseTimeAtStart = DatabaseCommandCounter.Duration;
        _peakWorkingSet = Environment.WorkingSet;
        _sampler = new Timer(_ => SampleWorkingSet(), null, SampleInterval, SampleInterval);
    }

    public static PhaseMeter Start() => new();

    public PhaseCost Stop()
    {
        _stopwatch.Stop();
        _sampler.Change(Timeout.Infinite, Timeout.Infinite);
        SampleWorkingSet();
        return new PhaseCost(
            _stopwatch.Elapsed,
            Process.GetCurrentProcess().TotalProcessorTime - _processorTimeAtStart,
            GC.GetTotalAllocatedBytes(precise: true) - _allocatedAtStart,
            Interlocked.Read(ref _peakWorkingSet),
            DatabaseCommandCounter.Count - _commandsAtStart,
            DatabaseCommandCounter.Duration - _databaseTimeAtStart);
    }

    public void Dispose() => _sampler.Dispose();

    private void SampleWorkingSet()
    {
        var current = Environment.WorkingSet;
        long seen;
        do
        {
            seen = Interlocked.Read(ref _peakWorkingSet);
        }
        while (current > seen && Interlocked.CompareExchange(ref _peakWorkingSet, current, seen) != seen);
    }
}
