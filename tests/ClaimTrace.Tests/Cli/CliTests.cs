using System.Text.Json;

namespace ClaimTrace.Tests;

public sealed class CliTests
{
    private const string Report = """
        Lakeside (NWA) – The governor said on Monday that 1,200 homes were rebuilt, officials reported.

        “We will finish the work this year,” she told reporters at the briefing, according to the agency.

        The ministry added that 40 schools had reopened since the spring, the statement noted.
        """;

    [Fact]
    public void Ingesting_the_same_files_twice_stores_nothing_new()
    {
        using var cli = new CliHarness();
        cli.Write("pages/a.txt", Report);
        cli.Write("pages/b.txt", Report.Replace("1,200", "1,300", StringComparison.Ordinal));

        Assert.Equal(0, cli.Run("ingest", Path.Combine(cli.Folder, "pages"), "--db", cli.Database, "--quiet"));
        Assert.Equal(0, cli.Run("ingest", Path.Combine(cli.Folder, "pages"), "--db", cli.Database, "--quiet"));

        using var store = SqlitePageStore.Open(cli.Database);
        Assert.Equal(2, store.Counts().Documents);
        Assert.Equal(2, store.Counts().Versions);
    }

    [Fact]
    public void A_batch_with_bad_files_reports_each_one_stores_the_good_ones_and_exits_with_one()
    {
        using var cli = new CliHarness();
        cli.Write("in/good.txt", Report);
        cli.Write("in/empty.txt", "");
        cli.Write("in/image.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);
        cli.Write("in/broken.jsonl", "{\"url\": \"http://x.test/1\", \"content\": \"A page about things that happened.\"}\n{not json\n");

        var code = cli.Run("ingest", Path.Combine(cli.Folder, "in"), "--db", cli.Database, "--quiet");

        Assert.Equal(ExitCodesForTests.SomeInputsFailed, code);
        Assert.Contains("empty.txt", cli.Error, StringComparison.Ordinal);
        Assert.Contains("image.html", cli.Error, StringComparison.Ordinal);
        Assert.Contains("broken.jsonl", cli.Error, StringComparison.Ordinal);
        using var store = SqlitePageStore.Open(cli.Database);
        Assert.Equal(2, store.Counts().Documents);
        Assert.Equal(3, store.Counts().Failures);
    }

    [Fact]
    public void Extract_json_carries_the_source_the_text_and_segments_whose_offsets_point_into_it()
    {
        using var cli = new CliHarness();
        var path = cli.Write("report.txt", Report);

        Assert.Equal(0, cli.Run("extract", path, "--json"));

        var line = cli.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single();
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        Assert.Equal(ExtractionJson.Schema, root.GetProperty("schema").GetString());
        Assert.Equal(path, root.GetProperty("source").GetString());
        var text = root.GetProperty("text").GetString()!;
        Assert.Equal(Report, text);
        var article = root.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "article");
        Assert.StartsWith("Lakeside", text[article.GetProperty("start").GetInt32()..article.GetProperty("end").GetInt32()], StringComparison.Ordinal);
        Assert.Equal("NWA", root.GetProperty("metadata").GetProperty("outlet").GetProperty("value").GetString());
    }

    [Fact]
    public void Extract_reads_standard_input_when_given_a_dash()
    {
        using var cli = new CliHarness();
        Assert.Equal(0, cli.Run(System.Text.Encoding.UTF8.GetBytes(Report), "extract", "-", "--json"));
        Assert.Contains("\"source\":\"stdin\"", cli.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_piped_through_standard_input_are_known_by_their_content()
    {
        using var cli = new CliHarness();
        var first = System.Text.Encoding.UTF8.GetBytes(Report);
        var second = System.Text.Encoding.UTF8.GetBytes(Report.Replace("1,200", "1,300", StringComparison.Ordinal));

        Assert.Equal(0, cli.Run(first, "ingest", "-", "--db", cli.Database, "--quiet"));
        Assert.Equal(0, cli.Run(first, "ingest", "-", "--db", cli.Database, "--quiet"));
        Assert.Equal(0, cli.Run(second, "ingest", "-", "--db", cli.Database, "--quiet"));

        using var store = SqlitePageStore.Open(cli.Database);
        Assert.Equal(2, store.Counts().Documents);
        Assert.Equal(2, store.Counts().Versions);
    }

    [Fact]
    public void Show_of_an_unknown_document_says_so_and_exits_with_three()
    {
        using var cli = new CliHarness();
        cli.Write("a.txt", Report);
        Assert.Equal(0, cli.Run("ingest", Path.Combine(cli.Folder, "a.txt"), "--db", cli.Database, "--quiet"));

        Assert.Equal(ExitCodesForTests.Failed, cli.Run("show", "ffffffffffff", "--db", cli.Database));
        Assert.Contains("no document", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_prints_the_page_with_its_segments_and_json_on_request()
    {
        using var cli = new CliHarness();
        var path = cli.Write("a.txt", Report);
        Assert.Equal(0, cli.Run("ingest", path, "--db", cli.Database, "--quiet"));
        var id = PageIds.FromKey(Path.GetFullPath(path));

        Assert.Equal(0, cli.Run("show", id[..6], "--db", cli.Database));
        Assert.Contains("article", cli.Console, StringComparison.Ordinal);
        Assert.Equal(0, cli.Run("show", id, "--db", cli.Database, "--json"));
        Assert.Contains(id, cli.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_commands_do_not_create_a_database_that_is_not_there()
    {
        using var cli = new CliHarness();
        Assert.Equal(ExitCodesForTests.Failed, cli.Run("docs", "--db", cli.Database));
        Assert.False(File.Exists(cli.Database));
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_with_exit_code_two()
    {
        using var cli = new CliHarness();
        Assert.Equal(ExitCodesForTests.Usage, cli.Run("ingest", "--no-such-option", "x"));
        Assert.Contains("--no-such-option", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_ingests_the_sample_corpus_into_a_fresh_database()
    {
        using var cli = new CliHarness();
        var database = Path.Combine(cli.Folder, "demo.db");

        Assert.Equal(0, cli.Run("demo", "--db", database));
        Assert.Equal(0, cli.Run("demo", "--db", database));

        using var store = SqlitePageStore.Open(database);
        var counts = store.Counts();
        Assert.True(counts.Documents >= 10, $"the sample has about a dozen pages, {counts.Documents} stored");
        Assert.Equal(counts.Documents, counts.Versions);
        Assert.Equal(0, counts.Failures);
        Assert.Contains(store.ListDocuments(new DocumentQuery(0, 100)), d => d.CommentCount > 0);
    }
}

internal static class ExitCodesForTests
{
    public const int SomeInputsFailed = ClaimTrace.Cli.ExitCodes.SomeInputsFailed;
    public const int Usage = ClaimTrace.Cli.ExitCodes.Usage;
    public const int Failed = ClaimTrace.Cli.ExitCodes.Failed;
}
