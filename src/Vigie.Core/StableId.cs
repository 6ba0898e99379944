using System.Security.Cryptography;
using System.Text;

namespace Vigie.Core;

/// <summary>Stable identifiers: the same input always gives the same id.</summary>
public static class StableId
{
    /// <summary>A short hex hash of the parts, joined by a separator that text cannot contain.</summary>
    public static string Of(params ReadOnlySpan<string?> parts)
    {
        var sb = new StringBuilder();
        foreach (var p in parts) sb.Append(p).Append('\u001f');
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()), hash);
        return Convert.ToHexStringLower(hash[..10]);
    }
}
