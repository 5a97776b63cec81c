using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ClaimTrace.Tests;

/// <summary>
/// A real RabbitMQ broker for the tests, started on first use and stopped with the test run: a throwaway node of
/// Debian's <c>rabbitmq-server</c> with its own name, free ports on loopback and its data in a temporary folder.
/// <c>CLAIMTRACE_TEST_AMQP</c> (an amqp:// URL) points the tests at a broker of one's own instead. Without either
/// the tests skip with a message; under <c>CI=true</c> that is a failure. Each test takes queues of its own name.
/// </summary>
internal static class RabbitBroker
{
    private const string Server = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private static readonly Lazy<string?> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static string startError = "";
    private static int queues;

    /// <summary>The broker's URL; skips (or fails in CI) without one.</summary>
    public static string Url()
    {
        if (Shared.Value is { } url)
            return url;
        var message = "RabbitMQ was not found (apt-get install rabbitmq-server, or set CLAIMTRACE_TEST_AMQP): " + startError;
        if (Corpus.IsCi)
            Assert.Fail(message + " CI=true, so this is a failure, not a skip.");
        Assert.Skip(message);
        return null!;
    }

    /// <summary>A queue name no other test uses.</summary>
    public static PageQueue NewQueue() => new(Url(), $"claimtrace.test.{Environment.ProcessId}.{Interlocked.Increment(ref queues)}");

    private static string? Start()
    {
        if (Environment.GetEnvironmentVariable("CLAIMTRACE_TEST_AMQP") is { Length: > 0 } given)
            return given;
        if (!File.Exists(Server))
        {
            startError = $"no {Server}";
            return null;
        }

        var folder = Directory.CreateTempSubdirectory("claimtrace-amqp-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo(Server) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        File.WriteAllText(Path.Combine(folder, "plugins"), "[].");
        foreach (var (name, value) in new[]
        {
            ("HOME", folder),
            ("RABBITMQ_NODENAME", $"claimtrace-test-{Environment.ProcessId}@localhost"),
            ("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1"),
            ("RABBITMQ_NODE_PORT", port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("RABBITMQ_DIST_PORT", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("RABBITMQ_MNESIA_BASE", Path.Combine(folder, "mnesia")),
            ("RABBITMQ_LOG_BASE", Path.Combine(folder, "log")),
            ("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(folder, "plugins")),
        })
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                // The temporary folder is the system's to clean up then.
            }
        };

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                startError = $"rabbitmq-server exited with {process.ExitCode} (log in {folder})";
                return null;
            }

            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return $"amqp://guest:guest@127.0.0.1:{port}/";
            }
            catch (SocketException)
            {
                Thread.Sleep(250);
            }
        }

        startError = $"rabbitmq-server did not listen on {port} within 90 s (log in {folder})";
        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
