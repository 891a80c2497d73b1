using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// One pinned core, so the numbers show the throughput of a single delivery worker. Results go under bin/ so they are
// never committed by accident.
var config = DefaultConfig.Instance
    .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"))
    .AddJob(
    Job.Default
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(10)
        .WithAffinity(1));

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
