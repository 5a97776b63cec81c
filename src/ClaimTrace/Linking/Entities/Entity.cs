namespace ClaimTrace;

/// <summary>Why two names were made one entity. Every merge the index makes carries one of these.</summary>
public enum MergeRule
{
    /// <summary>Both names are in one alias group of the shipped or user data (aliases.tsv, people.tsv, ...).</summary>
    AliasGroup,

    /// <summary>The name is a listed spelling of a place in places.tsv.</summary>
    GazetteerSpelling,

    /// <summary>The acronym is listed for the name (acronyms.tsv, or an all-capital alias).</summary>
    KnownAcronym,

    /// <summary>A page defines the acronym right after the name: "Syrian Arab Army (SAA)".</summary>
    PageAcronym,

    /// <summary>The page names the person in full and later by surname; the analysis resolved the surname.</summary>
    SurnameInPage,

    /// <summary>A bare surname from a page without the full name, and exactly one full name in the corpus carries it.</summary>
    SurnameUnique,

    /// <summary>A bare surname shared by several full names, tied to one of them by the same title, rank or organisation.</summary>
    SurnameByTitle,

    /// <summary>The same surname written alone in several pages, and no full name in the corpus that could tell them apart.</summary>
    SameSurname,

    /// <summary>The names have the same transliteration key (case, diacritics, hyphens, articles, doubled letters folded).</summary>
    Transliteration,

    /// <summary>The names are one edit apart or share a consonant skeleton, and their context agrees (same container place, shared co-mentions).</summary>
    SpellingVariant,

    /// <summary>The page analysis read the written form as this name (a title or a quoted form around it).</summary>
    AnalysisReading,
}

/// <summary>
/// One merge: <see cref="Name"/> joined the entity through <see cref="JoinedTo"/> by <see cref="Rule"/>;
/// <see cref="Evidence"/> says what supports it in words a user can check (a data file, a document, a shared key).
/// </summary>
public sealed record MergeReason(string Name, string JoinedTo, MergeRule Rule, string Evidence)
{
    public string Explain() => $"'{Name}' = '{JoinedTo}': {Evidence}";
}

/// <summary>One way the corpus writes an entity, how often, and in which documents (ids, sorted).</summary>
public sealed record EntitySpelling(string Text, int Count, IReadOnlyList<string> Docs);

/// <summary>
/// An entity: the mentions of the corpus that name one person, organisation, place or armed group.
/// <see cref="Id"/> is derived from <see cref="Kind"/> and <see cref="Canonical"/> ("place:deir-ezzor"), so it is
/// the same whatever order pages arrive in. <see cref="Ambiguities"/> says where the index declined a merge
/// (a surname two full names share), so a user sees what was left apart and why.
/// </summary>
public sealed record Entity(
    string Id,
    EntityKind Kind,
    string Canonical,
    int Mentions,
    IReadOnlyList<EntitySpelling> Spellings,
    IReadOnlyList<string> Docs,
    IReadOnlyList<MergeReason> Reasons,
    IReadOnlyList<string> Ambiguities);

/// <summary>
/// What <see cref="EntityIndex.Resolve"/> found for a name: the entity, how the name given matched it
/// (<see cref="Match"/>), and why the entity's names are one (<see cref="Reasons"/>).
/// </summary>
public sealed record ResolvedEntity(string Id, string Canonical, EntityKind Kind, string Match, IReadOnlyList<MergeReason> Reasons, IReadOnlyList<string> Ambiguities);
