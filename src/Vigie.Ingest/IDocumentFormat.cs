namespace Vigie.Ingest;

/// <summary>One input format of CONTRACT §1: an input in, documents and rejections out as they are read, never
/// throwing on bad input and never holding more than one document's worth of it.</summary>
internal interface IDocumentFormat
{
    /// <summary>Reads <paramref name="source"/>; its name names it in rejections and derived ids.</summary>
    IEnumerable<IngestItem> Read(InputSource source);
}
