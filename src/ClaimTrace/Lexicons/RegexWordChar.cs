using System.Globalization;

namespace ClaimTrace;

/// <summary>
/// The character class <c>[\p{L}\p{N}]</c> as the regex engine applies it to one UTF-16 unit. Hand-written scanners
/// that replace a regular expression use it so they match exactly what the pattern matched.
/// </summary>
internal static class RegexWordChar
{
    public static bool Is(char c)
    {
        if (char.IsAsciiLetterOrDigit(c))
            return true;
        if (c < 128)
            return false;
        return char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }
}
