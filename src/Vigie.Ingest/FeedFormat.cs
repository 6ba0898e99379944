using System.Xml;
using System.Xml.Linq;

namespace Vigie.Ingest;

/// <summary>RSS 2.0, RSS 1.0 and Atom 1.0 feeds, streamed: one item or entry at a time is built (nested at most
/// <see cref="MaxDepth"/> deep and read within a budget), then becomes a document. DTDs are ignored and no external
/// entity is ever resolved. Hand-written because System.ServiceModel.Syndication reads no RSS 1.0 and
/// CodeHollow.FeedReader none streamed: both build the whole feed in memory before the first item.</summary>
internal sealed class FeedFormat(DocumentFields fields) : IDocumentFormat
{
    /// <summary>The deepest nesting read; deeper XML is rejected (nothing legitimate in a feed comes close).</summary>
    public const int MaxDepth = 64;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1 << 16,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <inheritdoc/>
    public IEnumerable<IngestItem> Read(InputSource source)
    {
        var budget = new ReadBudget(2L * fields.Options.MaxDocumentBytes + (1 << 16));
        using var xml = source.OpenXml(Settings, budget);
        var items = Items(source.Name, xml, budget).GetEnumerator();
        while (true)
        {
            IngestItem? item;
            try
            {
                if (!items.MoveNext()) yield break;
                item = items.Current;
            }
            catch (XmlException ex)
            {
                item = new Rejection(source.Name, ex.LineNumber, "not a valid RSS or Atom feed: " + DocumentFields.FirstSentence(ex.Message));
            }
            catch (InputTooLargeException)
            {
                item = new Rejection(source.Name, LineOf(xml), $"over the size limit ({budget.Limit:N0} bytes in one item; the rest of the feed is not read)");
            }
            catch (DepthException ex)
            {
                item = new Rejection(source.Name, ex.Line, $"XML nested deeper than {MaxDepth} elements");
            }
            yield return item;
            if (item is Rejection { Reason: var r } && (r.StartsWith("not a valid", StringComparison.Ordinal) || r.StartsWith("over the size", StringComparison.Ordinal) || r.StartsWith("XML nested", StringComparison.Ordinal)))
                yield break;
        }
    }

    private IEnumerable<IngestItem> Items(string name, XmlReader xml, ReadBudget budget)
    {
        if (xml.MoveToContent() != XmlNodeType.Element) { yield return new Rejection(name, 1, "not an RSS or Atom feed"); yield break; }
        var root = XName.Get(xml.LocalName, xml.NamespaceURI);
        var atom = root == Atom + "feed";
        if (!atom && root != "rss" && root != Rdf + "RDF") { yield return new Rejection(name, LineOf(xml), "not an RSS or Atom feed"); yield break; }
        string? language = null;
        var itemName = atom ? Atom + "entry" : root == "rss" ? XName.Get("item") : Rss1 + "item";
        while (xml.Read())
        {
            if (xml.Depth > MaxDepth) throw new DepthException(LineOf(xml));
            if (xml.NodeType != XmlNodeType.Element) continue;
            var here = XName.Get(xml.LocalName, xml.NamespaceURI);
            if (here == itemName)
            {
                var line = LineOf(xml);
                budget.Reset();
                var e = ReadElement(xml);
                yield return atom ? FromEntry(name, line, e) : FromRssItem(name, line, e, language);
            }
            else if (here == "language" || here == DublinCore + "language")
            {
                language ??= ReadElement(xml).Value.Trim();
            }
        }
    }

    /// <summary>The element the reader is on, with its content, built node by node so its depth is checked as it is read.</summary>
    private static XElement ReadElement(XmlReader xml)
    {
        var root = StartElement(xml);
        if (xml.IsEmptyElement) return root;
        var open = new Stack<XElement>();
        open.Push(root);
        while (open.Count > 0 && xml.Read())
        {
            if (xml.Depth > MaxDepth) throw new DepthException(LineOf(xml));
            switch (xml.NodeType)
            {
                case XmlNodeType.Element:
                    var child = StartElement(xml);
                    open.Peek().Add(child);
                    if (!xml.IsEmptyElement) open.Push(child);
                    break;
                case XmlNodeType.EndElement:
                    open.Pop();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    open.Peek().Add(new XText(xml.Value));
                    break;
            }
        }
        return root;
    }

    private static XElement StartElement(XmlReader xml)
    {
        var e = new XElement(XName.Get(xml.LocalName, xml.NamespaceURI));
        if (xml.MoveToFirstAttribute())
        {
            do
            {
                if (xml.NamespaceURI != "http://www.w3.org/2000/xmlns/") e.SetAttributeValue(XName.Get(xml.LocalName, xml.NamespaceURI), xml.Value);
            }
            while (xml.MoveToNextAttribute());
            xml.MoveToElement();
        }
        return e;
    }

    private static int LineOf(XmlReader xml) => xml is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 1;

    private IngestItem FromRssItem(string name, int line, XElement item, string? language)
    {
        XElement? Child(XName n) => item.Element(n) ?? item.Element(Rss1 + n.LocalName);
        var body = item.Element(Content + "encoded")?.Value ?? Child("description")?.Value;
        var date = Child("pubDate")?.Value ?? item.Element(DublinCore + "date")?.Value;
        var link = Child("link")?.Value.Trim();
        var id = item.Element("guid")?.Value.Trim() ?? (string?)item.Attribute(Rdf + "about") ?? link;
        return Build(name, line, id, Child("title")?.Value, body, date, language, link);
    }

    private IngestItem FromEntry(string name, int line, XElement entry)
    {
        var body = entry.Element(Atom + "content")?.Value ?? entry.Element(Atom + "summary")?.Value;
        var date = entry.Element(Atom + "updated")?.Value ?? entry.Element(Atom + "published")?.Value;
        var links = entry.Elements(Atom + "link").ToList();
        var link = (links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault())?.Attribute("href")?.Value;
        return Build(name, line, entry.Element(Atom + "id")?.Value.Trim() ?? link, entry.Element(Atom + "title")?.Value, body, date, null, link);
    }

    private IngestItem Build(string name, int line, string? id, string? title, string? htmlBody, string? date, string? language, string? url)
    {
        if (string.IsNullOrWhiteSpace(date)) return new Rejection(name, line, "no date (pubDate or updated)");
        var body = HtmlText.ToPlainText(htmlBody ?? "");
        var text = string.IsNullOrWhiteSpace(title) ? body : string.IsNullOrWhiteSpace(body) ? title.Trim() : title.Trim() + "\n\n" + body;
        return fields.FromFields(name, line, string.IsNullOrEmpty(id) ? null : id, text, date, title?.Trim(), language, name, string.IsNullOrEmpty(url) ? null : url);
    }

    /// <summary>XML nested deeper than <see cref="MaxDepth"/>.</summary>
    private sealed class DepthException(int line) : Exception($"Nested deeper than {MaxDepth} elements.")
    {
        public int Line => line;
    }
}
