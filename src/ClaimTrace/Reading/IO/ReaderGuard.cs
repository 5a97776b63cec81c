namespace ClaimTrace;

/// <summary>
/// The last line of defence behind <see cref="IPageReader"/>'s promise never to throw: an exception a reader
/// did not turn into a failure itself (a disk error mid-file, a bug) ends that input with one failure, and
/// the batch goes on with the next input.
/// </summary>
internal static class ReaderGuard
{
    public static IEnumerable<ReadResult> Guard(string source, IEnumerable<ReadResult> results)
    {
        IEnumerator<ReadResult>? enumerator = null;
        try
        {
            while (true)
            {
                ReadResult current = default;
                ReadFailure? failure = null;
                var more = false;
                try
                {
                    enumerator ??= results.GetEnumerator();
                    more = enumerator.MoveNext();
                    if (more)
                        current = enumerator.Current;
                }
                catch (Exception e)
                {
                    failure = FailureFor(source, e);
                }

                if (failure is not null)
                {
                    yield return ReadResult.Fail(failure);
                    yield break;
                }

                if (!more)
                    yield break;
                yield return current;
            }
        }
        finally
        {
            try
            {
                enumerator?.Dispose();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // Closing a broken input can fail again; the first failure was already reported.
            }
        }
    }

    public static ReadFailure FailureFor(string source, Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => new ReadFailure(source, null, FailureKind.NotFound, e.Message),
        IOException or UnauthorizedAccessException => new ReadFailure(source, null, FailureKind.Io, "read error: " + e.Message),
        InvalidDataException => new ReadFailure(source, null, FailureKind.Malformed, "corrupt data: " + e.Message),
        _ => new ReadFailure(source, null, FailureKind.Malformed, $"reader error ({e.GetType().Name}): {e.Message}"),
    };
}
