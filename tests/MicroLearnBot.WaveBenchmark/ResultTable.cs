using System.Globalization;
using System.Text;

namespace MicroLearnBot.WaveBenchmark;

/// <summary>Formats wave results as a Markdown table, one column per run.</summary>
public static class ResultTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Summarize(WaveResult result) => string.Create(Invariant,
        $"  sweep {result.Sweep.Elapsed.TotalSeconds:F1} s, drain {result.Drain.Elapsed.TotalSeconds:F1} s, {MessagesPerSecond(result):F0} messages/s, {result.ConnectorSends:N0} sends");

    public static string Format(IReadOnlyList<WaveResult> results)
    {
        var rows = new List<(string Measure, Func<WaveResult, string> Value)>
        {
            ("database", r => r.Database),
            ("tenant limit (requests/s)", r => Number(r.RequestsPerSecondLimit, "N0")),
            ("learners due", r => Number(r.Learners, "N0")),
            ("sessions written by the sweep", r => Number(r.Sessions, "N0")),
            ("messages sent (outbox rows Sent)", r => Number(r.Messages, "N0")),
            ("requests the connector received", r => Number(r.ConnectorSends, "N0")),
            ("seeding learners (s)", r => Number(r.Seeding.TotalSeconds, "F1")),
            ("sweep: wall time (s)", r => Number(r.Sweep.Elapsed.TotalSeconds, "F2")),
            ("sweep: wall time per learner (ms)", r => Number(r.Sweep.Elapsed.TotalMilliseconds / r.Learners, "F3")),
            ("sweep: CPU time per learner (ms)", r => Number(r.Sweep.ProcessorTime.TotalMilliseconds / r.Learners, "F3")),
            ("sweep: allocated per learner (KB)", r => Number(r.Sweep.AllocatedBytes / 1024.0 / r.Learners, "F1")),
            ("sweep: database commands per learner", r => Number((double)r.Sweep.DatabaseCommands / r.Learners, "F2")),
            ("sweep: database command time per learner (ms)", r => Number(r.Sweep.DatabaseTime.TotalMilliseconds / r.Learners, "F3")),
            ("drain: wall time (s)", r => Number(r.Drain.Elapsed.TotalSeconds, "F2")),
            ("drain: messages per second", r => Number(MessagesPerSecond(r), "F0")),
            ("drain: CPU time per message (ms)", r => Number(r.Drain.ProcessorTime.TotalMilliseconds / Math.Max(1, r.Messages), "F3")),
            ("drain: allocated per message (KB)", r => Number(r.Drain.AllocatedBytes / 1024.0 / Math.Max(1, r.Messages), "F1")),
            ("drain: database commands per message", r => Number((double)r.Drain.DatabaseCommands / Math.Max(1, r.Messages), "F2")),
            ("drain: database command time per message (ms)", r => Number(r.Drain.DatabaseTime.TotalMilliseconds / Math.Max(1, r.Messages), "F3")),
            ("wave: sweep + drain (s)", r => Number((r.Sweep.Elapsed + r.Drain.Elapsed).TotalSeconds, "F1")),
            ("wave: CPU time per learner (ms)", r => Number((r.Sweep.ProcessorTime + r.Drain.ProcessorTime).TotalMilliseconds / r.Learners, "F3")),
            ("peak working set (MB)", r => Number(Math.Max(r.Sweep.PeakWorkingSetBytes, r.Drain.PeakWorkingSetBytes) / 1048576.0, "F0")),
            ("managed heap after the wave and a full GC (MB)", r => Number(r.ManagedHeapAfterBytes / 1048576.0, "F1")),
        };

        var table = new StringBuilder();
        table.Append("| measure |");
        foreach (var _ in results)
        {
            table.Append(" run |");
        }

        table.AppendLine();
        table.Append("| --- |");
        foreach (var _ in results)
        {
            table.Append(" ---: |");
        }

        table.AppendLine();
        foreach (var (measure, value) in rows)
        {
            table.Append("| ").Append(measure).Append(" |");
            foreach (var result in results)
            {
                table.Append(' ').Append(value(result)).Append(" |");
            }

            table.AppendLine();
        }

        return table.ToString();
    }

    private static double MessagesPerSecond(WaveResult result) => result.Messages / Math.Max(result.Drain.Elapsed.TotalSeconds, 1e-9);

    private static string Number(double value, string format) => value.ToString(format, Invariant);
}
