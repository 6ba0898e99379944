using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using Vigie.Core;
using Vigie.Ingest;
using Vigie.Pipeline;
using Vigie.Server.Infrastructure;
using Vigie.Storage;

namespace Vigie.Server.Features.Documents;

/// <summary>What an ingestion request did; every rejected document is named with its line and reason.</summary>
public sealed record IngestResult(int Read, int Stored, int Skipped, int Events, IReadOnlyList<Rejection> Rejections);

/// <summary>A stored document with the events read in it and the spans to highlight (each event's evidence and stored spans).</summary>
public sealed record DocumentView(Document Document, IReadOnlyList<Event> Events, IReadOnlyList<Events.Highlight> Highlights);

/// <summary>The query of <c>GET /api/documents</c>.</summary>
public sealed record DocumentListParameters
{
    /// <summary>Words of the title, source or id.</summary>
    [Description("Words of the document's title, source or id, ignoring case and accents.")]
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>Page size.</summary>
    [Description("Page size, 1 to 500 (default 50).")]
    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }

    /// <summary>How many to skip.</summary>
    [Description("How many documents to skip: the `next_offset` of the previous page.")]
    [FromQuery(Name = "offset")]
    public string? Offset { get; init; }
}

/// <summary><c>/api/documents</c>: stored documents, and ingestion by POST with the configured token.</summary>
public static class DocumentsApi
{
    /// <summary>The header that may carry the token instead of <c>Authorization: Bearer</c>.</summary>
    public const string TokenHeader = "X-Vigie-Token";

    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapDocumentsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/documents").WithTags("Documents");
        group.MapGet("/", ListAsync).WithName("ListDocuments").WithSummary("Stored documents (title, date, source, number of events), newest first, searched by title, source or id.");
        group.MapGet("/{*id}", GetAsync).WithName("GetDocument").WithSummary("One stored document with its text.");
        api.MapGet("/document-view/{*id}", ViewAsync).WithTags("Documents").WithName("GetDocumentView")
            .WithSummary("One stored document with its events and the spans of each to highlight (evidence sentences, triggers, arguments).");
        group.MapPost("/", IngestAsync).WithName("IngestDocuments")
            .WithSummary("Extracts and stores the posted documents (dated text, JSON lines, CSV or RSS/Atom); requires the API token as `Authorization: Bearer`.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // The body is read by hand (any content type is accepted and sniffed), so describe it here.
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "Documents in any input format of CONTRACT §1; `format` (text, jsonl, csv, feed) or the content type says which.",
                    Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                    {
                        ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                        ["application/x-ndjson"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                        ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                        ["application/rss+xml"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                    },
                };
                return Task.CompletedTask;
            });
        return api;
    }

    private static async Task<Results<Ok<DocumentPage>, ProblemHttpResult>> ListAsync(
        [AsParameters] DocumentListParameters p, IVigieStore store, CancellationToken ct)
    {
        var limit = 50;
        if (!string.IsNullOrWhiteSpace(p.Limit) && (!int.TryParse(p.Limit, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 500))
            return Problems.OutOfRange("limit", 1, 500);
        var offset = 0;
        if (!string.IsNullOrWhiteSpace(p.Offset) && (!int.TryParse(p.Offset, System.Globalization.CultureInfo.InvariantCulture, out offset) || offset < 0))
            return Problems.BadRequest("'offset' must be a whole number, 0 or more.", "not_whole_number", ("param", "offset"), ("min", "0"));
        return TypedResults.Ok(await store.ListDocumentsAsync(new DocumentQuery(p.Q, limit, offset), ct));
    }

    private static async Task<Results<Ok<DocumentView>, ProblemHttpResult>> ViewAsync([Description("The document id (URL-encoded: ids may hold '/').")] string id, IVigieStore store, CancellationToken ct)
    {
        id = Events.EventEvidence.RouteId(id);
        if (await store.GetDocumentAsync(id, ct) is not { } doc) return Problems.NotFound("document", id);
        var events = new List<Event>();
        string? cursor = null;
        do
        {
            var page = await store.QueryEventsAsync(new EventQuery(Document: id, Limit: EventFilter.MaxLimit, Cursor: cursor), ct);
            // The list carries no spans: each event is read with its own.
            foreach (var e in page.Events) events.Add(await store.GetEventAsync(e.Id, ct) ?? e);
            cursor = page.NextCursor;
        }
        while (cursor is not null && events.Count < Vigie.Pipeline.IngestOptions.DefaultMaxEventsPerDocument);
        var highlights = events.SelectMany(e => Events.EvidenceHighlighter.Find(e, doc)).OrderBy(h => h.Start).ThenBy(h => h.Kind == "evidence" ? 0 : 1).ToList();
        return TypedResults.Ok(new DocumentView(doc, events, highlights));
    }

    private static async Task<Results<Ok<Document>, ProblemHttpResult>> GetAsync([Description("The document id (URL-encoded: ids may hold '/').")] string id, IVigieStore store, CancellationToken ct)
    {
        id = Events.EventEvidence.RouteId(id);
        return await store.GetDocumentAsync(id, ct) is { } doc ? TypedResults.Ok(doc) : Problems.NotFound("document", id);
    }

    private static async Task<Results<Ok<IngestResult>, ProblemHttpResult>> IngestAsync(
        HttpRequest request,
        [Description("The body's format: `text` (dated text), `jsonl`, `csv` or `feed` (RSS/Atom); by default the content type says.")] string? format,
        [Description("The name rejections are reported under (default `request`).")] string? name, VigieServerOptions options, IDocumentIngester ingester, LazyEngine engine,
        EventSnapshotCache cache, TokenAttempts attempts, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(options.ApiToken))
            return Problems.Of(StatusCodes.Status403Forbidden, "Ingestion is disabled.",
                $"The server was started without an API token; set {VigieServerOptions.TokenVariable} or --token to enable ingestion.", "ingestion_disabled",
                ("variable", VigieServerOptions.TokenVariable));
        var client = request.HttpContext.Connection.RemoteIpAddress;
        if (attempts.IsBlocked(client, out var retryAfter))
        {
            request.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Of(StatusCodes.Status429TooManyRequests, "Too many failed token attempts.", $"Try again in {retryAfter} seconds.",
                "too_many_attempts", ("seconds", retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (!HasToken(request, options.ApiToken))
        {
            attempts.Fail(client);
            return Problems.Of(StatusCodes.Status401Unauthorized, "A valid API token is required.",
                $"Send the token as 'Authorization: Bearer <token>' or in the {TokenHeader} header.", "token_required", ("header", TokenHeader));
        }

        var inputFormat = ParseFormat(format, request.ContentType);
        if (inputFormat is null) return Problems.InvalidChoice("format", format, "text", "jsonl", "csv", "feed");
        if (request.ContentLength > options.MaxRequestBodyBytes) return TooLarge(options);

        string content;
        try
        {
            content = await ReadBodyAsync(request.Body, options.MaxRequestBodyBytes, ct);
        }
        catch (DecoderFallbackException)
        {
            return Problems.BadRequest("The body is not UTF-8 text.", "body_not_utf8");
        }
        catch (InvalidDataException)
        {
            return TooLarge(options);
        }
        if (string.IsNullOrWhiteSpace(content)) return Problems.BadRequest("The body is empty.", "body_empty");

        IngestSummary summary;
        List<IngestItem> items;
        try
        {
            items = engine.Reader.ReadContent(string.IsNullOrWhiteSpace(name) ? "request" : name.Trim(), content, inputFormat.Value).ToList();
            summary = await ingester.IngestAsync(items, ct);
        }
        catch (EngineUnavailableException ex)
        {
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, "The extraction engine is not available.", ex.Message, "engine_unavailable");
        }
        if (summary.Stored > 0) await cache.CatchUpAsync(ct);
        var result = new IngestResult(summary.Read, summary.Stored, summary.Skipped, summary.Events, summary.Rejections);
        if (summary.Read > 0 && summary.Rejections.Count == summary.Read)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Every document was rejected.",
                detail: string.Join("; ", summary.Rejections.Take(5).Select(r => r.ToString())),
                extensions: new Dictionary<string, object?> { ["code"] = "all_rejected", ["args"] = new Dictionary<string, string?>(), ["rejections"] = summary.Rejections });
        return TypedResults.Ok(result);
    }

    private static ProblemHttpResult TooLarge(VigieServerOptions options) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", $"At most {options.MaxRequestBodyBytes} bytes are accepted in one request.",
            "too_large", ("bytes", options.MaxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Whether the request carries the token, compared in constant time.</summary>
    internal static bool HasToken(HttpRequest request, string token)
    {
        string? given = null;
        var auth = request.Headers.Authorization.ToString();
        if (auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) given = auth["Bearer ".Length..].Trim();
        else if (request.Headers.TryGetValue(TokenHeader, out var h)) given = h.ToString().Trim();
        if (string.IsNullOrEmpty(given)) return false;
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    private static InputFormat? ParseFormat(string? format, string? contentType)
    {
        if (!string.IsNullOrWhiteSpace(format))
        {
            return format.Trim().ToLowerInvariant() switch
            {
                "text" or "txt" => InputFormat.DatedText,
                "jsonl" or "json" or "ndjson" => InputFormat.JsonLines,
                "csv" => InputFormat.Csv,
                "feed" or "rss" or "atom" => InputFormat.Feed,
                _ => null,
            };
        }
        var type = (contentType ?? "").Split(';', 2)[0].Trim().ToLowerInvariant();
        return type switch
        {
            "application/x-ndjson" or "application/jsonl" or "application/json" => InputFormat.JsonLines,
            "text/csv" => InputFormat.Csv,
            "application/rss+xml" or "application/atom+xml" or "application/xml" or "text/xml" => InputFormat.Feed,
            _ => InputFormat.DatedText,
        };
    }

    /// <summary>Reads the body as strict UTF-8, refusing more than <paramref name="maxBytes"/> bytes whatever the headers say.</summary>
    private static async Task<string> ReadBodyAsync(Stream body, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > maxBytes) throw new InvalidDataException("The body is too large.");
            buffer.Write(chunk, 0, n);
        }
        return new UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
