namespace Vigie.Core;

/// <summary>One event type with its codes in CAMEO, PLOVER, ACLED and CASE 2021 (CONTRACT §2).</summary>
public sealed record EventTypeInfo(
    string Type,
    string? Cameo,
    string? Plover,
    string? AcledEventType,
    string? AcledSubEventType,
    string? AcledSubEventTypeState,
    string? Case2021,
    string? Case2021State,
    string? DisorderType)
{
    /// <summary>The codes for an event whose first actor has the given role.</summary>
    public EventCodes CodesFor(string? actor1Role) =>
        new(Cameo, Plover, AcledEventType, IsStateRole(actor1Role) && AcledSubEventTypeState is not null ? AcledSubEventTypeState : AcledSubEventType);

    /// <summary>The CASE 2021 label for an event whose first actor has the given role.</summary>
    public string? CaseLabelFor(string? actor1Role) =>
        IsStateRole(actor1Role) && Case2021State is not null ? Case2021State : Case2021;

    /// <summary>State forces: governments, militaries and police (ACLED's "Government regains territory").</summary>
    public static bool IsStateRole(string? role) => role is "GOV" or "MIL" or "COP" or "POL" or "SPY";
}

/// <summary>The event types, read from the data file <c>data/event-types.tsv</c> compiled into this assembly.</summary>
public sealed class EventTypeCatalog
{
    private readonly Dictionary<string, EventTypeInfo> _byType;

    private EventTypeCatalog(IReadOnlyList<EventTypeInfo> all)
    {
        All = all;
        _byType = all.ToDictionary(t => t.Type, StringComparer.Ordinal);
    }

    /// <summary>Every type, in file order.</summary>
    public IReadOnlyList<EventTypeInfo> All { get; }

    /// <summary>The catalogue shipped with Vigie.</summary>
    public static EventTypeCatalog Default { get; } = LoadEmbedded();

    /// <summary>The type's information, or null when the type is unknown.</summary>
    public EventTypeInfo? Find(string type) => _byType.GetValueOrDefault(type);

    /// <summary>The type's information; throws for an unknown type (a bug in language data, caught by its validation).</summary>
    public EventTypeInfo Get(string type) => _byType.TryGetValue(type, out var t) ? t : throw new KeyNotFoundException($"Unknown event type '{type}'.");

    /// <summary>Parses the TSV format; errors name the line.</summary>
    public static EventTypeCatalog Parse(TextReader reader, string fileName)
    {
        var list = new List<EventTypeInfo>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? line;
        var n = 0;
        var header = false;
        while ((line = reader.ReadLine()) is not null)
        {
            n++;
            if (line.Length == 0 || line[0] == '#') continue;
            if (!header) { header = true; continue; }
            var c = line.Split('\t');
            if (c.Length != 9) throw new FormatException($"{fileName}:{n}: expected 9 tab-separated columns, found {c.Length}.");
            if (!seen.Add(c[0])) throw new FormatException($"{fileName}:{n}: duplicate type '{c[0]}'.");
            static string? V(string s) => s is "-" or "" ? null : s;
            list.Add(new EventTypeInfo(c[0], V(c[1]), V(c[2]), V(c[3]), V(c[4]), V(c[5]), V(c[6]), V(c[7]), V(c[8])));
        }
        return new EventTypeCatalog(list);
    }

    private static EventTypeCatalog LoadEmbedded()
    {
        using var s = typeof(EventTypeCatalog).Assembly.GetManifestResourceStream("event-types.tsv")
            ?? throw new InvalidOperationException("event-types.tsv is not embedded.");
        using var r = new StreamReader(s);
        return Parse(r, "data/event-types.tsv");
    }
}
