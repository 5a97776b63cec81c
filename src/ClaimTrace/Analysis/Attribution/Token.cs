namespace ClaimTrace;

/// <summary>A word or a punctuation mark of a sentence, by offsets into the page text.</summary>
internal readonly record struct Token(int Start, int End, bool IsWord)
{
    public int Length => End - Start;
}

/// <summary>
/// Cuts a sentence into words (letters, digits and the apostrophes and hyphens inside them) and single
/// punctuation marks. Reuses one list, so a page costs no allocation per sentence.
/// </summary>
internal static class Tokenizer
{
    public static void Tokenize(string text, int start, int end, List<Token> into)
    {
        into.Clear();
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                into.Add(new Token(i, i + 1, false));
                i++;
                continue;
            }

            var j = i + 1;
            while (j < end)
            {
                var d = text[j];
                if (char.IsLetterOrDigit(d))
                {
                    j++;
                }
                else if (d is '\'' or '’' or '-' or '.' or ',' && j + 1 < end && char.IsLetterOrDigit(text[j + 1]) && (d != ',' || char.IsDigit(text[j - 1])))
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            into.Add(new Token(i, j, true));
            i = j;
        }
    }
}

internal static class WordSetLookups
{
    /// <summary>Membership of a slice of the page, without copying it out.</summary>
    public static bool Has(this HashSet<string> set, ReadOnlySpan<char> word) => set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
}
