using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Vigie.Core;

namespace Vigie.Storage;
/// <summary>The store's event query: a plan of index walks merged into one page.</summary>
public sealed partial class PostgresStore
{
    /// <inheritdoc/>
    /// <remarks>The page is merged from disjoint "branches", each an index walk in (date_start, id) order that stops
    /// after a page: one per alternative key of the most selective key filter (rows of <c>event_keys</c>), or the date
    /// index when the query has no key filter; with a start date, each is split into short events starting at most
    /// <see cref="StoreRows.LongSpanDays"/> before it and long events from their own partial index. Text is checked on
    /// a bounded walk of that ordered stream first; only words too rare to fill a page there are looked up in the GIN
    /// index and sorted.</remarks>
    public async Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, 1000);
        (string Date, string Id)? cursor = null;
        if (query.Cursor is not null)
        {
            try { cursor = StoreRows.DecodeCursor(query.Cursor); }
            catch (FormatException ex) { throw new ArgumentException("The paging cursor is not valid.", nameof(query), ex); }
        }
        var plan = new QueryPlan(query, cursor, limit);
        await using var c = await _dataSource.OpenConnectionAsync(ct);
        var (page, complete) = await ReadPageAsync(c, plan, plan.Sql(), limit, ct);
        // A walk that did not fill the page and stopped at its bound may have missed later matches: the index lookup
        // finds them all.
        if (plan.HasText && page.NextCursor is null && !complete)
            (page, _) = await ReadPageAsync(c, plan, plan.TextIndexSql(), limit, ct);
        return page;
    }

    /// <summary>Runs one of the plan's statements and reads the page it returns (limit + 1 rows tell that there is a next
    /// page); Complete when it also returned the text walk's row of nulls, which says that the walk saw every candidate.</summary>
    private static async Task<(EventPage Page, bool Complete)> ReadPageAsync(NpgsqlConnection c, QueryPlan plan, string sql, int limit, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, c);
        foreach (var (name, value) in plan.Parameters) cmd.Parameters.Add(new NpgsqlParameter(name, value));
        var list = new List<Event>(limit);
        string? next = null;
        var complete = false;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        string lastDate = "", lastId = "";
        while (await r.ReadAsync(ct))
        {
            if (r.IsDBNull(0)) { complete = true; continue; }
            if (list.Count == limit) { next = StoreRows.EncodeCursor(lastDate, lastId); break; }
            list.Add(StoreRows.ReadEvent(r.GetString(0)));
            lastDate = r.GetString(1);
            lastId = r.GetString(2);
        }
        return (new EventPage(list, next), complete);
    }

    /// <summary>The SQL of one event query and its parameters.</summary>
    private sealed class QueryPlan
    {
        /// <summary>Events a text query checks in date order before it falls back to the index of words.</summary>
        private const int TextWalk = 6000;

        private readonly EventQuery _q;
        private readonly (string Date, string Id)? _cursor;
        private readonly List<string[]> _keys;
        private readonly List<string> _columns = [];
        private readonly string? _tsQuery;

        /// <summary>Binds the query's values; the statements are written on demand.</summary>
        public QueryPlan(EventQuery q, (string Date, string Id)? cursor, int limit)
        {
            _q = q;
            _cursor = cursor;
            _keys = FilterKeys.Of(q);
            Add("limit", limit + 1);
            // The columns an event row and its key rows both have ({0}: the walked table's alias).
            if (q.Type is not null) _columns.Add("{0}.type = " + Add("type", q.Type));
            if (q.Modality is { } m) _columns.Add("{0}.modality = " + Add("modality", StoreRows.ModalityName(m)));
            if (q.From is { } from)
            {
                _columns.Add("{0}.date_end >= " + Add("from", StoreRows.Day(from)));
                Add("fromLow", StoreRows.Day(StoreRows.LowestShortStart(from)));
            }
            if (q.Document is not null) Add("doc", q.Document);
            if (q.To is { } to) Add("to", StoreRows.Day(to));
            if (cursor is { } cur)
            {
                Add("cdate", cur.Date);
                Add("cid", cur.Id);
            }
            for (var f = 0; f < _keys.Count; f++)
                for (var i = 0; i < _keys[f].Length; i++)
                    Add($"k{f}_{i}", _keys[f][i]);
            if (!string.IsNullOrWhiteSpace(q.Text))
            {
                var words = q.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                _tsQuery = string.Join(" && ", words.Select((w, i) => $"phraseto_tsquery('simple'::regconfig, {Add($"w{i}", Vigie.Text.Folding.Fold(w))})"));
                Add("walk", TextWalk);
            }
        }

        /// <summary>The values every statement of the plan is bound to (a statement leaves out those it does not use).</summary>
        public List<(string Name, object Value)> Parameters { get; } = [];

        /// <summary>Whether the query searches the evidence text.</summary>
        public bool HasText => _tsQuery is not null;

        /// <summary>The page from the merged branches; with text, from a bounded walk of them, followed by a row of nulls
        /// when the walk found fewer than a page before its candidates ran out (then it found them all).</summary>
        public string Sql()
        {
            if (!HasText)
                return $"SELECT e.json, e.date_start, e.id FROM ({Merged("@limit")}) m JOIN events e ON e.id = m.id ORDER BY m.date_start, m.id LIMIT @limit";
            // The walk stops after a page of matches (a subquery keeps its order, a CTE would lose it and be sorted);
            // CASE counts the candidates, a second walk without the text test, only when the page is not full.
            return $"WITH h AS MATERIALIZED (SELECT c.date_start, c.id FROM ({Merged("@walk")}) c WHERE {TextMatch("c.id")} ORDER BY c.date_start, c.id LIMIT @limit) "
                + "SELECT json, date_start, id FROM ("
                + "SELECT e.json, h.date_start, h.id FROM h JOIN events e ON e.id = h.id "
                + $"UNION ALL SELECT NULL, NULL, NULL WHERE CASE WHEN (SELECT count(*) FROM h) < @limit THEN (SELECT count(*) FROM ({Merged("@walk")}) c) < @walk ELSE false END"
                + ") p ORDER BY date_start NULLS LAST, id";
        }

        /// <summary>The page from every event whose evidence has the words (GIN index), filtered, then sorted.</summary>
        public string TextIndexSql()
        {
            var where = Columns("e").ToList();
            if (_q.Document is not null) where.Add("e.document_id = @doc");
            where.AddRange(DateBounds("e.date_start"));
            for (var f = 0; f < _keys.Count; f++) where.Add(KeyMatch(f, _keys[f].Length, "e.date_start", "e.id"));
            if (_cursor is not null) where.Add("(e.date_start, e.id) > (@cdate, @cid)");
            return $"WITH t AS MATERIALIZED (SELECT DISTINCT event_id FROM evidence WHERE search_tsv @@ ({_tsQuery})) "
                + "SELECT e.json, e.date_start, e.id FROM t JOIN events e ON e.id = t.event_id"
                + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
                + " ORDER BY e.date_start, e.id LIMIT @limit";
        }

        /// <summary>(date_start, id) of the first <paramref name="limit"/> matches in order, merged from the branches.</summary>
        /// <remarks>The branches are disjoint, so UNION ALL merges them: the planner reads them side by side in order
        /// (Merge Append) and each stops as soon as the merged page is full, where UNION would first read every branch
        /// to the end of its limit to remove duplicates.</remarks>
        private string Merged(string limit)
        {
            var branches = new List<string>();
            // A document has few events: its index finds them, and every key is probed; otherwise the first key drives.
            var drivers = _keys.Count > 0 && _q.Document is null ? Enumerable.Range(0, _keys[0].Length).Select(i => (int?)i) : [null];
            foreach (var key in drivers)
            {
                if (_q.From is null) branches.Add(Branch(key, null, limit));
                else
                {
                    branches.Add(Branch(key, false, limit));
                    branches.Add(Branch(key, true, limit));
                }
            }
            return branches.Count == 1
                ? branches[0]
                : "SELECT date_start, id FROM (" + string.Join(" UNION ALL ", branches.Select(b => "(" + b + ")")) + $") u ORDER BY date_start, id LIMIT {limit}";
        }

        /// <summary>One ordered index walk: the rows of event_keys of alternative <paramref name="key"/> of the first key
        /// filter (less those an earlier alternative has), or the events; with a start date, only the short events that
        /// start at most LongSpanDays before it, or only the long ones.</summary>
        /// <remarks>A key row carries the columns the filters test, and its index covers them; the other keys are
        /// correlated subqueries, which the planner cannot turn into joins: a hash join or a sort would read every row of
        /// the key before the first one is returned, while the walk stops after a page.</remarks>
        private string Branch(int? key, bool? longSpan, string limit)
        {
            var (d, id) = key is null ? ("e", "e.id") : ("k", "k.event_id");
            var where = new List<string>();
            if (key is { } i)
            {
                where.Add($"k.key = @k0_{i}");
                if (i > 0) where.Add($"{KeyMatch(0, i, "k.date_start", "k.event_id")} IS NULL");
            }
            where.AddRange(DateBounds(d + ".date_start"));
            // A short event that ends on or after From starts on or after fromLow.
            if (longSpan == false) where.Add($"{d}.date_start >= @fromLow AND NOT {d}.long_span");
            if (longSpan == true) where.Add($"{d}.long_span");
            where.AddRange(Columns(d));
            if (_q.Document is not null) where.Add("e.document_id = @doc");
            for (var f = key is null ? 0 : 1; f < _keys.Count; f++) where.Add(KeyMatch(f, _keys[f].Length, d + ".date_start", id));
            if (_cursor is not null) where.Add($"({d}.date_start, {id}) > (@cdate, @cid)");
            return $"SELECT {d}.date_start, {id} AS id FROM {(key is null ? "events e" : "event_keys k")}"
                + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
                + $" ORDER BY {d}.date_start, {id} LIMIT {limit}";
        }

        /// <summary>The type, modality and end date tests on the rows of <paramref name="alias"/>.</summary>
        private IEnumerable<string> Columns(string alias) => _columns.Select(c => string.Format(CultureInfo.InvariantCulture, c, alias));

        /// <summary>The end of the date range, on the walked date column.</summary>
        private IEnumerable<string> DateBounds(string dateStart)
        {
            if (_q.To is not null) yield return $"{dateStart} <= @to AND {dateStart} <> ''";
        }

        /// <summary>True when the event has one of the first <paramref name="count"/> alternative keys of filter
        /// <paramref name="f"/>, else null (a primary key probe).</summary>
        private static string KeyMatch(int f, int count, string dateStart, string id) =>
            $"(SELECT true FROM event_keys j WHERE j.key IN ({string.Join(", ", Enumerable.Range(0, count).Select(i => $"@k{f}_{i}"))}) AND j.date_start = {dateStart} AND j.event_id = {id} LIMIT 1)";

        // A correlated subquery, not a join: the walk checks each event as it goes and stops after a page.
        private string TextMatch(string id) =>
            $"(SELECT true FROM evidence x WHERE x.event_id = {id} AND x.search_tsv @@ ({_tsQuery}) LIMIT 1)";

        /// <summary>Binds a value; returns its placeholder.</summary>
        private string Add(string name, object value)
        {
            Parameters.Add((name, value));
            return "@" + name;
        }
    }
}
