using MicroLearnBot.Cli;
using MicroLearnBot.Hosting;

// Operator commands (content validate, schedule replay, ...) run without starting the web host.
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args, Console.In, Console.Out, Console.Error);
}

var app = BotApplication.Create(args);
await app.RunAsync();
return 0;
