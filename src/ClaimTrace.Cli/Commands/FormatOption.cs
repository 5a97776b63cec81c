using System.CommandLine;

namespace ClaimTrace.Cli.Commands;

internal static class FormatOption
{
    private static readonly string[] Formats = [.. ReaderRegistry.Formats];

    public static Option<string?> Create()
    {
        var option = new Option<string?>("--format", "-f")
        {
            Description = "read every input as this format instead of choosing by extension: " + string.Join(", ", Formats),
        };
        option.AcceptOnlyFromAmong(Formats);
        return option;
    }
}
