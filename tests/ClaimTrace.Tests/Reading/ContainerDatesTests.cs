namespace ClaimTrace.Tests;

public sealed class ContainerDatesTests
{
    [Theory]
    [InlineData("2012-05-24", "2012-05-24")]
    [InlineData(" 2017-09 ", "2017-09")]
    [InlineData("2018-01-25 16:17:44.789555", "2018-01-25T16:17:44.789555")]
    [InlineData("2018-12-12T10:00:00Z", "2018-12-12T10:00:00Z")]
    [InlineData("2018-12-12T10:00:00+03:00", "2018-12-12T10:00:00+03:00")]
    [InlineData("2018-12-12 10:00", "2018-12-12T10:00:00")]
    [InlineData("Wed, 12 Dec 2018 10:00:00 GMT", "2018-12-12T10:00:00Z")]
    [InlineData("December 12, 2018", "2018-12-12")]
    [InlineData("Dec 12, 2018", "2018-12-12")]
    [InlineData("12 December 2018", "2018-12-12")]
    [InlineData("Wednesday, December 12, 2018", "2018-12-12")]
    [InlineData("12/31/2017", "2017-12-31")]
    [InlineData("31/12/2017", "2017-12-31")]
    [InlineData("03/04/2017", "03/04/2017")]
    [InlineData("September 2017", "2017-09")]
    [InlineData("1527000000", "1527000000")]
    [InlineData("yesterday", "yesterday")]
    [InlineData("2018-02-30", "2018-02-30")]
    public void Container_dates_become_iso_8601_when_they_can_be_read_with_certainty(string given, string expected)
    {
        Assert.Equal(expected, ContainerDates.Normalise(given));
    }
}
