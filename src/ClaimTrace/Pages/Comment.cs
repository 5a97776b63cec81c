namespace ClaimTrace;

/// <summary>
/// One reader comment inside a comments segment. <see cref="ReplyTo"/> is the index, in
/// <see cref="Page.Comments"/>, of the comment this one answers; depth 0 is a top-level comment.
/// </summary>
public sealed record Comment(
    int Index,
    int Start,
    int End,
    int FirstLine,
    int LastLine,
    string? Author,
    int Depth,
    int? ReplyTo,
    bool LikelySpam);
