namespace Vigie.Storage;

/// <summary>The embedded store's schema, one migration per version; each runs once, in its own transaction.</summary>
internal static class SqliteMigrations
{
    public static readonly IReadOnlyList<(int Version, string Sql)> All =
    [
        (1, """
            CREATE TABLE documents (
                id TEXT PRIMARY KEY,
                content_key TEXT NOT NULL UNIQUE,
                date TEXT,
                language TEXT NOT NULL,
                title TEXT,
                source TEXT,
                url TEXT,
                text TEXT NOT NULL,
                ingested_at TEXT NOT NULL
            );
            CREATE VIRTUAL TABLE documents_fts USING fts5(text, content='documents', content_rowid='rowid');
            CREATE TABLE events (
                id TEXT PRIMARY KEY,
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                type TEXT NOT NULL,
                modality TEXT NOT NULL,
                date_value TEXT,
                date_precision TEXT,
                date_start TEXT NOT NULL,
                date_end TEXT NOT NULL,
                actor1_id TEXT,
                actor2_id TEXT,
                confidence REAL NOT NULL,
                json TEXT NOT NULL
            );
            CREATE INDEX events_by_date ON events(date_start, id);
            CREATE INDEX events_by_type ON events(type, date_start, id);
            CREATE INDEX events_by_document ON events(document_id);
            CREATE TABLE locations (
                event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
                idx INTEGER NOT NULL,
                name TEXT NOT NULL,
                name_folded TEXT NOT NULL,
                country TEXT,
                admin1 TEXT,
                lat REAL NOT NULL,
                lon REAL NOT NULL,
                precision TEXT NOT NULL,
                geonames_id INTEGER,
                PRIMARY KEY (event_id, idx)
            );
            CREATE INDEX locations_by_country ON locations(country, event_id);
            CREATE INDEX locations_by_name ON locations(name_folded, event_id);
            CREATE TABLE actors (
                event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
                slot TEXT NOT NULL,
                actor_id TEXT NOT NULL,
                name TEXT NOT NULL,
                name_folded TEXT NOT NULL,
                country TEXT,
                role TEXT,
                PRIMARY KEY (event_id, slot)
            );
            CREATE INDEX actors_by_id ON actors(actor_id, event_id);
            CREATE INDEX actors_by_name ON actors(name_folded, event_id);
            CREATE TABLE quantities (
                event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
                idx INTEGER NOT NULL,
                kind TEXT,
                low NUMERIC NOT NULL,
                high NUMERIC NOT NULL,
                approximate INTEGER NOT NULL,
                lower_bound INTEGER NOT NULL,
                upper_bound INTEGER NOT NULL,
                text TEXT NOT NULL,
                PRIMARY KEY (event_id, idx)
            );
            CREATE TABLE evidence (
                event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
                idx INTEGER NOT NULL,
                document_id TEXT NOT NULL,
                sentence INTEGER NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                text TEXT NOT NULL,
                rule TEXT NOT NULL,
                PRIMARY KEY (event_id, idx)
            );
            CREATE VIRTUAL TABLE evidence_fts USING fts5(event_id UNINDEXED, text);
            """),
        // Events spanning more than LongSpanDays (years, decades, long periods) are flagged and indexed apart, so a
        // date-range query reads only the short events that start near the range plus the few long ones.
        (2, """
            ALTER TABLE events ADD COLUMN long_span INTEGER NOT NULL DEFAULT 0;
            UPDATE events SET long_span = 1 WHERE date_start <> '' AND julianday(date_end) - julianday(date_start) > 40;
            CREATE INDEX events_long_by_date ON events(date_start, id) WHERE long_span = 1;
            """),
        // Filtered pages read their events in date order from the start: event_keys holds each actor, country and place
        // key of an event beside its date and the columns most filters test (see FilterKeys), and the text index numbers its rows by day then evidence
        // id, so a text search walks matches in date order. The date indexes cover the range test.
        // Writes are the ingest's bottleneck, so only what a query reads is a table: the locations, actors, quantities
        // and evidence tables become views over the event JSON (same columns, less the folded names), places keeps one
        // row per distinct place, and the document text index, which no query read, goes.
        (3, """
            CREATE TABLE event_keys (
                key TEXT NOT NULL,
                date_start TEXT NOT NULL,
                event_id TEXT NOT NULL,
                long_span INTEGER NOT NULL,
                date_end TEXT NOT NULL,
                type TEXT NOT NULL,
                modality TEXT NOT NULL,
                PRIMARY KEY (key, date_start, event_id)
            ) WITHOUT ROWID;
            CREATE INDEX event_keys_long ON event_keys(key, date_start, event_id) WHERE long_span = 1;
            INSERT OR IGNORE INTO event_keys SELECT 'a:' || a.actor_id, e.date_start, e.id, e.long_span, e.date_end, e.type, e.modality FROM actors a JOIN events e ON e.id = a.event_id;
            INSERT OR IGNORE INTO event_keys SELECT 'a:' || a.name_folded, e.date_start, e.id, e.long_span, e.date_end, e.type, e.modality FROM actors a JOIN events e ON e.id = a.event_id;
            INSERT OR IGNORE INTO event_keys SELECT 'c:' || upper(l.country), e.date_start, e.id, e.long_span, e.date_end, e.type, e.modality FROM locations l JOIN events e ON e.id = l.event_id WHERE l.country <> '';
            INSERT OR IGNORE INTO event_keys SELECT 'p:' || l.name_folded, e.date_start, e.id, e.long_span, e.date_end, e.type, e.modality FROM locations l JOIN events e ON e.id = l.event_id;
            INSERT OR IGNORE INTO event_keys SELECT 'g:' || l.geonames_id, e.date_start, e.id, e.long_span, e.date_end, e.type, e.modality FROM locations l JOIN events e ON e.id = l.event_id WHERE l.geonames_id IS NOT NULL;

            CREATE TABLE places (
                place TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                country TEXT,
                lat REAL NOT NULL,
                lon REAL NOT NULL,
                geonames_id INTEGER
            ) WITHOUT ROWID;
            INSERT OR IGNORE INTO places SELECT COALESCE(CAST(geonames_id AS TEXT), name_folded || '|' || COALESCE(country, '')), name, country, lat, lon, geonames_id
                FROM locations ORDER BY event_id, idx;

            DROP TABLE locations;
            DROP TABLE actors;
            DROP TABLE quantities;
            -- Events get a stable integer key (VACUUM keeps an INTEGER PRIMARY KEY), which the text index points to.
            CREATE TABLE events_v3 (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                type TEXT NOT NULL,
                modality TEXT NOT NULL,
                date_value TEXT,
                date_precision TEXT,
                date_start TEXT NOT NULL,
                date_end TEXT NOT NULL,
                actor1_id TEXT,
                actor2_id TEXT,
                confidence REAL NOT NULL,
                json TEXT NOT NULL,
                long_span INTEGER NOT NULL
            );
            INSERT INTO events_v3 (id, document_id, type, modality, date_value, date_precision, date_start, date_end, actor1_id, actor2_id, confidence, json, long_span)
                SELECT id, document_id, type, modality, date_value, date_precision, date_start, date_end, actor1_id, actor2_id, confidence, json, long_span FROM events ORDER BY rowid;
            CREATE VIRTUAL TABLE evidence_search USING fts5(text, content='');
            INSERT INTO evidence_search (rowid, text)
                SELECT (CAST(replace(e.date_start, '-', '') AS INTEGER) << 36) | (e.seq << 4) | x.idx, x.text
                FROM evidence x JOIN events_v3 e ON e.id = x.event_id WHERE x.idx < 15;
            INSERT INTO evidence_search (rowid, text)
                SELECT (CAST(replace(e.date_start, '-', '') AS INTEGER) << 36) | (e.seq << 4) | 15, group_concat(x.text, char(10))
                FROM evidence x JOIN events_v3 e ON e.id = x.event_id WHERE x.idx >= 15 GROUP BY e.seq;
            DROP TABLE evidence;
            DROP TABLE events;
            ALTER TABLE events_v3 RENAME TO events;
            CREATE INDEX events_by_date ON events(date_start, id, date_end, long_span);
            CREATE INDEX events_by_type ON events(type, date_start, id, date_end, long_span);
            CREATE INDEX events_by_document ON events(document_id);
            CREATE INDEX events_long_by_date ON events(date_start, id, date_end) WHERE long_span = 1;
            CREATE VIEW locations AS
                SELECT e.id AS event_id, CAST(l.key AS INTEGER) AS idx, json_extract(l.value, '$.name') AS name, json_extract(l.value, '$.country') AS country,
                    json_extract(l.value, '$.admin1') AS admin1, json_extract(l.value, '$.lat') AS lat, json_extract(l.value, '$.lon') AS lon,
                    json_extract(l.value, '$.precision') AS precision, json_extract(l.value, '$.geonames_id') AS geonames_id
                FROM events e, json_each(e.json, '$.locations') l;
            CREATE VIEW actors AS
                SELECT e.id AS event_id, s.slot, json_extract(e.json, '$.' || s.slot || '.id') AS actor_id, json_extract(e.json, '$.' || s.slot || '.name') AS name,
                    json_extract(e.json, '$.' || s.slot || '.country') AS country, json_extract(e.json, '$.' || s.slot || '.role') AS role
                FROM events e, (SELECT 'actor1' AS slot UNION ALL SELECT 'actor2' UNION ALL SELECT 'claimant') s
                WHERE json_type(e.json, '$.' || s.slot) = 'object';
            CREATE VIEW quantities AS
                SELECT e.id AS event_id, CAST(q.key AS INTEGER) AS idx, json_extract(q.value, '$.kind') AS kind, json_extract(q.value, '$.low') AS low,
                    json_extract(q.value, '$.high') AS high, json_extract(q.value, '$.approximate') AS approximate,
                    json_extract(q.value, '$.lower_bound') AS lower_bound, json_extract(q.value, '$.upper_bound') AS upper_bound, json_extract(q.value, '$.text') AS text
                FROM events e, json_each(e.json, '$.quantities') q;
            CREATE VIEW evidence AS
                SELECT e.id AS event_id, CAST(v.key AS INTEGER) AS idx, json_extract(v.value, '$.document') AS document_id,
                    json_extract(v.value, '$.sentence') AS sentence, json_extract(v.value, '$.start') AS start, json_extract(v.value, '$.end') AS "end",
                    json_extract(v.value, '$.text') AS text, json_extract(v.value, '$.rule') AS rule
                FROM events e, json_each(e.json, '$.evidence') v;
            DROP TABLE evidence_fts;
            DROP TABLE documents_fts;
            """),
        // The event view reads what it highlights from the store: each event's spans (trigger and arguments, offsets into
        // its document) sit beside its JSON, read only for one event. Place search is a query: places carries its folded
        // name, admin1, precision and how many events name it (kept on write); documents carry their folded title,
        // source and id for the document list. vigie_fold is Vigie's fold, registered on every connection. Events
        // stored before this version have no spans (null) until their document is ingested again.
        (4, """
            ALTER TABLE events ADD COLUMN spans TEXT;
            ALTER TABLE places ADD COLUMN name_folded TEXT NOT NULL DEFAULT '';
            ALTER TABLE places ADD COLUMN admin1 TEXT;
            ALTER TABLE places ADD COLUMN precision TEXT NOT NULL DEFAULT '';
            ALTER TABLE places ADD COLUMN events INTEGER NOT NULL DEFAULT 0;
            UPDATE places SET name_folded = vigie_fold(name);
            INSERT INTO places (place, name, name_folded, country, admin1, lat, lon, precision, geonames_id, events)
                SELECT place, name, vigie_fold(name), country, admin1, lat, lon, precision, geonames_id, events FROM (
                    SELECT COALESCE(CAST(geonames_id AS TEXT), vigie_fold(name) || '|' || COALESCE(country, '')) AS place, MIN(name) AS name,
                        MIN(country) AS country, MIN(admin1) AS admin1, MIN(lat) AS lat, MIN(lon) AS lon, MIN(precision) AS precision,
                        MIN(geonames_id) AS geonames_id, COUNT(DISTINCT event_id) AS events
                    FROM locations GROUP BY 1) WHERE true
                ON CONFLICT (place) DO UPDATE SET admin1 = excluded.admin1, precision = excluded.precision, events = excluded.events;
            ALTER TABLE documents ADD COLUMN label_folded TEXT NOT NULL DEFAULT '';
            UPDATE documents SET label_folded = vigie_fold(COALESCE(title, '') || ' ' || COALESCE(source, '') || ' ' || id);
            CREATE INDEX documents_by_date ON documents(date DESC, id);
            """),
    ];

    /// <summary>The text index's row id for an event's evidence sentence: the event's first day (as YYYYMMDD, 0 when
    /// undated), then its <c>seq</c>, then the sentence's index (the 16th row holds every sentence from the 16th on), so
    /// that the index's own order is date order.</summary>
    public static long SearchRowId(string dateStart, long seq, int evidence) => (DayKey(dateStart) << DayShift) | (seq << 4) | (long)Math.Min(evidence, 15);

    /// <summary>Where the day starts in a text index row id (<see cref="SearchRowId"/>).</summary>
    public const int DayShift = 36;

    /// <summary>YYYYMMDD of a <c>date_start</c> value, 0 for an undated event.</summary>
    public static long DayKey(string dateStart) =>
        dateStart.Length == 10 ? ((dateStart[0] - '0') * 1000L + (dateStart[1] - '0') * 100 + (dateStart[2] - '0') * 10 + (dateStart[3] - '0')) * 10000
            + ((dateStart[5] - '0') * 10 + (dateStart[6] - '0')) * 100 + (dateStart[8] - '0') * 10 + (dateStart[9] - '0') : 0;
}
