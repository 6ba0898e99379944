using Vigie.Core;

namespace Vigie.Text.Tests;

public sealed class WeekdayTests
{
    [Theory]
    [InlineData("fr", "La réunion se tiendra jeudi.", "2021-08-13", "2021-08-19")]
    [InlineData("fr", "La réunion se tiendra vendredi.", "2021-08-13", "2021-08-13")]
    [InlineData("en", "The meeting will be held on Thursday.", "2021-08-13", "2021-08-19")]
    public void A_weekday_can_be_resolved_again_as_future(string language, string text, string documentDate, string future)
    {
        var date = PartialDate.Parse(documentDate);
        var mention = Assert.Single(TestData.Layer.Analyze(text, language, date).Dates);
        Assert.True(TestData.Layer.IsTenseDependent(mention));
        var value = TestData.Layer.ResolveAsFuture(mention, date);
        Assert.Equal(future, value.Value);
        Assert.Equal(DatePrecision.Day, value.Precision);
    }

    [Fact]
    public void A_weekday_against_a_month_stays_a_month_when_future()
    {
        var date = PartialDate.Parse("2021-08");
        var mention = Assert.Single(TestData.Layer.Analyze("La réunion se tiendra jeudi.", "fr", date).Dates);
        Assert.Equal(DateValue.OfMonth(2021, 8, "thursday"), TestData.Layer.ResolveAsFuture(mention, date));
    }

    [Fact]
    public void Last_and_next_weekdays_do_not_depend_on_tense()
    {
        var date = PartialDate.Parse("2021-08-13");
        var mention = Assert.Single(TestData.Layer.Analyze("Il est venu jeudi dernier.", "fr", date).Dates);
        Assert.False(TestData.Layer.IsTenseDependent(mention));
        Assert.Equal(mention.Date, TestData.Layer.ResolveAsFuture(mention, date));
    }
}
