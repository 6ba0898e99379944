using Vigie.Core;

namespace Vigie.Pipeline.Tests;

public sealed class TriggerSpanTests
{
    [Theory]
    [InlineData("The Taliban captured Kandahar on Friday after heavy fighting.", "en", "captured", "Kandahar")]
    [InlineData("Les talibans se sont emparés vendredi de Kandahar.", "fr", "emparés", "Kandahar")]
    public void Every_event_knows_where_its_trigger_and_arguments_stand_inside_its_evidence(string text, string language, string word, string place)
    {
        var analysis = TestData.Analyzer.Analyze(new Document("t", text, new PartialDate(2021, 8, 13), language));
        var e = Assert.Single(analysis.Events, x => x.Type == "territory_taken");
        var trigger = Assert.Single(e.Spans, s => s.Role == "trigger");
        Assert.Equal(word, text[trigger.Start..trigger.End]);
        Assert.InRange(trigger.Start, e.Evidence[0].Start, e.Evidence[0].End);
        Assert.Equal(place, Assert.Single(e.Spans, s => s.Role == "place").Text);
        Assert.Contains(e.Spans, s => s.Role == "actor1");
        Assert.Contains(e.Spans, s => s.Role == "date");
        Assert.All(analysis.Events, x => Assert.Contains(x.Spans, s => s.Role == "trigger"));
        Assert.All(e.Spans, s => Assert.Equal(s.Text, text[s.Start..s.End]));
    }
}
