namespace ClaimTrace.Tests;

/// <summary>The contract on a real PostgreSQL server (a database per store), plus what only PostgreSQL has.</summary>
[Collection(StoreCollection.Name)]
public sealed class PostgresPageStoreTests : PageStoreContract<PostgresPageStore>
{
    private readonly List<string> made = [];

    protected override PostgresPageStore CreateStore()
    {
        var database = PostgresServer.NewDatabase();
        made.Add(database);
        return PostgresPageStore.Open(database, Time);
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var database in made)
            PostgresServer.Drop(database);
        base.Dispose(disposing);
    }

    [Fact]
    public void Opening_creates_the_schema_and_names_the_server_without_the_password()
    {
        var database = PostgresServer.NewDatabase();
        made.Add(database);
        var withPassword = new Npgsql.NpgsqlConnectionStringBuilder(database) { Password = "hunter2-secret" }.ConnectionString;

        using var store = PostgresPageStore.Open(withPassword, Time);

        Assert.Equal(PostgresPageStore.Migrations.Count, store.SchemaVersion);
        Assert.StartsWith("postgres://claimtrace@127.0.0.1:", store.Database, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", store.Database, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_that_does_not_answer_is_a_store_error_naming_it_without_the_password()
    {
        var error = Assert.Throws<StoreException>(() => PostgresPageStore.Open("postgres://someone:hunter2-secret@127.0.0.1:1/nowhere?Timeout=2", Time));

        Assert.Contains("postgres://someone@127.0.0.1:1/nowhere", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_name_that_is_neither_a_connection_string_nor_a_url_is_refused_without_repeating_it()
    {
        var error = Assert.Throws<StoreException>(() => PostgresPageStore.Open("Host=x;Bogus Key=hunter2-secret", Time));

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }
}
