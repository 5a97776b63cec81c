using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests.Analysis.Quantities;

public sealed class QuantityExtractorPropertyTests
{
    private static readonly Gen<string> Pieces = Gen.Elements(
        "1,411", "96.5", "3,5", "1/8", "-", "–", "$", "€", "%", "km", "square", "kilometers", " ", "\n", ".", ",", "between", "and",
        "to", "a", "third", "two", "-thirds", "hundred", "million", "m", "k", "of", "people", "over", "more than", "2017", "December",
        "11", "5th", "T", "55", ":", "30", "http://x.org/2/3", "completely liberated", "Syria has been", "no territory controlled by",
        "“", "'", "minus", "per", "barrel", "in", "ten", "nine", "thousands", "RM", "USD", "10m");

    [Fact]
    public void Any_text_gives_quantities_in_bounds_and_in_text_order() =>
        Prop.ForAll(Arb.From(Gen.ListOf(Pieces).Select(p => string.Concat(p))), text =>
        {
            var sentences = new List<Sentence>();
            var start = 0;
            foreach (var part in text.Split('\n'))
            {
                if (part.Length > 0)
                    sentences.Add(new Sentence(sentences.Count, start, start + part.Length, sentences.Count, SegmentKind.Article, sentences.Count % 2 == 1));
                start += part.Length + 1;
            }

            var found = new QuantityExtractor().Extract(text, sentences, PageMetadata.Empty);
            for (var n = 0; n < found.Count; n++)
            {
                var q = found[n];
                if (q.Start < 0 || q.End > text.Length || q.Start >= q.End || double.IsNaN(q.Value))
                    return false;
                if (n > 0 && found[n - 1].Start > q.Start)
                    return false;
                if (q.ValueMax is { } max && max <= q.Value)
                    return false;
            }

            return true;
        }).QuickCheckThrowOnFailure();
}
