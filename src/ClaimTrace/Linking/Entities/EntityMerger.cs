namespace ClaimTrace;

/// <summary>
/// Turns the corpus's tallies into entities, in stages, each deciding on the sets the stage before left (so no
/// decision depends on the order pages arrived in): (1) names the shipped or user data puts in one group;
/// (2) acronyms pages define; (3) names with one transliteration key; (4) spelling variants one edit apart or with
/// one consonant skeleton, only with evidence (same container place or shared co-mentions) and never for short
/// names or two names the data keeps apart; (5) a bare surname joins a full name only when that full name is the
/// only one in the corpus carrying it, or a title or organisation singles it out; otherwise it stays apart and says so.
/// </summary>
internal sealed class EntityMerger
{
    /// <summary>Transliteration keys shorter than this never merge by a spelling variant: "Homs" and "Hama" are a letter apart.</summary>
    internal const int VariantMinLength = 6;

    /// <summary>Shared co-mentioned entities a spelling variant needs, when no container place supports it.</summary>
    internal const int VariantSharedContext = 2;

    /// <summary>The share of the two names' co-mentioned entities that both have, for a spelling variant without a container place.</summary>
    internal const double VariantSharedShare = 0.25;

    private readonly EntityCorpus _corpus;
    private readonly KnownNames _known;
    private readonly MentionTally[] _nodes;
    private readonly Dictionary<EntityCorpus.NameId, int> _index = [];
    private readonly UnionFind _sets;
    private readonly List<(int Node, MergeReason Reason)> _reasons = [];
    private readonly List<(int Node, string Note)> _notes = [];
    private readonly string?[] _heads;
    private readonly string[] _translit;

    public EntityMerger(EntityCorpus corpus, KnownNames known)
    {
        _corpus = corpus;
        _known = known;
        _nodes = [.. corpus.Names.Values.OrderBy(n => n.Kind).ThenBy(n => n.Key, StringComparer.Ordinal).ThenBy(n => n.Doc, StringComparer.Ordinal)];
        for (var i = 0; i < _nodes.Length; i++)
            _index[new EntityCorpus.NameId(_nodes[i].Kind, _nodes[i].Key, _nodes[i].Doc)] = i;
        _sets = new UnionFind(_nodes.Length);
        _heads = new string?[_nodes.Length];
        _translit = new string[_nodes.Length];
        for (var i = 0; i < _nodes.Length; i++)
        {
            var display = _nodes[i].Display;
            _heads[i] = _known.Find(display) is { } k && k.Kind == _nodes[i].Kind ? k.Head : null;
            _translit[i] = NameKey.Transliteration(display);
        }
    }

    public IReadOnlyList<Entity> Merge()
    {
        KnownGroups();
        Snapshot();
        PageAcronyms();
        Transliterations();
        Snapshot();
        SpellingVariants();
        Snapshot();
        Surnames();
        return Materialise();
    }

    private int Root(int node) => _sets.Find(node);

    // The sets as a stage found them: stages read their sets from this snapshot rather than scanning every name.
    private int[] _setOf = [];
    private Dictionary<int, List<int>> _members = [];

    private void Snapshot()
    {
        _setOf = [.. Enumerable.Range(0, _nodes.Length).Select(Root)];
        _members = Enumerable.Range(0, _nodes.Length).GroupBy(i => _setOf[i]).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>The names in the same set as <paramref name="node"/> when the stage began.</summary>
    private List<int> Members(int node) => _members[_setOf[node]];

    private void Join(int node, int into, MergeReason reason)
    {
        _sets.Union(node, into);
        _reasons.Add((node, reason));
    }

    private bool TryNode(EntityKind kind, string name, out int node) => _index.TryGetValue(new EntityCorpus.NameId(kind, NameKey.Fold(name)), out node);

    /// <summary>Stage 1: names one data group lists become one entity, named by the group's head.</summary>
    private void KnownGroups()
    {
        foreach (var group in Enumerable.Range(0, _nodes.Length).Where(i => _heads[i] is not null).GroupBy(i => (_nodes[i].Kind, NameKey.Fold(_heads[i]!))))
        {
            var members = group.ToList();
            var into = members.FirstOrDefault(i => _nodes[i].Key == group.Key.Item2, members[0]);
            foreach (var i in members.Where(i => i != into))
            {
                var k = _known.Find(_nodes[i].Display)!.Value;
                Join(i, into, new MergeReason(_nodes[i].Display, k.Head, k.Rule, DataEvidence(_nodes[i].Display, k)));
            }
        }
    }

    internal static string DataEvidence(string name, KnownNames.Known k) => k.Rule switch
    {
        MergeRule.GazetteerSpelling => $"{k.Source} lists '{name}' as a spelling of the place '{k.Head}'",
        MergeRule.KnownAcronym => $"{k.Source} lists '{name}' as an acronym of '{k.Head}'",
        _ => $"{k.Source} puts '{name}' in the alias group of '{k.Head}'",
    };

    /// <summary>Stage 2: an acronym a page defines joins the name it stands for, unless pages (or the data) give it two meanings.</summary>
    private void PageAcronyms()
    {
        foreach (var byAcronym in _corpus.Acronyms.GroupBy(a => NameKey.Fold(a.Acronym)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var definitions = byAcronym.OrderBy(a => a.Doc, StringComparer.Ordinal).ToList();
            var targets = definitions.Where(d => _index.ContainsKey(d.Expansion)).Select(d => Root(_index[d.Expansion])).Distinct().ToList();
            var acronym = definitions[0].Acronym;
            var listed = _known.Find(acronym);
            var listedRoot = listed is { } l && TryNode(l.Kind, l.Head, out var ln) ? Root(ln) : -1;
            if (targets.Count != 1 || listedRoot >= 0 && listedRoot != targets[0] || _known.IsAmbiguousAcronym(acronym))
            {
                var meanings = string.Join("; ", definitions.Select(d => $"'{d.Written}' in {d.Doc}"));
                foreach (var t in targets)
                    _notes.Add((t, $"'{acronym}' is not merged: it has more than one meaning ({meanings}{(listed is { } k2 ? $"; {k2.Source}: '{k2.Head}'" : "")})"));
                continue;
            }

            var target = _index[definitions[0].Expansion];
            var tally = _nodes[target];
            var fold = NameKey.Fold(acronym);
            foreach (var d in definitions)
            {
                var holder = _nodes[_index[d.Expansion]];
                if (!ClusterHasSpelling(target, fold) && !holder.Spellings.ContainsKey(fold) && d.Uses > 0)
                    holder.Add(holder.Display, d.Acronym, d.Doc, d.Uses);
                if (holder.Spellings.TryGetValue(fold, out var s))
                    s.AcronymDocs.TryAdd(d.Doc, d.Written);
            }

            var first = definitions[0];
            var reason = new MergeReason(acronym, tally.Display, MergeRule.PageAcronym, $"{first.Doc} defines it: '{first.Written}'" + (definitions.Count > 1 ? $" (and {definitions.Count - 1} more pages)" : ""));
            if (TryNode(tally.Kind, acronym, out var acronymNode) && Root(acronymNode) != Root(target))
                Join(acronymNode, target, reason);
            else
                _reasons.Add((target, reason));
        }
    }

    private bool ClusterHasSpelling(int node, string fold) => Members(node).Any(i => _nodes[i].Spellings.ContainsKey(fold));

    /// <summary>Stage 3: one transliteration key, one entity, unless the data names two different heads among them.</summary>
    private void Transliterations()
    {
        var groups = Enumerable.Range(0, _nodes.Length)
            .Where(i => _translit[i].Length >= 4 && !_nodes[i].IsBareSurname)
            .GroupBy(i => (_nodes[i].Kind, _translit[i], Multi: _nodes[i].Kind == EntityKind.Person && NameKey.WordCount(_nodes[i].Display) >= 2));
        foreach (var group in groups)
        {
            var members = group.ToList();
            if (members.Count < 2)
                continue;
            var heads = members.Where(i => _heads[i] is not null).Select(i => NameKey.Fold(_heads[i]!)).Distinct().Count();
            if (heads > 1)
                continue;
            var into = members.OrderBy(i => _heads[i] is null).ThenByDescending(i => _nodes[i].Mentions).ThenBy(i => i).First();
            foreach (var i in members.Where(i => i != into && Root(i) != Root(into)))
                Join(i, into, new MergeReason(_nodes[i].Display, _nodes[into].Display, MergeRule.Transliteration, $"both have the transliteration key '{_translit[i]}' (case, diacritics, hyphens, articles and doubled letters aside)"));
        }
    }

    /// <summary>Stage 4: names one edit apart or with one consonant skeleton, with a container place or shared co-mentions to support it.</summary>
    private void SpellingVariants()
    {
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < _nodes.Length; i++)
        {
            if (!VariantEligible(i))
                continue;
            foreach (var key in NameKey.Deletions(_translit[i]).Append("#" + NameKey.Skeleton(_translit[i])).Distinct())
            {
                if (!byKey.TryGetValue(key, out var list))
                    byKey[key] = list = [];
                list.Add(i);
            }
        }

        var pairs = new SortedSet<(int, int)>();
        foreach (var list in byKey.Values)
        {
            for (var a = 0; a < list.Count; a++)
            {
                for (var b = a + 1; b < list.Count; b++)
                {
                    var (i, j) = (Math.Min(list[a], list[b]), Math.Max(list[a], list[b]));
                    if (_nodes[i].Kind == _nodes[j].Kind && _setOf[i] != _setOf[j])
                        pairs.Add((i, j));
                }
            }
        }

        var accepted = new List<(int, int, MergeReason)>();
        var context = new Dictionary<int, HashSet<int>>();
        foreach (var (i, j) in pairs)
        {
            var oneEdit = NameKey.WithinOneEdit(_translit[i], _translit[j]);
            if (!oneEdit && NameKey.Skeleton(_translit[i]) != NameKey.Skeleton(_translit[j]))
                continue;
            // The data lists both as names of their own: two known places a letter apart are two places.
            if (KnownRoot(i) is { } ki && KnownRoot(j) is { } kj && ki != kj)
                continue;
            if (VariantEvidence(i, j, context) is not { } evidence)
                continue;
            var (node, into) = _heads[i] is null && _heads[j] is not null || _nodes[i].Mentions < _nodes[j].Mentions ? (i, j) : (j, i);
            var how = oneEdit ? "one letter apart" : "the same consonants";
            accepted.Add((node, into, new MergeReason(_nodes[node].Display, _nodes[into].Display, MergeRule.SpellingVariant, $"{how} ('{_translit[node]}' / '{_translit[into]}') and {evidence}")));
        }

        foreach (var (node, into, reason) in accepted)
            Join(node, into, reason);
    }

    /// <summary>
    /// People never merge by a spelling variant: on 3,000 AllSides pages every such merge checked by hand was either a
    /// typo or two people ("John Kelly" / "John Kerry", "George H. W. Bush" / "George W. Bush"), and shared co-mentions
    /// could not tell which. People merge by data, transliteration key and surname rules only.
    /// </summary>
    private bool VariantEligible(int i) => _translit[i].Length >= VariantMinLength && _nodes[i].Kind != EntityKind.Person;

    /// <summary>The data head of a node's set, if any node of it is listed.</summary>
    private string? KnownRoot(int node) => Members(node).Where(i => _heads[i] is not null).Select(i => NameKey.Fold(_heads[i]!)).FirstOrDefault();

    private string? VariantEvidence(int i, int j, Dictionary<int, HashSet<int>> context)
    {
        if (_nodes[i].Kind == EntityKind.Place && (ContainerEvidence(i, j) ?? ContainerEvidence(j, i)) is { } container)
            return container;
        var ci = Context(_setOf[i], context);
        var cj = Context(_setOf[j], context);
        var shared = ci.Intersect(cj).Where(s => s != _setOf[i] && s != _setOf[j]).OrderBy(s => s).ToList();
        var union = ci.Union(cj).Count(s => s != _setOf[i] && s != _setOf[j]);
        // Most of each name's company, not just two famous names: in a dense corpus every pair shares a few.
        if (shared.Count < VariantSharedContext || shared.Count < VariantSharedShare * union)
            return null;
        var names = shared.Take(3).Select(s => $"'{_nodes[s].Display}'");
        return $"the pages naming them share {shared.Count} of {union} other entities ({string.Join(", ", names)}{(shared.Count > 3 ? ", ..." : "")})";
    }

    /// <summary>A place the data knows (<paramref name="listed"/>) whose container the other name's pages also mention.</summary>
    private string? ContainerEvidence(int listed, int other)
    {
        if (_heads[listed] is not { } head || _known.Container(head) is not { } container || !TryNode(EntityKind.Place, container, out var c))
            return null;
        var root = _setOf[c];
        var docs = _nodes[other].Docs.Where(d => _corpus.DocNames[d].Any(n => _setOf[_index[n]] == root)).Order(StringComparer.Ordinal).ToList();
        return docs.Count == 0 ? null : $"'{head}' lies in '{container}', which {docs[0]} naming '{_nodes[other].Display}' also names";
    }

    /// <summary>
    /// The sets co-mentioned with a set, leaving out those in more than half the documents once there are ten or more
    /// ("Syria" in a corpus about Syria says nothing). At most 500 documents of a set are read: variants are rare names.
    /// </summary>
    private HashSet<int> Context(int root, Dictionary<int, HashSet<int>> cache)
    {
        if (cache.TryGetValue(root, out var known))
            return known;
        var total = _corpus.DocNames.Count;
        var docs = _members[root].SelectMany(i => _nodes[i].Docs).Distinct().Order(StringComparer.Ordinal).Take(500);
        var set = new HashSet<int>();
        foreach (var doc in docs)
        {
            foreach (var name in _corpus.DocNames[doc])
            {
                var other = _index[name];
                if (total < 10 || _nodes[other].Docs.Count * 2 <= total)
                    set.Add(_setOf[other]);
            }
        }

        cache[root] = set;
        return set;
    }

    /// <summary>
    /// Stage 5: surnames written alone, page by page. With no full name in the corpus carrying the surname, the pages'
    /// bare surnames are one name (nothing could tell them apart); with exactly one, they join it; with several, a
    /// page's surname joins the one full name its title or organisation matches, and the rest stay apart, together,
    /// with a note naming the full names it could be.
    /// </summary>
    private void Surnames()
    {
        var full = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var bare = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (root, members) in _members.OrderBy(m => m.Key))
        {
            if (_nodes[root].Kind != EntityKind.Person)
                continue;
            var multi = members.Where(i => NameKey.WordCount(_nodes[i].Display) >= 2).ToList();
            var surnames = multi.Count > 0
                ? multi.Select(i => NameKey.SurnameKey(_nodes[i].Display)).Distinct()
                : [NameKey.SurnameKey(_nodes[root].Display)];
            foreach (var surname in surnames.Where(s => s.Length >= 3))
            {
                var map = multi.Count > 0 ? full : bare;
                if (!map.TryGetValue(surname, out var list))
                    map[surname] = list = [];
                list.Add(root);
            }
        }

        var accepted = new List<(int, int, MergeReason)>();
        foreach (var (surname, roots) in bare.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            var candidates = full.GetValueOrDefault(surname) ?? [];
            var left = new List<int>();
            foreach (var root in roots)
            {
                var name = _nodes[root].Display;
                var docs = FirstDocs(root);
                if (candidates.Count == 1)
                {
                    var target = candidates[0];
                    accepted.Add((root, target, new MergeReason(name, FullName(target), MergeRule.SurnameUnique,
                        $"'{name}' ({docs}) is the surname of '{FullName(target)}' ({FirstDocs(target)}), the only full name in the corpus that carries it")));
                    continue;
                }

                var titles = Titles(root).ToHashSet(StringComparer.Ordinal);
                var byTitle = candidates.Select(c => (c, Shared: titles.Intersect(Titles(c)).Order(StringComparer.Ordinal).FirstOrDefault())).Where(x => x.Shared is not null).ToList();
                if (byTitle.Count == 1)
                {
                    var (target, shared) = byTitle[0];
                    var others = string.Join(", ", candidates.Where(c => c != target).Select(c => $"'{FullName(c)}'").Order(StringComparer.Ordinal));
                    accepted.Add((root, target, new MergeReason(name, FullName(target), MergeRule.SurnameByTitle,
                        $"'{name}' ({docs}) and '{FullName(target)}' ({FirstDocs(target)}) share the title or organisation '{shared}', which {others} do not have")));
                    continue;
                }

                left.Add(root);
            }

            if (left.Count == 0)
                continue;
            var names = string.Join(", ", candidates.Select(c => $"'{FullName(c)}'").Order(StringComparer.Ordinal));
            foreach (var root in left.Skip(1))
            {
                accepted.Add((root, left[0], new MergeReason(_nodes[root].Display, _nodes[left[0]].Display, MergeRule.SameSurname,
                    $"the surname alone, in {FirstDocs(root)} and {FirstDocs(left[0])}: the corpus gives no full name to tell them apart" + (candidates.Count > 0 ? " from each other" : ""))));
            }

            if (candidates.Count > 1)
                _notes.Add((left[0], $"'{_nodes[left[0]].Display}' stays apart: {candidates.Count} full names in the corpus carry this surname ({names}) and no title or organisation tells which one it is"));
        }

        foreach (var (node, into, reason) in accepted)
            Join(node, into, reason);
    }

    private IEnumerable<string> Titles(int root) => _members[root].SelectMany(i => _nodes[i].Titles);

    private string FullName(int root) =>
        _members[root].Where(i => NameKey.WordCount(_nodes[i].Display) >= 2)
            .OrderByDescending(i => _nodes[i].Mentions).ThenBy(i => i).Select(i => _nodes[i].Display).First();

    private string FirstDocs(int root) =>
        string.Join(", ", _members[root].SelectMany(i => _nodes[i].Docs).Distinct().Order(StringComparer.Ordinal).Take(3));

    private List<Entity> Materialise()
    {
        var entities = new List<Entity>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var reasonsByRoot = _reasons.ToLookup(r => Root(r.Node), r => r.Reason);
        var notesByRoot = _notes.ToLookup(n => Root(n.Node), n => n.Note);
        foreach (var set in Enumerable.Range(0, _nodes.Length).GroupBy(Root).OrderBy(g => g.Key))
        {
            var members = set.ToList();
            var kind = _nodes[members[0]].Kind;
            var canonical = Canonical(members);
            var spellings = Spellings(members);
            var reasons = new List<MergeReason>(reasonsByRoot[set.Key]);
            reasons.AddRange(SpellingReasons(members, canonical));
            var id = kind.ToWire().Replace('_', '-') + ":" + NameKey.Slug(canonical);
            if (!ids.Add(id))
            {
                id += "-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)))[..6];
                ids.Add(id);
            }

            entities.Add(new Entity(
                id,
                kind,
                canonical,
                members.Sum(i => _nodes[i].Mentions),
                spellings,
                [.. members.SelectMany(i => _nodes[i].Docs).Distinct().Order(StringComparer.Ordinal)],
                [.. reasons.DistinctBy(r => (NameKey.Fold(r.Name), r.Rule)).OrderBy(r => r.Rule).ThenBy(r => r.Name, StringComparer.Ordinal)],
                [.. notesByRoot[set.Key].Distinct().Order(StringComparer.Ordinal)]));
        }

        return entities;
    }

    /// <summary>The data head if the data lists a member; else (for people) the most mentioned full name; else the most mentioned name.</summary>
    private string Canonical(List<int> members)
    {
        var listed = members.Where(i => _heads[i] is not null).OrderByDescending(i => _nodes[i].Mentions).ThenBy(i => i).Select(i => _heads[i]!).FirstOrDefault();
        if (listed is not null)
            return listed;
        return members
            .OrderByDescending(i => _nodes[i].Kind == EntityKind.Person && NameKey.WordCount(_nodes[i].Display) >= 2)
            .ThenByDescending(i => _nodes[i].Mentions)
            .ThenBy(i => i)
            .Select(i => _nodes[i].Display)
            .First();
    }

    private List<EntitySpelling> Spellings(List<int> members)
    {
        var merged = new Dictionary<string, (Dictionary<string, int> Forms, int Count, HashSet<string> Docs)>(StringComparer.Ordinal);
        foreach (var (fold, tally) in members.SelectMany(i => _nodes[i].Spellings))
        {
            if (!merged.TryGetValue(fold, out var m))
                merged[fold] = m = (new Dictionary<string, int>(StringComparer.Ordinal), 0, new HashSet<string>(StringComparer.Ordinal));
            foreach (var (form, count) in tally.Forms)
                m.Forms[form] = m.Forms.GetValueOrDefault(form) + count;
            m.Docs.UnionWith(tally.Docs);
            merged[fold] = (m.Forms, m.Count + tally.Count, m.Docs);
        }

        return [.. merged.Values
            .Select(m => new EntitySpelling(
                m.Forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key,
                m.Count,
                [.. m.Docs.Order(StringComparer.Ordinal)]))
            .OrderByDescending(s => s.Count)
            .ThenBy(s => s.Text, StringComparer.Ordinal)];
    }

    /// <summary>Why each spelling inside a name belongs to it: the data, the page's full name, or the page analysis's reading.</summary>
    private IEnumerable<MergeReason> SpellingReasons(List<int> members, string canonical)
    {
        foreach (var i in members)
        {
            var node = _nodes[i];
            foreach (var (fold, tally) in node.Spellings.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                if (fold == node.Key || fold == NameKey.Fold(canonical))
                    continue;
                var written = tally.Display;
                if (_known.Find(written) is { } k && k.Kind == node.Kind && NameKey.Fold(k.Head) is var head && (head == node.Key || head == NameKey.Fold(canonical)))
                    yield return new MergeReason(written, k.Head, k.Rule, DataEvidence(written, k));
                else if (tally.AcronymDocs.Count > 0)
                    continue;
                else if (tally.SurnameDocs.Count > 0)
                    yield return new MergeReason(written, node.Display, MergeRule.SurnameInPage, $"{tally.SurnameDocs.Min} names '{node.Display}' in full and then by surname" + (tally.SurnameDocs.Count > 1 ? $" (so do {tally.SurnameDocs.Count - 1} more pages)" : ""));
                else if (NameKey.Transliteration(written) == NameKey.Transliteration(node.Display))
                    yield return new MergeReason(written, node.Display, MergeRule.Transliteration, $"both have the transliteration key '{NameKey.Transliteration(written)}'");
                else
                    yield return new MergeReason(written, node.Display, MergeRule.AnalysisReading, $"the page analysis read '{written}' as '{node.Display}' in {tally.Docs.Min(StringComparer.Ordinal)}");
            }
        }
    }
}
