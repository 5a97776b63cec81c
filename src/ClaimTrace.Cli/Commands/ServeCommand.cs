using System.CommandLine;
using ClaimTrace.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClaimTrace.Cli.Commands;

/// <summary>
/// <c>claimtrace serve</c>: the database as a local web application (search, claim dossiers, documents, sources,
/// uploads) and its JSON API (docs/web.md). Loopback only, unless an access token guards every request.
/// </summary>
public static class ServeCommand
{
    public const string TokenVariable = "CLAIMTRACE_TOKEN";

    public static Command Create(GlobalOptions globals)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "where to listen, ';' between several; anything but loopback needs an access token",
            DefaultValueFactory = _ => WebOptions.DefaultUrls,
        };
        var token = new Option<string?>("--token")
        {
            Description = $"access token every request must carry (default: ${TokenVariable}); required to listen beyond loopback",
        };
        var maxUpload = new Option<long>("--max-upload-mb")
        {
            Description = "largest upload, for each file and for all files of one upload together, in MiB",
            DefaultValueFactory = _ => WebOptions.DefaultMaxUploadBytes / (1024 * 1024),
        };
        var command = new Command("serve", "Browse and search the database in a web browser, with a JSON API, on this machine.") { urls, token, maxUpload };
        command.SetAction(parsed =>
        {
            var env = globals.Env;
            var secret = parsed.GetValue(token) ?? env.GetVariable(TokenVariable);
            var options = new WebOptions(
                globals.DatabasePath(parsed), parsed.GetRequiredValue(urls), string.IsNullOrEmpty(secret) ? null : secret,
                parsed.GetValue(maxUpload) * 1024 * 1024);
            return Run(env, options, parsed.GetValue(globals.Quiet));
        });
        return command;
    }

    private static int Run(CliEnvironment env, WebOptions options, bool quiet)
    {
        WebApplication app;
        WebCorpus corpus;
        try
        {
            app = WebHost.Build(options);
            // Open the database now, so a file that cannot be opened is reported here rather than on the first request.
            corpus = app.Services.GetRequiredService<WebCorpus>();
        }
        catch (Exception e) when (e is WebOptionsException or StoreException)
        {
            env.StandardError.WriteLine($"claimtrace: {e.Message}");
            return e is WebOptionsException ? ExitCodes.Usage : ExitCodes.Failed;
        }

        using (app)
        {
            try
            {
                app.Start();
            }
            catch (IOException e)
            {
                env.StandardError.WriteLine($"claimtrace: cannot listen on {options.Urls}: {e.Message}");
                return ExitCodes.Failed;
            }

            if (!quiet)
            {
                // The addresses actually bound: with port 0 the system picks one, and scripts read it from here.
                var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
                foreach (var address in bound)
                    env.StandardError.WriteLine($"claimtrace: serving {PageStores.Describe(options.Database)} at {address}" + (options.AccessToken is null ? "" : " (access token required)"));
                env.StandardError.WriteLine("claimtrace: press Ctrl+C to stop.");
            }

            // Link the claims while nobody waits: on a large database the first dossier would otherwise take seconds.
            _ = Task.Run(() => Warm(env, corpus));
            app.WaitForShutdown();
        }

        return ExitCodes.Ok;
    }

    private static void Warm(CliEnvironment env, WebCorpus corpus)
    {
        try
        {
            corpus.Linked();
        }
        catch (Exception e) when (e is StoreException or ObjectDisposedException)
        {
            env.StandardError.WriteLine($"claimtrace: linking the claims failed: {e.Message}");
        }
    }
}
