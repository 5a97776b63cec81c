namespace ClaimTrace;

/// <summary>
/// Turns what a user named (files, folders, "-" for stdin) into read results, in a deterministic order:
/// folders are walked recursively, entries in ordinal name order, hidden (dot) files and folders skipped.
/// A path that does not exist or cannot be read becomes a failure; the walk goes on.
/// </summary>
/// <param name="registry">the readers</param>
/// <param name="options">the limits (the registry's readers were built with them)</param>
/// <param name="openStdin">opens standard input; called once for each "-"</param>
public sealed class SourceWalker(ReaderRegistry registry, ReadingOptions options, Func<Stream> openStdin)
{
    public const string StdinName = "stdin";

    public ReadingOptions Options { get; } = options;

    /// <summary>Files in folders that no reader handles, counted by extension, for the summary.</summary>
    public SkipTally Skipped { get; } = new();

    /// <param name="paths">files, folders, and "-" for stdin</param>
    /// <param name="format">null to choose by extension (sniffing stdin and unknown extensions); else a format forced on every input</param>
    public IEnumerable<ReadResult> Read(IReadOnlyList<string> paths, string? format)
    {
        IPageReader? forced = null;
        if (format is not null)
        {
            forced = registry.ForFormat(format);
            if (forced is null)
            {
                var known = string.Join(", ", ReaderRegistry.Formats);
                foreach (var path in paths)
                    yield return ReadResult.Fail(path == "-" ? StdinName : path, null, FailureKind.Unsupported, $"unknown format '{format}' (known: {known})");
                yield break;
            }
        }

        foreach (var path in paths)
        {
            var results = path == "-" ? ReadStdin(forced)
                : Directory.Exists(path) ? ReadFolder(path, forced)
                : File.Exists(path) ? ReadFile(path, forced ?? registry.ForPath(path))
                : [ReadResult.Fail(path, null, FailureKind.NotFound, "no such file or folder")];
            foreach (var result in results)
                yield return result;
        }
    }

    /// <summary>
    /// Reads one stream under the name it came with (an uploaded file): the reader its extension names, else the one
    /// its first bytes suggest, as for a file on disk. Disposes the stream when the results have been read.
    /// </summary>
    public IEnumerable<ReadResult> ReadNamed(string source, Stream stream)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(stream);
        return Sniffed(source, stream, registry.ForPath(source));
    }

    private IEnumerable<ReadResult> ReadStdin(IPageReader? forced)
    {
        try
        {
            return Sniffed(StdinName, openStdin(), forced);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return [ReadResult.Fail(StdinName, null, FailureKind.Io, "cannot read standard input: " + e.Message)];
        }
    }

    private IEnumerable<ReadResult> ReadFile(string path, IPageReader? reader)
    {
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
            return Sniffed(path, stream, reader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return [ReadResult.Fail(ReaderGuard.FailureFor(path, e))];
        }
    }

    /// <summary>Reads a stream with the given reader, or with the one its first bytes suggest; disposes the stream after.</summary>
    private IEnumerable<ReadResult> Sniffed(string source, Stream stream, IPageReader? reader)
    {
        using (stream)
        {
            var input = stream;
            if (reader is null)
            {
                byte[] head = [];
                ReadFailure? failure = null;
                try
                {
                    input = PeekedStream.Peek(stream, ContainerSniffer.HeadBytes, out head);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    failure = ReaderGuard.FailureFor(source, e);
                }

                if (failure is not null)
                {
                    yield return ReadResult.Fail(failure);
                    yield break;
                }

                reader = ContainerSniffer.Sniff(head) is { } format ? registry.ForFormat(format)! : registry.SinglePage;
            }

            foreach (var result in reader.Read(source, input))
                yield return result;
        }
    }

    /// <summary>Depth-first, each folder's entries in ordinal name order, a sub-folder walked where its name falls.</summary>
    private IEnumerable<ReadResult> ReadFolder(string root, IPageReader? forced)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var open = new Stack<FolderListing>();
        var first = List(root, visited, out var failure);
        if (failure is not null)
        {
            yield return ReadResult.Fail(failure);
            yield break;
        }

        open.Push(first);
        while (open.Count > 0)
        {
            var listing = open.Peek();
            if (listing.Next == listing.Entries.Count)
            {
                open.Pop();
                continue;
            }

            var (path, isFolder) = listing.Entries[listing.Next++];
            if (!isFolder)
            {
                foreach (var result in FolderEntry(path, forced))
                    yield return result;
                continue;
            }

            var inner = List(path, visited, out failure);
            if (failure is not null)
                yield return ReadResult.Fail(failure);
            else
                open.Push(inner);
        }
    }

    private IEnumerable<ReadResult> FolderEntry(string path, IPageReader? forced)
    {
        var reader = forced ?? registry.ForPath(path);
        if (reader is null)
        {
            Skipped.Add(path);
            return [];
        }

        return ReadFile(path, reader);
    }

    /// <summary>A folder's visible entries in ordinal name order; symbolic links to folders already walked are left out.</summary>
    private static FolderListing List(string folder, HashSet<string> visited, out ReadFailure? failure)
    {
        failure = null;
        try
        {
            var real = new DirectoryInfo(folder).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(folder);
            if (!visited.Add(real))
                return new FolderListing([]);
            var entries = new List<(string, bool)>();
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
            {
                if (entry.Name.StartsWith('.'))
                    continue;
                entries.Add((Path.Combine(folder, entry.Name), entry is DirectoryInfo));
            }

            entries.Sort((a, b) => string.CompareOrdinal(Path.GetFileName(a.Item1), Path.GetFileName(b.Item1)));
            return new FolderListing(entries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            failure = new ReadFailure(folder, null, FailureKind.Io, "cannot list the folder: " + e.Message);
            return new FolderListing([]);
        }
    }

    private sealed class FolderListing(List<(string Path, bool IsFolder)> entries)
    {
        public List<(string Path, bool IsFolder)> Entries { get; } = entries;

        public int Next { get; set; }
    }
}
