namespace MicroLearnBot;

/// <summary>
/// A setting is missing or has a value the bot cannot work with. The message names the setting and what to
/// set, because the operator reads it as the only output of a start-up that stopped.
/// </summary>
public sealed class InvalidSettingsException : Exception
{
    public InvalidSettingsException(string message)
        : base(message)
    {
    }

    public InvalidSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
