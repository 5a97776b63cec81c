namespace ClaimTrace;

/// <summary>
/// The values one container record gives, one per field, the best-ranked non-blank name winning, whatever
/// order the record lists them in. Turned into the page's <see cref="PageMetadata"/> with a container origin.
/// </summary>
internal sealed class ContainerValues
{
    private readonly string?[] _values = new string?[ContainerFields.FieldCount];
    private readonly int[] _ranks = new int[ContainerFields.FieldCount];

    public void Offer(ContainerField field, int rank, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return;
        var i = (int)field;
        if (_values[i] is not null && _ranks[i] <= rank)
            return;
        _values[i] = value;
        _ranks[i] = rank;
    }

    public bool Has(ContainerField field) => _values[(int)field] is not null;

    public string? Get(ContainerField field) => _values[(int)field];

    public void Clear()
    {
        Array.Clear(_values);
        Array.Clear(_ranks);
    }

    /// <param name="origin">the container kind, as in <c>container:csv</c></param>
    /// <param name="warnings">where repairs of the values (lone surrogates, NULs) are reported</param>
    public PageMetadata ToMetadata(string origin, ICollection<string> warnings) => new()
    {
        Url = Meta(ContainerField.Url, "url", origin, warnings),
        Title = Meta(ContainerField.Title, "title", origin, warnings),
        Outlet = Meta(ContainerField.Outlet, "outlet", origin, warnings),
        Author = Meta(ContainerField.Author, "author", origin, warnings),
        Published = Meta(ContainerField.Published, "published", origin, warnings, ContainerDates.Normalise),
        ScrapedAt = Meta(ContainerField.ScrapedAt, "scraped_at", origin, warnings, ContainerDates.Normalise),
        Language = Meta(ContainerField.Language, "language", origin, warnings),
    };

    private MetaValue? Meta(ContainerField field, string name, string origin, ICollection<string> warnings, Func<string, string>? normalise = null)
    {
        var value = _values[(int)field];
        if (value is null)
            return null;
        var clean = TextRepair.RepairField(value.Trim(), name, warnings);
        return new MetaValue(normalise is null ? clean : normalise(clean), origin);
    }
}
