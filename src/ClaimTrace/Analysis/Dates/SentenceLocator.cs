namespace ClaimTrace;

/// <summary>
/// Which sentence, paragraph and segment an offset falls in, by binary search over the sentences (in text order).
/// Offsets outside every sentence count as their own paragraph outside the comments.
/// </summary>
internal sealed class SentenceLocator(IReadOnlyList<Sentence> sentences)
{
    public readonly record struct Place(int Sentence, int Paragraph, bool InComments);

    public Place At(int offset)
    {
        var index = IndexAt(offset);
        if (index < 0)
            return new Place(-1, -1, false);
        var s = sentences[index];
        return new Place(s.Index, s.Paragraph, s.InComments);
    }

    /// <summary>True when both offsets (a before b) lie in one paragraph; outside the sentences, when no line
    /// break lies between them.</summary>
    public bool SameBlock(string text, int a, int b)
    {
        var x = IndexAt(a);
        var y = IndexAt(b);
        if (x >= 0 && y >= 0)
            return sentences[x].Paragraph == sentences[y].Paragraph;
        return text.AsSpan(a, b - a).IndexOf('\n') < 0;
    }

    private int IndexAt(int offset) => SentenceSearch.IndexAt(sentences, offset);
}
