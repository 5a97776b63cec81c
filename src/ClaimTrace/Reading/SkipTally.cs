using System.Text;

namespace ClaimTrace;

/// <summary>
/// Files found in folders that no reader handles (images, PDFs, READMEs of other formats), counted by
/// extension. They are skipped without a failure each, but the summary says how many, so nothing vanishes unseen.
/// </summary>
public sealed class SkipTally
{
    private readonly SortedDictionary<string, int> _byExtension = new(StringComparer.Ordinal);

    public int Total { get; private set; }

    /// <summary>Counts by extension (lower case, with its dot; "(none)" for files without one), in ordinal order.</summary>
    public IReadOnlyDictionary<string, int> ByExtension => _byExtension;

    internal void Add(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var key = extension.Length == 0 ? "(none)" : extension;
        _byExtension[key] = _byExtension.GetValueOrDefault(key) + 1;
        Total++;
    }

    /// <summary>"3 files skipped (2 .pdf, 1 .png)", or "no files skipped".</summary>
    public override string ToString()
    {
        if (Total == 0)
            return "no files skipped";
        var text = new StringBuilder().Append(Total).Append(Total == 1 ? " file skipped (" : " files skipped (");
        text.AppendJoin(", ", _byExtension.Select(e => $"{e.Value} {e.Key}"));
        return text.Append(')').ToString();
    }
}
