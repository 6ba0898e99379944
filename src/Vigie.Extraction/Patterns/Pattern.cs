using System.Collections.Frozen;
using Vigie.Core;
using Vigie.Extraction.Engine;
using Vigie.Text;

namespace Vigie.Extraction.Patterns;

/// <summary>What a pattern element matches.</summary>
public enum ElementKind
{
    /// <summary>A word whose form or lemma is one of a set.</summary>
    Lemma,
    /// <summary>A word whose folded form is one of a set.</summary>
    Literal,
    /// <summary>A recognised mention of a kind (PLACE, ACTOR, NUMBER, DATE).</summary>
    Class,
    /// <summary>Up to N tokens of anything.</summary>
    Skip,
}

/// <summary>One element of a compiled pattern.</summary>
public sealed record PatternElement(
    ElementKind Kind,
    FrozenSet<string> Words,
    MentionKind Class,
    string? Slot,
    bool Optional,
    bool Repeated,
    int MaxSkip,
    bool Trigger,
    char Pos = '\0')
{
    /// <summary>True when the token matches a Lemma or Literal element.</summary>
    public bool MatchesWord(WordToken token)
    {
        if (Kind == ElementKind.Literal) return Words.Contains(token.Folded);
        if (Pos == 'v' && !token.HasFiniteVerbReading && (token.Forms & (VerbForm.PastParticiple | VerbForm.Infinitive | VerbForm.PresentParticiple)) == 0) return false;
        if (Pos == 'n' && !token.HasNounReading) return false;
        foreach (var l in token.Lemmas)
            if (Words.Contains(l)) return true;
        return false;
    }
}

/// <summary>A sequence of elements with one trigger.</summary>
public sealed record CompiledPattern(IReadOnlyList<PatternElement> Elements, int TriggerIndex, string Source);

/// <summary>Parses the pattern notation of <c>patterns*.yaml</c>.</summary>
/// <remarks>Elements are separated by blanks: <c>prise|conquete</c> lemmas, <c>"de|du"</c> literal forms,
/// <c>=de|du</c> too, <c>PLACE</c>/<c>ACTOR</c>/<c>NUMBER</c>/<c>DATE</c> mentions, <c>place:PLACE</c> a mention bound to an event
/// argument, a trailing <c>?</c> optional, a trailing <c>+</c> a coordinated list (<c>PLACE+</c>), <c>~N</c> up to N
/// tokens, <c>warn@v</c> only a verb form (<c>@n</c> a noun), a leading <c>^</c> the trigger (by default the first required word element).</remarks>
public static class PatternParser
{
    /// <summary>The argument slots an element may bind.</summary>
    public static readonly FrozenSet<string> Slots = new[] { "actor1", "actor2", "place", "quantity", "date", "claimant" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Parses one pattern; throws <see cref="FormatException"/> with a reason.</summary>
    public static CompiledPattern Parse(string source)
    {
        var elements = new List<PatternElement>();
        var trigger = -1;
        foreach (var raw in source.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var s = raw;
            var isTrigger = false;
            if (s.StartsWith('^')) { isTrigger = true; s = s[1..]; }
            if (s.Length == 0) throw new FormatException($"empty element in '{source}'");
            if (s[0] == '~')
            {
                var n = s.Length == 1 ? 5 : int.TryParse(s.AsSpan(1), out var k) && k > 0 ? k : throw new FormatException($"bad skip '{raw}'");
                elements.Add(new PatternElement(ElementKind.Skip, FrozenSet<string>.Empty, default, null, false, false, n, false));
                continue;
            }
            var optional = false;
            var repeated = false;
            while (s.Length > 1 && (s[^1] == '?' || s[^1] == '+') && !(s[0] == '"' && s.Length == 2))
            {
                if (s[^1] == '?') optional = true; else repeated = true;
                s = s[..^1];
            }
            if ((s.Length >= 2 && s[0] == '"' && s[^1] == '"') || (s.Length >= 2 && s[0] == '='))
            {
                var inner = s[0] == '=' ? s[1..] : s[1..^1];
                var words = inner.Split('|').Select(w => Folding.Fold(w)).ToFrozenSet(StringComparer.Ordinal);
                elements.Add(new PatternElement(ElementKind.Literal, words, default, null, optional, false, 0, isTrigger));
            }
            else
            {
                string? slot = null;
                var body = s;
                var colon = s.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    slot = s[..colon];
                    body = s[(colon + 1)..];
                    if (!Slots.Contains(slot)) throw new FormatException($"unknown slot '{slot}' (slots: {string.Join(", ", Slots)})");
                }
                MentionKind? cls = body switch
                {
                    "PLACE" => MentionKind.Place,
                    "ACTOR" => MentionKind.Actor,
                    "NUMBER" => MentionKind.Number,
                    "DATE" => MentionKind.Date,
                    _ => null,
                };
                if (cls is not null)
                {
                    if (isTrigger) throw new FormatException($"a mention cannot be the trigger: '{raw}'");
                    elements.Add(new PatternElement(ElementKind.Class, FrozenSet<string>.Empty, cls.Value, slot, optional, repeated, 0, false));
                }
                else
                {
                    if (slot is not null) throw new FormatException($"only mentions bind slots: '{raw}'");
                    var pos = '\0';
                    if (body.Length > 2 && body[^2] == '@' && body[^1] is 'v' or 'n') { pos = body[^1]; body = body[..^2]; }
                    if (body.Any(char.IsUpper)) throw new FormatException($"unknown class or upper-case lemma '{body}'");
                    var words = body.Split('|').Select(w => Folding.Fold(w)).ToFrozenSet(StringComparer.Ordinal);
                    elements.Add(new PatternElement(ElementKind.Lemma, words, default, null, optional, false, 0, isTrigger, pos));
                }
            }
            if (isTrigger)
            {
                if (trigger >= 0) throw new FormatException($"two triggers in '{source}'");
                if (optional) throw new FormatException($"the trigger cannot be optional: '{raw}'");
                trigger = elements.Count - 1;
            }
        }
        if (elements.Count == 0) throw new FormatException("empty pattern");
        if (trigger < 0) trigger = elements.FindIndex(e => e.Kind is ElementKind.Lemma or ElementKind.Literal && !e.Optional);
        if (trigger < 0) throw new FormatException($"no word to trigger '{source}'");
        elements[trigger] = elements[trigger] with { Trigger = true };
        return new CompiledPattern(elements, trigger, source);
    }
}
