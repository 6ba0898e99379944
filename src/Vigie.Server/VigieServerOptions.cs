using Vigie.Core;
using Vigie.Ingest;
using Vigie.Pipeline;
using Vigie.Server.Infrastructure;
using Vigie.Storage;

namespace Vigie.Server;

/// <summary>How to run Vigie's HTTP API and web UI.</summary>
public sealed record VigieServerOptions
{
    /// <summary>The default address: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The environment variable holding the token that document ingestion requires.</summary>
    public const string TokenVariable = "VIGIE_API_TOKEN";

    /// <summary>The environment variable naming a file whose first line is the token.</summary>
    public const string TokenFileVariable = "VIGIE_API_TOKEN_FILE";

    /// <summary>Where to listen; loopback unless told otherwise.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>The database to open (a SQLite path or a PostgreSQL connection string) when <see cref="Store"/> is not given.</summary>
    public string? Database { get; init; }

    /// <summary>An open store to serve; the server does not dispose it.</summary>
    public IVigieStore? Store { get; init; }

    /// <summary>The token that <c>POST /api/documents</c> requires; ingestion is refused when it is null or empty.</summary>
    public string? ApiToken { get; init; }

    /// <summary>The folder of the web UI's static files; by default <c>wwwroot</c> beside the program.</summary>
    public string? WebRoot { get; init; }

    /// <summary>The Host headers answered; by default loopback names when listening on loopback only, any otherwise.</summary>
    public IReadOnlyList<string>? AllowedHosts { get; init; }

    /// <summary>The shortest API token that is not warned about when the server listens beyond loopback.</summary>
    public const int MinimumTokenLength = 32;

    /// <summary>The largest request body accepted, in bytes.</summary>
    public long MaxRequestBodyBytes { get; init; } = 4 << 20;

    /// <summary>How long the cached view of every event (control timeline, fused events, places) is served before the
    /// store's event feed is read again for what other writers stored; only the new events are read, in the background.</summary>
    public TimeSpan SnapshotLifetime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether that view is built as soon as the server starts rather than on the first request.</summary>
    public bool WarmSnapshot { get; init; } = true;

    /// <summary>The extraction engine, created on first use (ingestion and argument highlighting); null disables both.</summary>
    public Func<Analyzer>? AnalyzerFactory { get; init; } = Analyzer.Create;

    /// <summary>What extracts and stores posted documents; by default the pipeline's ingest service with <see cref="AnalyzerFactory"/>.</summary>
    public Func<IServiceProvider, IDocumentIngester>? Ingester { get; init; }

    /// <summary>The feature class of a place for the control timeline (the gazetteer's, as <c>vigie control</c> reads
    /// it), created on first use; null, or a gazetteer that cannot load, leaves a place's precision in its stead.</summary>
    public Func<Func<Location, string?>>? FeatureLookup { get; init; } = static () => ControlQueries.FeaturesFrom(ControlQueries.LoadGazetteer());

    /// <summary>The document reader for ingestion, created on first use.</summary>
    public Func<DocumentReader>? ReaderFactory { get; init; }
}
