using System.Text;

namespace ClaimTrace.Cli;

/// <summary>Routes System.CommandLine's own output (help, version) to the environment's console.</summary>
internal sealed class ConsoleTextWriter(CliEnvironment env) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => env.Console.Profile.Out.Writer.Write(value);

    public override void Write(string? value) => env.Console.Profile.Out.Writer.Write(value);
}
