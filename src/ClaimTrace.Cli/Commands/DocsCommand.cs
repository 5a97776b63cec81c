using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace ClaimTrace.Cli.Commands;

/// <summary><c>claimtrace docs</c>: list stored documents, or with <c>--failed</c> the inputs that were skipped.</summary>
public static class DocsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var outlet = new Option<string?>("--outlet") { Description = "only documents of this outlet" };
        var contains = new Option<string?>("--contains") { Description = "only documents whose text contains this" };
        var failed = new Option<bool>("--failed") { Description = "list the inputs that could not be ingested, with the reason" };
        var limit = new Option<int>("--limit") { Description = "at most this many rows", DefaultValueFactory = _ => 100 };
        var offset = new Option<int>("--offset") { Description = "skip this many rows", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "print JSON Lines instead of a table" };
        var command = new Command("docs", "List the documents in the database.") { outlet, contains, failed, limit, offset, json };
        command.SetAction(parsed =>
        {
            var env = globals.Env;
            using var store = Stores.TryOpenExisting(globals.DatabasePath(parsed), env);
            if (store is null)
                return ExitCodes.Failed;
            if (parsed.GetValue(failed))
                return ListFailures(env, store, parsed.GetValue(offset), parsed.GetValue(limit), parsed.GetValue(json));
            var docs = store.ListDocuments(new DocumentQuery(parsed.GetValue(offset), parsed.GetValue(limit), parsed.GetValue(outlet), parsed.GetValue(contains)));
            if (parsed.GetValue(json))
            {
                foreach (var doc in docs)
                    JsonLines.Write(env, doc);
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded);
            foreach (var header in new[] { "id", "outlet", "published", "title", "segments", "comments", "source" })
                table.AddColumn(header);
            foreach (var doc in docs)
            {
                table.AddRow(
                    Markup.Escape(doc.Id),
                    Markup.Escape(doc.Outlet ?? "–"),
                    Markup.Escape(doc.Published ?? "–"),
                    Markup.Escape(Shorten(doc.Title ?? "–", 60)),
                    doc.SegmentCount.ToString(),
                    doc.CommentCount.ToString(),
                    Markup.Escape(Shorten(doc.Source, 50)));
            }

            env.Console.Write(table);
            var counts = store.Counts();
            env.Console.MarkupLineInterpolated($"{docs.Count} shown of {counts.Documents:N0} documents ({counts.Versions:N0} versions, {counts.Failures:N0} skipped inputs recorded)");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int ListFailures(CliEnvironment env, IPageStore store, int offset, int limit, bool json)
    {
        var failures = store.ListFailures(offset, limit);
        if (json)
        {
            foreach (var failure in failures)
                JsonLines.Write(env, failure);
            return ExitCodes.Ok;
        }

        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in new[] { "source", "where", "kind", "reason", "when" })
            table.AddColumn(header);
        foreach (var f in failures)
            table.AddRow(Markup.Escape(f.Source), Markup.Escape(f.Location ?? ""), f.Kind.ToString().ToLowerInvariant(), Markup.Escape(f.Reason), f.RecordedAt.ToString("u"));
        env.Console.Write(table);
        return ExitCodes.Ok;
    }

    internal static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

internal static class JsonLines
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static void Write<T>(CliEnvironment env, T value)
    {
        JsonSerializer.Serialize(env.StandardOutput, value, Options);
        env.StandardOutput.WriteByte((byte)'\n');
        env.StandardOutput.Flush();
    }
}
