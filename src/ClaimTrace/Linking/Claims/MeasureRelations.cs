using System.Globalization;

namespace ClaimTrace;

/// <summary>
/// Families of measures (data file <c>linking/measure-relations.tsv</c>): "territory.is_free.share" and
/// "territory.is_held.share" are one family, the first the mirror of the second (100 minus it), so "Syria is free
/// of IS" and "IS holds 8% of Deir Ezzor" can be compared on one scale.
/// </summary>
public sealed class MeasureRelations
{
    private readonly Dictionary<string, (string Family, double? MirrorOf)> _rows = new(StringComparer.Ordinal);

    private static readonly Lazy<MeasureRelations> Shipped = new(() => Parse(DataFiles.ReadLines("linking/measure-relations.tsv")));

    public static MeasureRelations Default => Shipped.Value;

    public static MeasureRelations Parse(IEnumerable<string> lines)
    {
        var relations = new MeasureRelations();
        foreach (var line in lines)
        {
            var cells = line.Split('\t');
            if (cells.Length < 3 || cells[0].Length == 0 || cells[1].Length == 0)
                throw new FormatException($"measure-relations.tsv: '{line}' needs measure, family and relation separated by tabs.");
            var relation = cells[2].Trim();
            double? mirror = null;
            if (relation.StartsWith("mirror ", StringComparison.Ordinal))
            {
                if (!double.TryParse(relation[7..], NumberStyles.Float, CultureInfo.InvariantCulture, out var total))
                    throw new FormatException($"measure-relations.tsv: '{relation}' in '{line}' is not 'mirror N'.");
                mirror = total;
            }
            else if (relation != "same")
            {
                throw new FormatException($"measure-relations.tsv: relation '{relation}' in '{line}' is neither 'same' nor 'mirror N'.");
            }

            relations._rows[cells[0].Trim()] = (cells[1].Trim(), mirror);
        }

        return relations;
    }

    /// <summary>The family a measure belongs to: its row's, or the key without its last part.</summary>
    public string FamilyOf(string measure) =>
        _rows.TryGetValue(measure, out var row) ? row.Family
        : measure.LastIndexOf('.') is var dot and > 0 ? measure[..dot] : measure;

    /// <summary>The value on the family's base scale: a mirrored measure's value subtracted from its total.</summary>
    public double OnFamilyScale(string measure, double value) =>
        _rows.TryGetValue(measure, out var row) && row.MirrorOf is { } total ? total - value : value;

    /// <summary>True when the measure is the mirror of its family's base (an "is free" against an "is held").</summary>
    public bool IsMirror(string measure) => _rows.TryGetValue(measure, out var row) && row.MirrorOf is not null;
}
