using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace MicroLearnBot.Hosting;

/// <summary>Separates a start-up that stopped on wrong settings from one that failed for another reason.</summary>
public static partial class StartupSettingsProblems
{
    /// <summary>
    /// Returns the messages of every settings problem in <paramref name="exception"/>: an
    /// <see cref="InvalidSettingsException"/>, the failures of an <see cref="OptionsValidationException"/>, or a
    /// value the configuration binder could not convert, also when the host wraps several of them in an
    /// <see cref="AggregateException"/>. Returns an empty list when any
    /// part of the exception is something else, so a real fault still ends with its stack trace.
    /// </summary>
    public static IReadOnlyList<string> Describe(Exception exception)
    {
        var problems = new List<string>();
        return Collect(exception, problems) ? problems : [];
    }

    private static bool Collect(Exception exception, List<string> problems)
    {
        switch (exception)
        {
            case InvalidSettingsException invalidSettings:
                problems.Add(invalidSettings.Message);
                return true;
            case OptionsValidationException validation:
                problems.AddRange(validation.Failures);
                return true;
            case InvalidOperationException conversion when ConversionFailure().Match(conversion.Message) is { Success: true } match:
                problems.Add(DescribeConversion(match.Groups["value"].Value, match.Groups["key"].Value, match.Groups["type"].Value));
                return true;
            case IOException bind when bind.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException:
                problems.Add($"{bind.Message} Stop the program that uses this address, or choose another one with --urls or ASPNETCORE_URLS.");
                return true;
            case AggregateException aggregate:
                return aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(inner => Collect(inner, problems));
            default:
                return false;
        }
    }

    // The binder names the value, the key and the .NET type, and the operator needs the key and how to write the value.
    private static string DescribeConversion(string value, string key, string typeName)
    {
        var type = typeof(StartupSettingsProblems).Assembly.GetType(typeName);
        var hint = typeName switch
        {
            "System.TimeSpan" => "write a duration as hh:mm:ss, such as 00:00:30",
            "System.Int32" or "System.Int64" => "write a whole number, such as 8",
            "System.Double" or "System.Decimal" => "write a number with a decimal point, such as 0.9",
            "System.Boolean" => "write true or false",
            _ when type is { IsEnum: true } => $"use one of {string.Join(", ", Enum.GetNames(type))}",
            _ => $"write a value of type {typeName}",
        };
        return $"{key} is '{value}', which is not valid; {hint}.";
    }

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'\.", RegexOptions.Singleline)]
    private static partial Regex ConversionFailure();
}
