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
    ];
}
