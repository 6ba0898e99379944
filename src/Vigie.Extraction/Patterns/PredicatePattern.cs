using System.Collections.Frozen;
using Vigie.Core;
using Vigie.Text;

namespace Vigie.Extraction.Patterns;

/// <summary>The word class a predicate must have in the tagger's reading.</summary>
public enum PredicateClass
{
    /// <summary>A verb or a noun.</summary>
    Any,
    /// <summary>A verb (or auxiliary).</summary>
    Verb,
    /// <summary>A noun.</summary>
    Noun,
}

/// <summary>The voice a verbal predicate must have, read from the tree (auxiliary of the passive, agent, pronominal verb).</summary>
public enum PredicateVoice
{
    /// <summary>Either voice.</summary>
    Any,
    /// <summary>Active, including pronominal verbs ("s'est emparée").</summary>
    Active,
    /// <summary>Passive.</summary>
    Passive,
}

/// <summary>What fills a role of a predicate rule.</summary>
public enum FillerKind
{
    /// <summary>Some word stands in the role.</summary>
    Any,
    /// <summary>No word stands in the role.</summary>
    None,
    /// <summary>A recognised mention of a kind stands in the role.</summary>
    Mention,
    /// <summary>The role's head word has one of a set of lemmas.</summary>
    Lemma,
}

/// <summary>A role of a predicate rule and what must fill it.</summary>
/// <param name="Role">agent, patient or place.</param>
/// <param name="Kind">What must stand in the role.</param>
/// <param name="Mention">The mention kind, for <see cref="FillerKind.Mention"/>.</param>
/// <param name="Lemmas">The lemmas, for <see cref="FillerKind.Lemma"/>.</param>
public sealed record RoleFiller(string Role, FillerKind Kind, MentionKind Mention, FrozenSet<string> Lemmas);

/// <summary>A rule over the dependency tree: a predicate (a verb or event noun by lemma) and the roles its clause fills.</summary>
public sealed record PredicatePattern(FrozenSet<string> Lemmas, PredicateClass Class, PredicateVoice Voice, IReadOnlyList<RoleFiller> Roles, string Source);

/// <summary>Parses the predicate notation of <c>patterns*.yaml</c> (<c>predicate:</c> entries of a rule).</summary>
/// <remarks>Elements are separated by blanks: first the predicate's lemmas (<c>kill|murder</c>), then optionally
/// <c>VERB</c> or <c>NOUN</c>, <c>active</c> or <c>passive</c>, and roles <c>agent:F</c>, <c>patient:F</c>,
/// <c>place:F</c>, where F is <c>any</c> (some word), <c>none</c> (no word), <c>ACTOR</c>, <c>PLACE</c>, <c>NUMBER</c>
/// (a recognised mention in that role) or <c>=lemma|lemma</c> (the role's head word).</remarks>
public static class PredicateParser
{
    private static readonly FrozenSet<string> Roles = new[] { "agent", "patient", "place" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Parses one predicate pattern; throws <see cref="FormatException"/> with a reason.</summary>
    public static PredicatePattern Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parts = source.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) throw new FormatException("an empty predicate.");
        if (parts[0].Contains(':', StringComparison.Ordinal) || parts[0].StartsWith('='))
            throw new FormatException($"a predicate starts with its lemmas, not '{parts[0]}'.");
        var lemmas = Words(parts[0]);
        var cls = PredicateClass.Any;
        var voice = PredicateVoice.Any;
        var roles = new List<RoleFiller>();
        foreach (var p in parts.Skip(1))
        {
            switch (p)
            {
                case "VERB": cls = PredicateClass.Verb; continue;
                case "NOUN": cls = PredicateClass.Noun; continue;
                case "active": voice = PredicateVoice.Active; continue;
                case "passive": voice = PredicateVoice.Passive; continue;
            }
            var colon = p.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) throw new FormatException($"'{p}' is neither VERB, NOUN, active, passive nor role:filler.");
            var role = p[..colon];
            var filler = p[(colon + 1)..];
            if (!Roles.Contains(role)) throw new FormatException($"unknown role '{role}' (roles: agent, patient, place).");
            if (roles.Any(r => r.Role == role)) throw new FormatException($"role '{role}' is given twice.");
            roles.Add(filler switch
            {
                "any" => new RoleFiller(role, FillerKind.Any, default, FrozenSet<string>.Empty),
                "none" => new RoleFiller(role, FillerKind.None, default, FrozenSet<string>.Empty),
                "ACTOR" => new RoleFiller(role, FillerKind.Mention, MentionKind.Actor, FrozenSet<string>.Empty),
                "PLACE" => new RoleFiller(role, FillerKind.Mention, MentionKind.Place, FrozenSet<string>.Empty),
                "NUMBER" => new RoleFiller(role, FillerKind.Mention, MentionKind.Number, FrozenSet<string>.Empty),
                _ when filler.StartsWith('=') && filler.Length > 1 => new RoleFiller(role, FillerKind.Lemma, default, Words(filler[1..])),
                _ => throw new FormatException($"unknown filler '{filler}' of role '{role}' (any, none, ACTOR, PLACE, NUMBER, =lemma|lemma)."),
            });
        }
        if (cls == PredicateClass.Noun && voice != PredicateVoice.Any) throw new FormatException("a noun predicate has no voice.");
        return new PredicatePattern(lemmas, cls, voice, roles, source);
    }

    private static FrozenSet<string> Words(string s) =>
        s.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(w => Folding.Fold(w)).ToFrozenSet(StringComparer.Ordinal);
}
