namespace ClaimTrace;

internal enum QuantityTokenKind
{
    Number,
    Word,
    Symbol,
}

/// <summary>
/// A token of a sentence as the quantity parser sees it. <see cref="Glued"/> says no space separates it from
/// the token before, which is what tells "T-55" (a name) from "10 - 15" or "5th" (an ordinal) from "5 th".
/// </summary>
internal readonly record struct QuantityToken(QuantityTokenKind Kind, int Start, int End, bool Glued)
{
    public int Length => End - Start;
}

/// <summary>
/// Splits a sentence into numbers (digits with inner thousands separators or a decimal point), words (letters)
/// and single symbols. Hand-written so a page costs one pass and no regex.
/// </summary>
internal static class QuantityTokenizer
{
    public static void Tokenize(string text, int start, int end, List<QuantityToken> tokens)
    {
        tokens.Clear();
        var i = start;
        var previousEnd = -1;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var tokenStart = i;
            QuantityTokenKind kind;
            // ".500", ".534": a decimal written without its leading zero, the dot standing after a space or bracket.
            var bareDecimal = c == '.' && i + 1 < end && char.IsAsciiDigit(text[i + 1]) && (i == start || char.IsWhiteSpace(text[i - 1]) || text[i - 1] == '(');
            if (char.IsAsciiDigit(c) || bareDecimal)
            {
                kind = QuantityTokenKind.Number;
                i++;
                while (i < end)
                {
                    if (char.IsAsciiDigit(text[i]))
                        i++;
                    else if ((text[i] == ',' || text[i] == '.') && i + 1 < end && char.IsAsciiDigit(text[i + 1]))
                        i += 2;
                    else
                        break;
                }
            }
            else if (char.IsLetter(c))
            {
                kind = QuantityTokenKind.Word;
                i++;
                // Letters only: "RM23.50", "USD10m", "G20" are a word and a glued number, so a currency code
                // before a figure is read and a model name ("G20") is told apart by the glue.
                while (i < end && (char.IsLetter(text[i]) || (IsApostrophe(text[i]) && i + 1 < end && char.IsLetter(text[i + 1]))))
                    i++;
            }
            else
            {
                kind = QuantityTokenKind.Symbol;
                i++;
            }

            tokens.Add(new QuantityToken(kind, tokenStart, i, previousEnd == tokenStart));
            previousEnd = i;
        }
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’';
}
