namespace ClaimTrace;

/// <summary>Which units a search returns.</summary>
public enum SearchKind
{
    /// <summary>Statements, articles and reader comments.</summary>
    All,

    /// <summary>Attributed (and unattributed) statements only.</summary>
    Statements,

    /// <summary>Articles (title and article text) and reader comments, not single statements.</summary>
    Pages,
}

/// <summary>What a hit is.</summary>
public enum SearchHitKind
{
    Statement,
    Article,

    /// <summary>One reader comment: what readers write is searchable but never a claim of the outlet or a speaker.</summary>
    Comment,
}

/// <summary>
/// A full-text search (<see cref="IPageStore.Search"/>). <see cref="Text"/> follows the syntax of docs/search.md:
/// words (all required), <c>"quoted phrases"</c>, <c>-exclusions</c> and <c>prefix*</c>; anything else is
/// text, never query syntax. An empty <see cref="Text"/> matches every unit the filters let through, in
/// document order. Filters combine with AND, like <see cref="ClaimQuery"/>'s:
/// every word of <see cref="Speaker"/> begins a word of a speaker's name or mention, and the whole of it is in one of
/// them, ignoring case ("mizin" finds Mizintsev, "intsev" does not); <see cref="Measure"/>
/// and <see cref="Place"/> (a quantity's scope) are compared whole, ignoring case, on one quantity;
/// <see cref="Stance"/> keeps units holding a statement the page takes that stance toward. A statement hit must
/// itself satisfy them; an article or comment passes when a statement or quantity inside it does.
/// <see cref="From"/> and <see cref="To"/> (2018, 2018-12 or 2018-12-11, inclusive) apply to a statement's own
/// date when it has a year, else to the page's published date. Only current versions are searched.
/// When more than <see cref="Window"/> units match the words, the hits are the newest <see cref="Window"/> of those
/// that pass the filters, ranked among themselves (<see cref="SearchResults.Truncated"/>): scoring and counting every
/// unit of a common word on a large store would take seconds.
/// </summary>
public sealed record SearchQuery(
    string Text = "",
    SearchKind Kind = SearchKind.All,
    string? Speaker = null,
    string? Outlet = null,
    string? Measure = null,
    string? Place = null,
    string? From = null,
    string? To = null,
    StanceKind? Stance = null,
    bool IncludeComments = true,
    int Offset = 0,
    int Limit = 20,
    int FacetLimit = 20,
    int Window = SearchQuery.DefaultWindow)
{
    /// <summary>Matching units ranked, counted and faceted in full before a search keeps only the newest.</summary>
    public const int DefaultWindow = 1_000;
}

/// <summary>
/// A page of hits, the number of hits in all (<see cref="Total"/>), and facet counts over all of them (not
/// only this page), with every filter of the query applied. <see cref="Terms"/> is the query as understood.
/// </summary>
public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits, SearchFacets Facets, SearchExpression Terms)
{
    /// <summary>
    /// True when more units match than <see cref="Window"/> (or than the newest units looked at): <see cref="Total"/>,
    /// the hits and the facets then cover only the newest matches, and the true number is larger.
    /// </summary>
    public bool Truncated { get; init; }

    /// <summary>The query's <see cref="SearchQuery.Window"/>.</summary>
    public int Window { get; init; } = SearchQuery.DefaultWindow;
}

/// <summary>
/// One hit. <see cref="Start"/>..<see cref="End"/> is the unit in the page text: a statement's content, the
/// article from its first to its last line, one comment. <see cref="Statement"/> is the statement's index
/// (<see cref="Statement.Index"/>) and <see cref="Comment"/> the comment's (<see cref="Comment.Index"/>).
/// <see cref="Rank"/> is the relevance (higher is better; 0 for a query without words); <see cref="Date"/> is
/// the date the date filter compared. <see cref="Quantities"/> are the statement's own, or those in a page
/// hit's snippet.
/// </summary>
public sealed record SearchHit(
    SearchHitKind Kind,
    string DocumentId,
    string Key,
    int Version,
    string? Outlet,
    string? Published,
    string? Title,
    int? Statement,
    int? Comment,
    int Start,
    int End,
    SearchSnippet Snippet,
    string? Speaker,
    string? SpeakerWritten,
    string? CommentAuthor,
    IReadOnlyList<SearchQuantity> Quantities,
    string? Date,
    bool InComments,
    double Rank);

/// <summary>
/// What to show of a hit: <see cref="Text"/> is the page text from <see cref="Start"/> (a statement's whole
/// sentence, or a window around the first match), and <see cref="Highlights"/> mark stretches of it by offsets
/// into <see cref="Text"/>, sorted by start. Plain text, never markup: the caller escapes it for its medium.
/// <see cref="CutBefore"/> and <see cref="CutAfter"/> say the text goes on (show an ellipsis).
/// </summary>
public sealed record SearchSnippet(int Start, string Text, IReadOnlyList<SearchHighlight> Highlights, bool CutBefore, bool CutAfter)
{
    public int End => Start + Text.Length;
}

public enum HighlightKind
{
    /// <summary>Words the query asked for.</summary>
    Match,

    /// <summary>The statement's speaker as the page names them.</summary>
    Speaker,

    /// <summary>A number with its unit.</summary>
    Quantity,
}

/// <summary>A highlighted stretch of <see cref="SearchSnippet.Text"/>. Stretches of different kinds may overlap.</summary>
public sealed record SearchHighlight(int Start, int Length, HighlightKind Kind)
{
    public int End => Start + Length;
}

/// <summary>A quantity in a hit, with its span in the page text and the text written there.</summary>
public sealed record SearchQuantity(int Start, int End, string Text, double Value, double? ValueMax, string Unit, string? Measure, string? Scope);

/// <summary>Hit counts per value, most frequent first (ties by value), at most <see cref="SearchQuery.FacetLimit"/> each.</summary>
public sealed record SearchFacets(
    IReadOnlyList<FacetCount> Outlets,
    IReadOnlyList<FacetCount> Speakers,
    IReadOnlyList<FacetCount> Measures,
    IReadOnlyList<FacetCount> Stances)
{
    public static SearchFacets None { get; } = new([], [], [], []);
}

public sealed record FacetCount(string Value, int Count);

/// <summary>
/// A search text the syntax cannot turn into a search (no words, only exclusions, too long). The message says
/// what to change and is meant for the user as it is.
/// </summary>
public sealed class SearchQueryException : Exception
{
    public SearchQueryException()
    {
    }

    public SearchQueryException(string message)
        : base(message)
    {
    }

    public SearchQueryException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
