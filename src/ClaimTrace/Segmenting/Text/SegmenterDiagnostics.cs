using System.Globalization;
using System.Text;

namespace ClaimTrace;

/// <summary>
/// Explains the plain-text segmenter's decision line by line: the zone chosen and each zone's score.
/// Used by <c>claimtrace show --explain</c> and when tuning weights.
/// </summary>
public static class SegmenterDiagnostics
{
    public static string Explain(string text)
    {
        var lines = TextLines.Split(text);
        var profiles = LineProfiler.Default.Profile(text, lines);
        var decoder = new ZoneDecoder();
        var zones = decoder.Decode(profiles);
        var builder = new StringBuilder();
        builder.AppendLine("line  zone      header  body  comments  furniture voice prose  text");
        for (var i = 0; i < profiles.Count; i++)
        {
            var p = profiles[i];
            if (p.IsBlank)
                continue;
            var preview = p.Text.Length > 60 ? p.Text[..60] + "…" : p.Text;
            builder.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{p.Line.Number,4}  {zones[i],-8} {decoder.Emit(p, PageZone.Header),6:F1} {decoder.Emit(p, PageZone.Body),6:F1} {decoder.Emit(p, PageZone.Comments),8:F1}  {p.Furniture,8:F1} {p.ReaderVoice,5:F1} {p.Prose,5:F1}  {preview}"));
        }

        return builder.ToString();
    }
}
