using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Vigie.Core;

namespace Vigie.Storage;

/// <summary>One event's rows, computed before the write lock is taken (serialising and folding are most of the CPU a
/// write costs, and they can run on every core while the single writer only writes).</summary>
internal sealed record SqliteEventRows(Event Event, Utf8Text Json, Utf8Text? Spans, string DateStart, string DateEnd, bool LongSpan, IReadOnlyCollection<string> Keys, string[] PlaceKeys)
{
    public static SqliteEventRows Of(Event e) => new(
        e, new Utf8Text(JsonSerializer.SerializeToUtf8Bytes(e, VigieJson.Options)), StoreRows.SpansJson(e) is { } spans ? new Utf8Text(spans) : null,
        e.Date is null ? "" : StoreRows.Day(e.Date.FirstDay), e.Date is null ? "" : StoreRows.Day(e.Date.LastDay),
        StoreRows.IsLongSpan(e), FilterKeys.Of(e), [.. e.Locations.Select(PlaceKey)]);

    /// <summary>A place's row in <c>places</c>: its GeoNames id, or its folded name and country.</summary>
    public static string PlaceKey(Location l) => l.GeonamesId?.ToString(CultureInfo.InvariantCulture) ?? Vigie.Text.Folding.Fold(l.Name) + "|" + l.Country;
}

/// <summary>Text already encoded as SQLite stores it (the event JSON is written as UTF-8 once, not as a string to convert).</summary>
internal sealed record Utf8Text(byte[] Bytes);

/// <summary>Writes one batch of documents and their events inside the caller's transaction.</summary>
/// <remarks>Each statement call costs more than the row it writes, so rows go many to a statement: documents one by one
/// (each must say whether it was new), then the new documents' events, then every other row of the new events.</remarks>
internal sealed class SqliteBatchWriter(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    // Rows per insert statement for a four-column table (fewer for wider tables): one statement call costs about as much
    // as writing several rows.
    private const int RowsPerStatement = 32;

    private readonly List<MultiRowInsert> _inserts = [];

    /// <summary>One document's event rows.</summary>
    public static SqliteEventRows[] Prepare(StoredDocument document) => [.. document.Events.Select(SqliteEventRows.Of)];

    /// <summary>Every event's rows: taken from <paramref name="ready"/> (and forgotten there) when prepared ahead, else
    /// computed on all cores.</summary>
    public static SqliteEventRows[][] Prepare(IReadOnlyList<StoredDocument> batch, ConditionalWeakTable<StoredDocument, SqliteEventRows[]>? ready = null)
    {
        var rows = new SqliteEventRows[batch.Count][];
        var missing = new List<int>();
        for (var i = 0; i < batch.Count; i++)
        {
            if (ready is not null && ready.TryGetValue(batch[i], out var r))
            {
                rows[i] = r;
                ready.Remove(batch[i]);
            }
            else missing.Add(i);
        }
        Parallel.ForEach(missing, i => rows[i] = Prepare(batch[i]));
        return rows;
    }

    public StoreResult Write(IReadOnlyList<StoredDocument> batch, SqliteEventRows[][] prepared, string now, CancellationToken ct)
    {
        var doc = Insert("INSERT INTO documents (id, content_key, date, language, title, source, url, text, ingested_at, label_folded)", 10, "ON CONFLICT DO NOTHING");
        var events = new List<SqliteEventRows>();
        var stored = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var item = batch[i];
            var d = item.Document;
            doc.Row(d.Id, item.ContentKey, d.Date?.ToString(), d.Language, d.Title, d.Source, d.Url, d.Text, now, StoreRows.DocumentLabel(d));
            if (doc.Flush() == 0) continue;
            stored++;
            events.AddRange(prepared[i]);
        }
        var inserted = InsertEvents(events, ct);
        WriteRows(inserted, ct);
        return new StoreResult(stored, batch.Count - stored, inserted.Count);
    }

    public void Dispose()
    {
        foreach (var i in _inserts) i.Dispose();
    }

    // Event ids hash the document's id, so a new document's events are new but for a rare clash (the same event id
    // stored by another document, or twice in one batch): rows are written many at a time, and a statement that hits
    // a stored id, which SQLite undoes whole, is written again row by row, skipping the known ids.
    private List<(SqliteEventRows Rows, long Seq)> InsertEvents(List<SqliteEventRows> events, CancellationToken ct)
    {
        const string head = "INSERT INTO events (seq, id, document_id, type, modality, date_value, date_precision, date_start, date_end, actor1_id, actor2_id, confidence, json, long_span, spans)";
        var many = Insert(head, 15);
        var single = Insert(head, 15, "ON CONFLICT DO NOTHING", rowsPerStatement: 1);
        var inserted = new List<(SqliteEventRows, long)>(events.Count);
        var pending = new List<(SqliteEventRows Rows, long Seq)>();
        // Sequence numbers are given here (the transaction holds the write lock), so the text index rows can point to them.
        var next = NextSeq();
        void Write()
        {
            if (many.TryFlush()) inserted.AddRange(pending);
            else
                foreach (var x in pending)
                {
                    single.Row(Values(x.Rows, x.Seq));
                    if (single.Flush() == 1) inserted.Add(x);
                }
            pending.Clear();
        }
        foreach (var x in events)
        {
            ct.ThrowIfCancellationRequested();
            if (many.Full) Write();
            var seq = next++;
            many.Row(Values(x, seq));
            pending.Add((x, seq));
        }
        Write();
        return inserted;

        static object?[] Values(SqliteEventRows x, long seq)
        {
            var e = x.Event;
            return [seq, e.Id, e.Document, e.Type, StoreRows.ModalityName(e.Modality), e.Date?.Value, e.Date is null ? null : StoreRows.PrecisionName(e.Date.Precision),
                x.DateStart, x.DateEnd, e.Actor1?.Id, e.Actor2?.Id, e.Confidence, x.Json, x.LongSpan, x.Spans];
        }
    }

    private void WriteRows(List<(SqliteEventRows Rows, long Seq)> events, CancellationToken ct)
    {
        var search = Insert("INSERT INTO evidence_search (rowid, text)", 2);
        var keys = Insert("INSERT INTO event_keys (key, date_start, event_id, long_span, date_end, type, modality)", 7, "ON CONFLICT DO NOTHING");
        var places = Insert("INSERT INTO places (place, name, name_folded, country, admin1, lat, lon, precision, geonames_id, events)", 10,
            "ON CONFLICT (place) DO UPDATE SET events = events + excluded.events");
        // Each place once per batch, with the number of new events that name it.
        var placeRows = new Dictionary<string, (Location Location, int Events)>(StringComparer.Ordinal);
        var searchRows = new List<(long RowId, string Text)>();
        var keyRows = new List<(string Key, string Date, SqliteEventRows Event)>();
        foreach (var (x, seq) in events)
        {
            var e = x.Event;
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < Math.Min(e.Evidence.Count, 15); i++)
                searchRows.Add((SqliteMigrations.SearchRowId(x.DateStart, seq, i), e.Evidence[i].Text));
            if (e.Evidence.Count > 15)
                searchRows.Add((SqliteMigrations.SearchRowId(x.DateStart, seq, 15), string.Join('\n', e.Evidence.Skip(15).Select(v => v.Text))));
            foreach (var key in x.Keys) keyRows.Add((key, x.DateStart, x));
            for (var i = 0; i < e.Locations.Count; i++)
            {
                if (Array.IndexOf(x.PlaceKeys, x.PlaceKeys[i]) < i) continue; // an event counts once per place
                placeRows[x.PlaceKeys[i]] = placeRows.TryGetValue(x.PlaceKeys[i], out var p) ? (p.Location, p.Events + 1) : (e.Locations[i], 1);
            }
        }
        foreach (var (key, (l, count)) in placeRows)
            places.Row(key, l.Name, Vigie.Text.Folding.Fold(l.Name), l.Country, l.Admin1, l.Lat, l.Lon, l.Precision, l.GeonamesId, count);
        // In index order: FTS5 starts a new segment whenever a row id is lower than the last one written, and b-trees
        // take sorted keys on pages already in cache.
        searchRows.Sort((a, b) => a.RowId.CompareTo(b.RowId));
        foreach (var (rowId, text) in searchRows) search.Row(rowId, text);
        keyRows.Sort((a, b) =>
        {
            var c = string.CompareOrdinal(a.Key, b.Key);
            if (c == 0) c = string.CompareOrdinal(a.Date, b.Date);
            return c != 0 ? c : string.CompareOrdinal(a.Event.Event.Id, b.Event.Event.Id);
        });
        foreach (var (key, date, x) in keyRows) keys.Row(key, date, x.Event.Id, x.LongSpan, x.DateEnd, x.Event.Type, StoreRows.ModalityName(x.Event.Modality));
        foreach (var i in _inserts) i.Flush();
    }

    private long NextSeq()
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = "SELECT COALESCE(MAX(seq), 0) + 1 FROM events";
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private MultiRowInsert Insert(string head, int columns, string tail = "", int? rowsPerStatement = null)
    {
        var insert = new MultiRowInsert(connection, head, columns, tail, rowsPerStatement ?? Math.Max(1, RowsPerStatement * 4 / columns));
        _inserts.Add(insert);
        return insert;
    }

    /// <summary>Rows buffered and written many to a statement, through SQLite's own API.</summary>
    /// <remarks>Microsoft.Data.Sqlite looks each parameter up by name on every execution (a scan of the statement's names,
    /// so a cost that grows with the square of a many-row statement's size); binding by position skips that, and the
    /// writer's insert statements are all it needs it for.</remarks>
    private sealed class MultiRowInsert(SqliteConnection connection, string head, int columns, string tail, int rowsPerStatement) : IDisposable
    {
        private readonly int _rowsPerStatement = rowsPerStatement;
        private readonly object?[] _values = new object?[rowsPerStatement * columns];
        private readonly Dictionary<int, sqlite3_stmt> _byRows = [];
        private int _rows;

        public bool Full => _rows == _rowsPerStatement;

        public void Row(params object?[] values)
        {
            if (Full) Flush();
            values.CopyTo(_values, _rows * columns);
            _rows++;
        }

        /// <summary>Writes the buffered rows; returns how many rows the statement changed.</summary>
        public int Flush()
        {
            if (_rows == 0) return 0;
            var stmt = Bound();
            while (Step(stmt)) { }
            _rows = 0;
            return raw.sqlite3_changes(connection.Handle!);
        }

        /// <summary>Writes the buffered rows, or none when one of them breaks a constraint (SQLite undoes the statement);
        /// either way the buffer is emptied.</summary>
        public bool TryFlush()
        {
            if (_rows == 0) return true;
            var stmt = Bound();
            _rows = 0;
            var rc = raw.sqlite3_step(stmt);
            raw.sqlite3_reset(stmt);
            if (rc == raw.SQLITE_DONE) return true;
            if ((rc & 0xFF) == raw.SQLITE_CONSTRAINT) return false;
            Check(rc);
            return false;
        }

        public void Dispose()
        {
            foreach (var stmt in _byRows.Values) stmt.Dispose();
        }

        // The prepared statement for this many rows, reset and bound to the buffered values.
        private sqlite3_stmt Bound()
        {
            var db = connection.Handle!;
            if (!_byRows.TryGetValue(_rows, out var stmt))
            {
                var row = "(" + string.Join(", ", Enumerable.Repeat("?", columns)) + ")";
                Check(raw.sqlite3_prepare_v2(db, $"{head} VALUES {string.Join(", ", Enumerable.Repeat(row, _rows))} {tail}", out stmt));
                _byRows[_rows] = stmt;
            }
            Check(raw.sqlite3_reset(stmt));
            for (var i = 0; i < _rows * columns; i++)
            {
                var rc = _values[i] switch
                {
                    null => raw.sqlite3_bind_null(stmt, i + 1),
                    string s => raw.sqlite3_bind_text(stmt, i + 1, s),
                    Utf8Text u => raw.sqlite3_bind_text(stmt, i + 1, u.Bytes.AsSpan()),
                    int n => raw.sqlite3_bind_int64(stmt, i + 1, n),
                    long n => raw.sqlite3_bind_int64(stmt, i + 1, n),
                    bool b => raw.sqlite3_bind_int64(stmt, i + 1, b ? 1 : 0),
                    double f => raw.sqlite3_bind_double(stmt, i + 1, f),
                    var other => throw new InvalidOperationException($"No SQLite binding for {other.GetType().Name}."),
                };
                Check(rc);
            }
            return stmt;
        }

        // One step: true when it gave a row, false when the statement is done.
        private bool Step(sqlite3_stmt stmt)
        {
            var rc = raw.sqlite3_step(stmt);
            if (rc == raw.SQLITE_ROW) return true;
            if (rc == raw.SQLITE_DONE) return false;
            raw.sqlite3_reset(stmt);
            Check(rc);
            return false;
        }

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(connection.Handle!).utf8_to_string(), rc, raw.sqlite3_extended_errcode(connection.Handle!));
        }
    }
}
