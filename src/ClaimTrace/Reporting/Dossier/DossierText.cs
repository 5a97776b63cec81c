namespace ClaimTrace;

/// <summary>Plain-language pieces every dossier format shares, so Markdown, HTML and JSON say the same thing.</summary>
public static class DossierText
{
    /// <summary>"more than 96.5%", "1,411", "27,000 km²": <see cref="ClaimWords.Figure"/>, so every format writes a figure alike.</summary>
    public static string Figure(double value, double? max, string unit, string? qualifier) => ClaimWords.Figure(qualifier, value, max, unit);

    public static string Figure(Claim c) => Figure(c.Value, c.ValueMax, c.Unit, c.Qualifier);

    public static string Figure(ClaimReport r) => Figure(r.Value, r.ValueMax, r.Unit, r.Qualifier);

    /// <summary>"Mikhail Mizintsev (Russian Defense Ministry): more than 96.5% — territory.government_control.share, Syria, 2018-12-11".</summary>
    public static string Headline(Claim c) =>
        $"{c.Side.Display}: {Figure(c)} — {c.Measure}{(c.Scope is { } s ? ", " + s : "")}{(c.Date is { } d ? ", " + d : ", undated")}";

    public static string Kind(ConflictKind kind) => kind switch
    {
        ConflictKind.Revision => "revision",
        ConflictKind.Contradiction => "contradiction",
        ConflictKind.Dispute => "dispute",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>One line of a sentence: newlines folded, cut at <paramref name="max"/> characters.</summary>
    public static string OneLine(string text, int max = 400)
    {
        var flat = string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return flat.Length <= max ? flat : flat[..(max - 1)] + "…";
    }
}
