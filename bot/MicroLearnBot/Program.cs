using MicroLearnBot.Cli;
using MicroLearnBot.Hosting;
using MicroLearnBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// Operator commands (content validate, schedule replay, ...) run without starting the web host.
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args, Console.In, Console.Out, Console.Error);
}

try
{
    var app = BotApplication.Create(args);

    // Settings and the database are checked before the host starts, so a problem is reported here once, not also
    // in the host's own error log with a stack trace.
    app.Services.GetService<IStartupValidator>()?.Validate();
    await app.Services.GetRequiredService<DatabaseInitializer>().StartAsync(CancellationToken.None);
    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (StartupSettingsProblems.Describe(exception) is { Count: > 0 } problems)
{
    // Wrong settings are for the operator to fix, not a crash. Each gets one line that names what to set, and the
    // exit code is 1, with no stack trace or core dump.
    foreach (var problem in problems)
    {
        await Console.Error.WriteLineAsync($"MicroLearnBot cannot start: {problem}");
    }

    return 1;
}
