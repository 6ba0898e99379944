using System.Collections.Frozen;

namespace Vigie.Text;

/// <summary>Which slots an atom could fill, found with one lookup per atom: a walk then tries only those slots, instead of
/// every slot of a pattern node at every token after a context word ("the", "de").</summary>
internal sealed partial class DateRecognizer
{
    private const uint NumberWordBit = 1u << 31;
    private static readonly uint DateBit = SlotBit(Slot.Date);
    private static readonly uint NumberSlots = SlotBit(Slot.Day) | SlotBit(Slot.MonthNumber) | SlotBit(Slot.Year) | SlotBit(Slot.Count)
        | SlotBit(Slot.Numeric) | SlotBit(Slot.Decade) | SlotBit(Slot.DecadeNumber) | SlotBit(Slot.ShortYear);
    private static readonly uint SuffixedNumberSlots = SlotBit(Slot.Day) | SlotBit(Slot.Nth) | SlotBit(Slot.Ordinal) | SlotBit(Slot.Count)
        | SlotBit(Slot.Decade) | SlotBit(Slot.DecadeNumber);
    private static readonly uint NumberWordSlots = SlotBit(Slot.Day) | SlotBit(Slot.Ordinal) | SlotBit(Slot.Year) | SlotBit(Slot.Count);

    private static uint SlotBit(Slot slot) => 1u << (int)slot;

    /// <summary>For every word a slot can start with, the slots it may fill (built once from the lexicons).</summary>
    private static FrozenDictionary<string, uint> WordSlots(DateLexicon lex, NumberLexicon numbers, FrozenDictionary<string, int> ordinalWords)
    {
        var result = new Dictionary<string, uint>(StringComparer.Ordinal);
        void Add(string word, uint bits) => result[word] = result.GetValueOrDefault(word) | bits;
        foreach (var w in lex.Months.Keys) Add(w, SlotBit(Slot.Month));
        foreach (var w in lex.Weekdays.Keys) Add(w, SlotBit(Slot.Weekday));
        foreach (var w in lex.Units.FirstAtoms) Add(w, SlotBit(Slot.Unit));
        foreach (var w in lex.Holidays.FirstAtoms) Add(w, SlotBit(Slot.Holiday));
        foreach (var w in numbers.Words.FirstAtoms) Add(w, NumberWordBit);
        foreach (var w in ordinalWords.Keys) Add(w, NumberWordBit);
        // A comma only opens a pattern when an optional weekday before it is missing; starting there would hide a longer
        // match that starts after it.
        foreach (var w in lex.Triggers) if (w != ",") Add(w, DateBit);
        // "'91", "'90s": the apostrophe before a two-digit year.
        Add("'", SlotBit(Slot.ShortYear) | SlotBit(Slot.Decade) | SlotBit(Slot.DecadeNumber));
        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The slots atom <paramref name="a"/> may fill: a superset of those <see cref="TrySlot"/> accepts there.</summary>
    private uint SlotMask(in Atom a)
    {
        var m = _wordSlots.GetValueOrDefault(a.Text);
        // A number starts a date when some pattern starts with a slot.
        var canStartNumber = _lex.Root.Slots is not null ? DateBit : 0u;
        switch (a.Shape)
        {
            case TokenShape.Number:
                return (m & ~(DateBit | NumberWordBit)) | NumberSlots | canStartNumber;
            case TokenShape.NumberWithSuffix:
                return (m & ~(DateBit | NumberWordBit)) | SuffixedNumberSlots | canStartNumber;
            default:
                if (a.IsWord) return (m & NumberWordBit) != 0 ? (m & ~NumberWordBit) | NumberWordSlots : m;
                // A sign or a bare decimal point may start a count ("-3", ",05").
                return (m & ~NumberWordBit) | SlotBit(Slot.Count);
        }
    }

    /// <summary>The slot masks of a document's atoms, in a rented array the caller returns.</summary>
    private uint[] SlotMasks(Atom[] atoms)
    {
        var masks = System.Buffers.ArrayPool<uint>.Shared.Rent(Math.Max(1, atoms.Length));
        for (var i = 0; i < atoms.Length; i++) masks[i] = SlotMask(atoms[i]);
        return masks;
    }
}
