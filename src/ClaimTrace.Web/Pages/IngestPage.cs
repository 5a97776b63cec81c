using System.Text;

namespace ClaimTrace.Web;

/// <summary>
/// <c>/ingest</c>: upload files in the CLI's formats. The form posts to <c>/ingest</c>, which stores the files the
/// way <c>POST /api/ingest</c> does and answers with this page and the results, so it works without JavaScript;
/// <c>/static/ingest.js</c> sends the same form to the API instead and shows the upload's progress. Results list the
/// pages stored and one error per rejected file, naming it.
/// </summary>
public static class IngestPage
{
    private const int StoredListed = 200;

    /// <param name="status">the outcome of an upload just made, or null for the empty form</param>
    /// <param name="refused">why a whole upload was refused before anything was stored (too large, not a form, another site)</param>
    internal static HtmlPage Render(long maxUploadBytes, UploadStatus? status = null, UploadRefusal? refused = null)
    {
        var h = new StringBuilder(8_192);
        var limit = UploadReader.Describe(maxUploadBytes);
        h.Append("<h1>Add pages</h1>\n<p class=\"lead\">Upload news pages in any format the command line reads: plain text (<code>.txt</code>), ")
            .Append("HTML (<code>.html</code>), CSV, JSON Lines, WARC (<code>.warc</code>, <code>.warc.gz</code>). They are segmented, analysed and linked ")
            .Append("like <code>claimtrace ingest</code> does. The limit is ").Append(Html.E(limit)).Append(" per file and for one upload.</p>\n")
            .Append("<form class=\"upload\" method=\"post\" action=\"/ingest\" enctype=\"multipart/form-data\" data-testid=\"upload-form\" data-max-bytes=\"")
            .Append(maxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\">\n")
            .Append("<label>Files<input type=\"file\" name=\"files\" multiple required></label>\n")
            .Append("<div><button type=\"submit\">Upload and store</button> <span class=\"note\">Limit: ").Append(Html.E(limit)).Append("</span></div>\n</form>\n")
            .Append("<div class=\"progress\" id=\"upload-progress\" aria-live=\"polite\"><progress max=\"1\"></progress><div class=\"label note\"></div></div>\n")
            .Append("<div id=\"upload-results\">\n");
        if (refused is not null)
        {
            h.Append("<section class=\"upload-result\" data-testid=\"upload-result\">\n<h2>Nothing was stored</h2>\n")
                .Append("<div class=\"upload-error\" data-testid=\"upload-error\"><strong>").Append(Html.E(refused.Title)).Append("</strong>: ").Append(Html.E(refused.Detail))
                .Append("</div>\n</section>\n");
        }
        else if (status is not null)
        {
            Results(h, status);
        }

        h.Append("</div>\n");
        return new HtmlPage(Layout.Render("Add pages", Section.Ingest, h.ToString(), "ingest.js"), refused?.Status ?? 200);
    }

    private static void Results(StringBuilder h, UploadStatus status)
    {
        h.Append("<section class=\"upload-result\" data-testid=\"upload-result\">\n<h2>")
            .Append(status.State == IngestState.Failed ? "The upload stopped" : "Upload stored").Append("</h2>\n<p class=\"lead\">")
            .Append(Html.E($"{Html.Count(status.Added, "page")} added, {Html.Count(status.NewVersions, "new version")}, {Html.N(status.Unchanged)} unchanged; {Html.Count(status.Errors.Count, "problem")}."))
            .Append("</p>\n");
        // One error element per rejected file, naming it, with every reason given for its records (and where, unless the reason says).
        foreach (var file in status.Errors.GroupBy(e => e.File.Length == 0 ? "the upload" : e.File, StringComparer.Ordinal))
        {
            h.Append("<div class=\"upload-error\" data-testid=\"upload-error\" data-file=\"").Append(Html.E(file.Key)).Append("\"><strong>").Append(Html.E(file.Key))
                .Append("</strong>: ").Append(Html.E(string.Join("; ", file.Select(e => e.Location is null || e.Reason.Contains(e.Location, StringComparison.Ordinal) ? e.Reason : $"{e.Reason} ({e.Location})")))).Append("</div>\n");
        }

        if (status.Stored.Count > 0)
        {
            h.Append("<ul class=\"stored\">\n");
            foreach (var s in status.Stored.Take(StoredListed))
            {
                var name = s.Source.StartsWith(WebCorpus.UploadSource, StringComparison.Ordinal) ? s.Source[WebCorpus.UploadSource.Length..] : s.Source;
                h.Append("<li class=\"upload-ok\"><a href=\"").Append(Html.E(Html.DocumentHref(s.Id))).Append("\">").Append(Html.E(name)).Append("</a> \u2014 ")
                    .Append(Html.E(s.Status switch
                    {
                        IngestStatus.Added => "added",
                        IngestStatus.NewVersion => $"new version {s.Version}",
                        IngestStatus.Unchanged => "unchanged",
                        _ => "rejected",
                    })).Append("</li>\n");
            }

            if (status.Stored.Count > StoredListed)
                h.Append("<li class=\"note\">").Append(Html.E($"and {status.Stored.Count - StoredListed} more")).Append("</li>\n");
            h.Append("</ul>\n");
        }

        h.Append("</section>\n");
    }
}
