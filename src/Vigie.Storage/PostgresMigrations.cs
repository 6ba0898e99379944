namespace Vigie.Storage;

/// <summary>The PostgreSQL store's schema, one migration per version; each runs once, in its own transaction, under an advisory lock.</summary>
/// <remarks>Keys and dates use the "C" collation so that ordering and cursors compare byte-wise, as SQLite does.</remarks>
internal static class PostgresMigrations
{
    public static readonly IReadOnlyList<(int Version, string Sql)> All =
    [
        (1, """
            CREATE TABLE documents (
                id text COLLATE "C" PRIMARY KEY,
                content_key text COLLATE "C" NOT NULL UNIQUE,
                date text,
                language text NOT NULL,
                title text,
                source text,
                url text,
                text text NOT NULL,
                ingested_at timestamptz NOT NULL
            );
            CREATE TABLE events (
                id text COLLATE "C" PRIMARY KEY,
                document_id text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                type text COLLATE "C" NOT NULL,
                modality text COLLATE "C" NOT NULL,
                date_value text COLLATE "C",
                date_last text COLLATE "C",
                date_precision text,
                date_start text COLLATE "C" NOT NULL,
                date_end text COLLATE "C" NOT NULL,
                actor1_id text,
                actor2_id text,
                confidence double precision NOT NULL,
                json text NOT NULL
            );
            CREATE INDEX events_by_date ON events (date_start, id);
            CREATE INDEX events_by_type ON events (type, date_start, id);
            CREATE INDEX events_by_document ON events (document_id);
            CREATE TABLE locations (
                event_id text COLLATE "C" NOT NULL REFERENCES events(id) ON DELETE CASCADE,
                idx integer NOT NULL,
                name text NOT NULL,
                name_folded text COLLATE "C" NOT NULL,
                country text COLLATE "C",
                admin1 text,
                lat double precision NOT NULL,
                lon double precision NOT NULL,
                precision text NOT NULL,
                geonames_id bigint,
                PRIMARY KEY (event_id, idx)
            );
            CREATE INDEX locations_by_country ON locations (country, event_id);
            CREATE INDEX locations_by_name ON locations (name_folded, event_id);
            CREATE INDEX locations_by_geonames ON locations (geonames_id, event_id);
            CREATE TABLE actors (
                event_id text COLLATE "C" NOT NULL REFERENCES events(id) ON DELETE CASCADE,
                slot text NOT NULL,
                actor_id text COLLATE "C" NOT NULL,
                name text NOT NULL,
                name_folded text COLLATE "C" NOT NULL,
                country text,
                role text,
                PRIMARY KEY (event_id, slot)
            );
            CREATE INDEX actors_by_id ON actors (actor_id, event_id);
            CREATE INDEX actors_by_name ON actors (name_folded, event_id);
            CREATE TABLE quantities (
                event_id text COLLATE "C" NOT NULL REFERENCES events(id) ON DELETE CASCADE,
                idx integer NOT NULL,
                kind text,
                low numeric NOT NULL,
                high numeric NOT NULL,
                approximate boolean NOT NULL,
                lower_bound boolean NOT NULL,
                upper_bound boolean NOT NULL,
                text text NOT NULL,
                PRIMARY KEY (event_id, idx)
            );
            CREATE TABLE evidence (
                event_id text COLLATE "C" NOT NULL REFERENCES events(id) ON DELETE CASCADE,
                idx integer NOT NULL,
                document_id text NOT NULL,
                sentence integer NOT NULL,
                start integer NOT NULL,
                "end" integer NOT NULL,
                text text NOT NULL,
                rule text NOT NULL,
                search text NOT NULL,
                search_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search)) STORED,
                PRIMARY KEY (event_id, idx)
            );
            CREATE INDEX evidence_search ON evidence USING gin (search_tsv);
            """),
        // Pages filtered by actor, country or place walk one key's rows of event_keys already in date order, and date
        // ranges read only the short events that start near the range plus the few long ones, which are indexed apart
        // (StoreRows.LongSpanDays, FilterKeys; the SQLite store has the same design). A key row carries the columns the
        // other filters test, covered by its index, so that a key walk reads neither the event nor its JSON. The keys are
        // backfilled from the actors and locations tables exactly as FilterKeys.Of derives them on write; the indexes
        // that served the old IN (SELECT event_id ...) filters have no reader left. The date indexes cover the range and
        // modality tests. Keys are loaded before their primary key and foreign key are added, which builds and checks
        // each once instead of row by row.
        (2, """
            ALTER TABLE events ADD COLUMN long_span boolean NOT NULL DEFAULT false;
            -- LongSpanDays is 40; CASE keeps undated events ('') away from the casts.
            UPDATE events SET long_span = true WHERE CASE WHEN date_start <> '' THEN date_end::date - date_start::date > 40 ELSE false END;
            DROP INDEX events_by_date;
            CREATE INDEX events_by_date ON events (date_start, id) INCLUDE (date_end, long_span, modality);
            DROP INDEX events_by_type;
            CREATE INDEX events_by_type ON events (type, date_start, id) INCLUDE (date_end, long_span, modality);
            CREATE INDEX events_long_by_date ON events (date_start, id) WHERE long_span;
            CREATE TABLE event_keys (
                key text COLLATE "C" NOT NULL,
                date_start text COLLATE "C" NOT NULL,
                event_id text COLLATE "C" NOT NULL,
                long_span boolean NOT NULL,
                date_end text COLLATE "C" NOT NULL,
                type text COLLATE "C" NOT NULL,
                modality text COLLATE "C" NOT NULL
            );
            INSERT INTO event_keys (key, date_start, event_id, long_span, date_end, type, modality)
            SELECT k.key, e.date_start, e.id, e.long_span, e.date_end, e.type, e.modality
            FROM (
                SELECT event_id, 'a:' || actor_id AS key FROM actors
                UNION SELECT event_id, 'a:' || name_folded FROM actors
                UNION SELECT event_id, 'c:' || upper(country) FROM locations WHERE country <> ''
                UNION SELECT event_id, 'p:' || name_folded FROM locations
                UNION SELECT event_id, 'g:' || geonames_id FROM locations WHERE geonames_id IS NOT NULL
            ) k
            JOIN events e ON e.id = k.event_id;
            ALTER TABLE event_keys ADD PRIMARY KEY (key, date_start, event_id) INCLUDE (date_end, long_span, type, modality);
            ALTER TABLE event_keys ADD FOREIGN KEY (event_id) REFERENCES events(id) ON DELETE CASCADE;
            CREATE INDEX event_keys_long ON event_keys (key, date_start, event_id) INCLUDE (date_end, type, modality) WHERE long_span;
            DROP INDEX locations_by_country, locations_by_name, locations_by_geonames, actors_by_id, actors_by_name;
            ANALYZE events, event_keys;
            """),
        // The event view reads what it highlights from the store: each event's spans (trigger and arguments, offsets into
        // its document) sit beside its JSON, read only for one event. Documents carry their folded title, source and id
        // for the document list (folded in C# on write; rows stored before are only lower-cased here, having no Vigie
        // fold in SQL). Place search reads the locations table. Events stored before this version have no spans (null)
        // until their document is ingested again. The SQLite store's version 4 is the same change.
        (3, """
            ALTER TABLE events ADD COLUMN spans text;
            ALTER TABLE documents ADD COLUMN label_folded text NOT NULL DEFAULT '';
            UPDATE documents SET label_folded = lower(COALESCE(title, '') || ' ' || COALESCE(source, '') || ' ' || id);
            CREATE INDEX documents_by_date ON documents (date DESC NULLS LAST, id);
            """),
        // The event feed (IVigieStore.ReadEventsAfterAsync): each event gets a position from a sequence, events stored
        // before numbered in their stored order; writers take the feed lock from numbering their events to their commit
        // (PostgresStore.FeedLockKey), so positions grow in commit order and a reader never skips one committed late.
        // Runs under the migration lock, as every migration does.
        (4, """
            ALTER TABLE events ADD COLUMN seq bigserial;
            CREATE UNIQUE INDEX events_by_seq ON events (seq);
            """),
    ];
}
