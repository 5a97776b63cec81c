namespace ClaimTrace;

/// <summary>
/// Finds who said what. Each reporting cue of the lexicon (analysis/reporting-cues.tsv) is anchored to a source
/// phrase on its left ("Mizintsev also said", "X, a doctor, said", "X – head of ... – has been quoted") or, when
/// the cue follows a quote or comma, on its right ("..., said Mizintsev"); "according to X" takes the source after
/// it. The content is what follows the cue ("that ...") or, for a speaker after the speech, the quote or clause
/// before. Sentences without a cue can still be speech: a paragraph that is only a quote continues the speaker of
/// the quote before it, and the sentence right after an indirect statement in the same paragraph continues it.
/// Sentences with a number and no speaker are kept as unattributed claims; comment sentences never get a speaker.
/// The approach follows the rule-based attribution extractors of the PARC/PolNeAR literature (cue, then source
/// and content around it), written from scratch.
/// </summary>
public sealed class AttributionExtractor
{
    private static readonly HashSet<string> Boundaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "that", "which", "who", "whom", "and", "but", "when", "while", "as", "if", "because", "after", "before", "where", "since",
        "although", "though", "so", "than", "to", "what", "how", "why", "whether", "or", "nor", "yet", "on", "at", "by", "with",
        "from", "during", "into", "about", "over", "under", "without", "within", "through", "until", "against", "between", "among",
        "across", "is", "are", "was", "were", "be", "not", "there", "this", "also", "has", "have", "had", "will", "would",
    };

    /// <summary>
    /// Cues that open their own attribution even inside the content of an earlier one: "X said A, and Y said B",
    /// "attacks, which the probe said were covered up", "a note to staff, Zucker said ...". PolNeAR marks these
    /// (nested or coordinated) as attributions of their own; a content running to the sentence end would hide them.
    /// Only the verbs that are almost always reporting ones: weaker cues inside content are mostly not attributions.
    /// </summary>
    private static readonly HashSet<string> NestsInContent = new(StringComparer.Ordinal) { "say", "report", "write", "argue", "note", "suggest" };

    /// <summary>
    /// Verbs whose subject "it" is a placeholder, not a source: "it does not seem like ...", "it appears that ...".
    /// Lemmas as the cue lexicon gives them. With "it" before one of these nobody is quoted.
    /// </summary>
    private static readonly HashSet<string> RaisingLemmas = new(StringComparer.Ordinal) { "seem", "seems", "seemed", "appear", "appears", "appeared" };

    private static readonly HashSet<string> TimeLeads = new(StringComparer.OrdinalIgnoreCase) { "on", "last", "this", "early", "late", "earlier", "later", "next", "that" };

    private static readonly Lazy<WordSet> TimeWords = new(() => WordSet.Load("analysis/time-words.txt"));

    private static readonly HashSet<string> ParentheticalLeads = new(StringComparer.OrdinalIgnoreCase) { "where", "that", "but", "and", "because", "which", "while", "so", "when", "if" };

    private static readonly HashSet<string> OutletVoice = new(StringComparer.OrdinalIgnoreCase)
    {
        "however", "but", "it", "this", "that", "these", "those", "there", "meanwhile", "i", "we", "yet", "still", "indeed", "in", "taking",
    };

    private static readonly Lazy<WordSet> LabelWords = new(() => WordSet.Load("analysis/label-words.txt"));

    private readonly CueLexicon _lexicon = CueLexicon.Default;

    /// <summary>Room for the longest word the extractor compares lower-cased ("wednesday").</summary>
    private const int LowerBuffer = 16;

    public IReadOnlyList<Statement> Extract(string text, IReadOnlyList<Sentence> sentences, IReadOnlyList<QuoteSpan> quotes, PageMetadata metadata)
    {
        var drafts = new List<Draft>();
        var tokens = new List<Token>();
        var usedQuoteEnd = -1;
        foreach (var sentence in sentences)
        {
            if (sentence.End > text.Length || sentence.Start >= sentence.End)
                continue;
            Tokenizer.Tokenize(text, sentence.Start, sentence.End, tokens);
            if (sentence.InComments)
            {
                if (HasDigitOrCue(text, tokens))
                    drafts.Add(Draft.Unattributed(sentence, sentence.Span, inComments: true));
                continue;
            }

            var before = drafts.Count;
            FindCued(text, sentence, tokens, quotes, drafts);
            if (drafts.Count > before)
            {
                for (var k = before; k < drafts.Count; k++)
                    usedQuoteEnd = Math.Max(usedQuoteEnd, drafts[k].Content.End);
                continue;
            }

            if (sentence.Start < usedQuoteEnd)
                continue;
            if (ColonHeadline(text, sentence, tokens, quotes) is { } labelled)
            {
                drafts.Add(labelled);
                continue;
            }

            if (sentence.Segment == SegmentKind.Title && HeadlineSource(text, sentence, tokens, quotes) is { } headline)
            {
                drafts.Add(headline);
                continue;
            }

            var previous = drafts.Count > 0 ? drafts[^1] : null;
            if (previous is { InComments: false } && (previous.Source is not null || previous.Inherits >= 0) && QuoteStartingAt(quotes, sentence.Start) is { } quote
                && previous.Kind is StatementKind.Direct or StatementKind.Mixed && sentence.Paragraph - previous.Paragraph <= 1)
            {
                // A paragraph (or sentence) that is only a quote continues the speaker of the quote before it.
                var content = new TextSpan(quote.Start, Math.Max(quote.End, sentence.End));
                drafts.Add(new Draft(sentence.Index, sentence.Paragraph, StatementKind.Direct, null, null, null, null, content, drafts.Count - 1, false));
                usedQuoteEnd = content.End;
                continue;
            }

            if (previous is { Kind: StatementKind.Indirect, InComments: false, Cue: not null, Source: not null } && previous.Paragraph == sentence.Paragraph
                && sentence.Index - previous.Sentence == 1 && tokens.Count > 0 && !OutletVoice.Has(Word(text, tokens[0]))
                && QuoteStartingAt(quotes, sentence.Start) is null)
            {
                // "X revealed that A. B." - the reported speech runs on into the next sentence of the paragraph.
                drafts.Add(new Draft(sentence.Index, sentence.Paragraph, StatementKind.Indirect, null, null, null, null, Trim(text, sentence.Span), drafts.Count - 1, false));
                continue;
            }

            if (sentence.Segment != SegmentKind.Title && HasDigit(text, sentence.Span))
                drafts.Add(Draft.Unattributed(sentence, Trim(text, sentence.Span), inComments: false));
        }

        return Resolve(text, sentences, drafts);
    }

    private List<Statement> Resolve(string text, IReadOnlyList<Sentence> sentences, List<Draft> drafts)
    {
        var resolver = new SpeakerResolver(text, _lexicon);
        var speakers = new Speaker?[drafts.Count];
        var mentioned = -1;
        var tokens = new List<Token>();
        var names = new List<(int Start, int End)>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            var sentence = sentences[d.Sentence];
            if (sentence.Index > mentioned)
            {
                TitledNames(text, sentence, tokens, names);
                foreach (var (start, end) in names)
                    resolver.Mention(start, end);
                mentioned = sentence.Index;
            }

            if (d.Source is { } source)
                speakers[i] = resolver.Resolve(source.Start, source.End, d.Role, sentence.Start);
            if (d.Mention is { } written && speakers[i] is { } resolved)
                speakers[i] = resolved with { Written = written.Of(text), Start = written.Start, End = written.End };
            else if (d.Inherits >= 0 && speakers[d.Inherits] is { } inherited)
                speakers[i] = inherited;
        }

        // Descriptions a lede gives before the name ("The head of Russian troops in Syria ... Alexander Lapin – head of ...").
        for (var i = 0; i < speakers.Length; i++)
        {
            if (speakers[i] is { Kind: SpeakerKind.Unknown } s && s.Name.Contains(' ', StringComparison.Ordinal) && resolver.Describe(s.Name) is { } later)
                speakers[i] = s with { Name = later.Name, NameStart = later.NameStart, NameEnd = later.NameEnd, Kind = later.Kind, Role = s.Name, Rank = later.Rank };
        }

        var statements = new List<Statement>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            var speaker = d.InComments ? null : speakers[i];
            var kind = speaker is null ? StatementKind.Unattributed : d.Kind;
            var cueLemma = d.CueLemma;
            statements.Add(new Statement(statements.Count, kind, speaker, d.Cue, cueLemma, d.Content, d.Sentence, d.InComments));
        }

        return statements;
    }

    /// <summary>
    /// Names introduced by a title ("President Vladimir Putin"), kept so a later "he" in the sentence finds them.
    /// Written into <paramref name="names"/>, with <paramref name="tokens"/> as scratch: both lists are the caller's
    /// to reuse from sentence to sentence.
    /// </summary>
    private void TitledNames(string text, Sentence sentence, List<Token> tokens, List<(int Start, int End)> names)
    {
        names.Clear();
        Tokenizer.Tokenize(text, sentence.Start, sentence.End, tokens);
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            if (!tokens[i].IsWord || _lexicon.TitleType(text.AsSpan(tokens[i].Start, tokens[i].Length)) is not ("rank" or "role" or "honorific") || !char.IsUpper(text[tokens[i].Start]))
                continue;
            var j = i + 1;
            while (j < tokens.Count && tokens[j].IsWord && char.IsUpper(text[tokens[j].Start]) && _lexicon.TitleType(text.AsSpan(tokens[j].Start, tokens[j].Length)) is null)
                j++;
            if (j - i >= 3)
                names.Add((tokens[i].Start, tokens[j - 1].End));
            i = j - 1;
        }
    }

    private void FindCued(string text, Sentence sentence, List<Token> tokens, IReadOnlyList<QuoteSpan> quotes, List<Draft> drafts)
    {
        var first = drafts.Count;

        // Speech first, then thought: "“I think ...,” said X" is X's speech, not an attribution to "I".
        FindCued(text, sentence, tokens, quotes, drafts, first, thought: false);
        FindCued(text, sentence, tokens, quotes, drafts, first, thought: true);
        if (drafts.Count - first > 1)
        {
            var mine = drafts.GetRange(first, drafts.Count - first);
            mine.Sort((a, b) => a.Cue!.Value.Start.CompareTo(b.Cue!.Value.Start));
            drafts.RemoveRange(first, mine.Count);
            drafts.AddRange(mine);
        }
    }

    private void FindCued(string text, Sentence sentence, List<Token> tokens, IReadOnlyList<QuoteSpan> quotes, List<Draft> drafts, int first, bool thought)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!thought && i > 0 && (IsPossessive(text, tokens, i - 1) || IsPossessivePronoun(text, tokens[i - 1])) && _lexicon.MatchNominal(text, tokens, i) is { } nominal
                && !InsideQuote(quotes, tokens[i].Start) && !InsideDraft(drafts, first, tokens[i].Start) && Nominal(text, sentence, tokens, quotes, i, nominal.Count, nominal.Entry) is { } owned)
            {
                drafts.Add(owned);
                i = LastTokenBefore(tokens, owned.Content.End);
                continue;
            }

            if (_lexicon.Match(text, tokens, i) is not { } match)
                continue;
            var (entry, count) = match;
            var cueStart = tokens[i].Start;
            if ((entry.Class == CueClass.Thought) != thought || InsideQuote(quotes, cueStart) || InsideDraft(drafts, first, cueStart, content: !NestsInContent.Contains(entry.Lemma))
                || (entry.Class != CueClass.Source && AfterDeterminer(text, tokens, i)))
            {
                i += count - 1;
                continue;
            }

            var draft = entry.Class == CueClass.Source
                ? AccordingTo(text, sentence, tokens, quotes, i, count, entry)
                : Verb(text, sentence, tokens, quotes, i, count, entry, drafts, first);
            if (draft is { Source: { } source } && RaisingLemmas.Contains(entry.Lemma) && text.AsSpan(source.Start, source.Length).Trim().Equals("it", StringComparison.OrdinalIgnoreCase))
                draft = null;
            if (draft is not null)
            {
                drafts.Add(draft);
                i = Math.Max(i + count - 1, LastTokenBefore(tokens, draft.Cue!.Value.End));
            }
            else if (entry.Class != CueClass.Source)
            {
                i = ExtendCue(text, tokens, i + count - 1, entry);
            }
        }
    }

    /// <summary>
    /// A verb form right after a determiner is an adjective, not a cue: "an estimated 210 km", "the reported
    /// figure", "the alleged attack".
    /// </summary>
    private static bool AfterDeterminer(string text, List<Token> tokens, int i)
    {
        if (i == 0 || !tokens[i - 1].IsWord)
            return false;
        Span<char> buffer = stackalloc char[LowerBuffer];
        return Lower(text, tokens[i - 1], buffer) is "a" or "an" or "the" or "this" or "that" or "these" or "those" or "its" or "their" or "his" or "her" or "our";
    }

    private Draft? AccordingTo(string text, Sentence sentence, List<Token> tokens, IReadOnlyList<QuoteSpan> quotes, int i, int count, CueEntry entry)
    {
        var from = i + count;
        var to = from;
        while (to < tokens.Count && to - from < 10 && tokens[to].IsWord && !Boundaries.Has(Word(text, tokens[to])) && _lexicon.Match(text, tokens, to) is null)
            to++;
        if (to == from || !StartsSourcePhrase(text, tokens[from]))
            return null;
        var source = new TextSpan(tokens[from].Start, tokens[to - 1].End);

        var cue = new TextSpan(tokens[i].Start, tokens[i + count - 1].End);
        var wordsAfter = 0;
        for (var k = to; k < tokens.Count; k++)
            wordsAfter += tokens[k].IsWord ? 1 : 0;
        TextSpan content;
        if (wordsAfter >= 3 || (wordsAfter >= 1 && i == 0))
        {
            var start = to < tokens.Count && tokens[to].Start < sentence.End && text[tokens[to].Start] is ',' or ':' ? to + 1 : to;
            var contentStart = tokens[Math.Min(start, tokens.Count - 1)].Start;
            content = Trim(text, new TextSpan(contentStart, ContentEnd(text, sentence, quotes, contentStart)));
        }
        else
        {
            var end = i;
            while (end > 0 && !tokens[end - 1].IsWord && text[tokens[end - 1].Start] is ',' or ';' or '–' or '—' or '-')
                end--;
            if (end == 0)
                return null;
            var start = ContentStartBefore(text, tokens, end);
            content = Trim(text, new TextSpan(tokens[start].Start, tokens[end - 1].End));
        }

        // "according to exit polls", "according to law enforcement officials": the written phrase is the source,
        // even without a name; the resolver keeps it as a description (kind Unknown or Group), never a guessed person.
        // A lone common noun ("according to reports", "according to estimates") names nobody: a cue without a source.
        if (to - from == 1 && char.IsLower(text[tokens[from].Start]))
            return new Draft(sentence.Index, sentence.Paragraph, StatementKind.Unattributed, null, null, cue, entry.Lemma, content, -1, false);
        return Build(sentence, source, null, cue, entry.Lemma, content, quotes);
    }

    /// <summary>
    /// "his claim that ...", "Trump's attacks on Clinton", "her decision to run": a reporting noun after a possessive.
    /// The possessor is the source (written with its "'s", as PolNeAR marks it); the content is the complement that
    /// follows, up to punctuation or the verb of the sentence.
    /// </summary>
    private Draft? Nominal(string text, Sentence sentence, List<Token> tokens, IReadOnlyList<QuoteSpan> quotes, int i, int count, CueEntry entry)
    {
        var owner = i - 1;
        int sourceFirst;
        TextSpan resolveAs;
        if (IsPossessivePronoun(text, tokens[owner]))
        {
            sourceFirst = owner;
            resolveAs = new TextSpan(tokens[owner].Start, tokens[owner].End);
        }
        else
        {
            // "Trump's" is one token; "Sanders’" ends in a separate mark. The name resolves without the possessive.
            var nameLast = tokens[owner].IsWord ? owner : owner - 1;
            var nameEnd = tokens[owner].IsWord ? tokens[owner].End - 2 : tokens[nameLast].End;
            if (nameLast < 0 || !char.IsUpper(text[tokens[nameLast].Start]))
                return null;
            sourceFirst = WalkLeft(text, tokens, nameLast);
            if (sourceFirst < 0)
                return null;
            resolveAs = new TextSpan(tokens[sourceFirst].Start, nameEnd);
        }

        var last = i + count - 1;
        var from = last + 1;
        if (from >= tokens.Count || !tokens[from].IsWord)
            return null;
        Span<char> buffer = stackalloc char[LowerBuffer];
        var next = Lower(text, tokens[from], buffer);
        var endsInPreposition = entry.Words.Length > 1;
        if (!endsInPreposition && next is not ("that" or "to" or "of" or "on" or "for" or "about" or "against"))
            return null;
        var to = from;
        while (to < tokens.Count)
        {
            var t = tokens[to];
            if (t.IsWord ? ClauseVerbs.Has(Word(text, t)) : !(text[t.Start] is '\'' or '’' or '“' or '”' or '"' or '-' || IsInitialDot(text, tokens, to)))
                break;
            to++;
        }
        if (to == from || to - from < 1)
            return null;
        var content = Trim(text, new TextSpan(tokens[from].Start, tokens[to - 1].End));
        var source = new TextSpan(tokens[sourceFirst].Start, tokens[owner].End);
        var cue = new TextSpan(tokens[i].Start, tokens[last].End);
        return Build(sentence, resolveAs, null, cue, entry.Lemma, content, quotes) with { Mention = source };
    }

    /// <summary>The wh-word or "if" that opens the question after "asked" ("asked on Monday whether"), within a few words.</summary>
    private static int? QuestionStart(string text, List<Token> tokens, int from)
    {
        Span<char> buffer = stackalloc char[LowerBuffer];
        for (var k = from; k < tokens.Count && k - from <= 6 && tokens[k].IsWord; k++)
        {
            if (Lower(text, tokens[k], buffer) is "whether" or "if" or "what" or "who" or "whom" or "why" or "how" or "which" or "where" or "about")
                return k;
        }

        return null;
    }

    /// <summary>Words that end a nominal cue's content: the sentence's own verb follows the noun phrase.</summary>
    private static readonly HashSet<string> ClauseVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "should", "may", "might", "must", "did", "does",
        "helped", "drew", "sparked", "prompted", "came", "comes", "led", "made", "makes", "angered", "raised", "caused", "but", "and", "while",
    };

    private static bool IsPossessivePronoun(string text, Token t)
    {
        Span<char> buffer = stackalloc char[LowerBuffer];
        return t.IsWord && Lower(text, t, buffer) is "his" or "her" or "their" or "its" or "our";
    }

    private Draft? Verb(string text, Sentence sentence, List<Token> tokens, IReadOnlyList<QuoteSpan> quotes, int i, int count, CueEntry entry, List<Draft> drafts, int first)
    {
        var draft = VerbDraft(text, sentence, tokens, quotes, i, count, entry, drafts, first, out var mention);
        return draft is { Source: not null } && mention is { } written ? draft with { Mention = written } : draft;
    }

    /// <param name="mention">
    /// the words that stand for the speaker when they are not its source phrase: the relative pronoun of "X, who said",
    /// which PolNeAR marks as the source while the speaker resolves to X
    /// </param>
    private Draft? VerbDraft(string text, Sentence sentence, List<Token> tokens, IReadOnlyList<QuoteSpan> quotes, int i, int count, CueEntry entry, List<Draft> drafts, int first, out TextSpan? mention)
    {
        mention = null;
        var cueFirst = i;
        var cueLast = ExtendCue(text, tokens, i + count - 1, entry);

        // Auxiliaries and adverbs between speaker and cue ("has also said") belong to the cue, as in PolNeAR.
        var j = i - 1;
        while (j >= 0 && tokens[j].IsWord && _lexicon.Modifiers.Contains(text.AsSpan(tokens[j].Start, tokens[j].Length)))
            j--;
        if (j >= 0 && tokens[j].IsWord && Word(text, tokens[j]).Equals("to", StringComparison.OrdinalIgnoreCase))
            return null;
        var auxFirst = j + 1;

        // A passive ("cases were decided by") reports no speech of its subject.
        var progressive = Word(text, tokens[i]).EndsWith("ing", StringComparison.OrdinalIgnoreCase);
        var hasAuxiliary = false;
        Span<char> buffer = stackalloc char[LowerBuffer];
        for (var k = auxFirst; k < i; k++)
        {
            var aux = Lower(text, tokens[k], buffer);
            if (aux is "was" or "were" or "is" or "are" or "been" or "be" && !progressive)
                return null;
            hasAuxiliary |= aux is "did" or "does" or "do" or "will" or "would" or "could" or "can" or "should" or "may" or "might" or "must" or "not" or "never" or "to";
        }

        // "forces supported by air power": a participle followed by its agent is no speech of the noun before it.
        if (cueLast + 1 < tokens.Count && Word(text, tokens[cueLast + 1]) is "by" && entry.Lemma != "quote")
            return null;

        // A bare form ("comment", "release") is a cue only after an auxiliary: "would not comment on".
        if (entry.Class == CueClass.Base && !hasAuxiliary)
            return null;


        // "Editor's note", "Trump's claim": a cue word after a possessive is a noun, not a verb with a speaker.
        if (j >= 0 && IsPossessive(text, tokens, j))
            return null;

        // "Sanders (I-Vt.) on Saturday criticized", "The ministry Friday rejected", "Trump last week said": a time
        // sits between speaker and cue; it is never the speaker itself.
        var timeFirst = j;
        while (j >= 0 && tokens[j].IsWord && TimeWords.Value.Contains(text.AsSpan(tokens[j].Start, tokens[j].Length)))
        {
            j--;
            while (j >= 0 && tokens[j].IsWord && TimeLeads.Has(Word(text, tokens[j])))
                j--;
        }

        // "Sanders (I-Vt.) on Saturday criticized": a party label sits between speaker and cue.
        if (j >= 0 && !tokens[j].IsWord && text[tokens[j].Start] == ')')
        {
            var open = j - 1;
            while (open >= 0 && j - open < 8 && (tokens[open].IsWord || text[tokens[open].Start] != '('))
                open--;
            if (open >= 1 && text[tokens[open].Start] == '(')
                j = open - 1;
        }

        TextSpan? source = null;
        string? role = null;
        var sourceFirst = -1;
        if (j >= 0 && tokens[j].IsWord && Word(text, tokens[j]) is "and" or "but" or "then")
        {
            // "X criticized Y and said ...": the subject of the sentence (or of the cue before) speaks again.
            if (drafts.Count > first && drafts[^1].Source is { } earlier)
                source = earlier;
            else if (SubjectAtStart(text, tokens, j) is { } subject)
                source = subject;
            if (source is null)
                return null;
            sourceFirst = j;
        }
        else if (j >= 1 && tokens[j].IsWord && Word(text, tokens[j]) is "who")
        {
            // "Barkley, who said he votes ...", "voters who said": the relative pronoun stands for the phrase before
            // it; PolNeAR marks the pronoun as the source, the speaker is the phrase.
            var antecedent = !tokens[j - 1].IsWord && text[tokens[j - 1].Start] == ',' ? j - 2 : j - 1;
            sourceFirst = antecedent >= 0 && tokens[antecedent].IsWord ? WalkLeft(text, tokens, antecedent) : -1;
            if (sourceFirst >= 0)
            {
                source = new TextSpan(tokens[sourceFirst].Start, tokens[antecedent].End);
                mention = new TextSpan(tokens[j].Start, tokens[j].End);
            }
        }
        else if (j >= 0 && tokens[j].IsWord)
        {
            sourceFirst = WalkLeft(text, tokens, j);
            if (sourceFirst >= 0)
                source = new TextSpan(tokens[sourceFirst].Start, tokens[j].End);
        }
        else if (j >= 1 && text[tokens[j].Start] == '.' && tokens[j - 1].IsWord && Word(text, tokens[j - 1]) is "Jr" or "Sr")
        {
            // "Vice President Joseph R. Biden Jr. said": the suffix's dot ends the name, not a sentence.
            sourceFirst = WalkLeft(text, tokens, j - 1);
            if (sourceFirst >= 0)
                source = new TextSpan(tokens[sourceFirst].Start, tokens[j].End);
        }
        else if (j >= 1 && text[tokens[j].Start] is ',' or '–' or '—')
        {
            // Apposition: "X, a doctor, said", "X – head of ... – said", "X, which monitors the conflict, said".
            var mark = text[tokens[j].Start];
            var k = j - 1;
            while (k >= 0 && (tokens[k].IsWord || text[tokens[k].Start] != mark) && j - k < 16)
                k--;

            // "Jillian Chase, 27, a user in New York, said": an age between the name and its apposition.
            if (mark == ',' && k >= 3 && tokens[k - 1].IsWord && tokens[k - 1].Length <= 3 && char.IsDigit(text[tokens[k - 1].Start])
                && !tokens[k - 2].IsWord && text[tokens[k - 2].Start] == ',')
                k -= 2;
            if (k >= 0 && mark == ',' && text[tokens[k].Start] == mark && k + 1 < j && AllNameWords(text, tokens, k + 1, j - 1))
            {
                // "the official Vatican news agency, Agenzia Fides, published": the name between the commas speaks.
                sourceFirst = k + 1;
                source = new TextSpan(tokens[k + 1].Start, tokens[j - 1].End);
            }
            else if (k > 0 && text[tokens[k].Start] == mark && tokens[k + 1].IsWord && tokens[k - 1].IsWord
                && (mark != ',' || !char.IsUpper(text[tokens[k + 1].Start]) || _lexicon.TitleType(Word(text, tokens[k + 1])) is "role" or "rank" || HasLowerWord(text, tokens, k + 1, j - 1)))
            {
                sourceFirst = WalkLeft(text, tokens, k - 1);
                if (sourceFirst >= 0)
                {
                    source = new TextSpan(tokens[sourceFirst].Start, tokens[k - 1].End);
                    var appositive = Trim(text, new TextSpan(tokens[k + 1].Start, tokens[j - 1].End)).Of(text);
                    if (!appositive.StartsWith("which", StringComparison.OrdinalIgnoreCase) && !appositive.StartsWith("who", StringComparison.OrdinalIgnoreCase))
                        role = appositive.StartsWith("a ", StringComparison.OrdinalIgnoreCase) ? appositive[2..] : appositive.StartsWith("an ", StringComparison.OrdinalIgnoreCase) ? appositive[3..] : appositive;
                }
            }

            if (source is null && LongApposition(text, tokens, quotes, j) is { } opening)
            {
                sourceFirst = opening.First;
                source = new TextSpan(tokens[opening.First].Start, tokens[opening.Last].End);
            }
        }

        var inverted = false;
        var afterSpeech = cueLast + 1;
        if (source is null && entry.Class == CueClass.Speech && ((j < 0 && timeFirst < 0) || (j >= 0 && text[tokens[j].Start] is ',' or '”' or '"' or '’' or '\'')))
        {
            // "..., said Mizintsev." / "“...,” said the spokesman."
            var from = cueLast + 1;
            var to = from;
            while (to < tokens.Count && to - from < 12 && (tokens[to].IsWord && (!Boundaries.Has(Word(text, tokens[to])) || InsideDescription(text, tokens, from, to))
                || IsInitialDot(text, tokens, to)))
                to++;
            if (to > from && StartsSourcePhrase(text, tokens[from]) && (to == tokens.Count || !tokens[to].IsWord || Word(text, tokens[to]) is "who" or "when" or "in" or "on" or "at" or "during"))
            {
                source = new TextSpan(tokens[from].Start, tokens[to - 1].End);
                inverted = true;
                afterSpeech = to;
            }
        }

        if (source is null && entry.Class == CueClass.Link && drafts.Count == first && j >= 0 && text[tokens[j].Start] == ',' && SubjectAtStart(text, tokens, j) is { } subjectOfLink)
        {
            // "Trump lashed out at the press, saying that ...": the subject of the sentence speaks.
            source = subjectOfLink;
            sourceFirst = 0;
        }

        if (source is null)
        {
            // A participle linked to the cue before it: "he acknowledged ... while also saying, “...”".
            if (entry.Class == CueClass.Link && drafts.Count > first && drafts[^1].Source is { } earlier)
            {
                var contentFrom = SkipToContent(text, tokens, cueLast + 1);
                if (contentFrom < tokens.Count)
                {
                    var linked = Trim(text, new TextSpan(tokens[contentFrom].Start, ContentEnd(text, sentence, quotes, tokens[contentFrom].Start)));
                    if (linked.Length > 0)
                        return Build(sentence, earlier, drafts[^1].Role, new TextSpan(tokens[auxFirst].Start, tokens[cueLast].End), entry.Lemma, linked, quotes) with { Inherits = drafts.Count - 1, Source = null };
                }
            }

            // "Asked whether ...", "when asked if ...": a reported question whose asker the sentence does not name.
            if (entry.Lemma == "ask" && QuestionStart(text, tokens, cueLast + 1) is { } question)
            {
                var questionEnd = ContentEnd(text, sentence, quotes, tokens[question].Start);
                for (var k = question + 1; k < tokens.Count && tokens[k].Start < questionEnd; k++)
                {
                    if (!tokens[k].IsWord && text[tokens[k].Start] is ',' or ';' && !InsideQuote(quotes, tokens[k].Start))
                    {
                        questionEnd = tokens[k].Start;
                        break;
                    }
                }

                var asked = Trim(text, new TextSpan(tokens[question].Start, questionEnd));
                if (asked.Length > 0)
                    return new Draft(sentence.Index, sentence.Paragraph, StatementKind.Unattributed, null, null, new TextSpan(tokens[auxFirst].Start, tokens[cueLast].End), entry.Lemma, asked, -1, false);
            }

            // A reporting verb with its "that" clause but no speaker we can name: kept as an unattributed statement.
            var orphanFrom = SkipToContent(text, tokens, cueLast + 1);
            if (entry.Class == CueClass.Speech && orphanFrom < tokens.Count && orphanFrom > cueLast + 1 && Word(text, tokens[orphanFrom]) is "that")
            {
                var orphan = Trim(text, new TextSpan(tokens[orphanFrom].Start, ContentEnd(text, sentence, quotes, tokens[orphanFrom].Start)));
                return new Draft(sentence.Index, sentence.Paragraph, StatementKind.Unattributed, null, null, new TextSpan(tokens[auxFirst].Start, tokens[cueLast].End), entry.Lemma, orphan, -1, false);
            }

            return null;
        }

        if (entry.Class == CueClass.Thought && (sourceFirst < 0 || j - sourceFirst > 3 || inverted))
            return null;
        var cue = new TextSpan(tokens[auxFirst].Start, tokens[cueLast].End);

        // Speaker after the speech: "“...,” X said." / "..., X said on Monday." The content is the quote or clause before.
        var beforeSource = inverted ? auxFirst - 1 : sourceFirst - 1;
        if (role is not null && !inverted)
            beforeSource = sourceFirst - 1;
        var after = SkipToContent(text, tokens, afterSpeech);
        var restIsTail = after >= tokens.Count || (IsTail(text, tokens, afterSpeech) && !(tokens[after].IsWord && Word(text, tokens[after]).Equals("that", StringComparison.OrdinalIgnoreCase)));
        if (beforeSource < 0 && restIsTail && QuoteEndingNear(quotes, sentence.Start - 1) is { } previousQuote && previousQuote.Start < sentence.Start)
        {
            // “Go home!” Trump said. - the splitter ends the quote's sentence at "!", the speaker follows.
            return Build(sentence, source.Value, role, cue, entry.Lemma, previousQuote.Span, quotes);
        }

        if (beforeSource >= 0 && !tokens[beforeSource].IsWord && text[tokens[beforeSource].Start] is ',' or '”' or '"' or '’' or '\'' or '–' or '—' && restIsTail)
        {
            var lead = beforeSource - 1;
            if (lead >= 0 && tokens[lead].IsWord && ParentheticalLeads.Has(Word(text, tokens[lead])) && after < tokens.Count)
                return Build(sentence, source.Value, role, cue, entry.Lemma, Trim(text, new TextSpan(tokens[after].Start, sentence.End)), quotes);
            var markStart = tokens[beforeSource].Start;
            var quote = QuoteEndingNear(quotes, markStart);
            TextSpan content;
            if (quote is not null)
            {
                content = quote.Span;
            }
            else
            {
                var end = beforeSource;
                while (end > 0 && !tokens[end - 1].IsWord && text[tokens[end - 1].Start] is ',' or '”' or '"')
                    end--;
                if (end == 0)
                    return null;
                content = Trim(text, new TextSpan(tokens[ContentStartBefore(text, tokens, end)].Start, tokens[end - 1].End));
            }

            return content.Length == 0 ? null : Build(sentence, source.Value, role, cue, entry.Lemma, content, quotes);
        }

        if (restIsTail && after < tokens.Count && ContentAfterTail(text, tokens, afterSpeech) is { } afterTail)
            after = afterTail;
        else if (after >= tokens.Count || restIsTail)
            return null;
        var contentEnd = ContentEnd(text, sentence, quotes, tokens[after].Start);
        if (CoordinatedCue(text, tokens, after) is { } nextCue && tokens[nextCue].Start < contentEnd)
            contentEnd = tokens[nextCue].Start;
        if (TrailingAccordingTo(text, tokens, after) is { } according && tokens[according].Start < contentEnd)
            contentEnd = tokens[according].Start;
        var contentSpan = Trim(text, new TextSpan(tokens[after].Start, contentEnd));
        return contentSpan.Length == 0 ? null : Build(sentence, source.Value, role, cue, entry.Lemma, contentSpan, quotes);
    }

    /// <summary>
    /// "Paul Porter, a truck driver from Ava, Mo., who is a member of the union, said": an apposition too long or
    /// with too many commas for the nearest-mark search. The name opening the sentence (or following the quote that
    /// opens it) and ending at a comma or dash is the speaker when the cue closes the parenthetical after it.
    /// </summary>
    private static (int First, int Last)? LongApposition(string text, List<Token> tokens, IReadOnlyList<QuoteSpan> quotes, int mark)
    {
        var s = 0;
        if (tokens.Count > 0 && !tokens[0].IsWord && QuoteStartingAt(quotes, tokens[0].Start) is { } opening)
        {
            while (s < mark && tokens[s].Start < opening.End)
                s++;
            while (s < mark && !tokens[s].IsWord)
                s++;
        }
        else if (s < mark && tokens[s].IsWord && Word(text, tokens[s]) is "But" or "And")
        {
            s++;
        }

        var e = s;
        while (e < mark && e - s < 8 && ((tokens[e].IsWord && (char.IsUpper(text[tokens[e].Start]) || (Word(text, tokens[e]) is "of" && e > s))) || IsInitialDot(text, tokens, e)
            || (!tokens[e].IsWord && text[tokens[e].Start] == '.' && e > s && tokens[e - 1].IsWord && tokens[e - 1].Length <= 3)))
            e++;
        if (e == s || e >= mark - 1 || mark - e > 50 || tokens[e].IsWord || text[tokens[e].Start] is not (',' or '–' or '—' or '('))
            return null;
        var first = Word(text, tokens[s]);
        if (Boundaries.Has(first) || OutletVoice.Has(first) || TimeWords.Value.Contains(first) || (e - s == 1 && first.EndsWith("ly", StringComparison.Ordinal)))
            return null;
        // A wire dateline, "MARROWGATE (VNA) –" or "WASHINGTON —", is where the story was filed, not a speaker with
        // an apposition: capitals-only words before a bracket or a dash.
        if (text[tokens[e].Start] is '(' or '–' or '—' && IsDateline(text, tokens, s, e))
            return null;
        var last = e - 1;
        while (last > s && !tokens[last].IsWord)
            last--;
        return (s, last);
    }

    private static bool IsDateline(string text, List<Token> tokens, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (!tokens[k].IsWord)
                continue;
            var word = text.AsSpan(tokens[k].Start, tokens[k].End - tokens[k].Start);
            if (word.Length < 3)
                return false;
            foreach (var ch in word)
            {
                if (char.IsLetter(ch) && !char.IsUpper(ch))
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Grows a cue over the words that complete it: "has been quoted [by Russian media outlets] claiming", "issued a
    /// statement [Wednesday] declaring", "said in comments translated and published by RT", "said in a statement".
    /// </summary>
    private int ExtendCue(string text, List<Token> tokens, int last, CueEntry entry)
    {
        for (var k = last + 1; k < tokens.Count && k - last <= 7; k++)
        {
            if (!tokens[k].IsWord)
                break;
            var w = Word(text, tokens[k]);
            if (w.Equals("that", StringComparison.OrdinalIgnoreCase))
                break;
            if (_lexicon.Match(text, tokens, k) is { } link && link.Entry.Class == CueClass.Link)
                return k + link.Count - 1;
        }

        // "said in a statement", "said in comments translated and published by RT".
        if (last + 2 < tokens.Count && Word(text, tokens[last + 1]).Equals("in", StringComparison.OrdinalIgnoreCase))
        {
            Span<char> nextBuffer = stackalloc char[LowerBuffer];
            Span<char> nextNextBuffer = stackalloc char[LowerBuffer];
            var next = Lower(text, tokens[last + 2], nextBuffer);
            var nextNext = last + 3 < tokens.Count ? Lower(text, tokens[last + 3], nextNextBuffer) : [];
            if (next is "comments" or "remarks" or "statement" or "interview" || (next is "a" or "an" && nextNext is "statement" or "interview"))
            {
                // The phrase ends at its noun unless a participle continues it ("comments translated and published by
                // RT"); what follows may be a time and the content itself ("in a statement Thursday they pulled ...").
                var k = next is "a" or "an" ? last + 3 : last + 2;
                if (k + 1 < tokens.Count && tokens[k + 1].IsWord && Word(text, tokens[k + 1]) is var participle && participle.EndsWith("ed", StringComparison.Ordinal) && char.IsLower(participle[0]))
                {
                    while (k + 1 < tokens.Count && tokens[k + 1].IsWord && !Word(text, tokens[k + 1]).Equals("that", StringComparison.OrdinalIgnoreCase))
                        k++;
                }

                return k;
            }
        }

        _ = entry;
        return last;
    }

    /// <summary>
    /// "said Thursday he would leave", "said at a news conference last week that ...": a time or a place between the
    /// cue and its content. The content starts at the "that" closing the place, or at the clause after the time.
    /// </summary>
    private static int? ContentAfterTail(string text, List<Token> tokens, int from)
    {
        for (var k = from; k < tokens.Count && k - from <= 12 && tokens[k].IsWord; k++)
        {
            if (Word(text, tokens[k]).Equals("that", StringComparison.OrdinalIgnoreCase))
                return k > from ? k : null;
        }

        var m = from;
        while (m < tokens.Count && tokens[m].IsWord && m - from < 5 && !Word(text, tokens[m]).Equals("that", StringComparison.OrdinalIgnoreCase)
            && (TimeWords.Value.Contains(text.AsSpan(tokens[m].Start, tokens[m].Length)) || TimeLeads.Has(Word(text, tokens[m]))))
            m++;
        if (m == from || m >= tokens.Count || !tokens[m].IsWord)
            return null;
        var words = 0;
        for (var k = m; k < tokens.Count; k++)
            words += tokens[k].IsWord ? 1 : 0;
        var first = Word(text, tokens[m]);
        var opensClause = IsPronounWord(first) || first is "the" or "a" or "an" or "his" or "her" or "their" or "its" || char.IsUpper(first[0]);
        return words >= 3 && opensClause && !Boundaries.Has(first) ? m : null;
    }

    private static bool IsTail(string text, List<Token> tokens, int from)
    {
        // What may follow a cue that ends the speech: nothing, a time, a place or a participle clause after a comma.
        if (from >= tokens.Count)
            return true;
        var t = tokens[from];
        if (!t.IsWord)
            return text[t.Start] is '.' or '!' or '?' || (text[t.Start] == ',' && from + 1 < tokens.Count && tokens[from + 1].IsWord && Word(text, tokens[from + 1]).EndsWith("ing", StringComparison.Ordinal));
        Span<char> buffer = stackalloc char[LowerBuffer];
        var w = Lower(text, t, buffer);
        return w is "on" or "in" or "at" or "during" or "after" or "before" or "last" or "this" or "yesterday" or "today" or "earlier" or "later" or "recently" or "monday" or "tuesday" or "wednesday" or "thursday" or "friday" or "saturday" or "sunday";
    }

    /// <summary>Skips "that", the object of "told" ("told the media that"), and punctuation before the content.</summary>
    private static int SkipToContent(string text, List<Token> tokens, int from)
    {
        for (var k = from; k < tokens.Count && k - from <= 5; k++)
        {
            // Only the object of "told the media that" sits between a cue and its "that"; punctuation ends the search.
            if (!tokens[k].IsWord)
            {
                if (k == from && text[tokens[k].Start] is ',' or ':' or '—' or '–')
                    continue;
                break;
            }

            // PolNeAR counts the complementiser as content ("said [that it rained]").
            if (Word(text, tokens[k]).Equals("that", StringComparison.OrdinalIgnoreCase))
                return k;
        }

        var f = from;
        while (f < tokens.Count && !tokens[f].IsWord && text[tokens[f].Start] is ',' or ':' or '—' or '–')
            f++;
        return f;
    }

    /// <summary>The content runs to the sentence end, or on to the end of a quote that opens in it and closes later.</summary>
    private static int ContentEnd(string text, Sentence sentence, IReadOnlyList<QuoteSpan> quotes, int contentStart)
    {
        var end = sentence.End;
        while (end > contentStart && text[end - 1] is '.' or ' ')
            end--;
        foreach (var q in quotes)
        {
            if (q.Start >= contentStart && q.Start < sentence.End && q.End > sentence.End && q.Closed)
                return q.End;
        }

        return end;
    }

    /// <summary>Where the clause before a speaker-after cue begins: the sentence start or the last ';' or '—' before.</summary>
    private static int ContentStartBefore(string text, List<Token> tokens, int end)
    {
        var start = 0;
        for (var k = end - 1; k > 0; k--)
        {
            if (!tokens[k].IsWord && text[tokens[k].Start] is ';' or ':')
            {
                start = k + 1;
                break;
            }
        }

        return Math.Min(start, end - 1);
    }

    /// <summary>The start of the source phrase that ends at token <paramref name="last"/>, or -1 when it is no noun phrase.</summary>
    private int WalkLeft(string text, List<Token> tokens, int last)
    {
        var k = last;
        var words = 0;
        while (k >= 0 && words < 12)
        {
            var t = tokens[k];
            if (t.IsWord)
            {
                var w = text.AsSpan(t.Start, t.Length);
                if (Boundaries.Has(w) && !(k == last && IsPronounWord(w)) && !JoinsPhrase(text, tokens, k, last))
                    break;
                if (_lexicon.Match(text, tokens, k) is not null)
                    break;
                words++;
            }
            else if (!(text[t.Start] == '.' && k > 0 && tokens[k - 1].IsWord && tokens[k - 1].Length <= 3 && char.IsUpper(text[tokens[k - 1].Start])))
            {
                break;
            }

            k--;
        }

        var firstIndex = k + 1;
        if (firstIndex > last || !tokens[firstIndex].IsWord)
            return -1;
        var head = text.AsSpan(tokens[last].Start, tokens[last].Length);
        if (head.EndsWith("ly", StringComparison.Ordinal) && char.IsLower(head[0]))
            return -1;
        if (char.IsDigit(head[0]) && !(last >= 2 && Word(text, tokens[last - 1]).Equals("in", StringComparison.OrdinalIgnoreCase)))
            return -1;
        if (TimeWords.Value.Contains(head))
            return -1;
        if (words == 1 && head.Length <= 3 && char.IsLower(head[0]) && !IsPronounWord(head))
            return -1;
        return StartsSourcePhrase(text, tokens[firstIndex]) ? firstIndex : -1;
    }

    /// <summary>", according to the survey" closing a sentence belongs to its own attribution, not to the content before.</summary>
    private static int? TrailingAccordingTo(string text, List<Token> tokens, int from)
    {
        for (var k = from + 1; k < tokens.Count - 2; k++)
        {
            if (!tokens[k].IsWord && text[tokens[k].Start] == ',' && Word(text, tokens[k + 1]).Equals("according", StringComparison.OrdinalIgnoreCase)
                && Word(text, tokens[k + 2]).Equals("to", StringComparison.OrdinalIgnoreCase))
                return k;
        }

        return null;
    }

    /// <summary>The "and"/"but" that opens a second cue of the same speaker ("criticized X and said Y"), if any.</summary>
    private int? CoordinatedCue(string text, List<Token> tokens, int from)
    {
        for (var k = from; k < tokens.Count - 1; k++)
        {
            if (!tokens[k].IsWord && text[tokens[k].Start] == ',' && k + 1 < tokens.Count && _lexicon.Match(text, tokens, k + 1) is { Entry.Class: CueClass.Link })
                return k;
            if (!tokens[k].IsWord || Word(text, tokens[k]) is not ("and" or "but"))
                continue;
            var m = k + 1;
            while (m < tokens.Count && tokens[m].IsWord && _lexicon.Modifiers.Contains(text.AsSpan(tokens[m].Start, tokens[m].Length)))
                m++;
            if (m < tokens.Count && _lexicon.Match(text, tokens, m) is { } cue && cue.Entry.Class is CueClass.Speech)
                return k > from && !tokens[k - 1].IsWord && text[tokens[k - 1].Start] == ',' ? k - 1 : k;
        }

        return null;
    }

    /// <summary>
    /// A pronoun or a run of capitalised words opening the sentence and followed by a verb-like word. A leading
    /// "But"/"And" or an introductory phrase ("In an interview with the Journal, Trump doubled down ... and said")
    /// comes before the subject.
    /// </summary>
    private TextSpan? SubjectAtStart(string text, List<Token> tokens, int before)
    {
        if (tokens.Count == 0 || !tokens[0].IsWord)
            return null;
        if (SubjectAt(text, tokens, 0, before) is { } subject)
            return subject;
        var first = Word(text, tokens[0]);
        if (first is "But" or "And")
            return SubjectAt(text, tokens, 1, before);
        if (!Boundaries.Has(first) && !OutletVoice.Has(first))
            return null;
        for (var k = 1; k < before && k <= 15; k++)
        {
            if (!tokens[k].IsWord && text[tokens[k].Start] == ',')
                return SubjectAt(text, tokens, k + 1, before);
        }

        return null;
    }

    private TextSpan? SubjectAt(string text, List<Token> tokens, int start, int before)
    {
        if (start >= tokens.Count || !tokens[start].IsWord)
            return null;
        var first = Word(text, tokens[start]);
        if (first is "He" or "She" or "They" or "We" or "I" or "he" or "she" or "they" or "we")
            return new TextSpan(tokens[start].Start, tokens[start].End);
        var k = start;
        while (k < before && k - start < 6 && (tokens[k].IsWord && char.IsUpper(text[tokens[k].Start]) || (!tokens[k].IsWord && text[tokens[k].Start] == '.' && k > start)))
            k++;
        if (k == start || k >= before || !tokens[k].IsWord || char.IsUpper(text[tokens[k].Start]) || OutletVoice.Has(first) || _lexicon.TitleType(Word(text, tokens[k - 1])) is "org")
            return null;
        return new TextSpan(tokens[start].Start, tokens[k - 1].End);
    }

    private static bool AllNameWords(string text, List<Token> tokens, int from, int to)
    {
        if (to - from > 5)
            return false;
        for (var k = from; k <= to; k++)
        {
            if (!(tokens[k].IsWord && char.IsUpper(text[tokens[k].Start])) && !IsInitialDot(text, tokens, k))
                return false;
        }

        return true;
    }

    /// <summary>The dot of an initial or abbreviation inside a name: "James B. Comey", "Sen. Ted Cruz".</summary>
    private static bool IsInitialDot(string text, List<Token> tokens, int k) =>
        k > 0 && !tokens[k].IsWord && text[tokens[k].Start] == '.' && tokens[k - 1].IsWord && tokens[k - 1].Length <= 3 && char.IsUpper(text[tokens[k - 1].Start])
        && k + 1 < tokens.Count && tokens[k + 1].IsWord && char.IsUpper(text[tokens[k + 1].Start]);

    /// <summary>An apposition with a common word in it ("Sanders' campaign manager") describes; a run of names does not.</summary>
    private static bool HasLowerWord(string text, List<Token> tokens, int from, int to)
    {
        for (var k = from; k <= to; k++)
        {
            if (tokens[k].IsWord && char.IsLower(text[tokens[k].Start]) && Word(text, tokens[k]) is not ("of" or "and" or "the" or "for"))
                return true;
        }

        return false;
    }

    /// <summary>
    /// A boundary word that stays inside a source phrase: "and" between capitalised words ("Ministry of Energy and
    /// Reconstruction"), "in" between numbers ("four in 10 voters").
    /// </summary>
    private static bool JoinsPhrase(string text, List<Token> tokens, int k, int last)
    {
        if (k == 0 || k >= last || !tokens[k - 1].IsWord || !tokens[k + 1].IsWord)
            return false;
        var w = Word(text, tokens[k]);
        if (w is "and")
            return char.IsUpper(text[tokens[k - 1].Start]) && char.IsUpper(text[tokens[k + 1].Start]);
        return w is "in" && IsNumberWord(text, tokens[k - 1]) && IsNumberWord(text, tokens[k + 1]);
    }

    private static bool IsNumberWord(string text, Token t)
    {
        Span<char> buffer = stackalloc char[LowerBuffer];
        return char.IsDigit(text[t.Start]) || Lower(text, t, buffer) is "one" or "two" or "three" or "four" or "five" or "six" or "seven" or "eight" or "nine" or "ten";
    }

    /// <summary>
    /// Inside a description after the cue ("said the former top aide to President Bush", "said one person with
    /// knowledge of the talks"), "to" and "with" join the phrase when it opened with a determiner and a word follows.
    /// </summary>
    private static bool InsideDescription(string text, List<Token> tokens, int from, int to)
    {
        Span<char> buffer = stackalloc char[LowerBuffer];
        return to > from + 1 && to + 1 < tokens.Count && tokens[to + 1].IsWord && Word(text, tokens[to]) is "to" or "with" or "for"
            && Lower(text, tokens[from], buffer) is "the" or "a" or "an" or "one" or "another" or "two" or "three" or "several";
    }

    /// <summary>"Trump's", "Sanders’" (with its apostrophe as the next token's mark): the word owns what follows.</summary>
    private static bool IsPossessive(string text, List<Token> tokens, int j)
    {
        var t = tokens[j];
        if (t.IsWord)
            return t.Length > 2 && text[t.End - 2] is '\'' or '’' && text[t.End - 1] is 's' or 'S';
        return text[t.Start] is '\'' or '’' && j > 0 && tokens[j - 1].IsWord && tokens[j - 1].End == t.Start && text[t.Start - 1] is 's' or 'S';
    }

    private static bool IsPronounWord(ReadOnlySpan<char> w) =>
        w.Equals("he", StringComparison.OrdinalIgnoreCase) || w.Equals("she", StringComparison.OrdinalIgnoreCase) || w.Equals("they", StringComparison.OrdinalIgnoreCase)
        || w.Equals("we", StringComparison.OrdinalIgnoreCase) || w.Equals("i", StringComparison.OrdinalIgnoreCase) || w.Equals("you", StringComparison.OrdinalIgnoreCase)
        || w.Equals("it", StringComparison.OrdinalIgnoreCase);

    private static bool StartsSourcePhrase(string text, Token t)
    {
        return char.IsLetterOrDigit(text[t.Start]);
    }

    private static Draft Build(Sentence sentence, TextSpan source, string? role, TextSpan cue, string lemma, TextSpan content, IReadOnlyList<QuoteSpan> quotes) =>
        new(sentence.Index, sentence.Paragraph, KindOf(content, quotes), source, role, cue, lemma, content, -1, false);

    /// <summary>Direct when the content is a quote, mixed when a quote covers part of it, indirect otherwise.</summary>
    private static StatementKind KindOf(TextSpan content, IReadOnlyList<QuoteSpan> quotes)
    {
        var quoted = 0;
        foreach (var q in quotes)
        {
            if (q.Start >= content.End)
                break;
            if (q.Span.Overlaps(content) && q.Length() >= 12)
                quoted += Math.Min(q.End, content.End) - Math.Max(q.Start, content.Start);
        }

        if (quoted == 0)
            return StatementKind.Indirect;
        return quoted >= content.Length * 0.8 ? StatementKind.Direct : StatementKind.Mixed;
    }

    private Draft? HeadlineSource(string text, Sentence sentence, List<Token> tokens, IReadOnlyList<QuoteSpan> quotes)
    {
        // "Syria '100% Free of Islamic State' - Russia's Defense Ministry": a quote, a dash, then who said it.
        for (var k = tokens.Count - 2; k > 0 && tokens.Count - k <= 7; k--)
        {
            if (tokens[k].IsWord || text[tokens[k].Start] is not ('-' or '–' or '—' or ':'))
                continue;
            var head = new TextSpan(sentence.Start, tokens[k].Start);
            if (!quotes.Any(q => head.Contains(q.Start)) || !char.IsUpper(text[tokens[k + 1].Start]))
                return null;
            var source = new TextSpan(tokens[k + 1].Start, tokens[^1].End);
            return new Draft(sentence.Index, sentence.Paragraph, KindOf(Trim(text, head), quotes), source, null, null, null, Trim(text, head), -1, false);
        }

        _ = _lexicon;
        return null;
    }

    /// <summary>"Graham: Trump's rhetoric destroying GOP's chance" - a name, a colon, then what the name said.</summary>
    private static Draft? ColonHeadline(string text, Sentence sentence, List<Token> tokens, IReadOnlyList<QuoteSpan> quotes)
    {
        var colon = 0;
        while (colon < tokens.Count && colon <= 5 && tokens[colon].IsWord && char.IsUpper(text[tokens[colon].Start]))
            colon++;
        if (colon == 0 || colon > 5 || colon >= tokens.Count - 3 || text[tokens[colon].Start] != ':' || tokens[colon].Start + 1 < text.Length && text[tokens[colon].Start + 1] is not (' ' or '\t'))
            return null;
        var source = new TextSpan(tokens[0].Start, tokens[colon - 1].End);
        if (LabelWords.Value.Contains(source.Of(text)) || (colon == 1 && LabelWords.Value.Contains(Word(text, tokens[0]))))
            return null;
        var content = Trim(text, new TextSpan(tokens[colon + 1].Start, sentence.End));
        return Build(sentence, source, null, new TextSpan(tokens[colon].Start, tokens[colon].End), ":", content, quotes);
    }

    private static QuoteSpan? QuoteStartingAt(IReadOnlyList<QuoteSpan> quotes, int start)
    {
        foreach (var q in quotes)
        {
            if (q.Start == start)
                return q;
            if (q.Start > start)
                break;
        }

        return null;
    }

    private static QuoteSpan? QuoteEndingNear(IReadOnlyList<QuoteSpan> quotes, int mark)
    {
        foreach (var q in quotes)
        {
            if (q.End >= mark - 1 && q.End <= mark + 1 && q.Length() > 2)
                return q;
        }

        return null;
    }

    private static bool InsideQuote(IReadOnlyList<QuoteSpan> quotes, int offset)
    {
        foreach (var q in quotes)
        {
            if (q.Start > offset)
                break;
            if (q.Start < offset && offset < q.End - 1 && q.Length() > 3)
                return true;
        }

        return false;
    }

    private static bool InsideDraft(List<Draft> drafts, int first, int offset, bool content = true)
    {
        for (var k = first; k < drafts.Count; k++)
        {
            var d = drafts[k];
            if ((content && d.Content.Contains(offset)) || (d.Source is { } source && source.Contains(offset)) || (d.Cue is { } cue && cue.Contains(offset)))
                return true;
        }

        return false;
    }

    private static int LastTokenBefore(List<Token> tokens, int end)
    {
        var k = 0;
        while (k + 1 < tokens.Count && tokens[k + 1].End <= end)
            k++;
        return k;
    }

    private bool HasDigitOrCue(string text, List<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (char.IsDigit(text[tokens[i].Start]) || (_lexicon.Match(text, tokens, i) is { } m && m.Entry.Class == CueClass.Speech))
                return true;
        }

        return false;
    }

    private static bool HasDigit(string text, TextSpan span) => text.AsSpan(span.Start, span.Length).IndexOfAnyInRange('0', '9') >= 0;

    // A slice, not a copy: the extractor asks about every token of every sentence, and copies were most of its allocation.
    private static ReadOnlySpan<char> Word(string text, Token t) => text.AsSpan(t.Start, t.Length);

    /// <summary>
    /// The token lower-cased as <see cref="string.ToLowerInvariant()"/> would, written into <paramref name="buffer"/>
    /// for matching against lower-case literals; a word longer than the buffer comes back empty, as no literal is that long.
    /// </summary>
    private static ReadOnlySpan<char> Lower(string text, Token t, Span<char> buffer) =>
        t.Length > buffer.Length ? [] : buffer[..text.AsSpan(t.Start, t.Length).ToLowerInvariant(buffer)];

    /// <summary>A span without the white space around it or a trailing comma: the content of a statement.</summary>
    internal static TextSpan Trim(string text, TextSpan span)
    {
        var (s, e) = (span.Start, span.End);
        while (s < e && char.IsWhiteSpace(text[s]))
            s++;
        while (e > s && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] is ','))
            e--;
        return new TextSpan(s, e);
    }

    private sealed record Draft(
        int Sentence,
        int Paragraph,
        StatementKind Kind,
        TextSpan? Source,
        string? Role,
        TextSpan? Cue,
        string? CueLemma,
        TextSpan Content,
        int Inherits,
        bool InComments,
        TextSpan? Mention = null)
    {
        public static Draft Unattributed(Sentence sentence, TextSpan content, bool inComments) =>
            new(sentence.Index, sentence.Paragraph, StatementKind.Unattributed, null, null, null, null, content, -1, inComments);
    }
}

internal static class QuoteSpanExtensions
{
    public static int Length(this QuoteSpan quote) => quote.End - quote.Start;
}
