using System.Collections.Frozen;
using Vigie.Core;

namespace Vigie.Text;

/// <summary>Finds dates with the language's patterns and resolves them against the document date (CONTRACT §2).</summary>
internal sealed partial class DateRecognizer
{
    private const int MaxCaptures = 12;
    private readonly DateLexicon _lex;
    private readonly NumberLexicon _numbers;
    /// <summary>The language's form lexicon: its verb tenses tell a clause's tense ("réunira" is a future).</summary>
    private readonly Lexicon _words;
    private readonly string _rulePrefix;

    public DateRecognizer(string code, DateLexicon lexicon, NumberLexicon numbers, Lexicon words)
    {
        _lex = lexicon;
        _words = words;
        _numbers = numbers;
        _rulePrefix = code + "/date/";
        _ordinalWords = OrdinalWords(numbers);
        _wordSlots = WordSlots(lexicon, numbers, _ordinalWords);
    }

    private readonly FrozenDictionary<string, uint> _wordSlots;

    /// <summary>Ordinal words the number table does not list, made of a cardinal and an ordinal suffix ("dixième",
    /// "quinzième": "dix", "quinze" + "ième"), built once.</summary>
    private readonly FrozenDictionary<string, int> _ordinalWords;

    private static FrozenDictionary<string, int> OrdinalWords(NumberLexicon numbers)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in numbers.Words.FirstAtoms)
        {
            if (numbers.Words.Match([new Atom(0, 0, word, 0, TokenShape.Word)], 0, out _) is not { Cardinal: { } c } || c is < 1 or > 31) continue;
            foreach (var suffix in numbers.OrdinalSuffixes.Where(x => x.Length >= 3))
            {
                result.TryAdd(word + suffix, (int)c);
                if (word.EndsWith('e')) result.TryAdd(word[..^1] + suffix, (int)c);
            }
        }
        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed class MatchState(PartialDate? documentDate, int depth, uint[] masks)
    {
        /// <summary>The slots each atom may fill (<see cref="SlotMask"/>).</summary>
        public readonly uint[] Masks = masks;
        public readonly DateCapture[] Captures = new DateCapture[MaxCaptures];
        public readonly DateCapture[] Best = new DateCapture[MaxCaptures];
        public int BestCount;
        public int BestEnd;
        public (DateRule Rule, int Lead, int Tail)? BestRule;
        public int Sentence;
        public readonly PartialDate? DocumentDate = documentDate;
        /// <summary>0 for a match in the text, 1 inside a <c>&lt;date&gt;</c> slot (which holds no other).</summary>
        public readonly int Depth = depth;
        /// <summary>The state a <c>&lt;date&gt;</c> slot matches with, made once.</summary>
        public MatchState? Inner;
    }

    public IReadOnlyList<DateMention> Recognize(string text, Atom[] atoms, List<Token> tokens, PartialDate? documentDate, List<DateMention> spans)
    {
        List<DateMention>? result = null;
        var masks = SlotMasks(atoms);
        try
        {
            Recognize(text, atoms, tokens, documentDate, spans, masks, ref result);
        }
        finally
        {
            System.Buffers.ArrayPool<uint>.Shared.Return(masks);
        }
        return result ?? (IReadOnlyList<DateMention>)[];
    }

    private void Recognize(string text, Atom[] atoms, List<Token> tokens, PartialDate? documentDate, List<DateMention> spans, uint[] masks, ref List<DateMention>? result)
    {
        MatchState? state = null;
        for (var i = 0; i < atoms.Length; i++)
        {
            if ((masks[i] & DateBit) == 0) continue;
            state ??= new MatchState(documentDate, 0, masks);
            state.BestRule = null;
            state.BestEnd = i;
            state.Sentence = tokens[atoms[i].Token].Sentence;
            Walk(text, atoms, tokens, _lex.Root, i, 0, state);
            if (state.BestRule is { Lead: > 0 } led)
            {
                // A match led by context words ("on Friday") may hide a longer one that starts after them ("on Friday, August 13").
                var first = (Rule: led, End: state.BestEnd, Count: state.BestCount);
                var saved = state.Best.AsSpan(0, state.BestCount).ToArray();
                state.BestRule = null;
                state.BestEnd = i + led.Lead;
                Walk(text, atoms, tokens, _lex.Root, i + led.Lead, 0, state);
                if (state.BestRule is not { } inner || state.BestEnd <= first.End)
                {
                    state.BestRule = first.Rule;
                    state.BestEnd = first.End;
                    state.BestCount = first.Count;
                    saved.CopyTo(state.Best, 0);
                }
                else
                {
                    state.BestRule = inner with { Lead = inner.Lead + led.Lead };
                }
            }
            if (state.BestRule is not { } found) continue;
            state.BestEnd -= Math.Min(found.Tail, state.BestEnd - i - found.Lead - 1);
            while (state.BestEnd - 1 > i && atoms[state.BestEnd - 1].Text == ",") state.BestEnd--;
            var startAtom = Math.Min(i + found.Lead, state.BestEnd - 1);
            while (startAtom < state.BestEnd - 1 && atoms[startAtom].Text == ",") startAtom++;
            var value = DateResolver.SafeResolve(found.Rule, state.Best.AsSpan(0, state.BestCount), documentDate,
                (found.Rule.PastPeriod || found.Rule.Resolve == Resolution.Holiday) && IsPastClause(atoms, tokens, startAtom, state.BestEnd));
            // "The council will meet on Thursday", "le conseil se réunira jeudi": a bare weekday of a future verb is the coming one.
            if (value is not null && found.Rule.TenseDependent && IsFutureNear(atoms, tokens, i, state.BestEnd)) value = AsFuture(value, documentDate);
            {
                var start = atoms[startAtom].Start;
                var end = atoms[state.BestEnd - 1].End;
                // Every match blocks numbers, even one that cannot be resolved without a document date ("en dix ans").
                var mention = new DateMention(start, end, text[start..end], _rulePrefix + found.Rule.Id, value ?? Unresolved);
                spans.Add(mention);
                if (value is not null) (result ??= []).Add(mention);
            }
            i = state.BestEnd - 1;
        }
    }

    private static readonly DateValue Unresolved = new("0000", DatePrecision.Year);

    private void Walk(string text, Atom[] atoms, List<Token> tokens, DateLexicon.Node node, int i, int captures, MatchState state)
    {
        if (node.Rule is { } rule && (state.BestRule is null || i > state.BestEnd))
        {
            state.BestRule = rule;
            state.BestEnd = i;
            state.BestCount = captures;
            state.Captures.AsSpan(0, captures).CopyTo(state.Best);
        }
        if (i >= atoms.Length || tokens[atoms[i].Token].Sentence != state.Sentence) return;
        if (node.Words is not null && node.Words.TryGetValue(atoms[i].Text, out var next))
            Walk(text, atoms, tokens, next, i + 1, captures, state);
        if (node.Slots is null || captures >= MaxCaptures) return;
        var mask = state.Masks[i];
        foreach (var (slot, child) in node.Slots)
        {
            if ((mask & SlotBit(slot)) == 0) continue;
            // A nested date that must be followed by given words ("de <date> à <date>") is read only when one of them comes soon.
            if (slot == Slot.Date && (child is { Rule: null, Slots: null, Words: { } followers } && !AnyAhead(atoms, tokens, i, followers, state.Sentence))) continue;
            if (!TrySlot(text, atoms, tokens, i, slot, state, out var end, out var capture)) continue;
            state.Captures[captures] = capture;
            Walk(text, atoms, tokens, child, end, captures + 1, state);
        }
    }

    private const int DateSlotLookahead = 10;

    private static bool AnyAhead(Atom[] atoms, List<Token> tokens, int i, Dictionary<string, DateLexicon.Node> words, int sentence)
    {
        for (var k = i + 1; k < atoms.Length && k <= i + DateSlotLookahead && tokens[atoms[k].Token].Sentence == sentence; k++)
            if (words.ContainsKey(atoms[k].Text)) return true;
        return false;
    }

        private bool NameCaseOk(in Atom a) => a.IsCapitalized || !_lex.CapitalOnly.Contains(a.Text);

    /// <summary>Whether a name is glued to a slash or hyphen of a date in digits ("2020/mar/15"), where case tells nothing.</summary>
    private static bool IsGlued(Atom[] atoms, int i) =>
        (i > 0 && atoms[i - 1].End == atoms[i].Start && atoms[i - 1].Text is "/" or "-")
        || (i + 1 < atoms.Length && atoms[i + 1].Start == atoms[i].End && atoms[i + 1].Text is "/" or "-");

    /// <summary>Whether a name that counts only with its full stop has it and a number beside it, and one that counts only next to a day ("mer 12",
    /// "Wed., Aug. 11", "5 Jan") has a day number or a month name after it, or a number before it.</summary>
    private bool BeforeDayOk(Atom[] atoms, int i, int end)
    {
        var nextToDay = IsDayOrMonth(atoms, end < atoms.Length && atoms[end].Text == "," ? end + 1 : end)
            || i > 0 && atoms[i - 1].Shape is TokenShape.Number or TokenShape.NumberWithSuffix && atoms[i - 1].Text.Length <= 4;
        // "sept." alone ends a sentence ("Ils étaient sept."): a dotted-only name needs its dot and a number beside it.
        return (!_lex.DottedOnly.Contains(atoms[i].Text) || end > i + 1 && nextToDay)
            && (!_lex.BeforeDayOnly.Contains(atoms[i].Text) || nextToDay);
    }

    private bool IsDayOrMonth(Atom[] atoms, int k) =>
        k < atoms.Length && (atoms[k].Shape is TokenShape.Number or TokenShape.NumberWithSuffix && atoms[k].Text.Length <= 4 || _lex.Months.ContainsKey(atoms[k].Text));

    /// <summary>Whether the rule reads a weekday whose day depends on the verb's tense ("jeudi", "ce jeudi", "on Thursday").</summary>
    public bool IsTenseDependent(string rule) =>
        rule.StartsWith(_rulePrefix, StringComparison.Ordinal)
        && _lex.RulesById.TryGetValue(rule[_rulePrefix.Length..], out var r) && r.TenseDependent;

    /// <summary>The value of a tense-dependent weekday mention read as future; other mentions keep theirs.</summary>
    public DateValue ResolveAsFuture(DateMention mention, PartialDate? doc) =>
        IsTenseDependent(mention.Rule) ? AsFuture(mention.Date, doc) : mention.Date;

    private static DateValue AsFuture(DateValue value, PartialDate? doc) =>
        value.Weekday is { } name && Enum.TryParse<DayOfWeek>(name, true, out var wd) ? DateResolver.ResolveWeekday(wd, 0, doc, future: true) ?? value : value;
}
