namespace ClaimTrace.Tests;

/// <summary><see cref="Page"/> holds lists, which records compare by reference: compare field by field.</summary>
internal static class PageAssert
{
    public static void Same(Page expected, Page actual)
    {
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.Key, actual.Key);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.ContentHash, actual.ContentHash);
        Assert.Equal(expected.Format, actual.Format);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.Encoding, actual.Encoding);
        Assert.Equal(expected.Metadata, actual.Metadata);
        Assert.Equal(expected.Segments, actual.Segments);
        Assert.Equal(expected.Comments, actual.Comments);
        Assert.Equal(expected.Warnings, actual.Warnings);
    }
}
