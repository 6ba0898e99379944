using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Vigie.Core;

namespace Vigie.Storage;

/// <summary>One event's rows, computed before the write lock is taken (serialising and folding are most of the CPU a
/// write costs, and they can run on every core while the single writer only writes).</summary>
internal sealed record SqliteEventRows(Event Event, string Json, string DateStart, string DateEnd, bool LongSpan, IReadOnlyCollection<string> Keys, string[] PlaceKeys)
{
    public static SqliteEventRows Of(Event e) => new(
        e, JsonSerializer.Serialize(e, VigieJson.Options), e.Date is null ? "" : StoreRows.Day(e.Date.FirstDay), e.Date is null ? "" : StoreRows.Day(e.Date.LastDay),
        StoreRows.IsLongSpan(e), FilterKeys.Of(e), [.. e.Locations.Select(PlaceKey)]);

    /// <summary>A place's row in <c>places</c>: its GeoNames id, or its folded name and country.</summary>
    public static string PlaceKey(Location l) => l.GeonamesId?.ToString(CultureInfo.InvariantCulture) ?? TextFolding.Fold(l.Name) + "|" + l.Country;
}

/// <summary>Writes one batch of documents and their events inside the caller's transaction.</summary>
/// <remarks>Each statement call costs more than the row it writes, so rows go many to a statement: documents one by one
/// (each must say whether it was new), then the new documents' events, then every other row of the new events.</remarks>
internal sealed class SqliteBatchWriter(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    // Rows per insert statement for a four-column table (fewer for wider tables): one statement call costs about as much
    // as writing several rows.
    private const int RowsPerStatement = 32;

    private readonly List<MultiRowInsert> _inserts = [];

    /// <summary>Every event's rows, computed on all cores.</summary>
    public static SqliteEventRows[][] Prepare(IReadOnlyList<StoredDocument> batch)
    {
        var rows = new SqliteEventRows[batch.Count][];
        Parallel.For(0, batch.Count, i => rows[i] = [.. batch[i].Events.Select(SqliteEventRows.Of)]);
        return rows;
    }

    public StoreResult Write(IReadOnlyList<StoredDocument> batch, SqliteEventRows[][] prepared, string now, CancellationToken ct)
    {
        var doc = Insert("INSERT INTO documents (id, content_key, date, language, title, source, url, text, ingested_at)", 9, "ON CONFLICT DO NOTHING RETURNING id");
        var events = new List<SqliteEventRows>();
        var stored = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var item = batch[i];
            var d = item.Document;
            doc.Row(d.Id, item.ContentKey, d.Date?.ToString(), d.Language, d.Title, d.Source, d.Url, d.Text, now);
            if (doc.FlushReturning().Count == 0) continue;
            stored++;
            events.AddRange(prepared[i]);
        }
        var inserted = InsertEvents(events, ct);
        WriteRows(events, inserted, ct);
        return new StoreResult(stored, batch.Count - stored, inserted.Count);
    }

    public void Dispose()
    {
        foreach (var i in _inserts) i.Dispose();
    }

    private HashSet<string> InsertEvents(List<SqliteEventRows> events, CancellationToken ct)
    {
        var insert = Insert("INSERT INTO events (id, document_id, type, modality, date_value, date_precision, date_start, date_end, actor1_id, actor2_id, confidence, json, long_span)", 13,
            "ON CONFLICT DO NOTHING RETURNING id");
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var x in events)
        {
            ct.ThrowIfCancellationRequested();
            var e = x.Event;
            if (insert.Full) inserted.UnionWith(insert.FlushReturning());
            insert.Row(e.Id, e.Document, e.Type, StoreRows.ModalityName(e.Modality), e.Date?.Value, e.Date is null ? null : StoreRows.PrecisionName(e.Date.Precision),
                x.DateStart, x.DateEnd, e.Actor1?.Id, e.Actor2?.Id, e.Confidence, x.Json, x.LongSpan);
        }
        inserted.UnionWith(insert.FlushReturning());
        return inserted;
    }

    private void WriteRows(List<SqliteEventRows> events, HashSet<string> inserted, CancellationToken ct)
    {
        var evidence = Insert("INSERT INTO evidence (id, event_id, idx, document_id, sentence, start, \"end\", text, rule)", 9);
        var search = Insert("INSERT INTO evidence_search (rowid, text)", 2);
        var keys = Insert("INSERT INTO event_keys (key, date_start, event_id, long_span, date_end, type, modality)", 7, "ON CONFLICT DO NOTHING");
        var places = Insert("INSERT INTO places (place, name, country, lat, lon, geonames_id)", 6, "ON CONFLICT DO NOTHING");
        // Evidence ids are given here (the transaction holds the write lock), so the text index row is written beside it.
        var nextEvidence = NextEvidenceId();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var placesSeen = new HashSet<string>(StringComparer.Ordinal);
        var searchRows = new List<(long RowId, string Text)>();
        var keyRows = new List<(string Key, string Date, SqliteEventRows Event)>();
        foreach (var x in events)
        {
            var e = x.Event;
            // An event id repeated in the batch was inserted once, by its first copy.
            if (!inserted.Contains(e.Id) || !seen.Add(e.Id)) continue;
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < e.Evidence.Count; i++)
            {
                var v = e.Evidence[i];
                var id = nextEvidence++;
                evidence.Row(id, e.Id, i, v.Document, v.Sentence, v.Start, v.End, v.Text, v.Rule);
                searchRows.Add((SqliteMigrations.SearchRowId(x.DateStart, id), v.Text));
            }
            foreach (var key in x.Keys) keyRows.Add((key, x.DateStart, x));
            for (var i = 0; i < e.Locations.Count; i++)
            {
                var l = e.Locations[i];
                if (placesSeen.Add(x.PlaceKeys[i])) places.Row(x.PlaceKeys[i], l.Name, l.Country, l.Lat, l.Lon, l.GeonamesId);
            }
        }
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

    private long NextEvidenceId()
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = "SELECT COALESCE(MAX(id), 0) + 1 FROM evidence";
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private MultiRowInsert Insert(string head, int columns, string tail = "")
    {
        var insert = new MultiRowInsert(connection, head, columns, tail);
        _inserts.Add(insert);
        return insert;
    }

    /// <summary>Rows buffered and written many to a statement, through SQLite's own API.</summary>
    /// <remarks>Microsoft.Data.Sqlite looks each parameter up by name on every execution (a scan of the statement's names,
    /// so a cost that grows with the square of a many-row statement's size); binding by position skips that, and the
    /// writer's insert statements are all it needs it for.</remarks>
    private sealed class MultiRowInsert(SqliteConnection connection, string head, int columns, string tail) : IDisposable
    {
        private readonly int _rowsPerStatement = Math.Max(1, RowsPerStatement * 4 / columns);
        private readonly object?[] _values = new object?[Math.Max(1, RowsPerStatement * 4 / columns) * columns];
        private readonly Dictionary<int, sqlite3_stmt> _byRows = [];
        private int _rows;

        public bool Full => _rows == _rowsPerStatement;

        public void Row(params object?[] values)
        {
            if (Full) Flush();
            values.CopyTo(_values, _rows * columns);
            _rows++;
        }

        /// <summary>Writes the buffered rows.</summary>
        public void Flush()
        {
            if (_rows == 0) return;
            var stmt = Bound();
            while (Step(stmt)) { }
            _rows = 0;
        }

        /// <summary>Writes the buffered rows and returns what their RETURNING clause gives, one string per written row.</summary>
        public List<string> FlushReturning()
        {
            var result = new List<string>(_rows);
            if (_rows == 0) return result;
            var stmt = Bound();
            while (Step(stmt)) result.Add(raw.sqlite3_column_text(stmt, 0).utf8_to_string());
            _rows = 0;
            return result;
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
