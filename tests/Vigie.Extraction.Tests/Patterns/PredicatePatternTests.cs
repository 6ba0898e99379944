using Vigie.Core;
using Vigie.Extraction.Patterns;
using Xunit;

namespace Vigie.Extraction.Tests.Patterns;

public sealed class PredicatePatternTests
{
    [Fact]
    public void Parses_lemmas_class_voice_and_roles()
    {
        var p = PredicateParser.Parse("kill|Murder VERB passive patient:NUMBER agent:none place:PLACE");
        Assert.Equal(["kill", "murder"], p.Lemmas.Order(StringComparer.Ordinal));
        Assert.Equal(PredicateClass.Verb, p.Class);
        Assert.Equal(PredicateVoice.Passive, p.Voice);
        Assert.Collection(p.Roles,
            r => { Assert.Equal("patient", r.Role); Assert.Equal(FillerKind.Mention, r.Kind); Assert.Equal(MentionKind.Number, r.Mention); },
            r => { Assert.Equal("agent", r.Role); Assert.Equal(FillerKind.None, r.Kind); },
            r => { Assert.Equal("place", r.Role); Assert.Equal(MentionKind.Place, r.Mention); });
    }

    [Fact]
    public void A_lemma_filler_names_the_role_head()
    {
        var p = PredicateParser.Parse("open VERB patient:=fire|feu");
        var r = Assert.Single(p.Roles);
        Assert.Equal(FillerKind.Lemma, r.Kind);
        Assert.Contains("feu", (IReadOnlySet<string>)r.Lemmas);
        Assert.Equal(PredicateClass.Any, PredicateParser.Parse("attack").Class);
    }

    [Theory]
    [InlineData("agent:any", "starts with its lemmas")]
    [InlineData("kill subject:any", "unknown role 'subject'")]
    [InlineData("kill agent:PERSON", "unknown filler 'PERSON'")]
    [InlineData("kill agent:any agent:none", "given twice")]
    [InlineData("kill VERB fast", "neither VERB, NOUN")]
    [InlineData("attack NOUN passive", "no voice")]
    public void Rejects_a_broken_predicate_with_its_reason(string source, string reason)
    {
        var e = Assert.Throws<FormatException>(() => PredicateParser.Parse(source));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }
}
