using Vigie.Core;
using Vigie.Ingest;
using Vigie.Pipeline;
using Vigie.Storage;
using Vigie.Text;

namespace Vigie.Cli;

/// <summary>Thrown for an expected failure that the user can fix; the message is the one sentence shown.</summary>
public sealed class UserException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>What every command shares: the console, the chosen database and the lazily loaded engine.</summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr, string? db, bool verbose)
{
    private Analyzer? _analyzer;

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = stdout;

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = stderr;

    /// <summary>Whether to show details of errors.</summary>
    public bool Verbose { get; } = verbose;

    /// <summary>The database: <c>--db</c>, else <c>VIGIE_DB</c>, else <c>./vigie.db</c>.</summary>
    public string Database { get; } = db ?? (Environment.GetEnvironmentVariable("VIGIE_DB") is { Length: > 0 } env ? env : StoreFactory.DefaultPath);

    /// <summary>The whole extraction engine, loaded once.</summary>
    public Analyzer Analyzer => _analyzer ??= Analyzer.Create();

    /// <summary>Opens the store.</summary>
    public Task<IVigieStore> OpenStoreAsync(CancellationToken ct) => StoreFactory.OpenAsync(Database, ct);

    /// <summary>A reader for every input format.</summary>
    public DocumentReader CreateReader(int maxBytes) => new(Analyzer.Identifier, new ReaderOptions(maxBytes));

    /// <summary>Reports a rejected input as <c>file:line: reason</c>.</summary>
    public void Report(Rejection r) => Error.WriteLine(r.ToString());
}
