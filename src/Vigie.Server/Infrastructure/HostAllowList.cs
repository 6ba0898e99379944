using System.Net;

namespace Vigie.Server.Infrastructure;

/// <summary>The Host headers the server answers: on loopback only loopback names, so that a page elsewhere whose name was
/// rebound to 127.0.0.1 (DNS rebinding) cannot read the API; beyond loopback, <see cref="VigieServerOptions.AllowedHosts"/>
/// when given, else any.</summary>
public static class HostAllowList
{
    /// <summary>The allowed host names, or <c>*</c> for any.</summary>
    public static List<string> For(VigieServerOptions options)
    {
        if (options.AllowedHosts is { Count: > 0 } given) return [.. given];
        return IsLoopbackOnly(options.Urls) ? ["localhost", "127.0.0.1", "[::1]"] : ["*"];
    }

    /// <summary>Whether every address of a <c>--urls</c> value is a loopback one.</summary>
    public static bool IsLoopbackOnly(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(u =>
        {
            if (!Uri.TryCreate(u.Replace("://+", "://any", StringComparison.Ordinal).Replace("://*", "://any", StringComparison.Ordinal), UriKind.Absolute, out var uri)) return false;
            return uri.Host == "localhost" || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        });
}
