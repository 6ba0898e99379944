using Vigie.Ingest;
using Vigie.Pipeline;
using Vigie.Storage;

namespace Vigie.Server.Infrastructure;

/// <summary>Extracts and stores documents read from a request; one method, so that tests can store without the engine.</summary>
public interface IDocumentIngester
{
    /// <summary>Runs over the read items (documents and rejections) and says what was stored.</summary>
    Task<IngestSummary> IngestAsync(IReadOnlyList<IngestItem> items, CancellationToken ct);
}

/// <summary>The default ingester: the pipeline's <see cref="IngestService"/> with the server's engine.</summary>
internal sealed class PipelineIngester(LazyEngine engine, IVigieStore store) : IDocumentIngester
{
    public Task<IngestSummary> IngestAsync(IReadOnlyList<IngestItem> items, CancellationToken ct)
    {
        var analyzer = engine.Analyzer ?? throw new EngineUnavailableException("No extraction engine is configured.");
        return new IngestService(analyzer, store).RunAsync(items, ct: ct);
    }
}

/// <summary>The extraction engine is not configured or could not load its data.</summary>
public sealed class EngineUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
