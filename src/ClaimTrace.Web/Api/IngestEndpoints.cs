using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClaimTrace.Web;

/// <summary>
/// <c>POST /api/ingest</c> (multipart upload of one or more files, in the CLI's formats) and <c>GET /api/ingest/{id}</c>
/// (an upload's progress and outcome).
/// </summary>
internal static class IngestEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/ingest", Upload)
            .WithName("Ingest")
            .WithSummary("Upload files (.txt .html .csv .jsonl .warc .warc.gz) to store their pages")
            .WithDescription("multipart/form-data with one or more file fields. Answers when the pages are stored, with the pages stored and an " +
                "error per rejected file or record; wait=false answers at once with 202 and the job, to poll at GET /api/ingest/{id}. " +
                "Files over the upload limit (per file and for the whole upload) get 413.")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<UploadStatus>()
            .Produces<UploadStatus>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .DisableAntiforgery();
        api.MapGet("/ingest/{id}", Status)
            .WithName("GetIngest")
            .WithSummary("An upload's progress and, once done, its outcome")
            .Produces<UploadStatus>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Upload(HttpRequest request, WebOptions options, IngestJobs jobs, bool? wait, CancellationToken cancel)
    {
        var (job, refusal) = await Receive(request, options, jobs, cancel);
        if (job is null)
            return Problems.Result(refusal!.Status, refusal.Title, refusal.Detail);
        if (wait == false)
            return TypedResults.Accepted($"/api/ingest/{job.Id}", job.Status());
        // The job goes on if the client leaves: its pages are worth storing, and GET /api/ingest/{id} still tells how it went.
        await job.Completion.WaitAsync(cancel);
        return TypedResults.Ok(job.Status());
    }

    /// <summary>
    /// Saves an upload's files and starts storing them, or says why the whole upload is refused. Shared by the API and
    /// the ingest page's form, so both take uploads by the same rules.
    /// </summary>
    internal static async Task<(IngestJob? Job, UploadRefusal? Refusal)> Receive(HttpRequest request, WebOptions options, IngestJobs jobs, CancellationToken cancel)
    {
        // multipart/form-data is a "simple" request a page of any site could send to this address; only this server's
        // own pages (and clients that send no Origin, like curl) may store things.
        if (request.Headers.Origin is { Count: > 0 } origin && !SameOrigin(origin.ToString(), request))
            return (null, new UploadRefusal(StatusCodes.Status403Forbidden, "Upload from another site", $"Uploads are only taken from this server's own pages, not from {origin}."));

        var folder = Directory.CreateTempSubdirectory("claimtrace-upload-").FullName;
        IReadOnlyList<UploadedFile> files;
        try
        {
            files = await UploadReader.SaveAsync(request, options.MaxUploadBytes, folder, cancel);
        }
        catch (Exception e) when (e is UploadTooLargeException or UploadFormatException or InvalidDataException or BadHttpRequestException)
        {
            Directory.Delete(folder, recursive: true);
            return (null, e switch
            {
                UploadTooLargeException => new UploadRefusal(StatusCodes.Status413PayloadTooLarge, "Upload too large", e.Message),
                BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new UploadRefusal(StatusCodes.Status413PayloadTooLarge,
                    "Upload too large", $"the upload is larger than the limit of {UploadReader.Describe(options.MaxUploadBytes)}"),
                UploadFormatException when !(request.ContentType ?? "").StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) =>
                    new UploadRefusal(StatusCodes.Status415UnsupportedMediaType, "Not a file upload", e.Message),
                _ => new UploadRefusal(StatusCodes.Status400BadRequest, "Malformed upload", e.Message),
            });
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }

        return (jobs.Start(files, folder), null);
    }

    private static IResult Status(IngestJobs jobs, string id) =>
        jobs.Find(id) is { } job
            ? TypedResults.Ok(job.Status())
            : Problems.Result(StatusCodes.Status404NotFound, "No such upload", $"There is no upload '{id}' (uploads are remembered until the server restarts).");

    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Why a whole upload was refused before anything was stored: the HTTP status, a title and the detail for the user.</summary>
internal sealed record UploadRefusal(int Status, string Title, string Detail);
