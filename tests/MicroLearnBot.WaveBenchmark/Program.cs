using MicroLearnBot.Channels.BotFramework.Connector;
using MicroLearnBot.WaveBenchmark;

if (args is [FakeConnector.ServeArgument])
{
    return await FakeConnector.ServeAsync();
}

WaveOptions options;
try
{
    options = WaveOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(WaveOptions.Usage);
    return 0;
}

if (!Directory.Exists(Path.Combine(options.ContentPath, "courses", options.CourseId)))
{
    Console.Error.WriteLine($"Course folder '{Path.Combine(options.ContentPath, "courses", options.CourseId)}' not found. Pass the content folder with --content and the course with --course.");
    return 2;
}

using var commandCounter = DatabaseCommandCounter.Subscribe();
await using var connector = await FakeConnector.StartProcessAsync();
Console.WriteLine($"Fake Bot Connector at {connector.ServiceUrl}; {Environment.ProcessorCount} cores; {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; server GC {System.Runtime.GCSettings.IsServerGC}");

// A limit far above what one process can send, so the unpaced run shows only the bot's own cost.
const int unpacedLimit = 100_000;
var plans = new List<(Func<Task<WaveDatabase>> CreateDatabase, int Learners, int Limit)>
{
    (() => Task.FromResult(WaveDatabase.CreateSqlite()), options.Learners, unpacedLimit),
};
if (options.PacedLearners > 0)
{
    plans.Add((() => Task.FromResult(WaveDatabase.CreateSqlite()), options.PacedLearners, TenantRateLimiter.DefaultRequestsPerSecond));
}

if (options.PostgresConnectionString is { } postgres)
{
    plans.Add((() => WaveDatabase.CreatePostgresAsync(postgres), options.Learners, unpacedLimit));
    if (options.PacedLearners > 0)
    {
        plans.Add((() => WaveDatabase.CreatePostgresAsync(postgres), options.PacedLearners, TenantRateLimiter.DefaultRequestsPerSecond));
    }
}

var results = new List<WaveResult>();
foreach (var (createDatabase, learners, limit) in plans)
{
    await using var database = await createDatabase();
    Console.WriteLine($"Running {learners:N0} learners on {database.Name} at {limit:N0} requests per second per tenant ...");
    var result = await WaveRun.RunAsync(options, database, connector, learners, limit);
    results.Add(result);
    Console.WriteLine(ResultTable.Summarize(result));
}

Console.WriteLine();
Console.WriteLine(ResultTable.Format(results));
return 0;
