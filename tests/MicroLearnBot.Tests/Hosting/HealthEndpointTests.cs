using System.Net;
using MicroLearnBot.Tests.Support;

namespace MicroLearnBot.Tests.Hosting;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_ReportsReadyAsUtf8Text()
    {
        await using var bot = await BotTestHost.StartAsync(FakeTime.AtStockholm(2026, 12, 7, 10, 0));

        using var response = await bot.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
