using System.Text;
using ClaimTrace.Cli;
using Spectre.Console;

namespace ClaimTrace.Tests;

/// <summary>Runs the real command tree over in-memory streams and captures what it prints.</summary>
internal sealed class CliHarness : IDisposable
{
    private readonly StringWriter _console = new();
    private readonly StringWriter _error = new();
    private readonly MemoryStream _stdout = new();

    public CliHarness()
    {
        Folder = Directory.CreateTempSubdirectory("claimtrace-cli-").FullName;
        Database = Path.Combine(Folder, "test.db");
    }

    public string Folder { get; }

    /// <summary>The environment variables the command sees; the process's own unless a test sets them.</summary>
    public Func<string, string?> Variables { get; init; } = Environment.GetEnvironmentVariable;

    public string Database { get; }
    public string Console => _console.ToString();
    public string Error => _error.ToString();
    public string StandardOutput => Encoding.UTF8.GetString(_stdout.ToArray());

    public int Run(params string[] args) => Run(null, args);

    public int Run(byte[]? stdin, params string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_console),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // As wide as the real CLI prints when redirected (CliEnvironment), so tables wrap as users see them.
        console.Profile.Width = 160;
        var env = new CliEnvironment
        {
            Console = console,
            StandardOutput = _stdout,
            StandardError = _error,
            StandardInput = () => new MemoryStream(stdin ?? []),
            Interactive = false,
            GetVariable = Variables,
        };
        return CliApp.Run(args, env);
    }

    public string Write(string name, string content) => Write(name, Encoding.UTF8.GetBytes(content));

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platform is left for the OS's temp cleaner.
        }
    }
}
