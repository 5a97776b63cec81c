using Npgsql;

namespace ClaimTrace;

/// <summary>How a PostgreSQL database is named, shown and explained when it fails.</summary>
internal static class PostgresConnection
{
    /// <summary>
    /// A connection string, or a <c>postgres://user:password@host:port/database?sslmode=...</c> URL turned into one.
    /// Throws <see cref="StoreException"/> for text that is neither (without repeating it: it may hold a password).
    /// </summary>
    public static NpgsqlConnectionStringBuilder Parse(string database)
    {
        var text = database.Trim();
        try
        {
            var builder = text.Contains("://", StringComparison.Ordinal) ? FromUrl(text) : new NpgsqlConnectionStringBuilder(text);
            // One connection per store, closed with it: pooling would keep server sessions (and their temp tables) alive.
            builder.Pooling = false;
            builder.ApplicationName ??= "claimtrace";
            return builder;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException or KeyNotFoundException)
        {
            throw new StoreException("postgres", $"the database name is neither a PostgreSQL connection string (Host=...;Database=...) nor a postgres:// URL: {e.Message}", e);
        }
    }

    /// <summary>"postgres://user@host:port/database", the password left out, for messages and <see cref="IPageStore.Database"/>.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder settings) =>
        $"postgres://{(settings.Username is { Length: > 0 } user ? user + "@" : "")}{settings.Host ?? "localhost"}:{settings.Port}/{settings.Database ?? settings.Username ?? ""}";

    /// <summary>What went wrong, in the server's words when it gave some (they never carry the password).</summary>
    public static string Explain(Exception e) => e switch
    {
        PostgresException p => $"{p.MessageText} (SQLSTATE {p.SqlState})",
        NpgsqlException { InnerException: { } inner } => $"{e.Message} ({inner.Message})",
        _ => e.Message,
    };

    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        var uri = new Uri(url);
        if (uri.Scheme is not ("postgres" or "postgresql"))
            throw new FormatException($"the scheme '{uri.Scheme}' is not postgres://");
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Length > 0 ? uri.Host : "localhost" };
        if (uri.Port > 0)
            builder.Port = uri.Port;
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
            builder.Database = database;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1)
                builder.Password = Uri.UnescapeDataString(parts[1]);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            // Unix socket folders are named as ?host=/run/postgresql, as libpq takes them.
            builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
        }

        return builder;
    }
}
