using System.Net;
using System.Text;

namespace Vigie.Ingest;

/// <summary>Turns a feed item's HTML into plain text: tags dropped, block ends as paragraph breaks, entities decoded.</summary>
internal static class HtmlText
{
    public static string ToPlainText(string html)
    {
        if (html.IndexOf('<', StringComparison.Ordinal) < 0) return WebUtility.HtmlDecode(html).Trim();
        var sb = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<') { sb.Append(c); i++; continue; }
            var close = html.IndexOf('>', i);
            if (close < 0) break;
            var tag = html.AsSpan(i + 1, close - i - 1).TrimStart('/');
            var nameEnd = tag.IndexOfAny(" \t\n/>");
            var tagName = (nameEnd < 0 ? tag : tag[..nameEnd]).ToString().ToLowerInvariant();
            if (tagName is "script" or "style")
            {
                var end = html.IndexOf("</" + tagName, close, StringComparison.OrdinalIgnoreCase);
                close = end < 0 ? html.Length - 1 : Math.Max(close, html.IndexOf('>', end) is var e2 && e2 > 0 ? e2 : html.Length - 1);
            }
            else if (tagName is "p" or "br" or "div" or "li" or "h1" or "h2" or "h3" or "h4" or "blockquote")
            {
                sb.Append("\n\n");
            }
            i = close + 1;
        }
        var text = WebUtility.HtmlDecode(sb.ToString());
        // Collapse runs of blank lines into one paragraph break.
        var lines = text.Split('\n').Select(l => l.Trim()).ToList();
        var outSb = new StringBuilder();
        var blank = false;
        foreach (var l in lines)
        {
            if (l.Length == 0) { blank = outSb.Length > 0; continue; }
            if (outSb.Length > 0) outSb.Append(blank ? "\n\n" : " ");
            outSb.Append(l);
            blank = false;
        }
        return outSb.ToString();
    }
}
