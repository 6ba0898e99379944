using Vigie.Core;

namespace Vigie.Ingest.Tests;

/// <summary>The one date rule of every input format.</summary>
public sealed class DocumentDatesTests
{
    [Theory]
    [InlineData("2021", "2021")]
    [InlineData("2021-08", "2021-08")]
    [InlineData("2021-08-15", "2021-08-15")]
    [InlineData("2021-08-15T09:30:00Z", "2021-08-15")]
    [InlineData("2021-08-15T23:30:00.123-05:00", "2021-08-15")]
    [InlineData("2021-08-15 09:30", "2021-08-15")]
    [InlineData("Sun, 15 Aug 2021 09:30:00 GMT", "2021-08-15")]
    [InlineData("Mon, 16 Aug 2021 23:30:00 EST", "2021-08-16")]
    [InlineData("16 Aug 2021 23:30:00 CEST", "2021-08-16")]
    [InlineData("Sun, 15 Aug 21 09:30:00 +0430", "2021-08-15")]
    public void Accepted_dates_give_the_day_written(string text, string expected)
    {
        Assert.Equal(PartialDate.Parse(expected), DocumentDates.Parse(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("2021-8-1", "bad date")]
    [InlineData("2021-08-01T25:00:00", "bad date")]
    [InlineData("2021-08-01T10:60", "bad date")]
    [InlineData("2021-02-29", "bad date")]
    [InlineData("01/02/2021", "ambiguous")]
    [InlineData("13.08.2021", "ambiguous")]
    [InlineData("2021/08/01", "bad date")]
    [InlineData("August 1, 2021", "bad date")]
    [InlineData("31 Feb 2021 10:00 GMT", "bad date")]
    [InlineData("yesterday\nforged:1: line", "bad date 'yesterday\\nforged:1: line'")]
    public void Other_dates_are_rejected_with_one_line_reasons(string text, string reason)
    {
        Assert.Null(DocumentDates.Parse(text, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error!);
    }
}
