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
    ];
}
