using System.Net;
using System.Net.Http.Headers;
using ClaimTrace.Web;

namespace ClaimTrace.Tests.Web;

/// <summary>Where the server may listen, the access token, and the headers that keep untrusted text inert.</summary>
public sealed class WebSecurityTests
{
    private const string Token = "correct-horse-battery-staple";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://192.168.1.20:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://example.org:5080")]
    [InlineData("http://127.0.0.1:5080;http://0.0.0.0:5081")]
    public void Listening_beyond_loopback_without_a_token_is_refused_with_the_way_out(string urls)
    {
        var error = Assert.Throws<WebOptionsException>(() => WebHost.Build(new WebOptions("unused.db", urls)));
        Assert.Contains("refusing to listen", error.Message, StringComparison.Ordinal);
        Assert.Contains("--token", error.Message, StringComparison.Ordinal);
        Assert.Contains("CLAIMTRACE_TOKEN", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.0.0.2:0", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("https://[::1]:5443", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://localhost.example.org:5080", false)]
    [InlineData("http://unix:/tmp/claimtrace.sock", false)]
    [InlineData("not a url", false)]
    public void Only_loopback_addresses_count_as_loopback(string url, bool loopback) =>
        Assert.Equal(loopback, BindingRule.IsLoopback(url));

    [Fact]
    public void With_a_token_any_address_may_be_used_but_a_short_token_is_refused()
    {
        BindingRule.Check("http://0.0.0.0:5080", hasToken: true);
        var error = Assert.Throws<WebOptionsException>(() => new WebOptions("unused.db", "http://0.0.0.0:5080", "short").Validate());
        Assert.Contains("at least 16", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short", error.Message.Replace("shorter", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_token_a_request_without_it_or_with_another_is_401_and_with_it_succeeds()
    {
        await using var web = await TestWeb.Start(o => o with { AccessToken = Token });
        var missing = await web.Problem("/api/documents", 401);
        Assert.DoesNotContain(Token, missing.GetRawText(), StringComparison.Ordinal);
        await web.Problem("/openapi/v1.json", 401);
        await web.Problem("/", 401);

        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/documents"))
        {
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");
            await TestWeb.Problem(await web.Client.SendAsync(wrong, Cancel), 401);
        }

        using var right = new HttpRequestMessage(HttpMethod.Get, "/api/documents");
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await web.Client.SendAsync(right, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_browser_opening_the_token_link_gets_a_cookie_and_an_address_without_the_token()
    {
        await using var web = await TestWeb.Start(o => o with { AccessToken = Token });
        using var link = await web.Client.GetAsync($"/api/documents?limit=5&token={Token}", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        Assert.Equal("/api/documents?limit=5", link.Headers.Location?.OriginalString);
        var cookie = Assert.Single(link.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        using var next = new HttpRequestMessage(HttpMethod.Get, "/api/documents?limit=5");
        next.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var response = await web.Client.SendAsync(next, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await web.Problem("/?token=not-the-token-at-all", 401);
    }

    [Fact]
    public async Task Without_a_token_only_loopback_host_names_are_answered()
    {
        await using var web = await TestWeb.Start();
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/api/documents");
        rebound.Headers.Host = "attacker.example";
        await TestWeb.Problem(await web.Client.SendAsync(rebound, Cancel), 400);
        using var local = new HttpRequestMessage(HttpMethod.Get, "/api/documents");
        local.Headers.Host = "127.0.0.1:5080";
        Assert.Equal(HttpStatusCode.OK, (await web.Client.SendAsync(local, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Every_answer_carries_the_content_security_policy_and_no_server_banner()
    {
        await using var web = await TestWeb.Start();
        foreach (var url in new[] { "/api/documents", "/api/nothing-here" })
        {
            using var response = await web.Client.GetAsync(url, Cancel);
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("same-origin", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
            Assert.False(response.Headers.Contains("Server"));
        }
    }
}
