using System.Net;
using Safe6G.Gateway.Auth;
using Safe6G.Gateway.Config;
using Safe6G.Portal.Config;
using Safe6G.Testing;

namespace Safe6G.Portal.Tests;

/// <summary>Sign-in with the gateway's JWTs: the same validation, the token kept in an HttpOnly cookie and never in a page.</summary>
public sealed class SignInTests
{
    // Keys stay loaded for the whole run: IdentityModel caches signature providers per key, and a disposed key
    // behind a cached provider would fail the next signature.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, System.Security.Cryptography.AsymmetricAlgorithm> Keys = new();

    internal static string Token(string keyFile, string audience = "safe6g-gateway", TimeSpan? lifetime = null, DateTime? issuedAt = null, string kid = "demo-1")
    {
        var key = Keys.GetOrAdd(keyFile, f => TokenMinter.LoadPrivateKey(File.ReadAllText(f)));
        return TokenMinter.Mint(key, kid, new TokenRequest
        {
            Tenant = "upv",
            Scopes = ["metrics:read"],
            Subject = "alice",
            Audience = audience,
            Lifetime = lifetime ?? TimeSpan.FromHours(1),
            IssuedAt = issuedAt,
        });
    }

    private static PortalConfig WithAuth(string jwks) => new()
    {
        Auth = new AuthConfig { JwksFile = jwks, Issuer = "safe6g-demo", Audiences = ["safe6g-gateway"] },
    };

    [Fact]
    public async Task Pages_send_a_browser_to_sign_in_and_a_valid_token_opens_them()
    {
        using var dir = new TempDir("portal-auth");
        var (key, jwks) = TokenMinter.CreateDemoKeys(dir.Path);
        await using var portal = await SecurityTests.DeadUpstreamsAsync(WithAuth(jwks));
        using var web = new Web(portal.BaseAddress);
        foreach (var path in Web.Pages)
        {
            using var closed = await web.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
            Assert.StartsWith("/signin?return=", closed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        using var post = await web.PostAsync("/deployments/x/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode); // commands are closed too
        Assert.StartsWith("/signin", post.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var token = Token(key);
        using var signIn = await web.PostAsync("/signin?return=%2Fhealth", [new("token", token)]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/health", signIn.Headers.Location!.OriginalString);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith($"safe6g_portal_token={token};", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);

        web.Cookie = $"safe6g_portal_token={token}";
        foreach (var path in Web.Pages)
        {
            using var open = await web.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
            var html = await open.Content.ReadAsStringAsync();
            Assert.DoesNotContain(token, html); // the secret never goes back into a page
            Assert.Contains("alice (upv)", Web.Parse(html).QuerySelector("form.signout")!.TextContent);
        }

        using var signOut = await web.PostAsync("/signout", []);
        Assert.Contains("safe6g_portal_token=;", signOut.Headers.GetValues("Set-Cookie").Single());
    }

    [Fact]
    public async Task Tokens_the_gateway_refuses_are_refused_with_its_reason()
    {
        using var dir = new TempDir("portal-auth");
        var (key, jwks) = TokenMinter.CreateDemoKeys(dir.Path);
        using var other = new TempDir("portal-other");
        var (otherKey, _) = TokenMinter.CreateDemoKeys(other.Path);
        await using var portal = await SecurityTests.DeadUpstreamsAsync(WithAuth(jwks));
        using var web = new Web(portal.BaseAddress);
        var cases = new (string Token, string Reason)[]
        {
            (Token(key, audience: "someone-else"), "wrong audience"),
            (Token(key, lifetime: TimeSpan.FromMinutes(5), issuedAt: DateTime.UtcNow.AddHours(-2)), "token expired"),
            (Token(otherKey), "bad signature"),
            ("not-a-jwt", "malformed token"),
            ("", "missing bearer token"),
        };
        foreach (var (token, reason) in cases)
        {
            using var response = await web.PostAsync("/signin", [new("token", token)]);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"));
            var page = Web.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("Sign-in refused: " + reason, page.QuerySelector(".notice.error")!.TextContent);
        }

        // A cookie holding a bad token is no way in either.
        web.Cookie = "safe6g_portal_token=" + Token(key, audience: "someone-else");
        using var page2 = await web.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page2.StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/x", "/")]
    [InlineData("https://evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/deployments", "/deployments")]
    public void Return_paths_stay_on_the_portal(string asked, string expected) =>
        Assert.Equal(expected, Pages.SignInPage.SafeReturn(asked));
}
