using System.Data.Common;
using System.Globalization;

namespace ClaimTrace;

/// <summary>
/// Rows of the claims tables (<c>link_state</c>, <c>claims</c>, <c>claim_pages</c>, <c>link_parts</c>, schema 6):
/// plain parameterised SQL that SQLite and PostgreSQL both accept. A result is replaced whole, in the caller's
/// transaction, so a reader never sees half of one.
/// </summary>
internal sealed class ClaimRows(DbConnection connection, DbTransaction? transaction)
{
    /// <summary>The stored result's inputs digest (null when none is stored), the row locked until commit with <paramref name="lockRead"/>.</summary>
    public string? Inputs(string lockRead)
    {
        using var statement = new PreparedStatement(connection, transaction, "SELECT inputs FROM link_state WHERE id = 1" + lockRead);
        return statement.Scalar() as string;
    }

    public void Replace(LinkSnapshot snapshot)
    {
        foreach (var table in new[] { "claim_pages", "claims", "link_parts", "link_state" })
        {
            using var clear = new PreparedStatement(connection, transaction, $"DELETE FROM {table}");
            clear.Execute();
        }

        var s = snapshot.State;
        using (var state = new PreparedStatement(connection, transaction,
            "INSERT INTO link_state (id, inputs, linked_at, pages, claims, conflicts) VALUES (1, @inputs, @at, @pages, @claims, @conflicts)",
            "@inputs", "@at", "@pages", "@claims", "@conflicts"))
        {
            state.Bind(s.Inputs, s.LinkedAt.ToString("O", CultureInfo.InvariantCulture), s.Pages, s.Claims, s.Conflicts).Execute();
        }

        using (var claim = new PreparedStatement(connection, transaction,
            """
            INSERT INTO claims (id, ordinal, family, measure, unit, scope, side_key, side, value, date, reports, body)
            VALUES (@id, @ordinal, @family, @measure, @unit, @scope, @side_key, @side, @value, @date, @reports, @body)
            """,
            "@id", "@ordinal", "@family", "@measure", "@unit", "@scope", "@side_key", "@side", "@value", "@date", "@reports", "@body"))
        using (var page = new PreparedStatement(connection, transaction,
            "INSERT INTO claim_pages (claim_id, doc_id) VALUES (@claim, @doc)", "@claim", "@doc"))
        {
            for (var i = 0; i < snapshot.Claims.Count; i++)
            {
                var c = snapshot.Claims[i];
                claim.Bind(c.Id, i, c.Family, c.Measure, c.Unit, c.Scope, c.SideKey, c.Side, c.Value, c.Date, c.Reports, c.Body).Execute();
                foreach (var doc in c.Pages.Distinct(StringComparer.Ordinal))
                    page.Bind(c.Id, doc).Execute();
            }
        }

        using var part = new PreparedStatement(connection, transaction,
            "INSERT INTO link_parts (kind, ordinal, body) VALUES (@kind, @ordinal, @body)", "@kind", "@ordinal", "@body");
        for (var i = 0; i < snapshot.Parts.Count; i++)
            part.Bind(snapshot.Parts[i].Kind, i, snapshot.Parts[i].Body).Execute();
    }

    public LinkState? State()
    {
        using var statement = new PreparedStatement(connection, transaction, "SELECT inputs, linked_at, pages, claims, conflicts FROM link_state WHERE id = 1");
        using var reader = statement.Query();
        if (!reader.Read())
            return null;
        return new LinkState(
            reader.GetString(0),
            DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
            Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture),
            Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture));
    }

    public LinkSnapshot? Load()
    {
        if (State() is not { } state)
            return null;
        var pages = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using (var statement = new PreparedStatement(connection, transaction, "SELECT claim_id, doc_id FROM claim_pages ORDER BY claim_id, doc_id"))
        using (var reader = statement.Query())
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (!pages.TryGetValue(id, out var list))
                    pages[id] = list = [];
                list.Add(reader.GetString(1));
            }
        }

        var claims = new List<StoredClaim>(state.Claims);
        using (var statement = new PreparedStatement(connection, transaction,
            "SELECT id, family, measure, unit, scope, side_key, side, value, date, reports, body FROM claims ORDER BY ordinal"))
        using (var reader = statement.Query())
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                claims.Add(new StoredClaim(
                    id, reader.GetString(1), reader.GetString(2), reader.GetString(3), Text(reader, 4), reader.GetString(5), reader.GetString(6),
                    reader.GetDouble(7), Text(reader, 8), Convert.ToInt32(reader.GetValue(9), CultureInfo.InvariantCulture),
                    pages.GetValueOrDefault(id) ?? [], reader.GetString(10)));
            }
        }

        var parts = new List<LinkPart>();
        using (var statement = new PreparedStatement(connection, transaction, "SELECT kind, body FROM link_parts ORDER BY ordinal"))
        using (var reader = statement.Query())
        {
            while (reader.Read())
                parts.Add(new LinkPart(reader.GetString(0), reader.GetString(1)));
        }

        return new LinkSnapshot(state, claims, parts);
    }

    private static string? Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}
