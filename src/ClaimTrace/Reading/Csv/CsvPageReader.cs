namespace ClaimTrace;

/// <summary>
/// A CSV file of articles, one per row, with a header naming the columns (see Data/reading/container-fields.tsv:
/// content|text|body, url, domain|outlet|source|site, title, authors, published|date, scraped_at...). Each row
/// becomes a page whose text is its content cell, source <c>file.csv#row=N</c> (N counts data rows from 1).
/// </summary>
public sealed class CsvPageReader(ReadingOptions options) : IPageReader
{
    private const string Origin = "container:csv";

    public IEnumerable<ReadResult> Read(string source, Stream stream) => ReaderGuard.Guard(source, ReadCore(source, stream));

    private IEnumerable<ReadResult> ReadCore(string source, Stream stream)
    {
        var input = ContainerText.OpenUtf8(stream);
        if (ContainerText.BinaryReason(input) is { } binary)
        {
            yield return ReadResult.Fail(source, null, FailureKind.Binary, binary);
            yield break;
        }

        var parser = new CsvRecordParser(input, options.MaxRecordBytes);
        var record = new CsvRecord();
        var status = parser.Next(record);
        while (status == CsvStatus.Record && record.IsBlank)
            status = parser.Next(record);

        var header = ReadHeader(source, parser, record, status, out var headerFailure);
        if (header is null)
        {
            yield return ReadResult.Fail(headerFailure!);
            yield break;
        }

        var row = 0;
        while (true)
        {
            status = parser.Next(record);
            if (status == CsvStatus.End)
                yield break;
            if (status == CsvStatus.UnclosedQuote)
            {
                row++;
                var line = parser.OpenQuoteLine;
                yield return ReadResult.Fail(RowSource(source, row), $"line {line}", FailureKind.Malformed,
                    $"row {row}: a quote opened on line {line} is never closed, so the rest of the file cannot be split into rows");
                yield break;
            }

            if (record.IsBlank)
                continue;
            row++;
            yield return ReadRow(source, row, record, header);
        }
    }

    private static string RowSource(string source, int row) => $"{source}#row={row}";

    private CsvHeader? ReadHeader(string source, CsvRecordParser parser, CsvRecord record, CsvStatus status, out ReadFailure? failure)
    {
        failure = status switch
        {
            CsvStatus.End => new ReadFailure(source, null, FailureKind.Empty, "empty: no header row"),
            CsvStatus.UnclosedQuote => new ReadFailure(source, $"line {parser.OpenQuoteLine}", FailureKind.Malformed,
                $"header: a quote opened on line {parser.OpenQuoteLine} is never closed"),
            _ when record.Overflow => new ReadFailure(source, "line 1", FailureKind.TooLarge,
                $"header: {ByteSize.Format(record.Bytes)} is over {options.RecordLimitText}"),
            _ => null,
        };
        if (failure is not null)
            return null;

        var header = CsvHeader.From(record);
        if (!header.HasContent)
        {
            var expected = string.Join(", ", ContainerFields.Default.NamesOf(ContainerField.Content));
            failure = new ReadFailure(source, $"line {record.Line}", FailureKind.Malformed,
                $"no content column (expected one of {expected}); the header has: {string.Join(", ", header.Names)}");
            return null;
        }

        return header;
    }

    private ReadResult ReadRow(string source, int row, CsvRecord record, CsvHeader header)
    {
        var rowSource = RowSource(source, row);
        var location = $"line {record.Line}";
        if (record.Overflow)
        {
            return ReadResult.Fail(rowSource, location, FailureKind.TooLarge,
                $"row {row}: {ByteSize.Format(record.Bytes)} is over {options.RecordLimitText}");
        }

        var warnings = new List<string>();
        var values = new ContainerValues();
        var content = -1;
        var contentRank = int.MaxValue;
        foreach (var column in header.Columns)
        {
            var cell = record.Cell(column.Index);
            if (cell.IsEmpty || cell.Trim(" \t\r\n"u8).IsEmpty)
                continue;
            if (column.Field == ContainerField.Content)
            {
                if (column.Rank < contentRank)
                    (content, contentRank) = (column.Index, column.Rank);
                continue;
            }

            values.Offer(column.Field, column.Rank, ContainerText.Decode(cell, column.Name, warnings));
        }

        if (content < 0)
            return ReadResult.Fail(rowSource, location, FailureKind.Empty, $"row {row}: no content");

        var bytes = record.Cell(content);
        if (bytes.Length > options.MaxPageBytes)
        {
            return ReadResult.Fail(rowSource, location, FailureKind.TooLarge,
                $"row {row}: the content is {ByteSize.Format(bytes.Length)}, over {options.PageLimitText}");
        }

        var decoded = TextDecoder.Decode(bytes, null, sniffHtmlMeta: false);
        if (decoded.Text is not { } text)
            return ReadResult.Fail(rowSource, location, decoded.Kind ?? FailureKind.Encoding, $"row {row}: content {decoded.Reason}");
        if (text.Warning is not null)
            warnings.Add("content: " + text.Warning);
        if (record.TextAfterQuote)
            warnings.Add("a cell has text after its closing quote; kept as part of the cell");

        return ReadResult.Ok(new RawPage
        {
            Source = rowSource,
            Text = text.Text,
            DeclaredCharset = text.Encoding == Charsets.Utf8.Name ? null : text.Encoding,
            Container = values.ToMetadata(Origin, warnings),
            Warnings = warnings,
        });
    }
}

/// <summary>The header's columns that fill a page field, with their priority; unknown columns are ignored.</summary>
internal sealed class CsvHeader
{
    private CsvHeader(IReadOnlyList<string> names, IReadOnlyList<CsvColumn> columns)
    {
        Names = names;
        Columns = columns;
    }

    public IReadOnlyList<string> Names { get; }

    public IReadOnlyList<CsvColumn> Columns { get; }

    public bool HasContent => Columns.Any(c => c.Field == ContainerField.Content);

    public static CsvHeader From(CsvRecord record)
    {
        var names = new List<string>(record.CellCount);
        var columns = new List<CsvColumn>();
        var ignored = new List<string>();
        for (var i = 0; i < record.CellCount; i++)
        {
            var name = ContainerText.Decode(record.Cell(i), "header", ignored).Trim();
            names.Add(name);
            if (ContainerFields.Default.TryFind(name, out var field, out var rank))
                columns.Add(new CsvColumn(i, name, field, rank));
        }

        return new CsvHeader(names, columns);
    }
}

internal readonly record struct CsvColumn(int Index, string Name, ContainerField Field, int Rank);
