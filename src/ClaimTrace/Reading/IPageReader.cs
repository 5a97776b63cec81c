namespace ClaimTrace;

/// <summary>
/// Reads one container (a file or a stream) into pages. Implementations never throw for bad input:
/// a broken record becomes a <see cref="ReadFailure"/> and reading goes on with the next one.
/// </summary>
public interface IPageReader
{
    IEnumerable<ReadResult> Read(string source, Stream stream);
}
