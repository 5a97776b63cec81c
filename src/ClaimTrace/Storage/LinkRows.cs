using System.Buffers.Binary;
using System.Data.Common;
using System.Globalization;

namespace ClaimTrace;

/// <summary>
/// Rows of the linking tables (<c>signatures</c>, <c>copy_links</c>, schema 4): plain SQL that SQLite and
/// PostgreSQL both accept (<c>ON CONFLICT ... DO UPDATE</c>, parameters for every value).
/// </summary>
internal sealed class LinkRows(DbConnection connection, DbTransaction? transaction)
{
    private const string FingerprintColumns =
        "doc_id, version, scheme, shingle_count, signature, published, outlet, url, credit, credit_origin, credit_start, credit_end, credit_url";

    private const string LinkColumns =
        "copy_id, target, origin_id, origin_outlet, direction, credit, credit_origin, credit_start, credit_end, credit_url, "
        + "jaccard, containment, copy_shingles, origin_shingles, copy_published, origin_published";

    /// <summary>Replaces the fingerprints' rows and every link touching their pages, then stores the new links.</summary>
    public void Save(string scheme, IReadOnlyList<Fingerprint> fingerprints, IReadOnlyList<CopyLink> links)
    {
        using (var forget = new PreparedStatement(connection, transaction, "DELETE FROM copy_links WHERE copy_id = @id OR origin_id = @id", "@id"))
        {
            foreach (var f in fingerprints)
                forget.Bind(f.PageId).Execute();
        }

        using (var upsert = new PreparedStatement(connection, transaction,
            $"""
            INSERT INTO signatures ({FingerprintColumns})
            VALUES (@doc_id, @version, @scheme, @shingle_count, @signature, @published, @outlet, @url, @credit, @credit_origin, @credit_start, @credit_end, @credit_url)
            ON CONFLICT (doc_id) DO UPDATE SET
                version = excluded.version, scheme = excluded.scheme, shingle_count = excluded.shingle_count,
                signature = excluded.signature, published = excluded.published, outlet = excluded.outlet, url = excluded.url,
                credit = excluded.credit, credit_origin = excluded.credit_origin, credit_start = excluded.credit_start,
                credit_end = excluded.credit_end, credit_url = excluded.credit_url
            """,
            Names(FingerprintColumns)))
        {
            foreach (var f in fingerprints)
            {
                upsert.Bind(f.PageId, f.Version, scheme, f.ShingleCount, Pack(f.Signature), f.Published, f.Outlet, f.Url,
                    f.Credit?.Credited, f.Credit?.Origin, f.Credit?.Start, f.Credit?.End, f.Credit?.Url).Execute();
            }
        }

        using var insert = new PreparedStatement(connection, transaction,
            $"""
            INSERT INTO copy_links ({LinkColumns})
            VALUES ({string.Join(", ", Names(LinkColumns))})
            ON CONFLICT (copy_id, target) DO UPDATE SET
                origin_id = excluded.origin_id, origin_outlet = excluded.origin_outlet, direction = excluded.direction,
                credit = excluded.credit, credit_origin = excluded.credit_origin, credit_start = excluded.credit_start,
                credit_end = excluded.credit_end, credit_url = excluded.credit_url, jaccard = excluded.jaccard,
                containment = excluded.containment, copy_shingles = excluded.copy_shingles, origin_shingles = excluded.origin_shingles,
                copy_published = excluded.copy_published, origin_published = excluded.origin_published
            """,
            Names(LinkColumns));
        foreach (var l in links)
        {
            insert.Bind(l.CopyId, l.Target, l.OriginId, l.OriginOutlet, l.Direction.ToWire(),
                l.Credit?.Credited, l.Credit?.Origin, l.Credit?.Start, l.Credit?.End, l.Credit?.Url,
                l.Similarity?.Jaccard, l.Similarity?.Containment, l.Similarity?.CopyShingles, l.Similarity?.OriginShingles,
                l.CopyPublished, l.OriginPublished).Execute();
        }
    }

    public List<StoredFingerprint> LoadFingerprints()
    {
        using var statement = new PreparedStatement(connection, transaction, $"SELECT {FingerprintColumns} FROM signatures ORDER BY doc_id");
        using var reader = statement.Query();
        var list = new List<StoredFingerprint>();
        while (reader.Read())
        {
            var credit = reader.IsDBNull(8) ? null
                : new CreditEvidence(reader.GetString(8), Text(reader, 9) ?? "", Number(reader, 10), Number(reader, 11), Text(reader, 12));
            var fingerprint = new Fingerprint(reader.GetString(0), Number(reader, 1)!.Value, Number(reader, 3)!.Value,
                Unpack(reader.GetFieldValue<byte[]>(4)), Text(reader, 5), Text(reader, 6), Text(reader, 7), credit);
            list.Add(new StoredFingerprint(reader.GetString(2), fingerprint));
        }

        return list;
    }

    public List<string> Unfingerprinted(string scheme, int limit)
    {
        using var statement = new PreparedStatement(connection, transaction,
            """
            SELECT d.id FROM documents d
            LEFT JOIN signatures s ON s.doc_id = d.id AND s.version = d.current_version AND s.scheme = @scheme
            WHERE s.doc_id IS NULL
            ORDER BY d.id
            LIMIT @limit
            """,
            "@scheme", "@limit");
        using var reader = statement.Bind(scheme, limit).Query();
        var list = new List<string>();
        while (reader.Read())
            list.Add(reader.GetString(0));
        return list;
    }

    /// <summary>Current versions with a figure of a known measure outside reader comments, in id order.</summary>
    public List<DocumentVersion> Measured()
    {
        using var statement = new PreparedStatement(connection, transaction,
            """
            SELECT DISTINCT d.id, d.current_version FROM documents d
            JOIN quantities q ON q.doc_id = d.id AND q.version = d.current_version
            WHERE q.measure IS NOT NULL AND q.in_comments = 0
            ORDER BY d.id
            """);
        using var reader = statement.Bind().Query();
        var list = new List<DocumentVersion>();
        while (reader.Read())
            list.Add(new DocumentVersion(reader.GetString(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture)));
        return list;
    }

    public List<CopyLink> List(CopyLinkQuery query)
    {
        var filter = Filter(query);
        filter.Bind("@limit", query.Limit);
        filter.Bind("@offset", query.Offset);
        using var statement = new PreparedStatement(connection, transaction,
            $"SELECT {LinkColumns} FROM copy_links {filter.Clause} ORDER BY copy_id, target LIMIT @limit OFFSET @offset", filter.Names);
        using var reader = statement.Bind(filter.Values).Query();
        var list = new List<CopyLink>();
        while (reader.Read())
        {
            var credit = reader.IsDBNull(5) ? null
                : new CreditEvidence(reader.GetString(5), Text(reader, 6) ?? "", Number(reader, 7), Number(reader, 8), Text(reader, 9));
            var similarity = reader.IsDBNull(10) ? null
                : new SimilarityEvidence(reader.GetDouble(10), reader.GetDouble(11), Number(reader, 12) ?? 0, Number(reader, 13) ?? 0);
            list.Add(new CopyLink(reader.GetString(0), Text(reader, 2), Text(reader, 3), ParseDirection(reader.GetString(4)),
                credit, similarity, Text(reader, 14), Text(reader, 15)));
        }

        return list;
    }

    /// <summary>How many links <see cref="List"/> would give without its offset and limit.</summary>
    public int Count(CopyLinkQuery query)
    {
        var filter = Filter(query);
        using var statement = new PreparedStatement(connection, transaction, $"SELECT COUNT(*) FROM copy_links {filter.Clause}", filter.Names);
        using var reader = statement.Bind(filter.Values).Query();
        reader.Read();
        return Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static SqlFilter Filter(CopyLinkQuery query)
    {
        var filter = new SqlFilter();
        if (query.PageId is not null)
            filter.Where("(copy_id = @page OR origin_id = @page)", "@page", query.PageId);
        if (query.PagePairsOnly)
            filter.Where("origin_id IS NOT NULL");
        return filter;
    }

    public void Clear()
    {
        using (var links = new PreparedStatement(connection, transaction, "DELETE FROM copy_links"))
            links.Execute();
        using var signatures = new PreparedStatement(connection, transaction, "DELETE FROM signatures");
        signatures.Execute();
    }

    private static LinkDirection ParseDirection(string name) =>
        LinkDirectionNames.FromWire(name) ?? throw new InvalidDataException($"unknown copy link direction '{name}'");

    private static string[] Names(string columns) => [.. columns.Split(", ").Select(c => "@" + c.Trim())];

    private static byte[] Pack(IReadOnlyList<uint> signature)
    {
        var bytes = new byte[signature.Count * 4];
        for (var i = 0; i < signature.Count; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), signature[i]);
        return bytes;
    }

    private static uint[] Unpack(byte[] bytes)
    {
        var values = new uint[bytes.Length / 4];
        for (var i = 0; i < values.Length; i++)
            values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4));
        return values;
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static int? Number(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : Convert.ToInt32(reader.GetValue(column), CultureInfo.InvariantCulture);
}
