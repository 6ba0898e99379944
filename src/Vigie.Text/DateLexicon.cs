using System.Collections.Frozen;
using YamlDotNet.RepresentationModel;

namespace Vigie.Text;

/// <summary>What a slot of a date pattern reads.</summary>
internal enum Slot : byte
{
    /// <summary>A day of the month: 1–31 in digits, "1er", "3rd", a number word, an ordinal word.</summary>
    Day,
    /// <summary>A day in digits with an ordinal suffix only ("1er", "3rd"), for patterns without a month.</summary>
    Nth,
    /// <summary>A month name or abbreviation (an adjacent full stop is read with it).</summary>
    Month,
    /// <summary>A month in digits, 1–12.</summary>
    MonthNumber,
    /// <summary>A year in four digits.</summary>
    Year,
    /// <summary>A weekday name.</summary>
    Weekday,
    /// <summary>A count in digits or words, an article counting as one ("une semaine").</summary>
    Count,
    /// <summary>A unit of time (day, week, month, year).</summary>
    Unit,
    /// <summary>A date in digits in one token: "03/08/2021".</summary>
    Numeric,
    /// <summary>A decade written in the plural: "1990s", "90s", "'90s".</summary>
    Decade,
    /// <summary>A decade written as its first year, where the rule's words already say "decade" ("les années 90").</summary>
    DecadeNumber,
    /// <summary>An ordinal: "2nd", "2e", "second", "deuxième".</summary>
    Ordinal,
    /// <summary>A year in two digits ("91", "'91"), put in the latest century that is not after the document's year.</summary>
    ShortYear,
    /// <summary>A whole date read by another pattern ("3 days after <c>June 2</c>").</summary>
    Date,
    /// <summary>A named day of <c>holidays.tsv</c>.</summary>
    Holiday,
}

/// <summary>How a matched date pattern is resolved against the document date.</summary>
/// <c>None</c> reads a phrase that only looks like a date ("un jeudi", "on a Monday") so that no other pattern reads it.
/// <c>NthPart</c> reads the k-th part of a year, <c>months</c> long ("the first quarter of 2020", "le second semestre").
internal enum Resolution : byte { Date, Weekday, Relative, Period, Since, Range, Decade, Holiday, NthWeekday, NthDay, NthWeek, Shift, WeekWeekday, NthPart, None }

/// <summary>Units of time.</summary>
internal enum TimeUnit : byte { Hour, Day, Week, Weekend, Month, Year }

/// <summary>A word of <c>time-units.tsv</c>: its unit and how many of it the word is ("fortnight": two weeks).</summary>
internal sealed record UnitWord(TimeUnit Unit, int Factor);

/// <summary>One date rule of <c>dates.yaml</c>.</summary>
internal sealed record DateRule(
    string Id,
    Resolution Resolve,
    int Direction,
    TimeUnit? Unit,
    int? Count,
    bool Calendar,
    bool TenseDependent,
    int Skip = 0,
    int Base = 0,
    bool PastPeriod = false,
    int Months = 0);

/// <summary>A language's date words and patterns (<c>months.tsv</c>, <c>weekdays.tsv</c>, <c>time-units.tsv</c>, <c>dates.yaml</c>).</summary>
internal sealed class DateLexicon
{
    internal sealed class Node
    {
        public Dictionary<string, Node>? Words;
        public List<(Slot Slot, Node Next)>? Slots;
        public (DateRule Rule, int Lead, int Tail)? Rule;
    }

    public required Node Root { get; init; }
    public required FrozenDictionary<string, int> Months { get; init; }
    public required FrozenDictionary<string, DayOfWeek> Weekdays { get; init; }
    public required PhraseTrie<UnitWord> Units { get; init; }
    public required PhraseTrie<Holiday> Holidays { get; init; }
    /// <summary>Names that count only when capitalised ("May", "March", "Sat").</summary>
    public required FrozenSet<string> CapitalOnly { get; init; }
    /// <summary>Names that count only right before a day number ("mer 12", "jeu 3").</summary>
    public required FrozenSet<string> BeforeDayOnly { get; init; }
    /// <summary>Names that count only with their full stop ("sept." in French).</summary>
    public required FrozenSet<string> DottedOnly { get; init; }
    /// <summary>Words that make a clause future or modal, past-tense words and endings (<c>dates.yaml</c> <c>tense</c>).</summary>
    public required FrozenSet<string> FutureCues { get; init; }
    public required FrozenSet<string> PastCues { get; init; }
    public required string[] PastSuffixes { get; init; }
    /// <summary>Auxiliaries that make the participle after them a past ("has said", "a déclaré").</summary>
    public required FrozenSet<string> PerfectAuxiliaries { get; init; }
    public required bool CapitalizedNames { get; init; }
    public required FrozenSet<string> Abbreviations { get; init; }
    public required FrozenSet<string> SlotStarts { get; init; }
    /// <summary>Every atom a pattern may start with: the first words, month and weekday names, number words.</summary>
    public FrozenSet<string> Triggers { get; private set; } = FrozenSet<string>.Empty;
    public required FrozenDictionary<string, DateRule> RulesById { get; init; }

    private const int MaxExpansions = 4096;

    public static DateLexicon? Load(LanguageProfile.Files files, Func<string, string[]> phrase, NumberLexicon? numbers, bool capitalizedNames, IEnumerable<string> abbreviations, DataProblems problems)
    {
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        var weekdays = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal);
        var units = new PhraseTrie<UnitWord>();
        var capitalOnly = new HashSet<string>(StringComparer.Ordinal);
        var beforeDay = new HashSet<string>(StringComparer.Ordinal);
        var dotted = new HashSet<string>(StringComparer.Ordinal);
        ReadTable(files.Require("months.tsv", problems), problems, phrase, months, v => int.TryParse(v, out var m) && m is >= 1 and <= 12 ? m : null, "a month number 1-12", capitalOnly, beforeDay, dotted);
        ReadTable(files.Require("weekdays.tsv", problems), problems, phrase, weekdays, v => Enum.TryParse<DayOfWeek>(v, true, out var d) ? d : null, "an English weekday name (monday…sunday)", capitalOnly, beforeDay, dotted);
        if (!capitalizedNames) capitalOnly.Clear();
        var unitFile = files.Require("time-units.tsv", problems);
        if (File.Exists(unitFile))
            foreach (var (line, cols) in TsvFile.Read(unitFile, 2, problems))
            {
                var factor = 1;
                if (!Enum.TryParse<TimeUnit>(cols[1], true, out var u)) problems.Add(unitFile, line, $"'{cols[1]}' is not hour, day, week, weekend, month or year");
                else if (cols.Length > 2 && cols[2].Trim().Length > 0 && (!int.TryParse(cols[2], out factor) || factor is < 1 or > 100)) problems.Add(unitFile, line, $"'{cols[2]}' is not a count 1-100 of the unit");
                else if (!units.Add(phrase(cols[0]), new(u, factor))) problems.Add(unitFile, line, $"duplicate word '{cols[0]}'");
            }
        var holidays = new PhraseTrie<Holiday>();
        var holidayFile = files.Require("holidays.tsv", problems);
        if (File.Exists(holidayFile))
            foreach (var (line, cols) in TsvFile.Read(holidayFile, 2, problems))
            {
                var none = cols[1].Trim() == "none";
                var start = none ? null : HolidayRule.Parse(cols[1]);
                var endRule = cols.Length > 2 && cols[2].Trim().Length > 0 ? HolidayRule.Parse(cols[2]) : null;
                if (start is null && !none) { problems.Add(holidayFile, line, $"'{cols[1]}' is not a holiday rule (MM-DD, YYYY-MM-DD, easter, orthodox-easter, hijri:MM-DD, persian:MM-DD, hebrew:MM-DD, nth:MM:weekday:N, then an optional +N/-N; or none)"); continue; }
                if (cols.Length > 2 && cols[2].Trim().Length > 0 && endRule is null) { problems.Add(holidayFile, line, $"'{cols[2]}' is not a holiday rule"); continue; }
                var holiday = new Holiday(cols[0], start, endRule);
                // Spellings that fold to the same atoms ("aïd el-fitr", "aïd el fitr") are one name.
                foreach (var atoms in cols[0].Split('|').Select(n => phrase(n.Trim())).DistinctBy(a => string.Join(' ', a)))
                    if (!holidays.Add(atoms, holiday)) problems.Add(holidayFile, line, $"duplicate name '{string.Join(' ', atoms)}'");
            }

        var path = files.Require("dates.yaml", problems);
        var y = File.Exists(path) ? YamlFile.Load(path, problems) : null;
        if (y is null || numbers is null) return null;
        var tense = y.Root.Children.TryGetValue(new YamlScalarNode("tense"), out var tn) ? tn as YamlMappingNode : null;
        string[] Words(string key) => tense is not null && tense.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlSequenceNode list
            ? [.. list.Children.OfType<YamlScalarNode>().Select(n => Folding.Fold(n.Value ?? ""))] : [];
        var root = new Node();
        var starts = new HashSet<string>(StringComparer.Ordinal);
        var rules = new Dictionary<string, DateRule>(StringComparer.Ordinal);
        var seq = y.Sequence(y.Root, "patterns", required: true);
        foreach (var item in seq?.Children ?? [])
        {
            if (item is not YamlMappingNode m) { y.Problem(item, "each pattern must be a mapping (id, match, resolve)"); continue; }
            var id = y.Scalar(m, "id", required: true);
            var match = y.Scalar(m, "match", required: true);
            var resolveName = y.Scalar(m, "resolve", required: true);
            if (id is null || match is null || resolveName is null) continue;
            if (rules.ContainsKey(id)) { y.Problem(m, $"duplicate pattern id '{id}'"); continue; }
            if (!Enum.TryParse<Resolution>(resolveName.Replace("-", "", StringComparison.Ordinal), true, out var resolve)) { y.Problem(m, $"unknown resolve '{resolveName}' (date, weekday, relative, period, since, range, decade, holiday, nth-weekday, nth-day, nth-week, nth-part, shift, week-weekday, none)"); continue; }
            var direction = y.Scalar(m, "direction") switch { null or "this" => 0, "last" => -1, "next" => 1, var d => Bad(y, m, $"direction must be this, last or next, not '{d}'") };
            var sign = y.Scalar(m, "sign") switch { null => -1, "past" => -1, "present" => 0, "future" => 1, var d => Bad(y, m, $"sign must be past, present or future, not '{d}'") };
            TimeUnit? unit = null;
            if (y.Scalar(m, "unit") is { } u)
            {
                if (Enum.TryParse<TimeUnit>(u, true, out var tu)) unit = tu;
                else y.Problem(m, $"unknown unit '{u}'");
            }
            int? count = y.Scalar(m, "count") is { } c ? (int.TryParse(c, out var ci) ? ci : Bad(y, m, "count must be an integer")) : null;
            var calendar = y.Scalar(m, "anchor") is "calendar";
            int Int(string key) => y.Scalar(m, key) is { } v ? (int.TryParse(v, System.Globalization.NumberStyles.AllowLeadingSign, null, out var k) ? k : Bad(y, m, $"{key} must be an integer")) : 0;
            var signed = resolve is Resolution.Relative or Resolution.Shift or Resolution.WeekWeekday || (resolve == Resolution.Period && sign > 0);
            var pastPeriod = y.Scalar(m, "past") switch { null => false, "period" => true, var p => Bad(y, m, $"past must be period, not '{p}'") != 0 };
            var partMonths = Int("months");
            if (resolve == Resolution.NthPart && partMonths is not (1 or 2 or 3 or 4 or 6)) y.Problem(m, $"'{id}': an nth-part pattern needs months: 1, 2, 3, 4 or 6");
            var rule = new DateRule(id, resolve, signed ? sign : direction, unit, count, calendar,
                resolve == Resolution.Weekday && direction == 0, Int("skip"), Int("base"), pastPeriod, partMonths);
            rules[id] = rule;
            var elements = Parse(match, phrase, y, m);
            if (elements is null) continue;
            if (!elements.Any(e => e.Alternatives.Any(a => a.Slot is not null || a.Words.Length > 0))) { y.Problem(m, "empty pattern"); continue; }
            if (resolve is Resolution.Relative or Resolution.Period && unit is null && !elements.Any(e => e.Alternatives.Any(a => a.Slot == Slot.Unit)))
                y.Problem(m, $"'{id}': a {resolveName} pattern needs a unit or a <unit> slot");
            var expansions = 0;
            Expand(elements, 0, [], 0, true, 0, (path, lead, tail) =>
            {
                if (++expansions > MaxExpansions) return;
                var node = root;
                foreach (var (word, slot) in path)
                {
                    if (slot is { } s)
                    {
                        node.Slots ??= [];
                        var found = node.Slots.FindIndex(x => x.Slot == s);
                        if (found < 0) { node.Slots.Add((s, new Node())); found = node.Slots.Count - 1; }
                        node = node.Slots[found].Next;
                    }
                    else
                    {
                        node.Words ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                        if (!node.Words.TryGetValue(word!, out var next)) node.Words[word!] = next = new Node();
                        node = next;
                    }
                }
                if (path.Count > 0 && path[0].Word is { } first) starts.Add(first);
                node.Rule ??= (rule, lead, tail);
            });
            if (expansions > MaxExpansions) y.Problem(m, $"'{id}': too many alternatives (more than {MaxExpansions} expansions)");
        }
        var lexicon = new DateLexicon
        {
            Root = root,
            Months = months.ToFrozenDictionary(StringComparer.Ordinal),
            Weekdays = weekdays.ToFrozenDictionary(StringComparer.Ordinal),
            Units = units,
            Holidays = holidays,
            CapitalOnly = capitalOnly.ToFrozenSet(StringComparer.Ordinal),
            BeforeDayOnly = beforeDay.ToFrozenSet(StringComparer.Ordinal),
            DottedOnly = dotted.ToFrozenSet(StringComparer.Ordinal),
            FutureCues = Words("future").ToFrozenSet(StringComparer.Ordinal),
            PastCues = Words("past").ToFrozenSet(StringComparer.Ordinal),
            PastSuffixes = Words("past_suffixes"),
            PerfectAuxiliaries = Words("perfect_auxiliaries").ToFrozenSet(StringComparer.Ordinal),
            CapitalizedNames = capitalizedNames,
            Abbreviations = abbreviations.ToFrozenSet(StringComparer.Ordinal),
            SlotStarts = starts.ToFrozenSet(StringComparer.Ordinal),
            RulesById = rules.ToFrozenDictionary(StringComparer.Ordinal),
        };
        var triggers = new HashSet<string>(root.Words?.Keys ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
        if (root.Slots is not null)
        {
            triggers.UnionWith(months.Keys);
            triggers.UnionWith(weekdays.Keys);
            triggers.UnionWith(numbers.Words.FirstAtoms);
            triggers.UnionWith(holidays.FirstAtoms);
        }
        lexicon.Triggers = triggers.ToFrozenSet(StringComparer.Ordinal);
        return lexicon;
    }

    private static int Bad(YamlFile y, YamlNode node, string what)
    {
        y.Problem(node, what);
        return 0;
    }

    /// <summary>Reads "word, value, flags": the flags <c>capitalized</c> (counts only capitalised), <c>before-day</c> (only
    /// before a day number) and <c>dotted</c> (only with its full stop).</summary>
    private static void ReadTable<T>(string path, DataProblems problems, Func<string, string[]> phrase, Dictionary<string, T> into, Func<string, T?> parse, string expected,
        HashSet<string> capitalOnly, HashSet<string> beforeDay, HashSet<string> dotted)
        where T : struct
    {
        if (!File.Exists(path)) return;
        foreach (var (line, cols) in TsvFile.Read(path, 2, problems))
        {
            var atoms = phrase(cols[0]);
            if (atoms.Length != 1) { problems.Add(path, line, $"'{cols[0]}' must be one word"); continue; }
            if (parse(cols[1]) is not { } v) { problems.Add(path, line, $"'{cols[1]}' is not {expected}"); continue; }
            if (!into.TryAdd(atoms[0], v)) problems.Add(path, line, $"duplicate word '{cols[0]}'");
            foreach (var flag in cols.Length > 2 ? cols[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [])
            {
                if (flag == "capitalized") capitalOnly.Add(atoms[0]);
                else if (flag == "before-day") beforeDay.Add(atoms[0]);
                else if (flag == "dotted") dotted.Add(atoms[0]);
                else problems.Add(path, line, $"unknown flag '{flag}' (capitalized, before-day, dotted)");
            }
        }
    }

    private sealed record Alternative(string[] Words, Slot? Slot);

    private sealed record Element(List<Alternative> Alternatives, bool Optional, bool Context);

    /// <summary>Parses "~en|~in &lt;month&gt; ,? &lt;year&gt;?": elements separated by blanks, <c>a|b</c> alternatives, <c>?</c> optional,
    /// <c>~</c> context (matched but left out of the span when leading or trailing), <c>&lt;slot&gt;</c> slots.</summary>
    private static List<Element>? Parse(string match, Func<string, string[]> phrase, YamlFile y, YamlNode node)
    {
        var result = new List<Element>();
        foreach (var raw in match.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var part = raw;
            var optional = part.Length > 1 && part.EndsWith('?');
            if (optional) part = part[..^1];
            var context = part.StartsWith('~');
            var alternatives = new List<Alternative>();
            foreach (var altRaw in part.Split('|'))
            {
                var alt = altRaw.TrimStart('~').Replace('_', ' ');
                if (alt.StartsWith('<') && alt.EndsWith('>'))
                {
                    var name = alt[1..^1];
                    Slot? slot = name switch
                    {
                        "day" => Slot.Day, "nth" => Slot.Nth, "month" => Slot.Month, "mm" => Slot.MonthNumber, "year" => Slot.Year,
                        "weekday" => Slot.Weekday, "n" => Slot.Count, "unit" => Slot.Unit, "numeric" => Slot.Numeric, "decade" => Slot.Decade, "decade-number" => Slot.DecadeNumber,
                        "ord" => Slot.Ordinal, "yy" => Slot.ShortYear, "date" => Slot.Date, "holiday" => Slot.Holiday, _ => null,
                    };
                    if (slot is null) { y.Problem(node, $"unknown slot <{name}> (day, nth, month, mm, year, weekday, n, unit, numeric, decade, decade-number, ord, yy, date, holiday)"); return null; }
                    alternatives.Add(new Alternative([], slot));
                }
                else
                {
                    var words = phrase(alt);
                    if (words.Length == 0) { y.Problem(node, $"'{alt}' reads as no word"); return null; }
                    alternatives.Add(new Alternative(words, null));
                }
            }
            result.Add(new Element(alternatives, optional, context));
        }
        return result;
    }

    /// <summary>Emits every path of the pattern with its count of leading context atoms and of trailing ones (after the
    /// last element that is not context: "three days after <c>,</c>" reads the comma but leaves it out of the span).</summary>
    private static void Expand(List<Element> elements, int index, List<(string? Word, Slot? Slot)> path, int lead, bool leading, int solid, Action<List<(string? Word, Slot? Slot)>, int, int> emit)
    {
        if (index == elements.Count)
        {
            emit(path, lead, solid > lead ? path.Count - solid : 0);
            return;
        }
        var e = elements[index];
        if (e.Optional) Expand(elements, index + 1, path, lead, leading, solid, emit);
        foreach (var alt in e.Alternatives)
        {
            var count = path.Count;
            if (alt.Slot is { } s) path.Add((null, s));
            else foreach (var w in alt.Words) path.Add((w, null));
            var added = path.Count - count;
            var isLead = leading && e.Context;
            Expand(elements, index + 1, path, isLead ? lead + added : lead, isLead, e.Context ? solid : path.Count, emit);
            path.RemoveRange(count, added);
        }
    }
}
