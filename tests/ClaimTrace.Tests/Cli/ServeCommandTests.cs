namespace ClaimTrace.Tests;

/// <summary><c>claimtrace serve</c> refuses what it must refuse before opening anything (the server itself: tests/Web).</summary>
public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://192.168.1.20:5080")]
    public void Serving_beyond_loopback_without_a_token_is_a_usage_error_that_says_how_to_set_one(string urls)
    {
        using var cli = new CliHarness { Variables = _ => null };

        var code = cli.Run("serve", "--db", cli.Database, "--urls", urls);

        Assert.Equal(ExitCodesForTests.Usage, code);
        Assert.Contains($"refusing to listen on {urls}", cli.Error, StringComparison.Ordinal);
        Assert.Contains("CLAIMTRACE_TOKEN", cli.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.Database));
    }

    [Fact]
    public void A_short_token_from_the_environment_is_refused_without_printing_it()
    {
        const string Secret = "s3cr3t-but-short";
        using var cli = new CliHarness { Variables = name => name == "CLAIMTRACE_TOKEN" ? Secret[..10] : null };

        var code = cli.Run("serve", "--db", cli.Database, "--urls", "http://0.0.0.0:5080");

        Assert.Equal(ExitCodesForTests.Usage, code);
        Assert.Contains("at least 16 characters", cli.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret[..10], cli.Error + cli.Console, StringComparison.Ordinal);
    }
}
