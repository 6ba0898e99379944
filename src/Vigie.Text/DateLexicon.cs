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
    /// <summary>A decade: "1990s", or four digits ending in 0 after "les années".</summary>
    Decade,
}

/// <summary>How a matched date pattern is resolved against the document date.</summary>
internal enum Resolution : byte { Date, Weekday, Relative, Period, Since, Range, Decade }

/// <summary>Units of time.</summary>
internal enum TimeUnit : byte { Hour, Day, Week, Weekend, Month, Year }

/// <summary>One date rule of <c>dates.yaml</c>.</summary>
internal sealed record DateRule(
    string Id,
    Resolution Resolve,
    int Direction,
    TimeUnit? Unit,
    int? Count,
    bool Calendar,
    bool TenseDependent);

/// <summary>A language's date words and patterns (<c>months.tsv</c>, <c>weekdays.tsv</c>, <c>time-units.tsv</c>, <c>dates.yaml</c>).</summary>
internal sealed class DateLexicon
{
    internal sealed class Node
    {
        public Dictionary<string, Node>? Words;
        public List<(Slot Slot, Node Next)>? Slots;
        public (DateRule Rule, int Lead)? Rule;
    }

    public required Node Root { get; init; }
    public required FrozenDictionary<string, int> Months { get; init; }
    public required FrozenDictionary<string, DayOfWeek> Weekdays { get; init; }
    public required PhraseTrie<System.Runtime.CompilerServices.StrongBox<TimeUnit>> Units { get; init; }
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
        var units = new PhraseTrie<System.Runtime.CompilerServices.StrongBox<TimeUnit>>();
        ReadTable(files.Require("months.tsv", problems), problems, phrase, months, v => int.TryParse(v, out var m) && m is >= 1 and <= 12 ? m : null, "a month number 1-12");
        ReadTable(files.Require("weekdays.tsv", problems), problems, phrase, weekdays, v => Enum.TryParse<DayOfWeek>(v, true, out var d) ? d : null, "an English weekday name (monday…sunday)");
        var unitFile = files.Require("time-units.tsv", problems);
        if (File.Exists(unitFile))
            foreach (var (line, cols) in TsvFile.Read(unitFile, 2, problems))
            {
                if (!Enum.TryParse<TimeUnit>(cols[1], true, out var u)) problems.Add(unitFile, line, $"'{cols[1]}' is not hour, day, week, weekend, month or year");
                else if (!units.Add(phrase(cols[0]), new(u))) problems.Add(unitFile, line, $"duplicate word '{cols[0]}'");
            }

        var path = files.Require("dates.yaml", problems);
        var y = File.Exists(path) ? YamlFile.Load(path, problems) : null;
        if (y is null || numbers is null) return null;
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
            if (!Enum.TryParse<Resolution>(resolveName, true, out var resolve)) { y.Problem(m, $"unknown resolve '{resolveName}' (date, weekday, relative, period, since, range, decade)"); continue; }
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
            var rule = new DateRule(id, resolve, resolve == Resolution.Relative ? sign : direction, unit, count, calendar,
                resolve == Resolution.Weekday && direction == 0);
            rules[id] = rule;
            var elements = Parse(match, phrase, y, m);
            if (elements is null) continue;
            if (!elements.Any(e => e.Alternatives.Any(a => a.Slot is not null || a.Words.Length > 0))) { y.Problem(m, "empty pattern"); continue; }
            if (resolve is Resolution.Relative or Resolution.Period && unit is null && !elements.Any(e => e.Alternatives.Any(a => a.Slot == Slot.Unit)))
                y.Problem(m, $"'{id}': a {resolveName} pattern needs a unit or a <unit> slot");
            var expansions = 0;
            Expand(elements, 0, [], 0, true, (path, lead) =>
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
                node.Rule ??= (rule, lead);
            });
            if (expansions > MaxExpansions) y.Problem(m, $"'{id}': too many alternatives (more than {MaxExpansions} expansions)");
        }
        var lexicon = new DateLexicon
        {
            Root = root,
            Months = months.ToFrozenDictionary(StringComparer.Ordinal),
            Weekdays = weekdays.ToFrozenDictionary(StringComparer.Ordinal),
            Units = units,
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
        }
        lexicon.Triggers = triggers.ToFrozenSet(StringComparer.Ordinal);
        return lexicon;
    }

    private static int Bad(YamlFile y, YamlNode node, string what)
    {
        y.Problem(node, what);
        return 0;
    }

    private static void ReadTable<T>(string path, DataProblems problems, Func<string, string[]> phrase, Dictionary<string, T> into, Func<string, T?> parse, string expected)
        where T : struct
    {
        if (!File.Exists(path)) return;
        foreach (var (line, cols) in TsvFile.Read(path, 2, problems))
        {
            var atoms = phrase(cols[0]);
            if (atoms.Length != 1) { problems.Add(path, line, $"'{cols[0]}' must be one word"); continue; }
            if (parse(cols[1]) is not { } v) { problems.Add(path, line, $"'{cols[1]}' is not {expected}"); continue; }
            if (!into.TryAdd(atoms[0], v)) problems.Add(path, line, $"duplicate word '{cols[0]}'");
        }
    }

    private sealed record Alternative(string[] Words, Slot? Slot);

    private sealed record Element(List<Alternative> Alternatives, bool Optional, bool Context);

    /// <summary>Parses "~en|~in <month> ,? <year>?": elements separated by blanks, <c>a|b</c> alternatives, <c>?</c> optional,
    /// <c>~</c> context (matched but left out of the span when leading), <c>&lt;slot&gt;</c> slots.</summary>
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
                        "weekday" => Slot.Weekday, "n" => Slot.Count, "unit" => Slot.Unit, "numeric" => Slot.Numeric, "decade" => Slot.Decade, _ => null,
                    };
                    if (slot is null) { y.Problem(node, $"unknown slot <{name}> (day, nth, month, mm, year, weekday, n, unit, numeric, decade)"); return null; }
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

    private static void Expand(List<Element> elements, int index, List<(string? Word, Slot? Slot)> path, int lead, bool leading, Action<List<(string? Word, Slot? Slot)>, int> emit)
    {
        if (index == elements.Count)
        {
            emit(path, lead);
            return;
        }
        var e = elements[index];
        if (e.Optional) Expand(elements, index + 1, path, lead, leading, emit);
        foreach (var alt in e.Alternatives)
        {
            var count = path.Count;
            if (alt.Slot is { } s) path.Add((null, s));
            else foreach (var w in alt.Words) path.Add((w, null));
            var added = path.Count - count;
            var isLead = leading && e.Context;
            Expand(elements, index + 1, path, isLead ? lead + added : lead, isLead, emit);
            path.RemoveRange(count, added);
        }
    }
}
