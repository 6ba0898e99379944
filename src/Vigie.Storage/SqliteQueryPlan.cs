using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Vigie.Storage;

/// <summary>The SQL of one page of an event query on the embedded store, chosen so that the page is read in date order
/// from its start and the scan stops after a page, whatever the store's size.</summary>
/// <remarks>
/// Three sources drive the walk. With an actor, country or place filter, the first one's rows in <c>event_keys</c>
/// (one branch per alternative key); with text alone, the text index, whose row ids follow the date; otherwise the
/// events' date or type index. A date range splits each branch in two: short events start at most
/// <see cref="StoreRows.LongSpanDays"/> before the range, so their walk starts there; long ones come from an index of
/// their own. Each branch is ordered and limited, and the page is the first rows of their union. Text with other
/// filters is tested on a bounded walk of theirs first, and drives only when that walk proves the words rare.
/// </remarks>
internal sealed class SqliteQueryPlan
{
    private const string TextSource = "evidence_search f CROSS JOIN events e ON e.seq = ((f.rowid >> 4) & 4294967295)";

    private readonly EventQuery _q;
    private readonly (string Date, string Id)? _cursor;
    private readonly int _take;
    private readonly List<string[]> _keys;
    private readonly int _textWalk;

    public SqliteQueryPlan(EventQuery query, (string Date, string Id)? cursor, int take, int textWalk)
    {
        _q = query;
        _cursor = cursor;
        _take = take;
        _textWalk = textWalk;
        _keys = FilterKeys.Of(query);
        var text = !string.IsNullOrWhiteSpace(query.Text);
        ProbesText = text && (_keys.Count > 0 || query.From is not null || query.To is not null || query.Document is not null);
        NeedsTextHorizon = text && !ProbesText;
    }

    /// <summary>Whether text is tested on a bounded walk of the other filters' order first (<see cref="PageSql"/>); when
    /// that walk fills no page and was cut short (<see cref="WalkCutSql"/>), <see cref="UseTextIndex"/>.</summary>
    public bool ProbesText { get; private set; }

    /// <summary>Whether the text index drives the walk, which takes a first pass (<see cref="TextHorizonSql"/>).</summary>
    public bool NeedsTextHorizon { get; private set; }

    /// <summary>Turns a text probe into a walk of the text index.</summary>
    public void UseTextIndex()
    {
        ProbesText = false;
        NeedsTextHorizon = true;
    }

    /// <summary>Whether the bounded walk of a text probe met its bound (then its page may be missing matches).</summary>
    public string WalkCutSql() => $"SELECT COUNT(*) >= $walk FROM ({Walk()})";

    /// <summary>Text search reads only index rows below this id (the end of the last day the first pass reached).</summary>
    public long? TextBelow { get; set; }

    /// <summary>How many text-index rows match from the page's start, up to <c>$window</c>, and the last one's id.</summary>
    public string TextHorizonSql() =>
        $"SELECT COUNT(*), MAX(r) FROM (SELECT f.rowid AS r FROM {TextSource} WHERE {TextConditions()} ORDER BY f.rowid LIMIT $window)";

    /// <summary>The page: JSON, date and id of up to <c>$take</c> events in (date, id) order.</summary>
    public string PageSql()
    {
        string inner;
        if (NeedsTextHorizon)
            inner = $"SELECT DISTINCT e.date_start AS ds, e.id AS id FROM {TextSource} WHERE {TextConditions()}";
        else if (ProbesText)
        {
            // The first $walk events of the other filters, in order, each tested on the text index's rows for that event
            // (its day and seq fix them: a seek, not a scan).
            const string first = "((CAST(replace(w.ds, '-', '') AS INTEGER) << 36) | ((SELECT seq FROM events s WHERE s.id = w.id) << 4))";
            inner = $"SELECT ds, id FROM ({Walk()}) w WHERE EXISTS (SELECT 1 FROM evidence_search WHERE evidence_search MATCH $text "
                + $"AND evidence_search.rowid BETWEEN {first} AND ({first} | 15)) ORDER BY ds, id LIMIT $take";
        }
        else inner = Merged("$take");
        return $"SELECT e.json, m.ds, m.id FROM ({inner}) m CROSS JOIN events e ON e.id = m.id ORDER BY m.ds, m.id LIMIT $take";
    }

    // The first $walk events of the branches' merged order.
    private string Walk() => Merged("$walk");

    // The branches merged in order, the first `limit` of them.
    private string Merged(string limit)
    {
        var branches = new List<string>();
        var drivers = _keys.Count > 0 ? _keys[0].Select((_, j) => (int?)j).ToList() : [null];
        foreach (var driver in drivers)
        {
            if (_q.From is null) branches.Add(Branch(driver, null, limit));
            else
            {
                branches.Add(Branch(driver, false, limit));
                branches.Add(Branch(driver, true, limit));
            }
        }
        return branches.Count == 1 ? branches[0] : string.Join(" UNION ", branches.Select(b => $"SELECT * FROM ({b})")) + $" ORDER BY ds, id LIMIT {limit}";
    }

    /// <summary>Binds every parameter the SQL of this plan may use.</summary>
    public void Bind(SqliteCommand cmd)
    {
        void P(string name, object value) => cmd.Parameters.AddWithValue(name, value);
        P("$take", _take);
        if (_q.Type is not null) P("$type", _q.Type);
        if (_q.Modality is { } m) P("$modality", StoreRows.ModalityName(m));
        if (_q.Document is not null) P("$doc", _q.Document);
        if (_q.From is { } from)
        {
            P("$from", StoreRows.Day(from));
            P("$fromLow", StoreRows.Day(StoreRows.LowestShortStart(from)));
        }
        if (_q.To is { } to)
        {
            P("$to", StoreRows.Day(to));
            P("$textTo", (SqliteMigrations.DayKey(StoreRows.Day(to)) + 1) << SqliteMigrations.DayShift);
        }
        if (_cursor is { } c)
        {
            P("$cdate", c.Date);
            P("$cid", c.Id);
        }
        for (var i = 0; i < _keys.Count; i++)
            for (var j = 0; j < _keys[i].Length; j++) P(KeyParam(i, j), _keys[i][j]);
        if (ProbesText) P("$walk", _textWalk);
        if (NeedsTextHorizon || ProbesText)
        {
            P("$text", FtsQuery.Literal(_q.Text!));
            P("$textFrom", _cursor is { } cur ? SqliteMigrations.DayKey(cur.Date) << SqliteMigrations.DayShift : 0L);
            if (TextBelow is { } below) P("$textBelow", below);
        }
    }

    // One ordered, limited walk: from the events (driver null) or from the rows of one key of the first key filter;
    // longSpan null reads every event, false the short ones from the range's start on, true the long ones. A key row
    // carries the columns the filters test, so a key walk reads the events table only for a document filter.
    private string Branch(int? driver, bool? longSpan, string limit)
    {
        var byKey = driver is not null;
        var (d, id) = byKey ? ("k", "k.event_id") : ("e", "e.id");
        var where = new StringBuilder();
        void And(string condition) => where.Append(where.Length == 0 ? "" : " AND ").Append(condition);
        if (byKey) And("k.key = " + KeyParam(0, driver!.Value));
        if (longSpan == false) And($"{d}.long_span = 0 AND {d}.date_start >= $fromLow");
        if (longSpan == true) And($"{d}.long_span = 1");
        if (_q.To is not null) And($"{d}.date_start <= $to AND {d}.date_start <> ''");
        if (_cursor is not null) And($"({d}.date_start, {id}) > ($cdate, $cid)");
        RowTests(And, d);
        if (_q.Document is not null) And(byKey ? "EXISTS (SELECT 1 FROM events e WHERE e.id = k.event_id AND e.document_id = $doc)" : "e.document_id = $doc");
        KeyProbes(And, byKey ? 1 : 0, d, id);
        var source = byKey ? "event_keys k" : "events e";
        return $"SELECT {d}.date_start AS ds, {id} AS id FROM {source}{(where.Length > 0 ? " WHERE " + where : "")} ORDER BY {d}.date_start, {id} LIMIT {limit}";
    }

    private string TextConditions()
    {
        var where = new StringBuilder("evidence_search MATCH $text AND f.rowid >= $textFrom");
        void And(string condition) => where.Append(" AND ").Append(condition);
        if (_q.To is not null) And("f.rowid < $textTo");
        if (TextBelow is not null) And("f.rowid < $textBelow");
        if (_cursor is not null) And("(e.date_start, e.id) > ($cdate, $cid)");
        RowTests(And, "e");
        if (_q.Document is not null) And("e.document_id = $doc");
        if (_q.To is not null) And("e.date_start <= $to AND e.date_start <> ''");
        KeyProbes(And, 0, "e", "e.id");
        return where.ToString();
    }

    // The tests an event row and a key row can both answer (a key row carries these columns).
    private void RowTests(Action<string> and, string alias)
    {
        if (_q.Type is not null) and($"{alias}.type = $type");
        if (_q.Modality is not null) and($"{alias}.modality = $modality");
        if (_q.From is not null) and($"{alias}.date_end >= $from");
    }

    // The key filters not driving the walk, each probed on event_keys' primary key.
    private void KeyProbes(Action<string> and, int first, string d, string id)
    {
        for (var i = first; i < _keys.Count; i++)
        {
            var alternatives = string.Join(", ", _keys[i].Select((_, j) => KeyParam(i, j)));
            and($"EXISTS (SELECT 1 FROM event_keys p{i} WHERE p{i}.key IN ({alternatives}) AND p{i}.date_start = {d}.date_start AND p{i}.event_id = {id})");
        }
    }

    private static string KeyParam(int filter, int alternative) => string.Create(CultureInfo.InvariantCulture, $"$k{filter}_{alternative}");
}
