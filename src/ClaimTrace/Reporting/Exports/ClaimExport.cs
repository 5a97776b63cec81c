using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ClaimTrace;

/// <summary>
/// Claims and their reports for spreadsheets and scripts. CSV has one row per report, the claim's columns
/// repeated on each, so it can be filtered and pivoted as it stands (RFC 4180: header row, CRLF, a field quoted
/// when it holds a comma, quote or line break, quotes doubled). JSON Lines has one object per claim with its
/// reports and conflicts nested, snake_case names as the rest of the CLI's JSON.
/// </summary>
public static class ClaimExport
{
    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "claim_id", "claim", "speaker", "speaker_level", "measure", "family", "scope", "qualifier", "value", "value_max", "unit",
        "family_value", "claim_date", "conflicts", "report_key", "page_id", "outlet", "title", "url", "speaker_written",
        "report_speaker", "report_date", "date_how", "echo", "figure", "sentence",
    ];

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteCsv(LinkedCorpus corpus, TextWriter writer, ClaimWords? words = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(writer);
        words ??= ClaimWords.Default;
        writer.Write(string.Join(",", CsvColumns));
        writer.Write("\r\n");
        foreach (var claim in corpus.Result.Claims)
        {
            var kinds = Kinds(corpus, claim.Id);
            foreach (var r in claim.Reports)
            {
                var page = corpus.Pages.GetValueOrDefault(r.PageId);
                string?[] row =
                [
                    claim.Id, words.Sentence(claim), claim.Side.Display, Wire(claim.Side.Level), claim.Measure, claim.Family, claim.Scope, claim.Qualifier,
                    Num(claim.Value), claim.ValueMax is { } max ? Num(max) : null, claim.Unit, Num(claim.FamilyValue), claim.Date, kinds,
                    r.Key, r.PageId, r.Outlet, page?.Page.Metadata.Title?.Value, page?.Page.Metadata.Url?.Value, r.SpeakerWritten,
                    r.Side.Display, r.Date, r.DateHow, r.IsEcho ? "true" : "false", Slice(page, r.Evidence), Slice(page, r.Sentence),
                ];
                writer.Write(string.Join(",", row.Select(Csv)));
                writer.Write("\r\n");
            }
        }
    }

    /// <summary>One CSV field: as it is, or quoted with inner quotes doubled when it holds a comma, quote or line break.</summary>
    public static string Csv(string? field)
    {
        if (string.IsNullOrEmpty(field))
            return "";
        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    public static void WriteJsonLines(LinkedCorpus corpus, Stream output, ClaimWords? words = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(output);
        words ??= ClaimWords.Default;
        foreach (var claim in corpus.Result.Claims)
        {
            using (var w = new Utf8JsonWriter(output, Compact))
                WriteClaim(w, corpus, claim, words);
            output.WriteByte((byte)'\n');
        }

        output.Flush();
    }

    private static void WriteClaim(Utf8JsonWriter w, LinkedCorpus corpus, Claim claim, ClaimWords words)
    {
        w.WriteStartObject();
        w.WriteString("id", claim.Id);
        w.WriteString("claim", words.Sentence(claim));
        w.WriteStartObject("side");
        w.WriteString("key", claim.Side.Key);
        w.WriteString("display", claim.Side.Display);
        w.WriteString("level", Wire(claim.Side.Level));
        w.WriteString("institution", claim.Side.Institution);
        w.WriteString("country", claim.Side.Country);
        w.WriteString("why", claim.Side.Why);
        w.WriteEndObject();
        w.WriteString("measure", claim.Measure);
        w.WriteString("family", claim.Family);
        w.WriteString("scope", claim.Scope);
        w.WriteString("qualifier", claim.Qualifier);
        w.WriteString("direction", Wire(claim.Direction));
        w.WriteNumber("value", claim.Value);
        if (claim.ValueMax is { } max)
            w.WriteNumber("value_max", max);
        else
            w.WriteNull("value_max");
        w.WriteString("unit", claim.Unit);
        w.WriteNumber("family_value", claim.FamilyValue);
        w.WriteString("date", claim.Date);
        w.WriteStartArray("why");
        foreach (var why in claim.Why)
            w.WriteStringValue(why);
        w.WriteEndArray();
        w.WriteStartArray("conflicts");
        foreach (var c in corpus.Result.Conflicts.Where(c => c.Claim == claim.Id || c.Other == claim.Id))
        {
            w.WriteStartObject();
            w.WriteString("kind", Wire(c.Kind));
            w.WriteString("claim", c.Claim);
            w.WriteString("other", c.Other);
            w.WriteString("page_id", c.Evidence.PageId);
            w.WriteString("by", c.Evidence.By);
            w.WriteString("evidence", Slice(corpus.Pages.GetValueOrDefault(c.Evidence.PageId), c.Evidence.Span));
            w.WriteString("why", c.Why);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("reports");
        foreach (var r in claim.Reports)
        {
            var page = corpus.Pages.GetValueOrDefault(r.PageId);
            w.WriteStartObject();
            w.WriteString("key", r.Key);
            w.WriteString("page_id", r.PageId);
            w.WriteString("outlet", r.Outlet);
            w.WriteString("title", page?.Page.Metadata.Title?.Value);
            w.WriteString("url", page?.Page.Metadata.Url?.Value);
            w.WriteString("published", page?.Published);
            w.WriteString("speaker_written", r.SpeakerWritten);
            w.WriteString("side", r.Side.Display);
            w.WriteString("qualifier", r.Qualifier);
            w.WriteNumber("value", r.Value);
            w.WriteString("date", r.Date);
            w.WriteString("date_how", r.DateHow);
            w.WriteBoolean("echo", r.IsEcho);
            w.WriteString("figure", Slice(page, r.Evidence));
            w.WriteString("sentence", Slice(page, r.Sentence));
            w.WriteNumber("sentence_start", r.Sentence.Start);
            w.WriteNumber("sentence_end", r.Sentence.End);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The kinds of conflict that flag a claim, as "dispute;revision".</summary>
    private static string Kinds(LinkedCorpus corpus, string claimId) =>
        string.Join(";", corpus.Result.Conflicts.Where(c => c.Claim == claimId).Select(c => c.Kind).Distinct().Order().Select(Wire));

    internal static string Slice(LinkedPage? page, TextSpan span) =>
        page is not null && span.Start >= 0 && span.End <= page.Page.Text.Length && span.Start < span.End ? page.Page.Text[span.Start..span.End] : "";

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static string Wire<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var sb = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && sb.Length > 0)
                sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
