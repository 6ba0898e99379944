using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Vigie.Server.Infrastructure;

/// <summary>Completes the OpenAPI document: the problem responses every operation may give, and the token scheme.</summary>
internal static class OpenApiResponses
{
    // What each status means in this API; every operation lists the ones it can give.
    private static readonly (string Code, string Description)[] Common =
    [
        ("400", "A parameter is not valid: the problem's `detail` says which, in one sentence."),
        ("403", "The host name is not one this server answers, or ingestion is disabled."),
        ("404", "No such event, document or fused event."),
        ("405", "The path exists for other methods (see `Allow`)."),
    ];

    private static readonly (string Code, string Description)[] Ingestion =
    [
        ("401", "The API token is missing or wrong."),
        ("413", "The body is larger than the server accepts."),
        ("422", "Every posted document was rejected (each with its line and reason)."),
        ("429", "Too many failed token attempts from this address: wait `Retry-After` seconds."),
    ];

    /// <summary>Adds the token security scheme to the document.</summary>
    public static Task Document(OpenApiDocument doc, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        doc.Components ??= new OpenApiComponents();
        doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        doc.Components.SecuritySchemes["token"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The server's API token (`--token`, `--token-file`, VIGIE_API_TOKEN or VIGIE_API_TOKEN_FILE), as `Authorization: Bearer` or `X-Vigie-Token`; only POST /api/documents needs it.",
        };
        return Task.CompletedTask;
    }

    /// <summary>Adds the problem responses to an operation, and the token requirement to ingestion.</summary>
    public static Task Operation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        operation.Responses ??= new Microsoft.OpenApi.OpenApiResponses();
        var ingestion = string.Equals(context.Description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase);
        foreach (var (code, description) in ingestion ? Common.Concat(Ingestion) : Common)
            operation.Responses.TryAdd(code, new OpenApiResponse { Description = description });
        if (ingestion)
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("token", context.Document)] = [] }];
        return Task.CompletedTask;
    }
}
