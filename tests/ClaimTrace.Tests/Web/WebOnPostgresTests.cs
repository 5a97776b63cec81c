namespace ClaimTrace.Tests.Web;

/// <summary><c>claimtrace serve</c> on a PostgreSQL server: the same API over the seeds, and changes from elsewhere seen.</summary>
[Collection(StoreCollection.Name)]
public sealed class WebOnPostgresTests
{
    [Fact]
    public async Task Search_claims_and_a_dossier_answer_from_a_postgres_database_and_an_ingest_elsewhere_is_seen()
    {
        var database = PostgresServer.NewDatabase();
        try
        {
            await using (var web = await TestWeb.Start(o => o with { Database = database }, TestWeb.IngestSeeds))
            {
                var search = await web.Json("/api/search?q=96.5");
                Assert.True(search.GetProperty("total").GetInt32() > 0);
                Assert.Contains(search.GetProperty("items").EnumerateArray(), h => h.GetProperty("speaker").GetString() == "Mikhail Mizintsev");

                var claims = await web.Json("/api/claims?limit=200");
                var id = claims.GetProperty("items").EnumerateArray().First().GetProperty("id").GetString()!;
                var dossier = await web.Json("/api/claims/" + id);
                Assert.Equal(id, dossier.GetProperty("claims")[0].GetProperty("id").GetString());
                using (var page = await web.Client.GetAsync("/claims/" + id, TestContext.Current.CancellationToken))
                    Assert.True(page.IsSuccessStatusCode);

                // Another machine ingests a page: the next search sees it (the change counter moved).
                Assert.Equal(0, (await web.Json("/api/search?q=zanzibarian")).GetProperty("total").GetInt32());
                using (var other = PostgresPageStore.Open(database))
                    other.SaveBatch([PageBuilder.For("elsewhere").WithText("A zanzibarian page stored by another machine.").Build()], []);
                Assert.Equal(1, (await web.Json("/api/search?q=zanzibarian")).GetProperty("total").GetInt32());
            }
        }
        finally
        {
            PostgresServer.Drop(database);
        }
    }
}
