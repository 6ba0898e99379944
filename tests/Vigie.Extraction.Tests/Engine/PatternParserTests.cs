using Vigie.Core;
using Vigie.Extraction.Patterns;

namespace Vigie.Extraction.Tests.Engine;

public sealed class PatternParserTests
{
    [Fact]
    public void The_trigger_is_the_first_required_word_unless_marked()
    {
        var p = PatternParser.Parse("claimant:ACTOR? revendiquer ~4 ^prise =de|d' place:PLACE+");
        Assert.Equal(3, p.TriggerIndex);
        Assert.Equal(ElementKind.Class, p.Elements[0].Kind);
        Assert.True(p.Elements[0].Optional);
        Assert.Equal("claimant", p.Elements[0].Slot);
        Assert.Equal(ElementKind.Skip, p.Elements[2].Kind);
        Assert.Equal(4, p.Elements[2].MaxSkip);
        Assert.Equal(ElementKind.Literal, p.Elements[4].Kind);
        Assert.Contains("d'", (IEnumerable<string>)p.Elements[4].Words);
        Assert.True(p.Elements[5].Repeated);
        Assert.Equal(MentionKind.Place, p.Elements[5].Class);

        Assert.Equal(0, PatternParser.Parse("seize ~3 place:PLACE").TriggerIndex);
    }

    [Fact]
    public void Words_are_folded()
    {
        var p = PatternParser.Parse("^évacuation|déploiement");
        Assert.Contains("evacuation", (IEnumerable<string>)p.Elements[0].Words);
        Assert.Contains("deploiement", (IEnumerable<string>)p.Elements[0].Words);
    }

    [Theory]
    [InlineData("victim:ACTOR ^kill")]
    [InlineData("^PLACE")]
    [InlineData("^a ^b")]
    [InlineData("PLACE")]
    [InlineData("^kill? x")]
    public void Bad_patterns_are_rejected(string pattern) =>
        Assert.Throws<FormatException>(() => PatternParser.Parse(pattern));
}
