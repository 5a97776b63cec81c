using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ClaimTrace.Web;

/// <summary>A file of an upload, saved to a temporary file under the name the browser gave (cleaned).</summary>
public sealed record UploadedFile(string Name, string TempPath, long Bytes);

/// <summary>An upload that is larger than <see cref="WebOptions.MaxUploadBytes"/> allows, for one file or in all.</summary>
public sealed class UploadTooLargeException(string message) : Exception(message);

/// <summary>An upload that is not a multipart form with files.</summary>
public sealed class UploadFormatException(string message) : Exception(message);

/// <summary>
/// Reads a multipart upload section by section, straight to temporary files, counting bytes as they arrive: a whole
/// upload is never held in memory, and one over the limit is refused as soon as it crosses it, not after.
/// </summary>
internal static class UploadReader
{
    private const int LongestName = 200;

    /// <summary>Saves every file part into <paramref name="folder"/> (which the caller deletes); form fields are ignored.</summary>
    public static async Task<IReadOnlyList<UploadedFile>> SaveAsync(HttpRequest request, long maxBytes, string folder, CancellationToken cancel)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new UploadFormatException("send the files as multipart/form-data (an HTML form with enctype=\"multipart/form-data\", or curl -F file=@page.html)");
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
            throw new UploadFormatException("the multipart form has no boundary");

        // The server's own cap is a backstop a little above ours (the form's headers and boundaries take some bytes);
        // ours counts file bytes only, so it answers with a clear problem first.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = maxBytes + (1024 * 1024);

        var reader = new MultipartReader(boundary, request.Body);
        var files = new List<UploadedFile>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        while (await reader.ReadNextSectionAsync(cancel) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
                continue;
            var name = Unique(CleanName(disposition.FileNameStar.Value ?? disposition.FileName.Value), names);
            var path = Path.Combine(folder, files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            long bytes = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                var chunk = new byte[64 * 1024];
                int read;
                while ((read = await section.Body.ReadAsync(chunk, cancel)) > 0)
                {
                    bytes += read;
                    total += read;
                    if (bytes > maxBytes)
                        throw new UploadTooLargeException($"{name} is larger than the limit of {Describe(maxBytes)} per file");
                    if (total > maxBytes)
                        throw new UploadTooLargeException($"the upload is larger than the limit of {Describe(maxBytes)} for all its files together (at {name})");
                    await file.WriteAsync(chunk.AsMemory(0, read), cancel);
                }
            }

            files.Add(new UploadedFile(name, path, bytes));
        }

        if (files.Count == 0)
            throw new UploadFormatException("the form holds no file; add one or more file fields");
        return files;
    }

    public static string Describe(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes:N0} bytes";

    /// <summary>
    /// The file's own name without any folder a browser or a client put before it, printable, without '#' (which
    /// would read as a record locator in a page's source): the name is shown back to the user and becomes part of the key.
    /// </summary>
    internal static string CleanName(string? raw)
    {
        var name = (raw ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
            clean.Append(char.IsControl(c) || c == '#' ? '_' : c);
        var result = clean.ToString().Trim().TrimStart('.');
        if (result.Length > LongestName)
            result = result[^LongestName..];
        return result.Length == 0 ? "upload" : result;
    }

    /// <summary>Two files of one upload with the same name would become versions of one document: the second gets " (2)".</summary>
    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            // Before the first dot, so a double extension (.warc.gz) still names the reader.
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            candidate = dot < 0 ? $"{name} ({n})" : $"{name[..dot]} ({n}){name[dot..]}";
        }

        return candidate;
    }
}
