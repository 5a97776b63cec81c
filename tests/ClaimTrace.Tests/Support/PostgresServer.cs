using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ClaimTrace.Tests;

/// <summary>
/// A real PostgreSQL server for the tests, started on first use and stopped with the test run: a throwaway cluster
/// (initdb into a temporary folder, trust authentication, loopback only, a free port) from Debian's
/// <c>/usr/lib/postgresql/N/bin</c>. As root (CI runs so) the server runs as the <c>postgres</c> user, since PostgreSQL
/// refuses to run as root. <c>CLAIMTRACE_TEST_POSTGRES</c> (a connection string of a user allowed to create
/// databases) points the tests at a server of one's own instead. Without either, the tests skip with a message;
/// under <c>CI=true</c> that is a failure.
/// </summary>
internal static class PostgresServer
{
    private static readonly Lazy<Cluster?> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int databases;

    /// <summary>A connection string to a new, empty database of the test server; skips (or fails in CI) without one.</summary>
    public static string NewDatabase()
    {
        var cluster = Shared.Value;
        if (cluster is null)
        {
            var message = "PostgreSQL was not found (apt-get install postgresql, or set CLAIMTRACE_TEST_POSTGRES): " + startError;
            if (Corpus.IsCi)
                Assert.Fail(message + " CI=true, so this is a failure, not a skip.");
            Assert.Skip(message);
        }

        var name = $"claimtrace_test_{Environment.ProcessId}_{Interlocked.Increment(ref databases)}";
        using (var admin = new NpgsqlConnection(cluster!.Admin))
        {
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{name}\"";
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(cluster.Admin) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database <see cref="NewDatabase"/> made (its stores closed).</summary>
    public static void Drop(string connectionString)
    {
        if (Shared.Value is not { } cluster)
            return;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var admin = new NpgsqlConnection(cluster.Admin);
        admin.Open();
        using var drop = admin.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        drop.ExecuteNonQuery();
    }

    private static string startError = "";

    private static Cluster? Start()
    {
        if (Environment.GetEnvironmentVariable("CLAIMTRACE_TEST_POSTGRES") is { Length: > 0 } given)
            return new Cluster(new NpgsqlConnectionStringBuilder(given) { Pooling = false, Database = "postgres" }.ConnectionString, null, null);

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
        {
            startError = "no /usr/lib/postgresql/*/bin/initdb";
            return null;
        }

        var root = Environment.UserName == "root";
        var folder = Directory.CreateTempSubdirectory("claimtrace-pg-").FullName;
        var data = Path.Combine(folder, "data");
        var socket = Path.Combine(folder, "socket");
        Directory.CreateDirectory(socket);
        if (root)
            Run("chown", ["-R", "postgres:postgres", folder], asPostgres: false);

        var port = FreePort();
        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "claimtrace", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], root);
        Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {socket} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start"], root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"], root);
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                // The temporary folder is the system's to clean up then.
            }
        };
        return new Cluster($"Host=127.0.0.1;Port={port};Username=claimtrace;Database=postgres;Pooling=false", bin, data);
    }

    private static void Run(string program, string[] arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program) { RedirectStandardError = true, RedirectStandardOutput = true };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", program })
                start.ArgumentList.Add(a);
        }

        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}{output.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Cluster(string Admin, string? Bin, string? Data);
}
