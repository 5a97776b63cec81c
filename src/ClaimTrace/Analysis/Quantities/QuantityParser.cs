using System.Globalization;

namespace ClaimTrace;

/// <summary>
/// Reads the quantities of one sentence from its tokens: qualifier, currency sign, number (digits or words),
/// scale, range, unit or counted noun. What is not a quantity is skipped here, by shape and context: years,
/// dates, times, ordinals ("the 5th Corps" is a rank, not five of anything), phone numbers, names with a number
/// ("T-55", "Resolution 2254"), list markers and numbers inside links.
/// </summary>
internal sealed class QuantityParser(QuantityLexicon lexicon)
{
    private static readonly HashSet<string> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        "January", "February", "March", "April", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    };

    private static readonly HashSet<string> YearPrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "since", "by", "from", "until", "till", "before", "after", "of", "year", "early", "late", "mid", "during", "to", "and", "through", "spring", "summer", "autumn", "fall", "winter",
    };

    private static readonly HashSet<string> OrdinalSuffixes = new(StringComparer.OrdinalIgnoreCase) { "st", "nd", "rd", "th" };

    private static readonly HashSet<string> TimeWords = new(StringComparer.OrdinalIgnoreCase) { "am", "pm", "a", "p", "GMT", "UTC", "EST", "EDT", "PST", "CET", "BST" };

    private static readonly HashSet<string> TimeZones = new(StringComparer.Ordinal) { "GMT", "UTC", "EST", "EDT", "PST", "PDT", "CET", "BST" };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "these", "those", "all", "another", "its", "their", "our", "his", "her", "some", "only", "just", "last", "first", "next", "over", "about", "nearly", "almost",
    };

    private static readonly HashSet<string> IrregularPlurals = new(StringComparer.OrdinalIgnoreCase)
    {
        "people", "children", "men", "women", "police", "personnel", "staff", "cattle", "aircraft", "livestock", "sheep", "fish", "deer", "militia", "infantry", "equipment",
    };

    /// <summary>The latest year read as a year: targets run to the end of the century and past it ("by 2120").</summary>
    private const int MaxYear = 2200;

    private static readonly HashSet<string> MoneyScaleLetters = new(StringComparer.OrdinalIgnoreCase) { "m", "bn", "b", "k", "mn", "tn" };

    private readonly QuantityLexicon _lexicon = lexicon;

    public void Parse(string text, Sentence sentence, List<QuantityToken> tokens, IReadOnlyList<TextSpan> links, List<Quantity> output)
    {
        if (!MayHoldNumber(text, tokens))
            return;
        var i = 0;
        while (i < tokens.Count)
        {
            var next = TryQuantity(text, sentence, tokens, i, links, output);
            i = next > i ? next : i + 1;
        }
    }

    /// <summary>
    /// False when no token of the sentence can begin a number (<see cref="TryNumber"/>): no digits, and no word that
    /// is a number word, "half" or a "-fold" factor. Every quantity holds a number, so such a sentence, which is most
    /// sentences of prose, is passed over without trying a quantity at each of its words.
    /// </summary>
    private bool MayHoldNumber(string text, List<QuantityToken> tokens)
    {
        foreach (var token in tokens)
        {
            if (token.Kind == QuantityTokenKind.Number)
                return true;
            var word = text.AsSpan(token.Start, token.Length);
            if (_lexicon.Numbers.ContainsKey(word) || word.Equals("half", StringComparison.OrdinalIgnoreCase) || (word.Length > 4 && word.EndsWith("fold", StringComparison.OrdinalIgnoreCase)))
                return true;
        }

        return false;
    }

    /// <summary>Tries a quantity starting at token <paramref name="i"/>; returns the token after what it consumed.</summary>
    private int TryQuantity(string text, Sentence sentence, List<QuantityToken> tokens, int i, IReadOnlyList<TextSpan> links, List<Quantity> output)
    {
        var j = i;
        string? qualifier = null;
        if (_lexicon.Qualifiers.TryMatch(text, tokens, j, out var q, out var qLength) && StartsNumber(text, tokens, j + qLength))
        {
            qualifier = q;
            j += qLength;
        }

        var between = false;
        if (IsWord(text, tokens, j, "between") && StartsNumber(text, tokens, j + 1))
        {
            between = true;
            j++;
        }

        string? unit = null;
        var prefixUnit = false;
        var prefixStart = j;
        if (_lexicon.Units.TryMatch(text, tokens, j, out var prefix, out var pLength) && prefix.Prefix && StartsNumber(text, tokens, j + pLength))
        {
            unit = prefix.Unit;
            prefixUnit = true;
            j += pLength;
        }

        if (!TryNumber(text, tokens, j, out var number))
            return i + 1;
        var negative = IsNegative(text, tokens, number.First);
        var numberStart = tokens[number.First].Start;
        if (InLink(links, numberStart))
            return number.Next;
        if (IsNotAQuantity(text, tokens, number, qualifier is not null || prefixUnit, out var skipTo))
            return Math.Max(skipTo, number.Next);

        var k = number.Next;
        var value = negative ? -number.Value : number.Value;
        var spelled = number.Spelled || between;

        k = ApplyScale(text, tokens, k, prefixUnit, ref value, ref spelled);

        // A range: "between 3 and 5", "10-15", "30 million to 35 million crowns", "252 miles to 287 miles".
        double? valueMax = null;
        var afterFirst = k;
        var firstUnitLength = 0;
        var unitAfterFirst = unit is null && TryUnit(text, tokens, k, out var firstUnit, out firstUnitLength) ? firstUnit : null;
        var rangeFrom = unitAfterFirst is null ? k : k + firstUnitLength;
        // "from 208 pounds to 193", "from $2,415 to $2,315": a span written from one end to the other is a range
        // whichever way it goes, and its second end may leave the unit unsaid.
        var fromTo = IsWord(text, tokens, i - 1, "from") && IsWord(text, tokens, rangeFrom, "to");
        // "grew sixfold to HK$3.7 billion": a factor and the level it led to, not the ends of a range.
        if (!IsMultiplier(text, tokens, number, k) && TryRangeTail(text, tokens, rangeFrom, between, out var maxNumber, out var afterMax))
        {
            var max = maxNumber.Value;
            var maxSpelled = false;
            afterMax = ApplyScale(text, tokens, afterMax, prefixUnit, ref max, ref maxSpelled);

            // "10 to 15 billion", "$89-93 billion": the first end shares the scale written after the second.
            // Going down ("from 4.3 to 3.9 billion") the first end shares it only if that keeps both ends alike.
            if (maxSpelled && value == number.Value && max / maxNumber.Value >= 1000
                && (number.Value < maxNumber.Value || (fromTo && number.Value * (max / maxNumber.Value) <= max * 10)))
                value *= max / maxNumber.Value;
            var secondUnitFits = unitAfterFirst is null || NextUnitIs(text, tokens, afterMax, unitAfterFirst) || (fromTo && !TryUnit(text, tokens, afterMax, out _, out _));
            if ((max > value || (fromTo && max < value)) && secondUnitFits)
            {
                valueMax = Math.Max(value, max);
                value = Math.Min(value, max);
                spelled |= maxSpelled;
                k = afterMax;
                if (unitAfterFirst is not null && !NextUnitIs(text, tokens, k, unitAfterFirst))
                    unit = unitAfterFirst;
            }
        }

        if (valueMax is null && unitAfterFirst is not null)
        {
            unit = unitAfterFirst;
            k = afterFirst + firstUnitLength;
        }
        else if (unit is null && TryUnit(text, tokens, k, out var tailUnit, out var tailLength))
        {
            unit = tailUnit;
            k += tailLength;
        }

        var end = tokens[k - 1].End;
        string? what = null;
        var bare = false;
        if (number.Shape == NumberShape.Ratio)
        {
            unit = "percent";
        }
        else if (number.Shape == NumberShape.Fraction && unit is null)
        {
            unit = "fraction";
        }
        else if (unit is null)
        {
            var nounFrom = IsWord(text, tokens, k, "of") ? k + 1 : k;
            if (number.Shape == NumberShape.Vague && nounFrom > k && TryUnit(text, tokens, nounFrom, out var vagueUnit, out var vagueLength))
            {
                // "hundreds of miles": the unit follows the "of".
                unit = vagueUnit;
                k = nounFrom + vagueLength;
                end = tokens[k - 1].End;
            }
        }

        if (unit is null)
        {
            var nounFrom = number.Shape == NumberShape.Vague && IsWord(text, tokens, k, "of") ? k + 1 : k;

            // "one of the best speakers", "one of Airbnb's earliest investments": one of a group, named by a plural.
            var groupFrom = nounFrom;
            var oneOf = value == 1 && number.Spelled && OneOfGroup(text, tokens, k, out groupFrom);
            if (oneOf)
                nounFrom = groupFrom;
            if (qualifier is null && number.BareDigits && value is >= 1 and <= 120 && IsAgeApposition(text, tokens, number.First, k))
            {
                // "Maddon, 66, has used the downtime": the age of the person just named.
                output.Add(new Quantity(tokens[i].Start, tokens[k - 1].End, value, "years", What: "age", InComments: sentence.InComments));
                return k;
            }

            what = CountedNoun(text, tokens, nounFrom, oneOf ? 2 : value, out var nounEnd);
            if (what is null && number.BareDigits && tokens[number.First].Length == 4 && value is >= 1800 and <= MaxYear)
                return k; // a year with nothing counted after it
            if (what is null && value != 1 && number.Shape == NumberShape.Plain && ModifierNoun(text, tokens, nounFrom) is { } modifier)
            {
                // "a 12 page document", "a four-cylinder engine": the number counts the noun it modifies.
                what = text.Substring(tokens[modifier].Start, tokens[modifier].Length);
                nounEnd = modifier + 1;
            }

            if (number.BareDigits && PrecededByName(text, tokens, number.First, qualifier is not null))
                return k; // "Resolution 2254", "Kursk 1", "iPhone 11 Pro"
            if (what is null && number.Spelled && value == number.Value && number.Shape == NumberShape.Plain && !IsMultiplier(text, tokens, number, k) && !JoinedToNumber(text, tokens, k))
                return k; // "two and two together", "Zero Hedge": a word number counting nothing is not a figure
            if (value == 1 && number.Spelled && !oneOf && PrecededByDeterminer(text, tokens, number.First))
                return k; // "no one", "each one", "the one thing": a pronoun, not a count
            if (value == 1 && number.Spelled && what is not null && (oneOf ? AfterNameAndComma(text, tokens, number.First) : AnotherFollows(text, tokens, k) || InTitleCaseName(text, tokens, number.First) || _lexicon.OneIdioms.Contains(what)))
                return k; // "Kessel, one of the villages" names a place; "one problem could give rise to another" contrasts
            unit = what is not null && IsPeople(what) ? "people" : "count";
            bare = what is null;
            if (what is not null)
                k = nounEnd;
        }

        // "$58.24 per barrel", "$3,500 a month", "7.3 points per game": a rate.
        if (unit is not ("count" or "people" or "fraction") && TryPer(text, tokens, k, out var per, out var perNext))
        {
            unit += "/" + per;
            k = perNext;
            end = tokens[k - 1].End;
        }

        if (number.Shape == NumberShape.Vague)
        {
            valueMax = value * 10;
            spelled = true;
        }

        var start = tokens[i].Start;
        var writtenFrom = qualifier is null ? tokens[i].Start : tokens[between ? prefixStart - 1 : prefixStart].Start;
        output.Add(new Quantity(
            Start: start,
            End: end,
            Value: value,
            Unit: unit,
            ValueMax: valueMax,
            Qualifier: qualifier,
            What: what,
            WrittenAs: spelled ? text[writtenFrom..end] : null,
            InComments: sentence.InComments)
        {
        });
        if (bare)
            output[^1] = output[^1] with { What = null };
        return k;
    }

    private int ApplyScale(string text, List<QuantityToken> tokens, int k, bool money, ref double value, ref bool spelled)
    {
        if (k >= tokens.Count)
            return k;
        var token = tokens[k];
        if (token.Kind != QuantityTokenKind.Word)
            return k;
        var word = text.AsSpan(token.Start, token.Length);
        if (_lexicon.Numbers.TryGetValue(word, out var scale) && scale.Kind == NumberWordKind.Scale)
        {
            // "4 hundred million", "1.2 billion"
            value *= scale.Value;
            spelled = true;
            return ApplyScale(text, tokens, k + 1, money, ref value, ref spelled);
        }

        if (!money && token.Glued && (word is "k" or "K" or "bn" || (word is "m" or "M" && k + 1 < tokens.Count && (IsWord(text, tokens, k + 1, "of") || TryUnit(text, tokens, k + 1, out _, out _) || (tokens[k + 1].Kind == QuantityTokenKind.Word && IsPlural(text.AsSpan(tokens[k + 1].Start, tokens[k + 1].Length)))))))
        {
            value *= word[0] is 'k' or 'K' ? 1e3 : word[0] is 'm' or 'M' ? 1e6 : 1e9;
            spelled = true;
            return k + 1;
        }

        if (money && token.Glued && MoneyScaleLetters.Contains(word.ToString()))
        {
            value *= word[0] is 'k' or 'K' ? 1e3 : word[0] is 'm' or 'M' ? 1e6 : word[0] is 't' or 'T' ? 1e12 : 1e9;
            spelled = true;
            return k + 1;
        }

        return k;
    }

    private bool TryRangeTail(string text, List<QuantityToken> tokens, int k, bool between, out ParsedNumber max, out int next)
    {
        max = default;
        next = k;
        if (k >= tokens.Count)
            return false;
        var joiner = text.AsSpan(tokens[k].Start, tokens[k].Length);
        var ok = (between && joiner.Equals("and", StringComparison.OrdinalIgnoreCase))
            || joiner is "-" or "–" or "—" || joiner.Equals("to", StringComparison.OrdinalIgnoreCase);
        var at = k + 1;
        if (_lexicon.Units.TryMatch(text, tokens, at, out var prefix, out var prefixLength) && prefix.Prefix)
            at += prefixLength; // "$800,000 to $1.3 million"
        if (!ok || !TryNumber(text, tokens, at, out max) || max.Shape != NumberShape.Plain)
            return false;
        next = max.Next;
        return true;
    }

    private static readonly HashSet<string> RateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "second", "minute", "hour", "day", "week", "month", "year", "barrel", "gallon", "litre", "liter", "share", "ounce", "gram", "kilogram", "tonne", "ton", "game", "night", "person", "head",
    };

    /// <summary>"per barrel", "a month", "/kg": the denominator of a rate, singular.</summary>
    private static bool TryPer(string text, List<QuantityToken> tokens, int k, out string per, out int next)
    {
        per = "";
        next = k;
        var perWord = IsWord(text, tokens, k, "per") || (k < tokens.Count && IsSymbol(text, tokens[k], '/') && tokens[k].Glued);
        var article = IsWord(text, tokens, k, "a") || IsWord(text, tokens, k, "an") || IsWord(text, tokens, k, "each");
        if ((!perWord && !article) || k + 1 >= tokens.Count || tokens[k + 1].Kind != QuantityTokenKind.Word)
            return false;
        var word = text.Substring(tokens[k + 1].Start, tokens[k + 1].Length).ToLowerInvariant();
        if (article && !RateWords.Contains(word))
            return false;
        if (perWord && !RateWords.Contains(word) && !char.IsLower(word[0]))
            return false;
        per = word.EndsWith('s') && word.Length > 3 && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
        next = k + 2;
        return true;
    }

    /// <summary>"-1.3%" or "minus-5 yards": a minus sign glued to the number and not to a word before it ("T-55").</summary>
    private static bool IsNegative(string text, List<QuantityToken> tokens, int first)
    {
        if (first == 0 || !tokens[first].Glued)
            return false;
        var sign = tokens[first - 1];
        if (sign.Kind == QuantityTokenKind.Symbol && text[sign.Start] is '-' or '−')
            return !sign.Glued || (first > 1 && IsWord(text, tokens, first - 2, "minus"));
        return false;
    }

    private bool NextUnitIs(string text, List<QuantityToken> tokens, int k, string unit) =>
        TryUnit(text, tokens, k, out var found, out _) && found == unit;

    private bool TryUnit(string text, List<QuantityToken> tokens, int k, out string unit, out int length)
    {
        unit = "";
        length = 0;
        if (k >= tokens.Count)
            return false;

        // "6-year-old", "a 55-km area": a hyphen glued on both sides joins number and unit.
        var hyphen = tokens[k].Kind == QuantityTokenKind.Symbol && text[tokens[k].Start] == '-' && tokens[k].Glued && k + 1 < tokens.Count && tokens[k + 1].Glued;
        var at = hyphen ? k + 1 : k;
        if (!_lexicon.Units.TryMatch(text, tokens, at, out var form, out var formLength) || form.Prefix)
            return false;

        // A one-letter form must touch the number or stand alone ("5 m", "10m"), never start a word run.
        unit = form.Unit;
        length = formLength + (hyphen ? 1 : 0);
        if (hyphen && at + formLength + 1 < tokens.Count && IsWord(text, tokens, at + formLength + 1, "old") && text[tokens[at + formLength].Start] == '-')
            length += 2; // "-year-old"
        return true;
    }

    private static readonly HashSet<string> GroupDeterminers = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "these", "those", "his", "her", "their", "its", "my", "our", "your",
    };

    private static readonly HashSet<string> HalfNotShare = new(StringComparer.OrdinalIgnoreCase) { "first", "second", "a", "the", "other", "and", "one", "latter", "former" };

    private static readonly HashSet<string> PronounDeterminers = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "each", "every", "any", "the", "this", "that", "which",
    };

    /// <summary>"of the", "of my", "of Airbnb's" after "one": where the plural naming the group may start.</summary>
    private static bool OneOfGroup(string text, List<QuantityToken> tokens, int k, out int nounFrom)
    {
        nounFrom = k + 2;
        if (!IsWord(text, tokens, k, "of") || k + 1 >= tokens.Count || tokens[k + 1].Kind != QuantityTokenKind.Word)
            return false;
        var word = text.AsSpan(tokens[k + 1].Start, tokens[k + 1].Length);
        var possessive = char.IsUpper(word[0]) && word.Length > 2 && word[^1] == 's' && word[^2] is '\'' or '’';
        if (!possessive && !GroupDeterminers.Contains(word.ToString()))
            return false;

        // "one of the most gifted ...": the superlative's adverb is not part of what is counted.
        if (IsWord(text, tokens, nounFrom, "most"))
            nounFrom++;
        return true;
    }

    /// <summary>"Kessel, one of the upper villages": an apposition that says what a name is, not how many.</summary>
    private static bool AfterNameAndComma(string text, List<QuantityToken> tokens, int first) =>
        first > 1 && IsSymbol(text, tokens[first - 1], ',') && tokens[first - 2].Kind == QuantityTokenKind.Word && char.IsUpper(text[tokens[first - 2].Start]);

    /// <summary>"BBC One", "Number One issue": a capitalised "One" after a capitalised word ends a name.</summary>
    private static bool InTitleCaseName(string text, List<QuantityToken> tokens, int first) =>
        first > 0 && char.IsUpper(text[tokens[first].Start]) && tokens[first - 1].Kind == QuantityTokenKind.Word && char.IsUpper(text[tokens[first - 1].Start]);

    /// <summary>"one ... another", "one ... the other": the correlative pair of pronouns, not a count.</summary>
    private static bool AnotherFollows(string text, List<QuantityToken> tokens, int k)
    {
        for (var t = k; t < tokens.Count && t < k + 12; t++)
        {
            if (IsWord(text, tokens, t, "another") || (IsWord(text, tokens, t, "other") && IsWord(text, tokens, t - 1, "the")))
                return true;
        }

        return false;
    }

    /// <summary>"Senard, 65, now faces": a small number between commas after a name, the sentence going on in lowercase.</summary>
    private static bool IsAgeApposition(string text, List<QuantityToken> tokens, int first, int k) =>
        first > 1 && IsSymbol(text, tokens[first - 1], ',') && tokens[first - 2].Kind == QuantityTokenKind.Word && char.IsUpper(text[tokens[first - 2].Start])
        && !Months.Contains(text.Substring(tokens[first - 2].Start, tokens[first - 2].Length))
        && k + 1 < tokens.Count && IsSymbol(text, tokens[k], ',') && tokens[k + 1].Kind == QuantityTokenKind.Word && char.IsLower(text[tokens[k + 1].Start]);

    /// <summary>
    /// "12 page document", "four-cylinder engine", "three course meal": a singular noun between the number and
    /// the noun it qualifies; returns its token, or null.
    /// </summary>
    private int? ModifierNoun(string text, List<QuantityToken> tokens, int k)
    {
        var t = k;
        if (t + 1 < tokens.Count && IsSymbol(text, tokens[t], '-') && tokens[t].Glued && tokens[t + 1].Glued)
            t++;
        if (!IsPlainLowerWord(text, tokens, t) || IsPlural(text.AsSpan(tokens[t].Start, tokens[t].Length)) || !IsPlainLowerWord(text, tokens, t + 1))
            return null;
        return t;
    }

    private bool IsPlainLowerWord(string text, List<QuantityToken> tokens, int t)
    {
        if (t >= tokens.Count || tokens[t].Kind != QuantityTokenKind.Word || !char.IsLower(text[tokens[t].Start]))
            return false;
        // Adverbs ("decently"), past forms ("seven died") and contractions ("wouldn't") are not nouns.
        var word = text.AsSpan(tokens[t].Start, tokens[t].Length);
        return !_lexicon.CountedStops.Contains(word) && !Determiners.Contains(word.ToString()) && !_lexicon.Numbers.ContainsKey(word)
            && !word.EndsWith("ly", StringComparison.OrdinalIgnoreCase) && !word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && !word.ContainsAny('\'', '’');
    }

    /// <summary>"four times the number", "sixfold", "six-fold": a factor, which is a figure even in words.</summary>
    private static bool IsMultiplier(string text, List<QuantityToken> tokens, ParsedNumber number, int k) =>
        IsWord(text, tokens, k, "times") || text.AsSpan(tokens[number.Next - 1].Start, tokens[number.Next - 1].Length).EndsWith("fold", StringComparison.OrdinalIgnoreCase)
        || (k + 1 < tokens.Count && IsSymbol(text, tokens[k], '-') && tokens[k].Glued && IsWord(text, tokens, k + 1, "fold"));

    /// <summary>"eight or nine euros", "five to six weeks": a word number joined to the figure that carries the unit.</summary>
    private bool JoinedToNumber(string text, List<QuantityToken> tokens, int k) =>
        (IsWord(text, tokens, k, "or") || IsWord(text, tokens, k, "to")) && TryNumber(text, tokens, k + 1, out _);

    private static bool PrecededByDeterminer(string text, List<QuantityToken> tokens, int first) =>
        first > 0 && tokens[first - 1].Kind == QuantityTokenKind.Word && PronounDeterminers.Contains(text.Substring(tokens[first - 1].Start, tokens[first - 1].Length));

    private string? CountedNoun(string text, List<QuantityToken> tokens, int k, double value, out int end)
    {
        end = k;
        var words = 0;
        var lastPlural = -1;
        for (var t = k; t < tokens.Count && words < 3; t++)
        {
            var token = tokens[t];

            // "worst-hit villages": a hyphen glued on both sides keeps a compound adjective in the phrase.
            if (t > k && IsSymbol(text, token, '-') && token.Glued && t + 1 < tokens.Count && tokens[t + 1].Glued && tokens[t + 1].Kind == QuantityTokenKind.Word)
                continue;
            if (token.Kind != QuantityTokenKind.Word)
                break;
            var word = text.AsSpan(token.Start, token.Length);
            if (_lexicon.CountedStops.Contains(word) || Months.Contains(word.ToString()))
                break;
            if (char.IsUpper(word[0]) && !IsDemonymPlural(word) && !IsAcronym(word))
                break;
            words++;

            // One of something is named in the singular: "one particular demand", not "one proposal asks"; an adverb or a
            // past form after "one" ("One finally accepted") makes it a pronoun.
            if (value == 1 && words == 1 && (word.EndsWith("ly", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ed", StringComparison.OrdinalIgnoreCase)))
                break;
            if (value == 1 && !char.IsUpper(word[0]) && (words == 1 || (lastPlural == t - 1 && !IsPlural(word))))
                lastPlural = t;
            else if (value != 1 && IsPlural(word))
                lastPlural = t;
            else if (value == 1)
                break;
        }

        if (lastPlural < 0)
            return null;
        var last = lastPlural;

        // "ports of entry": one "of" and a lowercase noun complete the name of what is counted.
        if (IsWord(text, tokens, last + 1, "of") && last + 2 < tokens.Count && tokens[last + 2].Kind == QuantityTokenKind.Word)
        {
            var after = text.AsSpan(tokens[last + 2].Start, tokens[last + 2].Length);
            if (char.IsLower(after[0]) && !_lexicon.CountedStops.Contains(after) && !IsPlural(after) && !_lexicon.Numbers.ContainsKey(after))
                last += 2;
        }

        end = last + 1;
        return text[tokens[k].Start..tokens[last].End];
    }

    private static bool IsPlural(ReadOnlySpan<char> word) =>
        IrregularPlurals.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
        || (word.Length > 2 && (word[^1] is 's' or 'S') && word[^2] is not ('s' or 'S' or '\'' or '’') && !word.EndsWith("ous", StringComparison.OrdinalIgnoreCase) && !word.EndsWith("is", StringComparison.OrdinalIgnoreCase));

    private static bool IsAcronym(ReadOnlySpan<char> word) => word.Length > 1 && !word.ContainsAnyExceptInRange('A', 'Z');

    private static bool IsDemonymPlural(ReadOnlySpan<char> word) =>
        word.Length > 3 && char.IsUpper(word[0]) && word[1..].ToString().All(char.IsLower) && word[^1] == 's' && word[^2] != 's';

    private bool IsPeople(string what)
    {
        var lastSpace = what.LastIndexOf(' ');
        var head = lastSpace < 0 ? what : what[(lastSpace + 1)..];
        if (what.Contains(" of ", StringComparison.Ordinal))
            head = what[..what.IndexOf(" of ", StringComparison.Ordinal)].Split(' ')[^1];
        return _lexicon.PeopleNouns.Contains(head) || _lexicon.PeopleNouns.Phrases.Contains(what.ToLowerInvariant()) || IsDemonymPlural(head);
    }

    private bool StartsNumber(string text, List<QuantityToken> tokens, int k) =>
        TryNumber(text, tokens, k, out _)
        || (k < tokens.Count && _lexicon.Units.TryMatch(text, tokens, k, out var u, out var len) && u.Prefix && TryNumber(text, tokens, k + len, out _))
        || (IsWord(text, tokens, k, "between") && TryNumber(text, tokens, k + 1, out _));

    /// <summary>A number at token <paramref name="k"/>: digits ("1,411", "96.5", "1/8") or words ("eight", "a third", "two-thirds", "nine in ten").</summary>
    private bool TryNumber(string text, List<QuantityToken> tokens, int k, out ParsedNumber number)
    {
        number = default;
        if (k >= tokens.Count)
            return false;
        var token = tokens[k];
        if (token.Kind == QuantityTokenKind.Number)
        {
            if (!TryDigits(text.AsSpan(token.Start, token.Length), out var value, out var grouped, out var integer))
                return false;

            // "1/8": a small fraction; "24/7" or "11/12/2018" are not.
            if (k + 2 < tokens.Count && IsSymbol(text, tokens[k + 1], '/') && tokens[k + 1].Glued && tokens[k + 2].Glued && tokens[k + 2].Kind == QuantityTokenKind.Number
                && !(k + 3 < tokens.Count && IsSymbol(text, tokens[k + 3], '/') && tokens[k + 3].Glued)
                && TryDigits(text.AsSpan(tokens[k + 2].Start, tokens[k + 2].Length), out var denominator, out _, out _) && denominator is > 1 and <= 100 && value < denominator)
            {
                number = new ParsedNumber(k, k + 3, value / denominator, NumberShape.Fraction, false, false, false);
                return true;
            }

            number = new ParsedNumber(k, k + 1, value, NumberShape.Plain, false, grouped, integer);
            return TryRatio(text, tokens, ref number) || true;
        }

        if (token.Kind != QuantityTokenKind.Word)
            return false;
        return TryWords(text, tokens, k, out number);
    }

    private bool TryWords(string text, List<QuantityToken> tokens, int k, out ParsedNumber number)
    {
        number = default;
        var lookup = _lexicon.Numbers;
        var first = text.AsSpan(tokens[k].Start, tokens[k].Length);

        // "a third", "a dozen", "a thousand", "an estimated" is a qualifier, not this.
        if (first.Equals("a", StringComparison.OrdinalIgnoreCase) || first.Equals("an", StringComparison.OrdinalIgnoreCase))
        {
            if (k + 1 >= tokens.Count || !lookup.TryGetValue(text.AsSpan(tokens[k + 1].Start, tokens[k + 1].Length), out var after))
                return false;
            var afterWord = text.AsSpan(tokens[k + 1].Start, tokens[k + 1].Length);
            // "a third term", "a fourth time", "a third-party review": an ordinal before a noun, not a share; "a third of",
            // "a third say" are shares.
            if (after.Kind == NumberWordKind.Fraction && !afterWord.EndsWith("s", StringComparison.OrdinalIgnoreCase) && !afterWord.Equals("half", StringComparison.OrdinalIgnoreCase)
                && !(k + 2 < tokens.Count && tokens[k + 2].Kind == QuantityTokenKind.Word && !_lexicon.CountedStops.Contains(text.AsSpan(tokens[k + 2].Start, tokens[k + 2].Length)))
                && !(k + 3 < tokens.Count && IsSymbol(text, tokens[k + 2], '-') && tokens[k + 2].Glued && tokens[k + 3].Glued && tokens[k + 3].Kind == QuantityTokenKind.Word && !TryUnit(text, tokens, k + 3, out _, out _)))
            {
                number = new ParsedNumber(k, k + 2, 1 / after.Value, NumberShape.Fraction, true, false, false);
                return true;
            }

            if (after.Kind is NumberWordKind.Dozen or NumberWordKind.Scale && after.Value < 1e15 && !afterWord.Equals("bn", StringComparison.OrdinalIgnoreCase) && !afterWord.Equals("mln", StringComparison.OrdinalIgnoreCase))
            {
                number = new ParsedNumber(k, k + 2, after.Value, NumberShape.Plain, true, false, true);
                return true;
            }

            return false;
        }

        // "half the condos", "almost half of which": a share; "the second half", "half-time" are not.
        if (first.Equals("half", StringComparison.OrdinalIgnoreCase))
        {
            var before = k > 0 && tokens[k - 1].Kind == QuantityTokenKind.Word ? text.Substring(tokens[k - 1].Start, tokens[k - 1].Length) : "";
            var group = IsWord(text, tokens, k + 1, "of") || (k + 1 < tokens.Count && tokens[k + 1].Kind == QuantityTokenKind.Word && GroupDeterminers.Contains(text.Substring(tokens[k + 1].Start, tokens[k + 1].Length)));
            if (!group || HalfNotShare.Contains(before))
                return false;
            number = new ParsedNumber(k, k + 1, 0.5, NumberShape.Fraction, true, false, false);
            return true;
        }

        // "sixfold", "tenfold": a factor written as one word.
        if (first.Length > 4 && first.EndsWith("fold", StringComparison.OrdinalIgnoreCase) && lookup.TryGetValue(first[..^4], out var factor) && factor.Kind is NumberWordKind.Unit or NumberWordKind.Teen or NumberWordKind.Ten)
        {
            number = new ParsedNumber(k, k + 1, factor.Value, NumberShape.Plain, true, false, true);
            return true;
        }

        if (!lookup.TryGetValue(first, out var head))
            return false;
        if (head.Kind == NumberWordKind.Vague)
        {
            // "hundreds of", "tens of thousands of": vague, but a fact-checker still wants the order of magnitude.
            if (!IsWord(text, tokens, k + 1, "of"))
                return false;

            // "tens of thousands", "hundreds of millions of": the second plural scales the first.
            if (k + 2 < tokens.Count && lookup.TryGetValue(text.AsSpan(tokens[k + 2].Start, tokens[k + 2].Length), out var scale) && scale.Kind == NumberWordKind.Vague && scale.Value > head.Value)
            {
                number = new ParsedNumber(k, k + 3, head.Value * scale.Value, NumberShape.Vague, true, false, true);
                return true;
            }

            number = new ParsedNumber(k, k + 1, head.Value, NumberShape.Vague, true, false, true);
            return true;
        }

        if (head.Kind is not (NumberWordKind.Unit or NumberWordKind.Teen or NumberWordKind.Ten))
            return false;

        // "one" alone is too often a pronoun or an article ("one of them", "no one"): only with a scale or a noun.
        double total = 0, current = 0;
        var t = k;
        var lastNumberToken = k;
        while (t < tokens.Count)
        {
            var token = tokens[t];
            if (token.Kind == QuantityTokenKind.Symbol && text[token.Start] == '-' && token.Glued && t + 1 < tokens.Count && tokens[t + 1].Glued)
            {
                t++;
                continue;
            }

            if (IsWord(text, tokens, t, "and") && t > k && t + 1 < tokens.Count && lookup.TryGetValue(text.AsSpan(tokens[t + 1].Start, tokens[t + 1].Length), out var afterAnd) && afterAnd.Kind is NumberWordKind.Unit or NumberWordKind.Teen or NumberWordKind.Ten && current >= 100)
            {
                t++;
                continue;
            }

            if (token.Kind != QuantityTokenKind.Word || !lookup.TryGetValue(text.AsSpan(token.Start, token.Length), out var word))
                break;
            if (word.Kind is NumberWordKind.Unit or NumberWordKind.Teen or NumberWordKind.Ten)
            {
                if (t != k && current % 100 != 0 && word.Kind != NumberWordKind.Unit)
                    break;
                current += word.Value;
            }
            else if (word.Kind == NumberWordKind.Scale && word.Value == 100)
            {
                current = Math.Max(current, 1) * 100;
            }
            else if (word.Kind == NumberWordKind.Scale && t != k && word.Value <= 1000)
            {
                total += Math.Max(current, 1) * word.Value;
                current = 0;
            }
            else if (word.Kind == NumberWordKind.Fraction && t != k && t == lastNumberToken + 1 || (word.Kind == NumberWordKind.Fraction && t == lastNumberToken + 2 && IsSymbol(text, tokens[t - 1], '-')))
            {
                // "two-thirds", "three quarters"
                var numerator = total + current;
                if (numerator >= word.Value)
                    break;
                number = new ParsedNumber(k, t + 1, numerator / word.Value, NumberShape.Fraction, true, false, false);
                return true;
            }
            else
            {
                break;
            }

            lastNumberToken = t;
            t++;
        }

        var value = total + current;
        number = new ParsedNumber(k, lastNumberToken + 1, value, NumberShape.Plain, true, false, true);
        if (TryRatio(text, tokens, ref number))
            return true;

        // A bare "one" is rarely a figure anyone checks; it needs a noun or a unit right after, or a group it is one of.
        return value != 1 || lastNumberToken > k || NextIsNounOrUnit(text, tokens, lastNumberToken + 1) || OneOfGroup(text, tokens, lastNumberToken + 1, out _)
            || ((IsWord(text, tokens, lastNumberToken + 1, "to") || IsWord(text, tokens, lastNumberToken + 1, "or")) && lastNumberToken + 2 < tokens.Count && lookup.ContainsKey(text.AsSpan(tokens[lastNumberToken + 2].Start, tokens[lastNumberToken + 2].Length)));
    }

    private bool NextIsNounOrUnit(string text, List<QuantityToken> tokens, int k)
    {
        if (k >= tokens.Count || tokens[k].Kind != QuantityTokenKind.Word)
            return false;
        var word = text.AsSpan(tokens[k].Start, tokens[k].Length);
        return !_lexicon.CountedStops.Contains(word) && char.IsLower(word[0]) && !word.Equals("another", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"nine in ten", "1 in 5", "one out of four": a share, read as a percentage.</summary>
    private bool TryRatio(string text, List<QuantityToken> tokens, ref ParsedNumber number)
    {
        var k = number.Next;
        int denominatorAt;
        if (IsWord(text, tokens, k, "in"))
            denominatorAt = k + 1;
        else if (IsWord(text, tokens, k, "out") && IsWord(text, tokens, k + 1, "of"))
            denominatorAt = k + 2;
        else
            return false;
        if (denominatorAt >= tokens.Count)
            return false;
        double denominator;
        var spelled = number.Spelled;
        var token = tokens[denominatorAt];
        if (token.Kind == QuantityTokenKind.Number)
        {
            if (!TryDigits(text.AsSpan(token.Start, token.Length), out denominator, out _, out _))
                return false;
        }
        else if (token.Kind == QuantityTokenKind.Word && _lexicon.Numbers.TryGetValue(text.AsSpan(token.Start, token.Length), out var word) && word.Kind is NumberWordKind.Unit or NumberWordKind.Teen or NumberWordKind.Ten)
        {
            denominator = word.Value;
            spelled = true;
        }
        else
        {
            return false;
        }

        if (denominator is < 2 or > 1000 || number.Value >= denominator || number.Value <= 0)
            return false;
        number = new ParsedNumber(number.First, denominatorAt + 1, Math.Round(number.Value / denominator * 100, 2), NumberShape.Ratio, spelled, false, false);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out double value, out bool grouped, out bool integer)
    {
        // "1,497,650" groups thousands; "3,5" (a European decimal comma) is 3.5.
        grouped = false;
        integer = true;
        Span<char> buffer = stackalloc char[digits.Length];
        var n = 0;
        var groups = digits.Count(',');
        for (var c = 0; c < digits.Length; c++)
        {
            var ch = digits[c];
            if (ch == ',')
            {
                var rest = digits[(c + 1)..];
                var groupLength = rest.IndexOfAny(',', '.') is var stop and >= 0 ? stop : rest.Length;
                if (groupLength == 3)
                {
                    grouped = true;
                    continue;
                }

                if (groups == 1 && !digits.Contains('.'))
                {
                    buffer[n++] = '.';
                    integer = false;
                    continue;
                }

                value = 0;
                return false;
            }

            if (ch == '.')
            {
                if (digits[(c + 1)..].Contains('.'))
                {
                    value = 0;
                    return false; // "1.2.3": a version or a section number
                }

                integer = false;
            }

            buffer[n++] = ch;
        }

        return double.TryParse(buffer[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Shapes and neighbours that make a number something other than a quantity.</summary>
    private bool IsNotAQuantity(string text, List<QuantityToken> tokens, ParsedNumber number, bool introduced, out int skipTo)
    {
        skipTo = number.Next;
        var first = tokens[number.First];
        var k = number.Next;
        if (number.Spelled)
            return false;

        // Ordinals ("5th"), decades ("1990s"), codes glued to letters ("5G", "3D") or to a word by a hyphen ("T-55").
        if (k < tokens.Count && tokens[k].Glued && tokens[k].Kind == QuantityTokenKind.Word)
        {
            var suffix = text.AsSpan(tokens[k].Start, tokens[k].Length);
            if (!_lexicon.Units.TryMatch(text, tokens, k, out var unitForm, out _) || unitForm.Prefix)
            {
                var isScale = _lexicon.Numbers.TryGetValue(suffix, out var w) && w.Kind == NumberWordKind.Scale;
                if (!isScale && !MoneyScaleLetters.Contains(suffix.ToString()))
                {
                    skipTo = k + 1;
                    return true;
                }
            }
        }

        if (number.First > 0 && first.Glued && !introduced)
        {
            var before = tokens[number.First - 1];
            if (before.Kind == QuantityTokenKind.Word)
                return true;
            if (before.Kind == QuantityTokenKind.Symbol && text[before.Start] is '-' or '/' or '#' or '.' or ':' or '@' or '_' or '\'' or '’' && number.First > 1 && before.Glued
                && !IsNegative(text, tokens, number.First))
                return true;
            if (before.Kind == QuantityTokenKind.Symbol && text[before.Start] is '#')
                return true;
        }

        // Times: "10:30", "3 pm", "3 p.m.".
        if (k < tokens.Count && IsSymbol(text, tokens[k], ':') && tokens[k].Glued && k + 1 < tokens.Count && tokens[k + 1].Kind == QuantityTokenKind.Number)
        {
            skipTo = k + 2;
            return true;
        }

        // "0401 GMT", "1830 UTC": a four-digit clock time before a time zone.
        if (number.BareDigits && first.Length == 4 && number.Value < 2400 && number.Value % 100 < 60 && k < tokens.Count && tokens[k].Kind == QuantityTokenKind.Word
            && TimeZones.Contains(text.Substring(tokens[k].Start, tokens[k].Length)))
            return true;

        if (k < tokens.Count && tokens[k].Kind == QuantityTokenKind.Word && TimeWords.Contains(text.Substring(tokens[k].Start, tokens[k].Length)) && number.Value <= 12
            && (text.AsSpan(tokens[k].Start, tokens[k].Length) is "am" or "pm" or "AM" or "PM" || (k + 1 < tokens.Count && IsSymbol(text, tokens[k + 1], '.'))))
            return true;

        // Dates: a month name on either side ("December 11", "11 December", "08 December 2017", "September 14-15").
        if (number.First > 0 && IsMonth(text, tokens[number.First - 1]))
        {
            skipTo = SkipDateTail(text, tokens, k);
            return true;
        }

        if (number.First > 1 && (IsWord(text, tokens, number.First - 1, "of") || IsSymbol(text, tokens[number.First - 1], '.')) && IsMonth(text, tokens[number.First - 2]))
            return true;
        if (k < tokens.Count && (IsMonth(text, tokens[k]) || (IsWord(text, tokens, k, "of") && k + 1 < tokens.Count && IsMonth(text, tokens[k + 1]))))
        {
            skipTo = SkipDateTail(text, tokens, k);
            return true;
        }

        // Phone numbers and dotted dates: three or more digit groups joined by '-', '.', '/' or spaces in parentheses.
        if (IsDigitChain(text, tokens, number.First, out var chainEnd))
        {
            skipTo = chainEnd;
            return true;
        }

        // Years: "in 2017", "2012-2018", "2017's".
        if (number.BareDigits && first.Length == 4 && number.Value is >= 1800 and <= MaxYear && !introduced)
        {
            var previous = number.First > 0 ? text.Substring(tokens[number.First - 1].Start, tokens[number.First - 1].Length) : "";
            var nextIsUnit = TryUnit(text, tokens, k, out var u, out _) && u is not ("years" or "days" or "weeks" or "months" or "hours" or "minutes" or "seconds");
            if (!nextIsUnit && (YearPrepositions.Contains(previous) || number.First == 0 || !char.IsLower(previous.Length > 0 ? previous[0] : 'A') || !NextIsNounOrUnit(text, tokens, k)))
            {
                skipTo = SkipYearRange(text, tokens, k);
                return true;
            }
        }

        // A list marker: "1." or "2)" opening a line.
        if (number.First == 0 && number.BareDigits && number.Value < 100 && k < tokens.Count && tokens[k].Glued && (IsSymbol(text, tokens[k], '.') || IsSymbol(text, tokens[k], ')')))
            return true;

        // A score "2-0", "89-89": a dash glued to a number no larger.
        if (number.BareDigits && k + 1 < tokens.Count && (IsSymbol(text, tokens[k], '-') || IsSymbol(text, tokens[k], '–')) && tokens[k].Glued && tokens[k + 1].Glued
            && tokens[k + 1].Kind == QuantityTokenKind.Number && double.TryParse(text.AsSpan(tokens[k + 1].Start, tokens[k + 1].Length), NumberStyles.None, CultureInfo.InvariantCulture, out var other) && other <= number.Value)
        {
            skipTo = k + 2;
            return true;
        }

        return false;
    }

    private static int SkipDateTail(string text, List<QuantityToken> tokens, int k)
    {
        // "14-15", ", 2018", "2017"
        while (k < tokens.Count && (tokens[k].Kind == QuantityTokenKind.Number || IsSymbol(text, tokens[k], '-') || IsSymbol(text, tokens[k], '–') || IsSymbol(text, tokens[k], ',') || IsMonth(text, tokens[k]) || IsWord(text, tokens, k, "of")))
        {
            if (IsSymbol(text, tokens[k], ',') && !(k + 1 < tokens.Count && tokens[k + 1].Kind == QuantityTokenKind.Number && tokens[k + 1].Length == 4))
                break;
            k++;
        }

        return k;
    }

    private static int SkipYearRange(string text, List<QuantityToken> tokens, int k)
    {
        if (k + 1 < tokens.Count && (IsSymbol(text, tokens[k], '-') || IsSymbol(text, tokens[k], '–') || IsSymbol(text, tokens[k], '/')) && tokens[k + 1].Kind == QuantityTokenKind.Number && tokens[k + 1].Length is 2 or 4)
            return k + 2;
        return k;
    }

    private static bool IsDigitChain(string text, List<QuantityToken> tokens, int k, out int end)
    {
        end = k + 1;
        var groups = 1;
        var digits = tokens[k].Length;
        var t = k + 1;
        while (t + 1 < tokens.Count && tokens[t].Glued && tokens[t + 1].Glued && tokens[t + 1].Kind == QuantityTokenKind.Number
               && (IsSymbol(text, tokens[t], '-') || IsSymbol(text, tokens[t], '.') || IsSymbol(text, tokens[t], '/')))
        {
            groups++;
            digits += tokens[t + 1].Length;
            t += 2;
        }

        end = t;
        if (groups >= 3)
            return true;

        // "555-1234": two groups making seven or more digits, the second of four.
        return groups == 2 && digits >= 7 && tokens[k + 2].Length >= 4 && !text.AsSpan(tokens[k].Start, tokens[k].Length).Contains(',');
    }

    private static bool PrecededByName(string text, List<QuantityToken> tokens, int first, bool qualified)
    {
        if (qualified || first == 0)
            return false;
        var before = tokens[first - 1];
        if (before.Kind != QuantityTokenKind.Word || first - 1 == 0 && Determiners.Contains(text.Substring(before.Start, before.Length)))
            return false;
        var word = text.AsSpan(before.Start, before.Length);
        var named = char.IsUpper(word[0]) || (word.Length > 1 && char.IsLower(word[0]) && word[1..].ContainsAnyInRange('A', 'Z'));
        return (named && first - 1 > 0 && !Determiners.Contains(word.ToString()) && !Months.Contains(word.ToString()))
            || word.Equals("No", StringComparison.Ordinal) || word.Equals("number", StringComparison.OrdinalIgnoreCase) || word.Equals("page", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsMonth(string text, QuantityToken token) =>
        token.Kind == QuantityTokenKind.Word && char.IsUpper(text[token.Start]) && (Months.Contains(text.Substring(token.Start, token.Length)) || text.AsSpan(token.Start, token.Length) is "May");

    private static bool IsSymbol(string text, QuantityToken token, char symbol) =>
        token.Kind == QuantityTokenKind.Symbol && text[token.Start] == symbol;

    private static bool IsWord(string text, List<QuantityToken> tokens, int k, string word) =>
        k >= 0 && k < tokens.Count && tokens[k].Kind == QuantityTokenKind.Word && text.AsSpan(tokens[k].Start, tokens[k].Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    private static bool InLink(IReadOnlyList<TextSpan> links, int offset)
    {
        foreach (var link in links)
        {
            if (link.Contains(offset))
                return true;
        }

        return false;
    }
}
