using System.Globalization;

namespace ClaimTrace;

internal enum NumberWordKind
{
    Unit,
    Teen,
    Ten,
    Scale,
    Dozen,
    Fraction,
    Vague,
}

internal readonly record struct NumberWord(double Value, NumberWordKind Kind);

internal readonly record struct UnitForm(string Unit, bool Prefix);

/// <summary>
/// The word lists the quantity parser reads, from data files under <c>Data/analysis</c>: number words,
/// qualifiers, units, nouns counted as people, the words that end a counted-noun phrase. Loaded once.
/// </summary>
internal sealed class QuantityLexicon
{
    private static readonly Lazy<QuantityLexicon> Shared = new(Load);

    public static QuantityLexicon Default => Shared.Value;

    public required Dictionary<string, NumberWord> NumberWords { get; init; }

    /// <summary><see cref="NumberWords"/> for slices of the page: the parser asks at every word.</summary>
    public required SpanLookup<NumberWord> Numbers { get; init; }

    public required PhraseTable<string> Qualifiers { get; init; }

    public required PhraseTable<UnitForm> Units { get; init; }

    public required WordSet PeopleNouns { get; init; }

    public required WordSet CountedStops { get; init; }

    public required WordSet OneIdioms { get; init; }

    private static QuantityLexicon Load()
    {
        var numbers = new Dictionary<string, NumberWord>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in DataFiles.ReadLines("analysis/number-words.tsv"))
        {
            var cells = line.Split('\t');
            if (cells.Length < 3 || !Enum.TryParse<NumberWordKind>(cells[2].Trim(), ignoreCase: true, out var kind))
                throw new FormatException($"analysis/number-words.tsv: bad line '{line}'");
            numbers[cells[0].Trim()] = new NumberWord(double.Parse(cells[1], CultureInfo.InvariantCulture), kind);
        }

        var qualifiers = new PhraseTable<string>();
        foreach (var line in DataFiles.ReadLines("analysis/qualifiers.tsv"))
        {
            var cells = line.Split('\t');
            if (cells.Length < 2)
                throw new FormatException($"analysis/qualifiers.tsv: bad line '{line}'");
            qualifiers.Add(cells[0].Trim(), cells[1].Trim());
        }

        var units = new PhraseTable<UnitForm>();
        foreach (var line in DataFiles.ReadLines("analysis/units.tsv"))
        {
            var cells = line.Split('\t');
            if (cells.Length < 3)
                throw new FormatException($"analysis/units.tsv: bad line '{line}'");
            var form = new UnitForm(cells[1].Trim(), cells[2].Trim().Equals("prefix", StringComparison.OrdinalIgnoreCase));
            foreach (var surface in cells[0].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                units.Add(surface, form);
        }

        return new QuantityLexicon
        {
            NumberWords = numbers,
            Numbers = new SpanLookup<NumberWord>(numbers),
            Qualifiers = qualifiers,
            Units = units,
            PeopleNouns = WordSet.Load("analysis/people-nouns.txt"),
            CountedStops = WordSet.Load("analysis/counted-stops.txt"),
            OneIdioms = WordSet.Load("analysis/one-idioms.txt"),
        };
    }
}
