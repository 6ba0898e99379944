using Vigie.Extraction.Patterns;

namespace Vigie.Extraction.Engine;

/// <summary>Light coreference of event nouns: "the attack", "l'attaque", "this assault" speak of an event already told.</summary>
internal static class Coreference
{
    /// <summary>How many words (adjectives, a compound's parts: "the 3-day attack") may stand between the determiner and the noun.</summary>
    private const int Reach = 3;

    /// <summary>True when the noun that triggers an event follows a definite or demonstrative determiner of its own phrase
    /// (<c>anaphoric_determiners</c> in <c>patterns.yaml</c>), with nothing but plain words between them.</summary>
    public static bool IsAnaphoric(SentenceView v, int trigger, Grammar grammar)
    {
        if (grammar.AnaphoricDeterminers.Count == 0) return false;
        for (var i = trigger - 1; i >= 0 && i >= trigger - 1 - Reach; i--)
        {
            var t = v.Tokens[i];
            if (!t.IsWord || v.Ending(i).Count > 0) return false;
            if (grammar.AnaphoricDeterminers.Contains(t.Folded)) return true;
            if (grammar.Determiners.Contains(t.Folded) || grammar.PlacePrepositions.Contains(t.Folded)) return false;
        }
        return false;
    }
}
