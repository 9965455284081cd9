using Safe6G.Gateway.Auth;
using Safe6G.Gateway.Config;
using Safe6G.Testing;

namespace Safe6G.Gateway.Tests.Http;

/// <summary>The validated-token cache never outlives a token's expiry, nor the key that signed it.</summary>
public sealed class AuthenticatorCacheTests : IDisposable
{
    private readonly TempDir _dir = new("safe6g-auth-cache");
    private readonly Keys _keys = new();

    [Fact]
    public async Task A_cached_token_is_refused_once_it_expires()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var config = new AuthConfig { JwksFile = _dir.Write("jwks.json", _keys.DefaultJwks()), Issuer = Keys.Issuer, Audiences = [Keys.Audience], ClockSkew = TimeSpan.FromSeconds(5) };
        using var jwks = new JwksSource(config.JwksFile, null, TimeSpan.Zero, TimeSpan.FromHours(1), clock);
        await jwks.LoadAsync(CancellationToken.None);
        var auth = new JwtAuthenticator(config, jwks, clock);
        var token = Keys.Mint(_keys.Ec, Keys.EcKid, new TokenRequest
        {
            Tenant = "upv", Issuer = Keys.Issuer, Audience = Keys.Audience, IssuedAt = clock.GetUtcNow().UtcDateTime, Lifetime = TimeSpan.FromMinutes(1),
        });

        Assert.Equal("upv", (await auth.AuthenticateAsync("Bearer " + token, CancellationToken.None)).Caller?.Tenant);
        Assert.Equal("upv", (await auth.AuthenticateAsync("Bearer " + token, CancellationToken.None)).Caller?.Tenant);
        clock.Advance(TimeSpan.FromMinutes(2));
        var late = await auth.AuthenticateAsync("Bearer " + token, CancellationToken.None);
        Assert.Null(late.Caller);
        Assert.Equal("token expired", late.Error);
    }

    [Fact]
    public async Task A_cached_token_is_refused_once_its_key_leaves_the_jwks()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var file = _dir.Write("rotating.json", _keys.DefaultJwks());
        var config = new AuthConfig { JwksFile = file, Issuer = Keys.Issuer, Audiences = [Keys.Audience], ClockSkew = TimeSpan.FromSeconds(5) };
        using var jwks = new JwksSource(file, null, TimeSpan.Zero, TimeSpan.FromMinutes(5), clock);
        await jwks.LoadAsync(CancellationToken.None);
        var auth = new JwtAuthenticator(config, jwks, clock);
        var request = new TokenRequest { Tenant = "upv", Issuer = Keys.Issuer, Audience = Keys.Audience, IssuedAt = clock.GetUtcNow().UtcDateTime, Lifetime = TimeSpan.FromHours(1) };
        var ec = Keys.Mint(_keys.Ec, Keys.EcKid, request);
        var rsa = Keys.Mint(_keys.Rsa, Keys.RsaKid, request);
        Assert.Equal("upv", (await auth.AuthenticateAsync("Bearer " + ec, CancellationToken.None)).Caller?.Tenant);
        Assert.Equal("upv", (await auth.AuthenticateAsync("Bearer " + rsa, CancellationToken.None)).Caller?.Tenant);

        // The EC key is rotated out (say it leaked). Until the JWKS cache duration passes, the old key set stands...
        File.WriteAllText(file, _keys.JwksJson((_keys.Rsa, Keys.RsaKid)));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("upv", (await auth.AuthenticateAsync("Bearer " + ec, CancellationToken.None)).Caller?.Tenant);

        // ...and after the refresh its tokens are refused although they were cached and have not expired; the RSA one still passes.
        clock.Advance(TimeSpan.FromMinutes(5));
        var refused = await auth.AuthenticateAsync("Bearer " + ec, CancellationToken.None);
        Assert.Null(refused.Caller);
        Assert.Contains(Keys.EcKid, refused.Error, StringComparison.Ordinal);
        Assert.Equal("upv", (await auth.AuthenticateAsync("Bearer " + rsa, CancellationToken.None)).Caller?.Tenant);
    }

    public void Dispose()
    {
        _keys.Dispose();
        _dir.Dispose();
    }

}
