using Quartz;

namespace MicroLearnBot.Delivery;

/// <summary>The Quartz job that runs <see cref="DeliverySweep"/>; one at a time, even in a cluster.</summary>
[DisallowConcurrentExecution]
public sealed class DeliverySweepJob(DeliverySweep sweep) : IJob
{
    public static readonly JobKey Key = new("delivery-sweep", "delivery");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await sweep.RunAsync(cancellationToken);
}
