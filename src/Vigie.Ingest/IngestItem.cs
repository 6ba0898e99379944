using Vigie.Core;

namespace Vigie.Ingest;

/// <summary>One outcome of reading input: a document, or a rejection naming where and why.</summary>
public abstract record IngestItem(string File, int Line);

/// <summary>A document read from input, with its idempotency key.</summary>
public sealed record AcceptedDocument(string File, int Line, Document Document, string ContentKey) : IngestItem(File, Line);

/// <summary>An input that could not become a document.</summary>
public sealed record Rejection(string File, int Line, string Reason) : IngestItem(File, Line)
{
    /// <summary>The report line, <c>file:line: reason</c>, always one line (control characters escaped).</summary>
    public override string ToString() => $"{InputName.OneLine(File)}:{Line}: {InputName.OneLine(Reason)}";
}
