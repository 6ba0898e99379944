using Vigie.Core;
using Vigie.Ingest;
using Vigie.Pipeline;
using Vigie.Text;

namespace Vigie.Server.Infrastructure;

/// <summary>The extraction engine and document reader, created on first use; a failure to load leaves them unavailable, not the server.</summary>
internal sealed class LazyEngine(VigieServerOptions options)
{
    private readonly Lazy<Analyzer?> _analyzer = new(() => options.AnalyzerFactory?.Invoke(), LazyThreadSafetyMode.ExecutionAndPublication);
    private Lazy<DocumentReader>? _reader;

    // The reader identifies languages with the engine's packs when there is an engine, so that data/lang is read once.
    private Lazy<DocumentReader> ReaderLoader
    {
        get
        {
            Interlocked.CompareExchange(ref _reader, new(() => options.ReaderFactory?.Invoke()
                ?? new DocumentReader(EngineIdentifier() ?? LanguageIdentifier.Load(DataPaths.Root), new ReaderOptions()),
                LazyThreadSafetyMode.ExecutionAndPublication), null);
            return _reader;
        }
    }

    private LanguageIdentifier? EngineIdentifier()
    {
        try
        {
            return _analyzer.Value?.Identifier;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The engine, or null when none is configured; throws <see cref="EngineUnavailableException"/> when it cannot load.</summary>
    public Analyzer? Analyzer
    {
        get
        {
            try
            {
                return _analyzer.Value;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new EngineUnavailableException($"The extraction engine could not load: {ex.Message}", ex);
            }
        }
    }

    /// <summary>The reader of posted documents; throws <see cref="EngineUnavailableException"/> when its language data cannot load.</summary>
    public DocumentReader Reader
    {
        get
        {
            try
            {
                return ReaderLoader.Value;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new EngineUnavailableException($"The document reader could not load: {ex.Message}", ex);
            }
        }
    }

    /// <summary>The actor id of a name or alias of any language, or null when there is none or no engine.</summary>
    public string? ActorIdOf(string nameOrAlias)
    {
        try
        {
            return Analyzer?.ActorIdOf(nameOrAlias);
        }
        catch (EngineUnavailableException)
        {
            return null; // the filter then matches the name as typed
        }
    }
}
