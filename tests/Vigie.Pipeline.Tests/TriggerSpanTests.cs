using Vigie.Core;

namespace Vigie.Pipeline.Tests;

public sealed class TriggerSpanTests
{
    [Theory]
    [InlineData("The Taliban captured Kandahar on Friday after heavy fighting.", "en", "captured")]
    [InlineData("Les talibans se sont emparés vendredi de Kandahar.", "fr", "emparés")]
    public void Every_event_knows_the_word_that_triggered_it_inside_its_evidence(string text, string language, string word)
    {
        var analysis = TestData.Analyzer.Analyze(new Document("t", text, new PartialDate(2021, 8, 13), language));
        var e = Assert.Single(analysis.Events, x => x.Type == "territory_taken");
        Assert.NotNull(analysis.Triggers);
        var span = analysis.Triggers[e.Id];
        Assert.Equal(word, text[span.Start..span.End]);
        Assert.InRange(span.Start, e.Evidence[0].Start, e.Evidence[0].End);
        Assert.All(analysis.Events, x => Assert.True(analysis.Triggers.ContainsKey(x.Id)));
    }
}
