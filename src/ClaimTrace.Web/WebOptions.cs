namespace ClaimTrace.Web;

/// <summary>
/// How <c>claimtrace serve</c> runs: the database, the addresses to listen on (";"-separated, as Kestrel takes them),
/// the access token that every request must carry (required before binding anything but loopback), and the upload
/// cap, which holds for each file and for a whole upload.
/// </summary>
public sealed record WebOptions(
    string Database,
    string Urls = WebOptions.DefaultUrls,
    string? AccessToken = null,
    long MaxUploadBytes = WebOptions.DefaultMaxUploadBytes)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public const long DefaultMaxUploadBytes = 64L * 1024 * 1024;

    /// <summary>
    /// A token is a password sent on every request: a short one could be guessed by a neighbour on the network
    /// quicker than anyone would notice.
    /// </summary>
    public const int MinimumTokenLength = 16;

    /// <summary>Throws <see cref="WebOptionsException"/> naming the first setting that cannot work.</summary>
    public WebOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(Database))
            throw new WebOptionsException("no database was given");
        if (string.IsNullOrWhiteSpace(Urls))
            throw new WebOptionsException("no address to listen on was given");
        if (AccessToken is not null && AccessToken.Trim().Length < MinimumTokenLength)
            throw new WebOptionsException($"the access token must be at least {MinimumTokenLength} characters (spaces around it do not count)");
        if (MaxUploadBytes < 1)
            throw new WebOptionsException("the upload limit must be at least 1 byte");
        BindingRule.Check(Urls, AccessToken is not null);
        return this;
    }
}

/// <summary>A setting of <see cref="WebOptions"/> that cannot work; the message is for the person who started the server.</summary>
public sealed class WebOptionsException(string message) : Exception(message);
