namespace ClaimTrace;

/// <summary>
/// Everything the analysis stage finds in one page. Every item carries UTF-16 offsets into
/// <see cref="Page.Text"/> (end exclusive), so a person can always see the evidence. Lists are in text order.
/// </summary>
public sealed record PageAnalysis
{
    public IReadOnlyList<Sentence> Sentences { get; init; } = [];
    public IReadOnlyList<QuoteSpan> Quotes { get; init; } = [];
    public IReadOnlyList<Statement> Statements { get; init; } = [];
    public IReadOnlyList<Quantity> Quantities { get; init; } = [];
    public IReadOnlyList<DateMention> Dates { get; init; } = [];
    public IReadOnlyList<EntityMention> Entities { get; init; } = [];
    public IReadOnlyList<StanceCue> Stances { get; init; } = [];

    public static PageAnalysis Empty { get; } = new();
}

/// <summary>A stretch of the page text, end exclusive.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(int offset) => offset >= Start && offset < End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public string Of(string text) => text[Start..End];
}

/// <summary>
/// A sentence. <see cref="InComments"/> marks reader comments: what readers write is kept and searchable,
/// but is never attributed to the outlet or a named speaker. <see cref="Paragraph"/> counts paragraphs
/// (blocks separated by a blank line) from 0, so a speaker can be inherited within a paragraph.
/// </summary>
public sealed record Sentence(int Index, int Start, int End, int Paragraph, SegmentKind Segment, bool InComments)
{
    public TextSpan Span => new(Start, End);
}

/// <summary>A quotation: straight or curly marks; <see cref="Closed"/> is false for a quote the page never closes.</summary>
public sealed record QuoteSpan(int Start, int End, bool Closed)
{
    public TextSpan Span => new(Start, End);
}

public enum StatementKind
{
    Direct,
    Indirect,
    Mixed,
    Unattributed,
}

public enum SpeakerKind
{
    Person,
    Organisation,
    Group,
    Unknown,
}

/// <summary>
/// Who a statement is attributed to. <see cref="Written"/> is the mention in this statement ("he", "the colonel
/// general", "Mizintsev"); <see cref="Name"/> the name it resolves to within the page ("Mikhail Mizintsev"),
/// with the span of the mention that gives it (<see cref="NameStart"/>). Role, rank and organisation come from
/// apposition and titles ("Head of the Russian National Defense Management Center Colonel General ...").
/// </summary>
public sealed record Speaker(
    string Written,
    int Start,
    int End,
    string Name,
    int NameStart,
    int NameEnd,
    SpeakerKind Kind,
    string? Role = null,
    string? Rank = null,
    string? Organisation = null)
{
    public TextSpan Span => new(Start, End);
}

/// <summary>
/// An attributed statement: speaker (null when the page attributes it to nobody: never guessed), the cue
/// ("said", "according to", "has been quoted telling"), and the content. Statements in reader comments have
/// <see cref="InComments"/> set and no speaker. <see cref="Date"/> indexes <see cref="PageAnalysis.Dates"/>:
/// when the statement was made or what it is about, as the page says; null when the page does not say.
/// </summary>
public sealed record Statement(
    int Index,
    StatementKind Kind,
    Speaker? Speaker,
    TextSpan? Cue,
    string? CueLemma,
    TextSpan Content,
    int Sentence,
    bool InComments,
    int? Date = null);

/// <summary>
/// A number with its unit and what it is about. <see cref="Value"/> is normalised (96.5 for "96.5%", 0.333...
/// for "a third" with unit "fraction", 27000 for "27,000"); <see cref="ValueMax"/> ends a range. Unit names:
/// percent, count, people, km, km2, money:&lt;ISO code&gt;, fraction, ... <see cref="Measure"/> is a key of the
/// measures file when one fits. <see cref="Implicit"/> is set for values that words imply ("completely
/// liberated" = 100% free). <see cref="Statement"/> is the index of the statement whose content holds it.
/// </summary>
public sealed record Quantity(
    int Start,
    int End,
    double Value,
    string Unit,
    double? ValueMax = null,
    string? Qualifier = null,
    string? What = null,
    string? Measure = null,
    string? Scope = null,
    string? WrittenAs = null,
    bool Implicit = false,
    int? Statement = null,
    bool InComments = false)
{
    public TextSpan Span => new(Start, End);
}

/// <summary>
/// A date the page mentions, resolved as far as the evidence goes: <see cref="Value"/> is ISO 8601 and may be
/// partial ("2018-12-11", "2018-11", "--12-11" for a day without a year). <see cref="Resolution"/> says how:
/// absolute, relative-to-published, weekday-before-published, month-only, partial-no-year, ...
/// </summary>
public sealed record DateMention(int Start, int End, string Value, string Resolution)
{
    public TextSpan Span => new(Start, End);
}

public enum EntityKind
{
    Person,
    Organisation,
    Place,
    ArmedGroup,
}

/// <summary>An entity mention; <see cref="Canonical"/> is the alias group's name where one is known (Daesh -> ISIS).</summary>
public sealed record EntityMention(int Start, int End, string Text, EntityKind Kind, string Canonical)
{
    public TextSpan Span => new(Start, End);
}

public enum StanceKind
{
    Disputed,
    Questioned,
    Hedged,
    Distanced,
}

/// <summary>
/// A cue of the outlet's (or another party's) stance toward a statement: "It remains unclear how X reached"
/// (disputed), a headline ending in "?" (questioned), "reportedly" (hedged), "has been quoted claiming" (distanced).
/// <see cref="By"/> is "outlet" or the party's name.
/// </summary>
public sealed record StanceCue(int Start, int End, StanceKind Kind, int TargetStatement, string By)
{
    public TextSpan Span => new(Start, End);
}
