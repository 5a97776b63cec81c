using System.Data.Common;
using System.Globalization;

namespace ClaimTrace;

/// <summary>
/// Runs a <see cref="SearchQuery"/> in SQL common to every backend: the backend's <see cref="SearchIndex"/>
/// names the matching units and their scores, the filters here narrow them, and the survivors go into a
/// temporary table once, so the total, the page and every facet count come from one set of hits (and the word
/// index is searched once). Only fixed SQL fragments are chosen here; every value travels as a parameter.
/// </summary>
internal sealed class SearchRunner(DbConnection connection, SqlDialect dialect, SearchIndex index)
{
    // Which statements and quantities lie inside a unit (alias u): a statement unit holds itself and its own
    // quantities, the article every statement and quantity outside comments, a comment those within its span.
    private const string StatementInUnit =
        "(u.kind = 'statement' AND s.idx = u.item OR u.kind = 'article' AND s.in_comments = 0 " +
        "OR u.kind = 'comment' AND s.content_start >= u.start_offset AND s.content_end <= u.end_offset)";

    private const string QuantityInUnit =
        "(u.kind = 'statement' AND q.statement = u.item OR u.kind = 'article' AND q.in_comments = 0 " +
        "OR u.kind = 'comment' AND q.start_offset >= u.start_offset AND q.end_offset <= u.end_offset)";

    private const string CreateHits =
        """
        CREATE TEMP TABLE IF NOT EXISTS search_hits (
            unit         INTEGER PRIMARY KEY,
            score        DOUBLE PRECISION NOT NULL,
            doc_id       TEXT    NOT NULL,
            version      INTEGER NOT NULL,
            kind         TEXT    NOT NULL,
            item         INTEGER,
            start_offset INTEGER NOT NULL,
            end_offset   INTEGER NOT NULL,
            in_comments  INTEGER NOT NULL,
            unit_date    TEXT,
            outlet       TEXT,
            facets       TEXT
        )
        """;

    /// <summary>
    /// How far past the window a filtered search looks: among at most this many times <see cref="SearchQuery.Window"/>
    /// of the newest matching units, so a rare filter on a common word stays bounded too.
    /// </summary>
    private const int ScanFactor = 25;

    public SearchResults Run(SearchQuery query, SearchExpression expression)
    {
        Execute(CreateHits);
        Execute("DELETE FROM search_hits");
        try
        {
            var truncated = Fill(query, expression);
            var total = Convert.ToInt32(Scalar("SELECT COUNT(*) FROM search_hits"), CultureInfo.InvariantCulture);
            var hits = total == 0 ? [] : Page(query, expression);
            var facets = total == 0 ? SearchFacets.None : Facets(query.FacetLimit);
            return new SearchResults(total, hits, facets, expression) { Truncated = truncated, Window = query.Window };
        }
        finally
        {
            Execute("DELETE FROM search_hits");
        }
    }

    /// <summary>
    /// Puts the hits into <c>search_hits</c>; true when they are only the newest part of them. Up to
    /// <see cref="SearchQuery.Window"/> matching units, every one is filtered and scored: the total and the facets are
    /// exact. Past it, scoring and counting every unit of a common word costs seconds on a large store ("trump" matches
    /// 400,000 units of 100,000 pages), so the matches are walked newest first, unscored, through the filters until the
    /// window is full (looking at no more than <see cref="ScanFactor"/> windows of them), and only those are scored.
    /// </summary>
    private bool Fill(SearchQuery query, SearchExpression expression)
    {
        var tags = SearchTags.For(query);
        var filter = Filters(query, tags);
        var match = expression.MatchesEverything && tags.IsEmpty ? null : index.Match(expression, tags);
        if (match is not null)
        {
            for (var i = 0; i < match.Names.Count; i++)
                filter.Bind(match.Names[i], match.Values[i]);
        }

        var ids = match?.IdsSql ?? "SELECT id FROM search_units";
        var window = Math.Max(query.Window, 1);

        if (CountUpTo(ids, match, window + 1) <= window)
        {
            Insert(match?.MatchSql ?? "SELECT id, CAST(0 AS DOUBLE PRECISION) AS score FROM search_units", filter, "", "", materialize: true);
            return false;
        }

        // With no condition left to the filters (the index took them all, or there were none), the newest window of
        // matches is the hits: no floor to find, which for a common phrase meant reading 25,000 position lists.
        var floor = filter.Clause.Length == 0 ? null : NewestAt(ids, match, window * ScanFactor);
        filter.Bind("@floor", floor ?? 0L);
        filter.Bind("@take", window + 1);
        Insert($"SELECT id, CAST(0 AS DOUBLE PRECISION) AS score FROM ({ids}) w", filter, "m.id >= @floor", "ORDER BY m.id DESC LIMIT @take", materialize: false);
        var found = Convert.ToInt32(Scalar("SELECT COUNT(*) FROM search_hits"), CultureInfo.InvariantCulture);
        if (found > window)
            Execute("DELETE FROM search_hits WHERE unit = (SELECT MIN(unit) FROM search_hits)");

        if (!expression.MatchesEverything && match is not null && found > 0)
        {
            var lowest = Convert.ToInt64(Scalar("SELECT MIN(unit) FROM search_hits"), CultureInfo.InvariantCulture);
            using var rank = new PreparedStatement(connection, null,
                $"WITH m AS MATERIALIZED ({match.MatchFromSql}) UPDATE search_hits SET score = m.score FROM m WHERE m.id = search_hits.unit",
                [.. match.Names, "@lowest"]);
            rank.Bind([.. match.Values, lowest]).Execute();
        }

        // Exact after all when the filters left no more than the window and every match was looked at.
        return found > window || floor is not null || filter.Clause.Length == 0;
    }

    /// <summary>
    /// The units that pass the filters, from <paramref name="matched"/> (ids and scores), into the hits table. Units are
    /// only ever of a document's current version (the store replaces them with the version, in its transaction), so
    /// no hit looks up its document here: that lookup by text key was most of the cost of a window of 1,000 hits.
    /// Materialised, the word index is searched in a query of its own, where its scoring functions are allowed; not,
    /// the walk newest first stops as soon as <paramref name="tail"/>'s LIMIT is reached.
    /// </summary>
    private void Insert(string matched, SqlFilter filter, string extra, string tail, bool materialize)
    {
        var clause = filter.Clause;
        if (extra.Length > 0)
            clause = clause.Length == 0 ? "WHERE " + extra : clause + " AND " + extra;
        using var fill = new PreparedStatement(connection, null,
            $"""
            WITH m AS {(materialize ? "MATERIALIZED" : "NOT MATERIALIZED")} ({matched})
            INSERT INTO search_hits (unit, score, doc_id, version, kind, item, start_offset, end_offset, in_comments, unit_date, outlet, facets)
            SELECT u.id, m.score, u.doc_id, u.version, u.kind, u.item, u.start_offset, u.end_offset, u.in_comments, u.unit_date, u.outlet, u.facets
            FROM m
            JOIN search_units u ON u.id = m.id
            {clause}
            {tail}
            """,
            filter.Names);
        fill.Bind(filter.Values).Execute();
    }

    /// <summary>How many units <paramref name="ids"/> gives (with <paramref name="match"/>'s parameters), counting no further than <paramref name="bound"/>.</summary>
    private int CountUpTo(string ids, SearchMatch? match, int bound)
    {
        using var count = new PreparedStatement(connection, null, $"SELECT COUNT(*) FROM ({ids} LIMIT @bound) c", [.. Names(match), "@bound"]);
        return Convert.ToInt32(count.Bind([.. Values(match), bound]).Scalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The id of the <paramref name="n"/>th newest unit <paramref name="ids"/> gives; null when it gives fewer.</summary>
    private long? NewestAt(string ids, SearchMatch? match, int n)
    {
        using var at = new PreparedStatement(connection, null, $"SELECT id FROM ({ids}) n ORDER BY id DESC LIMIT 1 OFFSET @skip", [.. Names(match), "@skip"]);
        var value = at.Bind([.. Values(match), n - 1]).Scalar();
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    private static IEnumerable<string> Names(SearchMatch? match) => match?.Names ?? [];

    private static IEnumerable<object?> Values(SearchMatch? match) => match?.Values ?? [];

    /// <summary>
    /// The query's filters on units, as conditions over <c>search_units u</c>. They define what passes; where the
    /// unit's tags already say exactly what a join over the analysis tables would (<paramref name="tags"/>), the join
    /// is left out, as it would cost a lookup of every statement or quantity of each candidate's page.
    /// </summary>
    private static SqlFilter Filters(SearchQuery query, SearchTagQuery tags)
    {
        var filter = new SqlFilter();
        if (query.Kind == SearchKind.Statements)
            filter.Where("u.kind = 'statement'");
        else if (query.Kind == SearchKind.Pages)
            filter.Where("u.kind <> 'statement'");
        if (!query.IncludeComments)
            filter.Where("u.in_comments = 0");
        // The outlet's tag is the outlet filter (a 64-bit hash of the folded name), so SQL does not check it again.
        // '~' sorts after every character of an ISO date: "2017-12" is on or after "2017-12-06", and
        // "2018-12-11T09:00" is on or before "2018-12-11" (the claims listing's rule).
        if (!tags.DateExact && query.From is { } from)
            filter.Where("u.unit_date || '~' >= @from", "@from", from);
        if (!tags.DateExact && query.To is { } to)
            filter.Where("u.unit_date <= @to", "@to", to + "~");

        var speaker = AnalysisWriter.Fold(query.Speaker);
        if ((speaker is not null || query.Stance is not null) && !tags.SpeakerExact)
        {
            var inner = new List<string> { "s.doc_id = u.doc_id", "s.version = u.version", StatementInUnit };
            if (speaker is not null)
            {
                inner.Add("s.speaker_folded LIKE @speaker ESCAPE '\\'");
                filter.Bind("@speaker", "%" + ClaimListing.EscapeLike(new StoredText().CleanRequired(speaker)) + "%");
            }

            if (query.Stance is { } stance)
            {
                inner.Add("EXISTS (SELECT 1 FROM stances t WHERE t.doc_id = s.doc_id AND t.version = s.version AND t.target_statement = s.idx AND t.kind = @stance)");
                filter.Bind("@stance", stance.ToWire());
            }

            filter.Where($"EXISTS (SELECT 1 FROM statements s WHERE {string.Join(" AND ", inner)})");
        }

        var measure = AnalysisWriter.Fold(query.Measure);
        var place = AnalysisWriter.Fold(query.Place);
        if ((measure is not null || place is not null) && !tags.QuantityExact)
        {
            var inner = new List<string> { "q.doc_id = u.doc_id", "q.version = u.version", QuantityInUnit };
            if (measure is not null)
            {
                inner.Add("q.measure_folded = @measure");
                filter.Bind("@measure", measure);
            }

            if (place is not null)
            {
                inner.Add("q.scope_folded = @place");
                filter.Bind("@place", place);
            }

            filter.Where($"EXISTS (SELECT 1 FROM quantities q WHERE {string.Join(" AND ", inner)})");
        }

        return filter;
    }

    private List<SearchHit> Page(SearchQuery query, SearchExpression expression)
    {
        // Only hits scoring at least the page's last place can be on it: the rest are not joined to their documents for
        // the key that breaks ties (a window of 1,000 hits of a word would look up 1,000 documents for 20).
        using var statement = new PreparedStatement(connection, null,
            $"""
            WITH cut AS (SELECT score FROM search_hits ORDER BY score DESC LIMIT 1 OFFSET @last)
            SELECT h.doc_id, d.key, h.version, h.kind, h.item, h.start_offset, h.end_offset, h.in_comments, h.unit_date, h.score
            FROM search_hits h
            JOIN documents d ON d.id = h.doc_id
            WHERE h.score >= COALESCE((SELECT score FROM cut), h.score)
            ORDER BY h.score DESC, {dialect.KeyOrder}, h.start_offset, h.kind, COALESCE(h.item, -1)
            LIMIT @limit OFFSET @offset
            """,
            "@last", "@limit", "@offset");
        var rows = new List<HitRow>();
        using (var reader = statement.Bind(Math.Max(query.Offset + query.Limit - 1, 0), query.Limit, query.Offset).Query())
        {
            while (reader.Read())
            {
                rows.Add(new HitRow(
                    reader.GetString(0), reader.GetString(1), Int(reader, 2), SearchUnitKinds.FromWire(reader.GetString(3)),
                    reader.IsDBNull(4) ? null : Int(reader, 4), Int(reader, 5), Int(reader, 6), Int(reader, 7) != 0, Text(reader, 8), reader.GetDouble(9)));
            }
        }

        return new SearchHitReader(connection).Complete(rows, expression);
    }

    /// <summary>
    /// Counts of every facet over all the hits: the outlet from the hit's row, the others from the values kept with
    /// each unit (<see cref="UnitFacets"/>), so no hit joins the analysis tables. Ties go by value, ordinally.
    /// </summary>
    private SearchFacets Facets(int limit)
    {
        var facetLimit = Math.Max(limit, 0);
        if (facetLimit == 0)
            return SearchFacets.None;
        var outlets = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new Dictionary<(char, string), int>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT outlet, facets FROM search_hits";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (!reader.IsDBNull(0))
                    Add(outlets, reader.GetString(0));
                foreach (var value in UnitFacets.Decode(Text(reader, 1)))
                    Add(values, value);
            }
        }

        List<FacetCount> Top(char facet) => Ranked(values.Where(v => v.Key.Item1 == facet).Select(v => (v.Key.Item2, v.Value)), facetLimit);
        return new SearchFacets(
            Ranked(outlets.Select(o => (o.Key, o.Value)), facetLimit), Top(UnitFacets.Speaker), Top(UnitFacets.Measure), Top(UnitFacets.Stance));
    }

    private static void Add<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static List<FacetCount> Ranked(IEnumerable<(string Value, int Count)> counts, int limit) =>
        [.. counts.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).Take(limit).Select(c => new FacetCount(c.Value, c.Count))];

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static string? Text(DbDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);

    private static int Int(DbDataReader r, int column) => Convert.ToInt32(r.GetValue(column), CultureInfo.InvariantCulture);
}

/// <summary>A hit as the hits table gives it, before its page's text and metadata, speaker and quantities are read.</summary>
internal sealed record HitRow(
    string DocumentId, string Key, int Version, SearchHitKind Kind, int? Item, int Start, int End, bool InComments, string? Date, double Score);
