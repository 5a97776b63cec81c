namespace ClaimTrace.Web;

/// <summary>One page of a list: the items, how many there are in all, and the offset and limit that were applied.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Offset, int Limit);

/// <summary>
/// The offset and limit of a list request. A limit above <see cref="MaxLimit"/> is clamped to it (the response's
/// <c>limit</c> says what was applied); a limit below 1 or a negative offset is a 400. An offset beyond the total
/// gives an empty page with the total, so a client can tell "past the end" from "nothing matches".
/// </summary>
public readonly record struct PageRequest(int Offset, int Limit)
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 200;

    public static PageRequest From(int? offset, int? limit) => new(offset ?? 0, Math.Min(limit ?? DefaultLimit, MaxLimit));

    /// <summary>This page of a list held in memory.</summary>
    public Paged<TOut> Slice<TIn, TOut>(IReadOnlyList<TIn> all, Func<TIn, TOut> map)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(map);
        return new Paged<TOut>([.. all.Skip(Offset).Take(Limit).Select(map)], all.Count, Offset, Limit);
    }
}
