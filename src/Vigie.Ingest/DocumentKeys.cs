using System.Security.Cryptography;
using System.Text;
using Vigie.Core;

namespace Vigie.Ingest;

/// <summary>Idempotency keys: the same normalised text and date always give the same key.</summary>
public static class DocumentKeys
{
    /// <summary>The content key of a text and date: NFC, whitespace collapsed, case kept.</summary>
    public static string ContentKey(string text, PartialDate? date)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 16);
        sb.Append(date?.ToString() ?? "-").Append('\n');
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>An id for a document that came without one: its source's name and a short hash of its content key.</summary>
    public static string DerivedId(string sourceName, string contentKey)
    {
        var stem = Path.GetFileNameWithoutExtension(sourceName);
        if (string.IsNullOrEmpty(stem) || stem == "-") stem = "doc";
        return stem + "-" + contentKey.AsSpan(7, 10).ToString();
    }
}
