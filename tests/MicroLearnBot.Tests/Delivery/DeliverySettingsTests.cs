using MicroLearnBot;
using MicroLearnBot.Channels.BotFramework;
using MicroLearnBot.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MicroLearnBot.Tests.Delivery;

/// <summary>Delivery and rate settings that would stall or flood the sender stop start-up with the setting's name.</summary>
public sealed class DeliverySettingsTests
{
    [Theory]
    [InlineData("Delivery:OutboxPollInterval", "00:00:00", "Delivery:OutboxPollInterval must be at least 00:00:00.1 (100 ms); the default is 00:00:05.")]
    [InlineData("Delivery:RetryBaseDelay", "-00:00:01", "Delivery:RetryBaseDelay must be positive and Delivery:RetryMaxDelay at least as long; the defaults are 00:00:30 and 00:30:00.")]
    [InlineData("Delivery:RetryMaxDelay", "00:00:10", "Delivery:RetryBaseDelay must be positive and Delivery:RetryMaxDelay at least as long; the defaults are 00:00:30 and 00:30:00.")]
    [InlineData("Delivery:ClaimDuration", "00:00:05", "Delivery:ClaimDuration must be at least 00:00:30, longer than one send with its retries; the default is 00:02:00.")]
    [InlineData("Delivery:SendConcurrency", "0", "Delivery:SendConcurrency must be from 1 to 64.")]
    [InlineData("Delivery:SendBatchSize", "0", "Delivery:SendBatchSize must be at least 1.")]
    [InlineData("Delivery:SweepBatchSize", "0", "Delivery:SweepBatchSize must be at least 1.")]
    public async Task InvalidDeliverySetting_NamesIt(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddDelivery(configuration).BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DeliveryOptions>>().Value);

        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void DefaultDeliverySettings_AreValid()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var provider = new ServiceCollection().AddLogging().AddDelivery(configuration).BuildServiceProvider();

        Assert.Equal(TimeSpan.FromMinutes(2), provider.GetRequiredService<IOptions<DeliveryOptions>>().Value.ClaimDuration);
    }

    [Fact]
    public void TenantRateBelowOne_NamesSetting()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["BotFramework:TenantRequestsPerSecond"] = "0" })
            .Build();

        var exception = Assert.Throws<InvalidSettingsException>(() => new ServiceCollection().AddBotFrameworkChannel(configuration));

        Assert.Equal("BotFramework:TenantRequestsPerSecond is 0; set a whole number of at least 1, or remove it to use the default 30.", exception.Message);
    }
}
