namespace ClaimTrace.Tests;

/// <summary>The queue commands' errors, which need no broker: a missing queue, a broker that does not answer.</summary>
public sealed class QueueCommandTests
{
    [Fact]
    public void A_worker_without_a_queue_is_a_usage_error_naming_the_variable()
    {
        using var cli = new CliHarness { Variables = name => name == "CLAIMTRACE_QUEUE" ? null : Environment.GetEnvironmentVariable(name) };

        Assert.Equal(2, cli.Run("--db", cli.Database, "worker"));
        Assert.Contains("CLAIMTRACE_QUEUE", cli.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("queue", "status")]
    [InlineData("worker")]
    [InlineData("ingest", "nothing.txt")]
    public void A_broker_that_does_not_answer_is_named_without_its_password(params string[] command)
    {
        using var cli = new CliHarness();

        var code = cli.Run(["--db", cli.Database, .. command, "--queue", "amqp://someone:hunter2-secret@127.0.0.1:1/"]);

        Assert.Equal(3, code);
        Assert.Contains("amqp://someone@127.0.0.1:1/", cli.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", cli.Error + cli.Console, StringComparison.Ordinal);
    }
}
