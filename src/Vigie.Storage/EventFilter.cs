using System.Globalization;
using Vigie.Core;

namespace Vigie.Storage;

/// <summary>An event filter as a person types it (the CLI's options, the API's query parameters), before it is checked.</summary>
/// <remarks>Every field is the raw text given, null or blank for "any". <see cref="Parse"/> checks them all with one set of
/// rules and messages, so that <c>vigie events</c> and <c>GET /api/events</c> accept and refuse the same filters.</remarks>
public sealed record EventFilter(
    string? Type = null,
    string? Actor = null,
    string? Country = null,
    string? Place = null,
    string? From = null,
    string? To = null,
    string? Modality = null,
    string? Text = null,
    string? Document = null,
    string? Limit = null,
    string? Cursor = null)
{
    /// <summary>The largest page a query may ask for.</summary>
    public const int MaxLimit = 500;

    /// <summary>The page size when none is given.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The query, or the one sentence that says what is wrong; <paramref name="name"/> turns a field's name
    /// (<c>from</c>, <c>limit</c>…) into the caller's spelling of it (<c>--from</c>, <c>'from'</c>); <paramref name="actorId"/>,
    /// when given, turns an actor's name or alias in any language into its id ("talibans" is the actor <c>taliban</c>).</summary>
    public EventFilterResult Parse(Func<string, string> name, Func<string, string?>? actorId = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!TryDay(From, false, out var from)) return Fail($"{name("from")} must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not '{From!.Trim()}'.", "invalid_date", ("param", "from"), ("value", From!.Trim()));
        if (!TryDay(To, true, out var to)) return Fail($"{name("to")} must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not '{To!.Trim()}'.", "invalid_date", ("param", "to"), ("value", To!.Trim()));
        if (from is not null && to is not null && from > to) return Fail($"{name("from")} must not be after {name("to")}.", "date_order", ("param", "from"), ("other", "to"));
        Modality? modality = null;
        if (Blank(Modality) is { } m)
        {
            if (!Enum.TryParse<Modality>(m, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || m.Any(char.IsDigit))
            {
                var choices = string.Join(", ", Enum.GetNames<Modality>().Select(n => n.ToLowerInvariant()));
                return Fail($"{name("modality")} must be one of: {choices}; not '{m}'.", "invalid_choice", ("param", "modality"), ("value", m), ("choices", choices));
            }
            modality = parsed;
        }
        var limit = DefaultLimit;
        if (Blank(Limit) is { } l && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
            return Fail($"{name("limit")} must be between 1 and {MaxLimit}.", "out_of_range", ("param", "limit"), ("min", "1"), ("max", MaxLimit.ToString(CultureInfo.InvariantCulture)));
        if (Blank(Type) is { } type && EventTypeCatalog.Default.Find(type) is null)
            return Fail($"{name("type")} '{type}' is not an event type.", "unknown_type", ("param", "type"), ("value", type));
        var country = Blank(Country);
        if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetter)))
            return Fail($"{name("country")} must be an ISO 3166 alpha-2 code such as AF, not '{country}'.", "invalid_country", ("param", "country"), ("value", country));
        var cursor = Blank(Cursor);
        if (cursor is not null)
        {
            try { StoreRows.DecodeCursor(cursor); }
            catch (FormatException) { return Fail($"{name("cursor")} is not a cursor that a previous page gave.", "invalid_cursor", ("param", "cursor")); }
        }
        return new EventFilterResult(new EventQuery(
            Type: Blank(Type), Actor: Blank(Actor) is { } a ? actorId?.Invoke(a) ?? a : null, Country: country?.ToUpperInvariant(), Place: Blank(Place),
            From: from, To: to, Modality: modality, Text: Blank(Text), Document: Blank(Document), Limit: limit, Cursor: cursor), null);
    }

    private static EventFilterResult Fail(string message, string code, params (string Name, string Value)[] args) =>
        new(null, message) { ErrorCode = code, ErrorArgs = args.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal) };

    // A day, or a month or year read as its first (from) or last (to) day.
    private static bool TryDay(string? value, bool last, out DateOnly? day)
    {
        day = null;
        if (Blank(value) is not { } v) return true;
        if (PartialDate.TryParse(v) is not { } d) return false;
        day = last ? d.LastDay : d.FirstDay;
        return true;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>A parsed <see cref="EventFilter"/>: the query, or the message that says what is wrong (never both).</summary>
public sealed record EventFilterResult(EventQuery? Query, string? Error)
{
    /// <summary>A stable code for the error (<c>invalid_date</c>, <c>out_of_range</c>…) that a client can translate.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The values the message names: <c>param</c> (the field's name as the API spells it), <c>value</c>…</summary>
    public IReadOnlyDictionary<string, string> ErrorArgs { get; init; } = new Dictionary<string, string>();
}
