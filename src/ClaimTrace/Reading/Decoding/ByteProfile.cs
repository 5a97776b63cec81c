using System.Globalization;
using System.Text;

namespace ClaimTrace;

/// <summary>
/// What the first 8 KB of an input look like byte by byte: enough to tell UTF-16/32 without a BOM (ASCII
/// text in UTF-16 puts a NUL beside every letter, always on the same side) from binary data (NULs and
/// control bytes scattered anywhere) from ordinary text.
/// </summary>
internal readonly struct ByteProfile
{
    public const int SampleBytes = 8192;

    private const int MaxListedNuls = 5;

    private readonly int _sampleLength;
    private readonly int _nuls;
    private readonly int _controls;
    private readonly int[] _nulsByPosition; // by offset modulo 4
    private readonly List<int> _firstNuls;
    private readonly int _firstControl;

    private ByteProfile(int sampleLength, int nuls, int controls, int[] nulsByPosition, List<int> firstNuls, int firstControl)
    {
        _sampleLength = sampleLength;
        _nuls = nuls;
        _controls = controls;
        _nulsByPosition = nulsByPosition;
        _firstNuls = firstNuls;
        _firstControl = firstControl;
    }

    public static ByteProfile Of(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes.Length > SampleBytes ? bytes[..SampleBytes] : bytes;
        var byPosition = new int[4];
        var firstNuls = new List<int>(MaxListedNuls);
        int nuls = 0, controls = 0, firstControl = -1;
        for (var i = 0; i < sample.Length; i++)
        {
            var b = sample[i];
            if (b >= 0x20)
                continue;
            if (b == 0)
            {
                nuls++;
                byPosition[i & 3]++;
                if (firstNuls.Count < MaxListedNuls)
                    firstNuls.Add(i);
            }
            else if (IsSuspiciousControl(b))
            {
                controls++;
                if (firstControl < 0)
                    firstControl = i;
            }
        }

        return new ByteProfile(sample.Length, nuls, controls, byPosition, firstNuls, firstControl);
    }

    public bool HasNuls => _nuls > 0;

    /// <summary>ASCII-heavy UTF-32: three NULs in every four bytes, all on the same side of the letter.</summary>
    public Charset? Utf32WithoutBom()
    {
        var quads = _sampleLength / 4;
        if (quads < 2)
            return null;
        var (p0, p1, p2, p3) = (_nulsByPosition[0], _nulsByPosition[1], _nulsByPosition[2], _nulsByPosition[3]);
        if (p1 * 10 >= quads * 9 && p2 * 10 >= quads * 9 && p3 * 10 >= quads * 9 && p0 * 2 < quads)
            return Charsets.Utf32Le;
        if (p0 * 10 >= quads * 9 && p1 * 10 >= quads * 9 && p2 * 10 >= quads * 9 && p3 * 2 < quads)
            return Charsets.Utf32Be;
        return null;
    }

    /// <summary>
    /// UTF-16 without a BOM: a tenth or more of the code units carry a NUL on one side (spaces and ASCII
    /// letters do, even in mostly non-Latin text) and the other side almost never does.
    /// </summary>
    public Charset? Utf16WithoutBom()
    {
        var pairs = _sampleLength / 2;
        if (pairs < 2)
            return null;
        var even = _nulsByPosition[0] + _nulsByPosition[2];
        var odd = _nulsByPosition[1] + _nulsByPosition[3];
        var enough = Math.Max(2, pairs / 10);
        if (odd >= enough && even * 10 <= odd)
            return Charsets.Utf16Le;
        if (even >= enough && odd * 10 <= even)
            return Charsets.Utf16Be;
        return null;
    }

    /// <summary>
    /// Binary: more than 5% of the sample are NULs or control bytes text never has. A stray NUL or two in
    /// otherwise ordinary text is not binary; the decoder replaces them and says so.
    /// </summary>
    public bool LooksBinary
    {
        get
        {
            var suspicious = _nuls + _controls;
            return suspicious >= 3 && suspicious * 20L > _sampleLength;
        }
    }

    public string Describe()
    {
        var parts = new List<string>(2);
        if (_nuls > 0)
        {
            var listed = string.Join(", ", _firstNuls.Select(i => i.ToString(CultureInfo.InvariantCulture)));
            parts.Add(_nuls > _firstNuls.Count ? $"NUL bytes at {listed}... ({_nuls} in all)" : $"NUL bytes at {listed}");
        }

        if (_controls > 0)
            parts.Add($"{_controls} control bytes, the first at {_firstControl}");
        var sample = new StringBuilder("looks binary (").AppendJoin("; ", parts);
        return sample.Append(CultureInfo.InvariantCulture, $" in the first {_sampleLength} bytes)").ToString();
    }

    /// <summary>C0 controls other than the whitespace ones (tab, LF, VT, FF, CR) and ESC, which ISO-2022 text uses.</summary>
    private static bool IsSuspiciousControl(byte b) => b is < 0x09 or (> 0x0D and < 0x1B) or (> 0x1B and < 0x20);
}
