using Spectre.Console;

namespace ClaimTrace.Cli.Commands;

internal static class SummaryTable
{
    public static void Write(IAnsiConsole console, IngestSummary summary, SkipTally skipped, string database)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]ingest summary[/]");
        table.AddColumn("outcome");
        table.AddColumn(new TableColumn("pages").RightAligned());
        table.AddRow("added", summary.Added.ToString("N0"));
        table.AddRow("new version", summary.NewVersions.ToString("N0"));
        table.AddRow("unchanged (already stored)", summary.Unchanged.ToString("N0"));
        foreach (var (kind, count) in summary.FailuresByKind.OrderBy(k => k.Key.ToString()))
            table.AddRow($"[red]skipped: {kind.ToString().ToLowerInvariant()}[/]", count.ToString("N0"));
        table.AddRow("[bold]total[/]", summary.Processed.ToString("N0"));
        if (skipped.Total > 0)
            table.AddRow("[grey]files no reader handles[/]", Markup.Escape(skipped.ToString()));
        console.Write(table);
        console.MarkupLineInterpolated($"database: [blue]{database}[/]");
    }
}
