namespace Vigie.Ingest;

/// <summary>One input format of CONTRACT §1: text already in memory in, documents and rejections out, never throwing on bad input.</summary>
internal interface IDocumentFormat
{
    /// <summary>Reads <paramref name="content"/>; <paramref name="name"/> names it in rejections and derived ids.</summary>
    IEnumerable<IngestItem> Read(string name, string content);
}
