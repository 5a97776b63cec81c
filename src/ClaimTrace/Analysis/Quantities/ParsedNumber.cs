namespace ClaimTrace;

internal enum NumberShape
{
    /// <summary>A plain figure, in digits or words.</summary>
    Plain,

    /// <summary>"a third", "two-thirds", "1/8": a share of one.</summary>
    Fraction,

    /// <summary>"nine in ten", "1 in 5": a share, given as a percentage.</summary>
    Ratio,

    /// <summary>"hundreds of", "thousands": at least that many, at most ten times as many.</summary>
    Vague,
}

/// <summary>A number the parser read: tokens [First, Next), its value, and how it was written.</summary>
internal readonly record struct ParsedNumber(int First, int Next, double Value, NumberShape Shape, bool Spelled, bool Grouped, bool Integer)
{
    /// <summary>Digits only, no separator, no words: the shape of a year, a code or a house number.</summary>
    public bool BareDigits => !Spelled && !Grouped && Integer && Shape == NumberShape.Plain;
}
