using Vigie.Core;

namespace Vigie.Pipeline.Tests;

/// <summary>CONTRACT §2: against a day-precise document date, a bare weekday is the last such day on or before it,
/// or the coming one when the verb is future.</summary>
public sealed class FutureWeekdayTests
{
    // 2022-03-02 is a Wednesday: the Thursday before is 24 February, the coming one 3 March.
    private static readonly PartialDate Wednesday = new(2022, 3, 2);

    private static Event Single(string text, string language, string type) =>
        Assert.Single(TestData.Analyzer.Analyze(new Document("d", text, Wednesday, language)).Events, e => e.Type == type);

    [Theory]
    [InlineData("Russian and Ukrainian delegations will hold talks on Thursday.", "en")]
    [InlineData("Les délégations russe et ukrainienne tiendront des négociations jeudi.", "fr")]
    public void A_future_verb_takes_the_coming_weekday(string text, string language) =>
        Assert.Equal("2022-03-03", Single(text, language, "talks").Date?.Value);

    [Theory]
    [InlineData("Russian and Ukrainian delegations held talks on Thursday.", "en")]
    [InlineData("Les délégations russe et ukrainienne ont tenu des négociations jeudi.", "fr")]
    public void A_past_verb_takes_the_last_weekday(string text, string language) =>
        Assert.Equal("2022-02-24", Single(text, language, "talks").Date?.Value);
}
