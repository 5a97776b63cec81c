using System.Numerics;

namespace ClaimTrace;

/// <summary>
/// MinHash (Broder 1997; Leskovec, Rajaraman, Ullman, "Mining of Massive Datasets", ch. 3): for each of
/// <see cref="Size"/> hash functions, the smallest value over a page's shingles. Two pages agree at one
/// position with probability equal to the Jaccard similarity of their shingle sets, so the share of equal
/// positions estimates it. Values are 32-bit: a collision of two different minima then costs about
/// 2^-32 per position, far below the estimate's own error, and a signature is 512 bytes.
/// </summary>
/// <remarks>
/// Each function is <c>x → g((x ⊕ b) · a)</c> on the 32-bit fold of the shingle hash, with an odd
/// multiplier and an xor-shift-multiply finish so high and low bits are both mixed. The constants come from
/// a fixed SplitMix64 stream: the same shingles give the same signature on every machine and in every
/// run, which is what lets signatures be stored and an index be continued later. All functions are
/// evaluated at once in SIMD lanes; lanes are independent, so vector width does not change the result.
/// </remarks>
public sealed class MinHasher
{
    public const int DefaultSize = 128;
    private const ulong StreamSeed = 0x436C61696D547261UL; // "ClaimTra"

    private readonly uint[] xors;
    private readonly uint[] multipliers;
    private readonly uint[] finishers;

    public MinHasher(int size = DefaultSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        Size = size;
        xors = new uint[size];
        multipliers = new uint[size];
        finishers = new uint[size];
        var state = StreamSeed;
        for (var i = 0; i < size; i++)
        {
            xors[i] = (uint)SplitMix(ref state);
            multipliers[i] = (uint)SplitMix(ref state) | 1;
            finishers[i] = (uint)SplitMix(ref state) | 1;
        }
    }

    public int Size { get; }

    /// <summary>The signature of a set of shingle hashes (order and repeats do not matter); all
    /// <see cref="uint.MaxValue"/> for an empty set, which no estimate treats as similar to anything.</summary>
    public uint[] Signature(ReadOnlySpan<ulong> shingles)
    {
        var signature = new uint[Size];
        Array.Fill(signature, uint.MaxValue);
        var width = Vector<uint>.Count;
        var vectorEnd = Size - Size % width;
        foreach (var shingle in shingles)
        {
            var x = (uint)(shingle ^ (shingle >> 32));
            var vx = new Vector<uint>(x);
            for (var i = 0; i < vectorEnd; i += width)
            {
                var y = (vx ^ new Vector<uint>(xors, i)) * new Vector<uint>(multipliers, i);
                y ^= Vector.ShiftRightLogical(y, 15);
                y *= new Vector<uint>(finishers, i);
                y ^= Vector.ShiftRightLogical(y, 13);
                Vector.Min(y, new Vector<uint>(signature, i)).CopyTo(signature, i);
            }

            for (var i = vectorEnd; i < Size; i++)
            {
                var y = (x ^ xors[i]) * multipliers[i];
                y ^= y >> 15;
                y *= finishers[i];
                y ^= y >> 13;
                if (y < signature[i])
                    signature[i] = y;
            }
        }

        return signature;
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
