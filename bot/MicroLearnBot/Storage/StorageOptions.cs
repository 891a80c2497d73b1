namespace MicroLearnBot.Storage;

/// <summary>Which database the bot uses (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (default, one file, one instance) or <c>Postgres</c> (several instances).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
