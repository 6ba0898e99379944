using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;

namespace Vigie.Ingest;

/// <summary>RSS 2.0 and Atom 1.0 feeds, read by <c>System.ServiceModel.Syndication</c>: one document per item or entry.</summary>
internal sealed class FeedFormat(DocumentFields fields) : IDocumentFormat
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private const string ContentModule = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";

    /// <summary>Marks a date the parser could not read, so that item alone is rejected instead of the whole feed.</summary>
    private static readonly DateTimeOffset Unreadable = DateTimeOffset.MinValue.AddDays(1);

    /// <inheritdoc/>
    public IEnumerable<IngestItem> Read(string name, string content)
    {
        // XLinq first: the library reports neither the line of an XML error nor the line of an item, rejections need both.
        XDocument xml;
        try
        {
            xml = XDocument.Parse(content, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return [new Rejection(name, ex.LineNumber, "not a valid RSS or Atom feed: " + DocumentFields.FirstSentence(ex.Message))];
        }
        var root = xml.Root!;
        SyndicationFeedFormatter formatter = root.Name == Atom + "feed" ? new Atom10FeedFormatter() : new Rss20FeedFormatter();
        formatter.DateTimeParser = ParseDate;
        using var reader = xml.CreateReader();
        if (!formatter.CanRead(reader))
        {
            // RSS 1.0 (RDF) is not read by the library; an empty one is no error.
            return root.Name.LocalName == "RDF" ? [] : [new Rejection(name, 1, "not an RSS or Atom feed")];
        }
        try
        {
            formatter.ReadFrom(reader);
        }
        catch (XmlException ex)
        {
            return [new Rejection(name, ex.LineNumber, "not a valid RSS or Atom feed: " + DocumentFields.FirstSentence(ex.Message))];
        }
        var feed = formatter.Feed;
        var lines = (root.Name == Atom + "feed" ? root.Elements(Atom + "entry") : root.Element("channel")?.Elements("item") ?? [])
            .Select(e => ((IXmlLineInfo)e).LineNumber).ToList();
        var items = new List<IngestItem>();
        foreach (var (item, i) in feed.Items.Select((item, i) => (item, i)))
        {
            var line = i < lines.Count ? lines[i] : 1;
            items.Add(root.Name == Atom + "feed" ? FromEntry(name, line, item) : FromRssItem(name, line, item, feed.Language));
        }
        return items;
    }

    private IngestItem FromRssItem(string name, int line, SyndicationItem item, string? language)
    {
        var body = Extension(item, "encoded", ContentModule) ?? item.Summary?.Text;
        DateTimeOffset? date = item.PublishDate != default ? item.PublishDate : null;
        date ??= Extension(item, "date", DublinCore) is { } dc && DocumentFields.ParseLooseDate(dc) is { } d ? Midnight(d) : null;
        var link = item.Links.FirstOrDefault()?.Uri.OriginalString;
        return Build(name, line, item.Id ?? link, item.Title?.Text, body, date, language, link);
    }

    private IngestItem FromEntry(string name, int line, SyndicationItem entry)
    {
        var body = Text(entry.Content) ?? entry.Summary?.Text;
        DateTimeOffset? date = entry.LastUpdatedTime != default ? entry.LastUpdatedTime : entry.PublishDate != default ? entry.PublishDate : null;
        var link = entry.Links.FirstOrDefault()?.Uri.OriginalString;
        return Build(name, line, entry.Id ?? link, entry.Title?.Text, body, date, null, link);
    }

    private IngestItem Build(string name, int line, string? id, string? title, string? htmlBody, DateTimeOffset? date, string? language, string? url)
    {
        if (date is null) return new Rejection(name, line, "no date (pubDate or updated)");
        if (date == Unreadable) return new Rejection(name, line, "bad date (pubDate or updated is not a date)");
        var body = HtmlText.ToPlainText(htmlBody ?? "");
        var text = string.IsNullOrWhiteSpace(title) ? body : string.IsNullOrWhiteSpace(body) ? title.Trim() : title.Trim() + "\n\n" + body;
        return fields.FromFields(name, line, id, text, date.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            title?.Trim(), language, name, url);
    }

    /// <summary>Feed dates as written (the day of the writer's zone), also RFC 822 zones the library does not know.</summary>
    private static bool ParseDate(XmlDateTimeData data, out DateTimeOffset value)
    {
        value = DocumentFields.ParseLooseDate(data.DateTimeString) is { } d ? Midnight(d) : Unreadable;
        return true;
    }

    private static DateTimeOffset Midnight(Vigie.Core.PartialDate d) => new(d.Year, d.Month ?? 1, d.Day ?? 1, 0, 0, 0, TimeSpan.Zero);

    private static string? Extension(SyndicationItem item, string localName, string ns) =>
        item.ElementExtensions.ReadElementExtensions<string>(localName, ns).FirstOrDefault();

    private static string? Text(SyndicationContent? content) => content switch
    {
        TextSyndicationContent t => t.Text,
        XmlSyndicationContent x => XElement.Load(x.GetReaderAtContent()).Value,
        _ => null,
    };
}
