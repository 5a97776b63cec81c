namespace ClaimTrace;

/// <summary>Finds the sentence holding an offset by binary search: sentences are in text order and do not overlap.</summary>
public static class SentenceSearch
{
    /// <returns>the index of the sentence holding <paramref name="offset"/>, or -1 when it falls between sentences</returns>
    public static int IndexAt(IReadOnlyList<Sentence> sentences, int offset)
    {
        int lo = 0, hi = sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var s = sentences[mid];
            if (offset < s.Start)
                hi = mid - 1;
            else if (offset >= s.End)
                lo = mid + 1;
            else
                return mid;
        }

        return -1;
    }

    public static Sentence? At(IReadOnlyList<Sentence> sentences, int offset) =>
        IndexAt(sentences, offset) is >= 0 and var i ? sentences[i] : null;
}
