using Microsoft.AspNetCore.StaticFiles;

namespace Vigie.Server.Infrastructure;

/// <summary>Cache-Control of the UI's files: vendored libraries and map shapes change only with a new set-up, so a day;
/// the page's own files are revalidated each time (their ETag makes that a 304).</summary>
internal static class StaticCaching
{
    /// <summary>Sets the header before a static file is sent.</summary>
    public static void Apply(StaticFileResponseContext context) =>
        context.Context.Response.Headers.CacheControl = context.Context.Request.Path.StartsWithSegments("/vendor", StringComparison.Ordinal)
            ? "public, max-age=86400"
            : "no-cache";
}
