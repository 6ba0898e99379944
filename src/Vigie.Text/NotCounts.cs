using System.Collections.Frozen;

namespace Vigie.Text;

/// <summary>The contexts where a number names, dates or ages something rather than counting it (<c>numbers.yaml</c>,
/// <c>not_counts</c>): "route 7", "14 h 30", "9 a.m.", "âgé de 45 ans", "a 45-year-old", "12 rue de la Paix".</summary>
internal sealed class NotCounts
{
    private const int LabelAtoms = 3;
    private const int StreetNameAtoms = 2;

    /// <summary>Words a number after names a thing: "route 7", "unité 731", "flight 17".</summary>
    public required PhraseTrie<string> Labels { get; init; }
    /// <summary>Words that make the number before them a time of day: "14 h", "9 pm", "0900 GMT".</summary>
    public required PhraseTrie<string> ClockAfter { get; init; }
    /// <summary>Hour words that make a time only after a clock preposition: "à 14 heures", not "14 heures de combats".</summary>
    public required FrozenSet<string> ClockHours { get; init; }
    public required PhraseTrie<string> ClockPrepositions { get; init; }
    /// <summary>Words before a number that make it an age: "âgé de", "aged".</summary>
    public required PhraseTrie<string> AgeBefore { get; init; }
    /// <summary>Words after a number that make it an age: "years old", "-year-old".</summary>
    public required PhraseTrie<string> AgeAfter { get; init; }
    /// <summary>"ans", "years": an age after "de" following a person ("un homme de 45 ans").</summary>
    public required FrozenSet<string> AgeUnits { get; init; }
    public required FrozenSet<string> AgeHolders { get; init; }
    /// <summary>Street words said before the street's name: a number right before one is an address ("12 rue de la Paix").</summary>
    public required FrozenSet<string> StreetsBeforeName { get; init; }
    /// <summary>Street words said after the name: a number one or two names before one is an address ("10 Downing Street").</summary>
    public required FrozenSet<string> StreetsAfterName { get; init; }

    public static NotCounts Load(YamlFile y, Func<string, string[]> phrase)
    {
        var map = y.Mapping(y.Root, "not_counts");
        PhraseTrie<string> Trie(string key)
        {
            var t = new PhraseTrie<string>();
            if (map is null) return t;
            foreach (var (p, node) in y.Strings(map, key))
            {
                var atoms = phrase(p);
                if (atoms.Length == 0) y.Problem(node, "empty phrase");
                else t.Add(atoms, p);
            }
            return t;
        }
        FrozenSet<string> Set(string key) => map is null ? FrozenSet<string>.Empty
            : y.Strings(map, key).SelectMany(s => phrase(s.Value)).ToFrozenSet(StringComparer.Ordinal);
        return new NotCounts
        {
            Labels = Trie("labels"),
            ClockAfter = Trie("clock_after"),
            ClockHours = Set("clock_hours"),
            ClockPrepositions = Trie("clock_prepositions"),
            AgeBefore = Trie("age_before"),
            AgeAfter = Trie("age_after"),
            AgeUnits = Set("age_units"),
            AgeHolders = Set("age_holders"),
            StreetsBeforeName = Set("streets_before_name"),
            StreetsAfterName = Set("streets_after_name"),
        };
    }

    /// <summary>Whether the number read from atom <paramref name="first"/> (its digits or words from
    /// <paramref name="numberStart"/>) to <paramref name="end"/> is not a count; <paramref name="counted"/> says whether
    /// a counted noun follows it, which keeps a count after a label word ("dans le district, 12 civils").</summary>
    public bool Applies(Atom[] atoms, int first, int numberStart, int end, decimal value, bool counted, IReadOnlySet<string> of)
    {
        var digits = atoms[numberStart].Shape == TokenShape.Number;
        // Digits glued after letters are a code: "RN7", "G20", "MH17".
        if (digits && numberStart > 0 && atoms[numberStart - 1].End == atoms[numberStart].Start && atoms[numberStart - 1].IsWord) return true;
        if (IsTime(atoms, first, numberStart, end, digits, value)) return true;
        if (IsAge(atoms, first, end, of)) return true;
        if (digits && IsAddress(atoms, end)) return true;
        return !counted && Labels.MatchEndingAt(atoms, first, LabelAtoms, out _) is not null;
    }

    private bool IsTime(Atom[] atoms, int first, int numberStart, int end, bool digits, decimal value)
    {
        if (!digits && atoms[numberStart].Shape != TokenShape.NumberWithSuffix) return false;
        if (ClockAfter.Match(atoms, end, out _) is not null) return true;
        // Minutes after the hour: "14h30", "14 h 30", "14 heures 30".
        if (numberStart > 0)
        {
            var prev = atoms[numberStart - 1];
            if (prev.Shape == TokenShape.NumberWithSuffix && prev.End == atoms[numberStart].Start) return IsClockSuffix(prev.Text);
            if (numberStart > 1 && (ClockAfter.Match(atoms, numberStart - 1, out var ce) is not null && ce == numberStart || ClockHours.Contains(prev.Text))
                && atoms[numberStart - 2].Shape is TokenShape.Number) return true;
        }
        // "à 14 heures", "at 1400 hours": an hour of the day after a clock preposition.
        var hour = value is >= 0 and <= 24 || (atoms[numberStart].Text.Length == 4 && value <= 2359);
        return hour && end < atoms.Length && ClockHours.Contains(atoms[end].Text) && ClockPrepositions.MatchEndingAt(atoms, first, 3, out _) is not null;
    }

    private bool IsClockSuffix(string token)
    {
        var k = 0;
        while (k < token.Length && token[k] is >= '0' and <= '9') k++;
        var suffix = token[k..];
        var atom = new[] { new Atom(0, suffix.Length, suffix, 0, TokenShape.Word) };
        return ClockAfter.Match(atom, 0, out _) is not null || ClockHours.Contains(suffix);
    }

    private bool IsAge(Atom[] atoms, int first, int end, IReadOnlySet<string> of)
    {
        if (AgeBefore.MatchEndingAt(atoms, first, 3, out _) is not null) return true;
        if (AgeAfter.Match(atoms, end, out _) is not null) return true;
        // "45 ans", and "une quarantaine d'années" after a person.
        var unitAt = end + 1 < atoms.Length && of.Contains(atoms[end].Text) ? end + 1 : end;
        var unit = unitAt < atoms.Length && AgeUnits.Contains(atoms[unitAt].Text);
        // "un homme de 45 ans", "des enfants de 5 à 12 ans".
        if (unit && first > 1 && of.Contains(atoms[first - 1].Text) && AgeHolders.Contains(atoms[first - 2].Text)) return true;
        // "Paul Martin, 45 ans, …", "John Smith, 45, said", "a soldier, 21, was wounded": a number between commas after
        // a name or a person.
        var after = unit ? unitAt + 1 : end;
        return first > 1 && atoms[first - 1].Text == "," && (atoms[first - 2].IsCapitalized || AgeHolders.Contains(atoms[first - 2].Text))
               && after < atoms.Length && atoms[after].Text is "," or ")"
               && atoms[first].Shape == TokenShape.Number;
    }

    /// <summary>"10 Downing Street", "12, rue de la Paix".</summary>
    private bool IsAddress(Atom[] atoms, int end)
    {
        var k = end < atoms.Length && atoms[end].Text == "," ? end + 1 : end;
        if (k < atoms.Length && StreetsBeforeName.Contains(atoms[k].Text)) return true;
        for (var n = 0; k < atoms.Length && n <= StreetNameAtoms; n++, k++)
        {
            if (n > 0 && StreetsAfterName.Contains(atoms[k].Text)) return true;
            if (!atoms[k].IsCapitalized) return false;
        }
        return false;
    }
}
