using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Vigie.Storage;

namespace Vigie.Server.Features.Events;

/// <summary>An <see cref="EventPage"/> response written from the events' stored JSON: reading every event of a page into
/// objects and writing it again was most of what a page cost the server.</summary>
/// <remarks>The stored JSON is the contract's form of an event (<see cref="Vigie.Core.VigieJson"/>), the one the API
/// writes, with non-ASCII characters as UTF-8 rather than escaped.</remarks>
internal sealed class EventPageJson(EventJsonPage page) : IResult, IEndpointMetadataProvider
{
    private static readonly byte[] Head = "{\"events\":["u8.ToArray();

    /// <inheritdoc/>
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        var size = Head.Length + 32 + (page.NextCursor?.Length ?? 4) + page.Events.Sum(e => e.Length + 1);
        var body = new MemoryStream(size);
        body.Write(Head);
        for (var i = 0; i < page.Events.Count; i++)
        {
            if (i > 0) body.WriteByte((byte)',');
            body.Write(Encoding.UTF8.GetBytes(page.Events[i]));
        }
        body.Write("],\"next_cursor\":"u8);
        body.Write(page.NextCursor is null ? "null"u8 : JsonSerializer.SerializeToUtf8Bytes(page.NextCursor));
        body.WriteByte((byte)'}');
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length), httpContext.RequestAborted);
    }

    /// <inheritdoc/>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(EventPage), ["application/json"]));
    }
}
