namespace ClaimTrace;

/// <summary>
/// How a page meets what is stored under its key, decided by content hash alone (metadata that changes
/// around the same text does not make a version):
/// <list type="bullet">
/// <item>unknown key: <see cref="IngestStatus.Added"/> as version 1;</item>
/// <item>hash of any stored version, the current one or an older one: <see cref="IngestStatus.Unchanged"/>,
/// reporting the version that holds that content. A page that flips back to earlier content is not a new
/// version, and the current version stays as it is: re-crawls of a page served alternately from two
/// caches would otherwise grow a version per crawl, and re-running an old ingest would rewrite history;</item>
/// <item>any other hash: <see cref="IngestStatus.NewVersion"/>, numbered current + 1, and it becomes current.</item>
/// </list>
/// </summary>
internal static class VersionRule
{
    public static (IngestStatus Status, int Version) Decide(int? currentVersion, int? versionWithSameContent) =>
        (currentVersion, versionWithSameContent) switch
        {
            (null, _) => (IngestStatus.Added, 1),
            (_, { } same) => (IngestStatus.Unchanged, same),
            ({ } current, null) => (IngestStatus.NewVersion, current + 1),
        };
}
