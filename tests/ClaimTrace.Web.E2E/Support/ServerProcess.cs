using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ClaimTrace.Web.E2E.Support;

/// <summary>
/// <c>claimtrace serve --db X --urls http://127.0.0.1:{port}</c> as a child process on a free loopback port,
/// waited for until it answers HTTP, and killed (with its children) when disposed. What it prints is kept for the
/// failure message, read as it comes so a chatty server never blocks on a full pipe.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(90);
    private readonly Process process;
    private readonly StringBuilder log = new();

    private ServerProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Log
    {
        get
        {
            lock (log)
                return log.ToString();
        }
    }

    /// <summary>Starts the server and returns once it answers; a port taken between probe and bind is retried.</summary>
    public static async Task<ServerProcess> StartAsync(string database, CancellationToken cancellation)
    {
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var address = new Uri($"http://127.0.0.1:{FreePort()}");
            var server = Launch(database, address);
            try
            {
                await server.WaitUntilAnsweringAsync(cancellation);
                return server;
            }
            catch (InvalidOperationException e) when (e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                last = e;
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }

        throw last!;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // It ended by itself between the check and the kill.
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>A port the kernel hands out for loopback; released at once for the server to bind.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ServerProcess Launch(string database, Uri address)
    {
        var info = CliProcess.StartInfo("--db", database, "serve", "--urls", address.ToString().TrimEnd('/'));
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var server = new ServerProcess(process, address);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (log)
            log.AppendLine(line);
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellation)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartPatience)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"claimtrace serve exited with code {process.ExitCode} before answering on {Address}: {Log}");
            }

            try
            {
                using var response = await client.GetAsync(Address, cancellation);
                return; // Any HTTP answer means Kestrel is listening and the app is built.
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200, cancellation);
            }
            catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
            {
                // One slow first answer (JIT, opening the store) is not a failure yet.
            }
        }

        throw new TimeoutException($"claimtrace serve did not answer on {Address} within {StartPatience}: {Log}");
    }
}
