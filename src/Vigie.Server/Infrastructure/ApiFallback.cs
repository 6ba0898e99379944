using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Vigie.Server.Infrastructure;

/// <summary>What <c>/api</c> answers when no endpoint takes the request: 405 with <c>Allow</c> when the path exists
/// for other methods, else 404.</summary>
internal static class ApiFallback
{
    /// <summary>The fallback endpoint's handler.</summary>
    public static ProblemHttpResult Handle(HttpContext http, EndpointDataSource endpoints)
    {
        var path = http.Request.Path.Value ?? "";
        var allowed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var e in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || e.RoutePattern.RawText is not { } raw) continue;
            var matcher = new TemplateMatcher(TemplateParser.Parse(raw.TrimStart('/')), new RouteValueDictionary());
            if (matcher.TryMatch(path, new RouteValueDictionary())) allowed.UnionWith(methods.HttpMethods);
        }
        if (allowed.Count == 0) return Problems.Of(StatusCodes.Status404NotFound, "No such API endpoint.", $"There is no API endpoint at {path}.", "no_endpoint", ("path", path));
        http.Response.Headers.Allow = string.Join(", ", allowed);
        return Problems.Of(StatusCodes.Status405MethodNotAllowed, "This method is not allowed here.",
            $"{http.Request.Method} is not allowed on {path}; use {string.Join(" or ", allowed)}.", "method_not_allowed",
            ("method", http.Request.Method), ("allowed", string.Join(" or ", allowed)));
    }
}
