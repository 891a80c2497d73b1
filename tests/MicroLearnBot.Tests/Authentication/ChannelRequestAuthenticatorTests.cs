using System.Net;
using MicroLearnBot.Channels.BotFramework.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace MicroLearnBot.Tests.Authentication;

/// <summary>
/// Token matrix against keys served over real HTTP on loopback.
/// </summary>
public sealed class ChannelRequestAuthenticatorTests : IAsyncLifetime
{
    private const string Teams = "msteams";

    private readonly TestSigningKey _key = new("key-1", Teams, "webchat");
    private readonly TestSigningKey _keyWithoutEndorsements = TestSigningKey.WithoutEndorsements("key-bare");
    private readonly FakeTimeProvider _time = new(AuthenticationServices.Start);
    private readonly CapturingLoggerProvider _logs = new();
    private SigningKeyServer _keyServer = null!;
    private ServiceProvider _services = null!;
    private IChannelRequestAuthenticator _authenticator = null!;

    private DateTimeOffset Now => _time.GetUtcNow();

    public async Task InitializeAsync()
    {
        _keyServer = await SigningKeyServer.StartAsync(_key, _keyWithoutEndorsements);
        _services = AuthenticationServices.Build(AuthenticationServices.AppSettings(_keyServer.MetadataUrl), _time, _logs);
        _authenticator = _services.GetRequiredService<IChannelRequestAuthenticator>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _keyServer.DisposeAsync();
    }

    [Fact]
    public async Task ValidToken_IsAuthenticated()
    {
        var result = await AuthenticateAsync("Bearer " + ChannelTokens.Create(_key, Now));

        Assert.True(result.Succeeded);
        Assert.True(result.IsAuthenticated);
        Assert.False(result.IsLocal);
        Assert.Equal(ChannelAuthenticationFailure.None, result.Failure);
        Assert.Equal(ChannelTokens.AppId, result.AppId);
        Assert.NotNull(result.Identity);
        Assert.Equal(ChannelTokens.ServiceUrl, result.Identity.FindFirst("serviceurl")?.Value);
    }

    [Fact]
    public async Task ValidToken_ReusesFetchedKeys()
    {
        await AuthenticateAsync("Bearer " + ChannelTokens.Create(_key, Now));
        await AuthenticateAsync("Bearer " + ChannelTokens.Create(_key, Now));

        Assert.Equal(1, _keyServer.MetadataFetches);
        Assert.Equal(1, _keyServer.KeySetFetches);
    }

    [Fact]
    public async Task Rs512Token_IsAuthenticated()
    {
        var token = ChannelTokens.Create(_key, Now, new ChannelTokenSpec { Algorithm = SecurityAlgorithms.RsaSha512 });

        var result = await AuthenticateAsync("Bearer " + token);

        Assert.True(result.IsAuthenticated);
    }

    [Fact]
    public async Task LowercaseScheme_IsAuthenticated()
    {
        var result = await AuthenticateAsync("bearer " + ChannelTokens.Create(_key, Now));

        Assert.True(result.IsAuthenticated);
    }

    [Fact]
    public async Task MissingHeader_IsRejected()
    {
        var result = await AuthenticateAsync(null);

        Assert.False(result.Succeeded);
        Assert.Equal(ChannelAuthenticationFailure.MissingAuthorizationHeader, result.Failure);
    }

    [Fact]
    public async Task LoopbackRequestWithoutToken_IsRejected()
    {
        var result = await _authenticator.AuthenticateAsync(null, IPAddress.Loopback, Teams, ChannelTokens.ServiceUrl, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(ChannelAuthenticationFailure.MissingAuthorizationHeader, result.Failure);
    }

    [Theory]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer aaa.bbb.ccc")]
    [InlineData("Bearer e30.e30.")]
    public async Task GarbageToken_IsRejectedAsMalformed(string header)
    {
        var result = await AuthenticateAsync(header);

        Assert.Equal(ChannelAuthenticationFailure.MalformedToken, result.Failure);
    }

    [Fact]
    public async Task WrongScheme_IsRejected()
    {
        var result = await AuthenticateAsync("Basic " + ChannelTokens.Create(_key, Now));

        Assert.Equal(ChannelAuthenticationFailure.InvalidAuthorizationHeader, result.Failure);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer  {0}")]
    [InlineData("Bearer {0} extra")]
    public async Task HeaderWithoutExactlyTwoParts_IsRejected(string format)
    {
        var header = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, ChannelTokens.Create(_key, Now));

        var result = await AuthenticateAsync(header);

        Assert.Equal(ChannelAuthenticationFailure.InvalidAuthorizationHeader, result.Failure);
    }

    [Fact]
    public async Task WrongIssuer_IsRejectedWithoutFetchingKeys()
    {
        var token = ChannelTokens.Create(_key, Now, new ChannelTokenSpec { Issuer = "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/" });

        var result = await AuthenticateAsync("Bearer " + token);

        Assert.Equal(ChannelAuthenticationFailure.InvalidIssuer, result.Failure);
        Assert.Equal(0, _keyServer.MetadataFetches);
    }

    [Fact]
    public async Task WrongAudience_IsRejected()
    {
        var token = ChannelTokens.Create(_key, Now, new ChannelTokenSpec { Audience = "some-other-bot" });

        var result = await AuthenticateAsync("Bearer " + token);

        Assert.Equal(ChannelAuthenticationFailure.InvalidAudience, result.Failure);
    }

    [Fact]
    public async Task ExpiredBeyondClockSkew_IsRejected()
    {
        var token = ChannelTokens.Create(_key, Now, new ChannelTokenSpec { NotBefore = Now.AddHours(-2), Expires = Now.AddMinutes(-6) });

        var result = await AuthenticateAsync("Bearer " + token);

        Assert.Equal(ChannelAuthenticationFailure.Expired, result.Failure);
    }

    [Fact]
    public async Task ExpiredWithinClockSkew_IsAuthenticated()
    {
        var token = ChannelTokens.Create(_key, Now, new ChannelTokenSpec { NotBefore = Now.AddHours(-2), Expires = Now.AddMinutes(-4) });

        var result = await AuthenticateAsync("Bearer " + token);

        Assert.True(result.IsAuthenticated);
    }

    [Fact]
    public async Task ReusedToken_ExpiresWithClock()
    {
        var token = ChannelTokens.Create(_key, Now);
        var first = await AuthenticateAsync("Bearer " + token);

        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(6));
        var second = await AuthenticateAsync("Bearer " + token);

        Assert.True(first.IsAuthenticated);
        Assert.Equal(ChannelAuthenticationFailure.Expired, second.Failure);
    }

    [Fact]
    public async Task NotYetValidBeyondClockSkew_IsRejected()
    {
        var token = ChannelTokens.Create(_key, Now, new ChannelTokenSpec { NotBefore = Now.AddMinutes(6), Expires = Now.AddHours(1) });

        var result = await AuthenticateAsync("Bearer " + token);

        Assert.Equal(ChannelAuthenticationFailure.NotYetValid, result.Failure);
    }

    [Fact]
    public async Task NotYetValidWithinClockSkew_IsAuthenticated()
    {
        var token = ChannelTokens.Create(_key, Now, new ChannelTokenSpec { NotBefore = Now.AddMinutes(4), Expires = Now.AddHours(1) });

        var result = await AuthenticateAsync("Bearer " + token);

        Assert.True(result.IsAuthenticated);
    }

    [Fact]
    public async Task UnknownKeyId_IsRejectedAfterOneRefresh()
    {
        var stranger = new TestSigningKey("key-unknown", Teams);

        var result = await AuthenticateAsync("Bearer " + ChannelTokens.Create(stranger, Now));

        Assert.Equal(ChannelAuthenticationFailure.SigningKeyNotFound, result.Failure);
        Assert.Equal(2, _keyServer.KeySetFetches);
    }

    [Fact]
    public async Task RotatedKey_IsAcceptedAfterOneRefresh()
    {
        var before = await AuthenticateAsync("Bearer " + ChannelTokens.Create(_key, Now));
        var rotated = new TestSigningKey("key-2", Teams);
        _keyServer.AddKey(rotated);

        var after = await AuthenticateAsync("Bearer " + ChannelTokens.Create(rotated, Now));

        Assert.True(before.IsAuthenticated);
        Assert.True(after.IsAuthenticated);
        Assert.Equal(2, _keyServer.KeySetFetches);
    }

    [Fact]
    public async Task UnknownKeyRefresh_IsRateLimited()
    {
        await AuthenticateAsync("Bearer " + ChannelTokens.Create(new TestSigningKey("key-unknown-1", Teams), Now));
        var rotated = new TestSigningKey("key-2", Teams);
        _keyServer.AddKey(rotated);

        _time.Advance(TimeSpan.FromMinutes(4));
        var tooSoon = await AuthenticateAsync("Bearer " + ChannelTokens.Create(rotated, Now));
        var fetchesWhenTooSoon = _keyServer.KeySetFetches;

        _time.Advance(TimeSpan.FromMinutes(1));
        var later = await AuthenticateAsync("Bearer " + ChannelTokens.Create(rotated, Now));

        Assert.Equal(ChannelAuthenticationFailure.SigningKeyNotFound, tooSoon.Failure);
        Assert.Equal(2, fetchesWhenTooSoon);
        Assert.True(later.IsAuthenticated);
        Assert.Equal(3, _keyServer.KeySetFetches);
    }

    [Fact]
    public async Task Keys_AreRefreshedAfterTwelveHours()
    {
        await AuthenticateAsync("Bearer " + ChannelTokens.Create(_key, Now));

        _time.Advance(TimeSpan.FromHours(11));
        await AuthenticateAsync("Bearer " + ChannelTokens.Create(_key, Now));
        var fetchesAfterElevenHours = _keyServer.KeySetFetches;

        _time.Advance(TimeSpan.FromHours(1));
        await AuthenticateAsync("Bearer " + ChannelTokens.Create(_key, Now));

        Assert.Equal(1, fetchesAfterElevenHours);
        Assert.Equal(2, _keyServer.KeySetFetches);
    }

    [Fact]
    public async Task FailedRefresh_KeepsPreviousKeys()
    {
        await AuthenticateAsync("Bearer " + ChannelTokens.Create(_key, Now));
        _keyServer.Failing = true;
        _time.Advance(TimeSpan.FromHours(13));

        var result = await AuthenticateAsync("Bearer " + ChannelTokens.Create(_key, Now));

        Assert.True(result.IsAuthenticated);
        Assert.Contains(_logs.Entries, entry => entry.EventId.Id == 1111 && entry.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task UnreachableKeys_AreReportedAsUnavailable()
    {
        _keyServer.Failing = true;

        var result = await AuthenticateAsync("Bearer " + ChannelTokens.Create(_key, Now));

        Assert.Equal(ChannelAuthenticationFailure.SigningKeysUnavailable, result.Failure);
        Assert.Contains(_logs.Entries, entry => entry.EventId.Id == 1112 && entry.Exception is not null);
    }

    [Fact]
    public async Task UnreachableKeys_AreRetriedAfterBackoff()
    {
        _keyServer.Failing = true;
        await AuthenticateAsync("Bearer " + ChannelTokens.Create(_key, Now));
        await AuthenticateAsync("Bearer " + ChannelTokens.Create(_key, Now));
        var fetchesDuringBackoff = _keyServer.MetadataFetches;

        _keyServer.Failing = false;
        _time.Advance(TimeSpan.FromSeconds(1));
        var result = await AuthenticateAsync("Bearer " + ChannelTokens.Create(_key, Now));

        Assert.Equal(0, fetchesDuringBackoff);
        Assert.True(result.IsAuthenticated);
    }

    [Fact]
    public async Task KeyNotEndorsedForChannel_IsRejected()
    {
        var result = await AuthenticateAsync("Bearer " + ChannelTokens.Create(_key, Now), channelId: "slack");

        Assert.Equal(ChannelAuthenticationFailure.ChannelNotEndorsed, result.Failure);
    }

    [Fact]
    public async Task KeyWithoutEndorsements_IsRejected()
    {
        var result = await AuthenticateAsync("Bearer " + ChannelTokens.Create(_keyWithoutEndorsements, Now));

        Assert.Equal(ChannelAuthenticationFailure.ChannelNotEndorsed, result.Failure);
    }

    [Fact]
    public async Task ChannelIdDifferingInCase_IsRejected()
    {
        var result = await AuthenticateAsync("Bearer " + ChannelTokens.Create(_key, Now), channelId: "MSTeams");

        Assert.Equal(ChannelAuthenticationFailure.ChannelNotEndorsed, result.Failure);
    }

    [Fact]
    public async Task ServiceUrlClaimMissing_IsRejected()
    {
        var token = ChannelTokens.Create(_key, Now, new ChannelTokenSpec { ServiceUrlClaim = null });

        var result = await AuthenticateAsync("Bearer " + token);

        Assert.Equal(ChannelAuthenticationFailure.MissingServiceUrlClaim, result.Failure);
    }

    [Fact]
    public async Task ServiceUrlDifferent_IsRejected()
    {
        var result = await AuthenticateAsync("Bearer " + ChannelTokens.Create(_key, Now), serviceUrl: "https://attacker.example/teams/");

        Assert.Equal(ChannelAuthenticationFailure.ServiceUrlMismatch, result.Failure);
    }

    [Fact]
    public async Task ServiceUrlDifferingOnlyInCase_IsAuthenticated()
    {
        var result = await AuthenticateAsync("Bearer " + ChannelTokens.Create(_key, Now), serviceUrl: ChannelTokens.ServiceUrl.ToUpperInvariant());

        Assert.True(result.IsAuthenticated);
    }

    [Fact]
    public async Task AlgNone_IsRejected()
    {
        var result = await AuthenticateAsync("Bearer " + ChannelTokens.CreateUnsigned(_key.KeyId, Now));

        Assert.False(result.Succeeded);
        Assert.Equal(ChannelAuthenticationFailure.InvalidAlgorithm, result.Failure);
    }

    [Fact]
    public async Task HmacSignedWithPublicKey_IsRejected()
    {
        var result = await AuthenticateAsync("Bearer " + ChannelTokens.CreateHmacWithPublicKey(_key, Now));

        Assert.False(result.Succeeded);
        Assert.Equal(ChannelAuthenticationFailure.InvalidAlgorithm, result.Failure);
    }

    [Fact]
    public async Task ForgedSignature_IsRejected()
    {
        var impostor = new TestSigningKey(_key.KeyId, Teams);

        var result = await AuthenticateAsync("Bearer " + ChannelTokens.Create(impostor, Now));

        Assert.Equal(ChannelAuthenticationFailure.InvalidSignature, result.Failure);
    }

    [Fact]
    public async Task Rejection_LogsIdsWithoutToken()
    {
        var token = ChannelTokens.Create(_key, Now, new ChannelTokenSpec { Audience = "some-other-bot" });

        await AuthenticateAsync("Bearer " + token);

        var entry = Assert.Single(_logs.Entries, entry => entry.EventId.Id == 1101);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("InvalidAudience", entry.Message, StringComparison.Ordinal);
        Assert.Contains("key-1", entry.Message, StringComparison.Ordinal);
        Assert.Contains("smba.trafficmanager.net", entry.Message, StringComparison.Ordinal);
        Assert.Contains("some-other-bot", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, _logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], _logs.AllText, StringComparison.Ordinal);
    }

    private Task<ChannelAuthenticationResult> AuthenticateAsync(
        string? header,
        string channelId = Teams,
        string serviceUrl = ChannelTokens.ServiceUrl) =>
        _authenticator.AuthenticateAsync(header, IPAddress.Parse("52.112.0.10"), channelId, serviceUrl, CancellationToken.None);
}
