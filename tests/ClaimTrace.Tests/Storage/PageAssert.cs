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
        SameAnalysis(expected.Analysis, actual.Analysis);
    }

    public static void SameAnalysis(PageAnalysis expected, PageAnalysis actual)
    {
        Assert.Equal(expected.Sentences, actual.Sentences);
        Assert.Equal(expected.Quotes, actual.Quotes);
        Assert.Equal(expected.Statements, actual.Statements);
        Assert.Equal(expected.Quantities, actual.Quantities);
        Assert.Equal(expected.Dates, actual.Dates);
        Assert.Equal(expected.Entities, actual.Entities);
        Assert.Equal(expected.Stances, actual.Stances);
    }
}
