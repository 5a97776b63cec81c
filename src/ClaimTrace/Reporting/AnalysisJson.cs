using System.Text.Json;

namespace ClaimTrace;

/// <summary>
/// The analysis members of the extraction JSON (docs/extraction-json.md): one array per kind of item, each
/// item with its own <c>start</c>/<c>end</c>, and a statement's speaker, cue and content as separate spans so
/// a scorer can match each on its own (as PolNeAR scores source, cue and content). Kind names are the gold
/// format's. A page that never went through the analysis stage has none of these members, which keeps the
/// output of reading and segmenting alone exactly what it was before the analysis existed.
/// </summary>
internal static class AnalysisJson
{
    public static void Write(Utf8JsonWriter w, PageAnalysis a)
    {
        if (!StoredAnalysis.IsPresent(a))
            return;

        w.WriteStartArray("sentences");
        foreach (var s in a.Sentences)
        {
            w.WriteStartObject();
            w.WriteNumber("index", s.Index);
            Span(w, s.Start, s.End);
            w.WriteNumber("paragraph", s.Paragraph);
            w.WriteString("segment", s.Segment.ToWire());
            w.WriteBoolean("in_comments", s.InComments);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("quotes");
        foreach (var q in a.Quotes)
        {
            w.WriteStartObject();
            Span(w, q.Start, q.End);
            w.WriteBoolean("closed", q.Closed);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("statements");
        foreach (var s in a.Statements)
            Statement(w, s);
        w.WriteEndArray();

        w.WriteStartArray("quantities");
        foreach (var q in a.Quantities)
            Quantity(w, q);
        w.WriteEndArray();

        w.WriteStartArray("dates");
        foreach (var d in a.Dates)
        {
            w.WriteStartObject();
            Span(w, d.Start, d.End);
            w.WriteString("value", d.Value);
            w.WriteString("resolution", d.Resolution);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("entities");
        foreach (var e in a.Entities)
        {
            w.WriteStartObject();
            Span(w, e.Start, e.End);
            w.WriteString("text", e.Text);
            w.WriteString("kind", e.Kind.ToWire());
            w.WriteString("canonical", e.Canonical);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("stances");
        foreach (var s in a.Stances)
        {
            w.WriteStartObject();
            Span(w, s.Start, s.End);
            w.WriteString("kind", s.Kind.ToWire());
            w.WriteNumber("target_statement", s.TargetStatement);
            w.WriteString("by", s.By);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Statement(Utf8JsonWriter w, Statement s)
    {
        w.WriteStartObject();
        w.WriteNumber("index", s.Index);
        w.WriteString("kind", s.Kind.ToWire());
        w.WriteNumber("sentence", s.Sentence);
        w.WriteBoolean("in_comments", s.InComments);
        if (s.Speaker is { } sp)
        {
            w.WriteStartObject("speaker");
            w.WriteString("written", sp.Written);
            Span(w, sp.Start, sp.End);
            w.WriteString("name", sp.Name);
            w.WriteNumber("name_start", sp.NameStart);
            w.WriteNumber("name_end", sp.NameEnd);
            w.WriteString("kind", sp.Kind.ToWire());
            w.WriteString("role", sp.Role);
            w.WriteString("rank", sp.Rank);
            w.WriteString("organisation", sp.Organisation);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("speaker");
        }

        if (s.Cue is { } cue)
        {
            w.WriteStartObject("cue");
            Span(w, cue.Start, cue.End);
            w.WriteString("lemma", s.CueLemma);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("cue");
        }

        w.WriteStartObject("content");
        Span(w, s.Content.Start, s.Content.End);
        w.WriteEndObject();
        if (s.Date is { } date)
            w.WriteNumber("date", date);
        else
            w.WriteNull("date");
        w.WriteEndObject();
    }

    private static void Quantity(Utf8JsonWriter w, Quantity q)
    {
        w.WriteStartObject();
        Span(w, q.Start, q.End);
        w.WriteNumber("value", q.Value);
        if (q.ValueMax is { } max)
            w.WriteNumber("value_max", max);
        else
            w.WriteNull("value_max");
        w.WriteString("unit", q.Unit);
        w.WriteString("qualifier", q.Qualifier);
        w.WriteString("what", q.What);
        w.WriteString("measure", q.Measure);
        w.WriteString("scope", q.Scope);
        w.WriteString("written_as", q.WrittenAs);
        w.WriteBoolean("implicit", q.Implicit);
        if (q.Statement is { } statement)
            w.WriteNumber("statement", statement);
        else
            w.WriteNull("statement");
        w.WriteBoolean("in_comments", q.InComments);
        w.WriteEndObject();
    }

    private static void Span(Utf8JsonWriter w, int start, int end)
    {
        w.WriteNumber("start", start);
        w.WriteNumber("end", end);
    }
}
