using Vigie.Core;

namespace Vigie.Fusion;

/// <summary>The settings of cross-document fusion; the defaults are the ones documented in docs/decisions/fusion.md.</summary>
public sealed record FusionOptions
{
    /// <summary>The defaults.</summary>
    public static FusionOptions Default { get; } = new();

    /// <summary>The thresholds of "these two reports are the same event", shared with document-level merging.</summary>
    public SameEventRules Rules { get; init; } = SameEventRules.Default;

    /// <summary>The outlet of a document, so that two documents of one outlet count as one source; default: the document itself.</summary>
    public Func<string, string>? SourceOf { get; init; }

    internal string Source(string document) => SourceOf?.Invoke(document) ?? document;
}
