namespace ClaimTrace;

/// <summary>How reading a CSV record ended.</summary>
internal enum CsvStatus
{
    Record,
    End,

    /// <summary>A quoted cell ran to the end of the input: the quote that opened it was never closed.</summary>
    UnclosedQuote,
}

/// <summary>
/// An RFC 4180 parser over bytes, streaming: quoted cells with doubled quotes, line breaks inside quotes,
/// CRLF, LF or CR line ends. Working on bytes (the delimiters are ASCII) lets each cell be decoded on its
/// own, so one cell that is not UTF-8 does not cost the whole file. Lenient where tools disagree: a quote
/// inside an unquoted cell is kept as a character, text after a closing quote is kept.
/// </summary>
internal sealed class CsvRecordParser(ByteReader reader, long maxRecordBytes)
{
    private enum State
    {
        CellStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    private static readonly System.Buffers.SearchValues<byte> UnquotedStops = System.Buffers.SearchValues.Create(",\r\n"u8);
    private static readonly System.Buffers.SearchValues<byte> QuotedStops = System.Buffers.SearchValues.Create("\"\n"u8);

    private long _line = 1;
    private bool _skipLineFeed;

    /// <summary>The line a quoted cell that never closed was opened on (after <see cref="CsvStatus.UnclosedQuote"/>).</summary>
    public long OpenQuoteLine { get; private set; }

    public CsvStatus Next(CsvRecord record)
    {
        if (_skipLineFeed)
        {
            _skipLineFeed = false;
            var ahead = reader.Available();
            if (!ahead.IsEmpty && ahead[0] == '\n')
                reader.Advance(1);
        }

        record.Reset(_line, reader.Position);
        var state = State.CellStart;
        var started = false;
        while (true)
        {
            var span = reader.Available();
            if (span.IsEmpty)
                return Finish(record, state, started);

            var i = 0;
            while (i < span.Length)
            {
                started = true;
                switch (state)
                {
                    case State.CellStart:
                        {
                            var b = span[i];
                            if (b == '"')
                            {
                                state = State.Quoted;
                                OpenQuoteLine = _line;
                                i++;
                            }
                            else if (b == ',')
                            {
                                record.EndCell();
                                i++;
                            }
                            else if (b is (byte)'\r' or (byte)'\n')
                            {
                                return EndOfLine(record, span, i);
                            }
                            else
                            {
                                state = State.Unquoted;
                            }

                            break;
                        }

                    case State.Unquoted:
                        {
                            var stop = span[i..].IndexOfAny(UnquotedStops);
                            var run = stop < 0 ? span.Length - i : stop;
                            record.Append(span.Slice(i, run), maxRecordBytes);
                            i += run;
                            if (stop < 0)
                                break;
                            if (span[i] == ',')
                            {
                                record.EndCell();
                                state = State.CellStart;
                                i++;
                                break;
                            }

                            return EndOfLine(record, span, i);
                        }

                    case State.Quoted:
                        {
                            var stop = span[i..].IndexOfAny(QuotedStops);
                            var run = stop < 0 ? span.Length - i : stop + (span[i + stop] == '\n' ? 1 : 0);
                            record.Append(span.Slice(i, run), maxRecordBytes);
                            if (stop >= 0 && span[i + stop] == '\n')
                            {
                                _line++;
                                i += run;
                            }
                            else if (stop >= 0)
                            {
                                i += run + 1;
                                state = State.QuoteInQuoted;
                            }
                            else
                            {
                                i += run;
                            }

                            break;
                        }

                    case State.QuoteInQuoted:
                        {
                            var b = span[i];
                            if (b == '"')
                            {
                                record.Append("\""u8, maxRecordBytes);
                                state = State.Quoted;
                                i++;
                            }
                            else if (b == ',')
                            {
                                record.EndCell();
                                state = State.CellStart;
                                i++;
                            }
                            else if (b is (byte)'\r' or (byte)'\n')
                            {
                                return EndOfLine(record, span, i);
                            }
                            else
                            {
                                record.TextAfterQuote = true;
                                state = State.Unquoted;
                            }

                            break;
                        }
                }
            }

            Consume(record, i);
        }
    }

    private void Consume(CsvRecord record, int count)
    {
        reader.Advance(count);
        record.Bytes += count;
    }

    /// <summary>Ends the record at a CR or LF at <paramref name="at"/>; a CR's LF, maybe in the next buffer, is skipped later.</summary>
    private CsvStatus EndOfLine(CsvRecord record, ReadOnlySpan<byte> span, int at)
    {
        record.EndCell();
        var isCr = span[at] == '\r';
        var length = at + 1;
        if (isCr && at + 1 < span.Length && span[at + 1] == '\n')
            length++;
        else if (isCr)
            _skipLineFeed = true;
        Consume(record, at);
        reader.Advance(length - at);
        _line++;
        return CsvStatus.Record;
    }

    private static CsvStatus Finish(CsvRecord record, State state, bool started)
    {
        if (!started)
            return CsvStatus.End;
        if (state == State.Quoted)
            return CsvStatus.UnclosedQuote;
        record.EndCell();
        return CsvStatus.Record;
    }
}
