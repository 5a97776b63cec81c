using System.Globalization;
using System.Text;

namespace ClaimTrace;

/// <summary>
/// Words that must appear one after another, in order (<see cref="SearchTokens"/> folding); with
/// <see cref="Prefix"/>, the last one only has to start with its word. A single word is a one-word clause.
/// </summary>
public sealed record SearchClause(IReadOnlyList<string> Words, bool Prefix)
{
    /// <summary>The clause in query syntax: <c>word</c>, <c>"two words"</c>, <c>prefix*</c>.</summary>
    public override string ToString()
    {
        var words = string.Join(' ', Words);
        return (Words.Count > 1 ? "\"" + words + "\"" : words) + (Prefix ? "*" : "");
    }

    /// <summary>Where the clause matches in <paramref name="tokens"/>: token index of the first word, for each match.</summary>
    internal IEnumerable<int> MatchesIn(IReadOnlyList<SearchToken> tokens)
    {
        for (var i = 0; i + Words.Count <= tokens.Count; i++)
        {
            var all = true;
            for (var w = 0; w < Words.Count && all; w++)
            {
                var last = w == Words.Count - 1;
                all = last && Prefix
                    ? tokens[i + w].Folded.StartsWith(Words[w], StringComparison.Ordinal)
                    : string.Equals(tokens[i + w].Folded, Words[w], StringComparison.Ordinal);
            }

            if (all)
                yield return i;
        }
    }
}

/// <summary>
/// A search text as the store understands it, parsed by ClaimTrace itself so no backend's query syntax leaks
/// through: every clause of <see cref="Required"/> must match a unit and none of <see cref="Excluded"/> may.
/// Syntax (docs/search.md):
/// <list type="bullet">
/// <item><c>retaken Syria</c>: both words, anywhere in the unit (its text, speaker or sentence);</item>
/// <item><c>"has been retaken"</c>: the words one after another; a word with punctuation inside is the same
/// (<c>96.5</c> is 96 then 5, <c>al-Tanf</c> is al then tanf);</item>
/// <item><c>-Daesh</c>, <c>-"Islamic State"</c>: units with it are left out;</item>
/// <item><c>liberat*</c>, <c>"Deir ez*"</c>: the last word is a prefix (at least <see cref="ShortestPrefix"/> characters).</item>
/// </list>
/// Everything else is text: <c>AND</c>, <c>OR</c>, <c>NOT</c> and <c>NEAR</c> are words, brackets and other
/// punctuation separate words, an unclosed quote runs to the end.
/// </summary>
public sealed record SearchExpression(IReadOnlyList<SearchClause> Required, IReadOnlyList<SearchClause> Excluded)
{
    public const int LongestText = 1000;
    public const int MostClauses = 32;
    public const int ShortestPrefix = 2;

    public static SearchExpression Everything { get; } = new([], []);

    /// <summary>True for an empty search text: every unit the filters let through matches.</summary>
    public bool MatchesEverything => Required.Count == 0 && Excluded.Count == 0;

    /// <summary>
    /// Parses <paramref name="text"/>. Blank text gives <see cref="Everything"/>; text without a word to look for
    /// (only punctuation, only exclusions), too long, or with too many clauses throws a
    /// <see cref="SearchQueryException"/> whose message is meant for the user.
    /// </summary>
    public static SearchExpression Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Everything;
        if (text.Length > LongestText)
            throw new SearchQueryException($"The search is {text.Length.ToString(CultureInfo.InvariantCulture)} characters long; keep it under {LongestText.ToString(CultureInfo.InvariantCulture)}.");

        var required = new List<SearchClause>();
        var excluded = new List<SearchClause>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var negated = text[i] == '-';
            if (negated)
            {
                i++;
                if (i >= text.Length || char.IsWhiteSpace(text[i]))
                    continue;
            }

            string body;
            bool prefix;
            if (text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                body = close < 0 ? text[(i + 1)..] : text[(i + 1)..close];
                i = close < 0 ? text.Length : close + 1;
                prefix = i < text.Length && text[i] == '*';
                while (i < text.Length && text[i] == '*')
                    i++;
            }
            else
            {
                var end = i;
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '"')
                    end++;
                body = text[i..end];
                i = end;
                prefix = body.EndsWith('*');
            }

            var words = SearchTokens.Of(body).Select(t => t.Folded).ToList();
            if (words.Count == 0)
                continue;
            if (prefix && words[^1].Length < ShortestPrefix)
                throw new SearchQueryException($"'{words[^1]}*' is too short a prefix: give at least {ShortestPrefix.ToString(CultureInfo.InvariantCulture)} letters before the *.");
            (negated ? excluded : required).Add(new SearchClause(words, prefix));
            if (required.Count + excluded.Count > MostClauses)
                throw new SearchQueryException($"The search has more than {MostClauses.ToString(CultureInfo.InvariantCulture)} words and phrases; leave some out.");
        }

        if (required.Count == 0)
        {
            throw new SearchQueryException(excluded.Count > 0
                ? "The search only excludes words (-word); add a word or phrase to look for."
                : "The search has no words to look for: punctuation and symbols are not searched.");
        }

        return new SearchExpression(required, excluded);
    }

    /// <summary>Where the required clauses match in <paramref name="tokens"/>, as text spans, in text order.</summary>
    public IReadOnlyList<TextSpan> FindIn(IReadOnlyList<SearchToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var spans = new List<TextSpan>();
        foreach (var clause in Required)
        {
            foreach (var first in clause.MatchesIn(tokens))
                spans.Add(new TextSpan(tokens[first].Start, tokens[first + clause.Words.Count - 1].End));
        }

        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return spans;
    }

    /// <summary>The expression in query syntax, words folded: what the store searched for.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var clause in Required)
            text.Append(text.Length == 0 ? "" : " ").Append(clause);
        foreach (var clause in Excluded)
            text.Append(text.Length == 0 ? "-" : " -").Append(clause);
        return text.ToString();
    }
}
