namespace ClaimTrace.Web.E2E.Support;

/// <summary>All end-to-end tests share one server and browser: starting them (ingest included) costs seconds.</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "web";
}
