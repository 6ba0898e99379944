using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigie.Server.Features.Control;
using Vigie.Server.Features.Documents;
using Vigie.Server.Features.Events;
using Vigie.Server.Features.Export;
using Vigie.Server.Features.Fused;
using Vigie.Server.Features.Places;
using Vigie.Server.Features.Stats;
using Vigie.Server.Infrastructure;
using Vigie.Storage;

namespace Vigie.Server;

/// <summary>Builds Vigie's web application: the HTTP API (one file per feature) and the single-page UI.</summary>
public static class VigieServer
{
    /// <summary>Builds the application; start it with <c>StartAsync</c> or <c>RunAsync</c>, its addresses are in <c>Urls</c>.</summary>
    public static async Task<WebApplication> BuildAsync(VigieServerOptions options, Action<WebApplicationBuilder>? configure = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var webRoot = options.WebRoot ?? Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        // countries.json and the event lists compress tenfold; the UI runs on loopback as well as behind a proxy.
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/geo+json", "application/x-ndjson", "application/problem+json", "text/csv"]);
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        // A page elsewhere that rebinds its own host name to 127.0.0.1 sends its own Host header: only ours are answered.
        builder.Services.AddHostFiltering(o =>
        {
            o.AllowedHosts = HostAllowList.For(options);
            o.AllowEmptyHosts = false;
        });
        builder.Services.AddSingleton<TokenAttempts>();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Vigie API";
            doc.Info.Description = "Conflict events extracted from dated news, with the evidence behind each.";
            return Task.CompletedTask;
        }).AddDocumentTransformer(OpenApiResponses.Document).AddOperationTransformer(OpenApiResponses.Operation));

        var ownsStore = options.Store is null;
        var store = options.Store ?? await StoreFactory.OpenAsync(options.Database ?? StoreFactory.DefaultPath, ct);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PlaceFeatures>();
        builder.Services.AddSingleton<EventSnapshotCache>();
        builder.Services.AddSingleton<LazyEngine>();
        if (options.Ingester is { } ingester) builder.Services.AddSingleton(ingester);
        else builder.Services.AddSingleton<IDocumentIngester, PipelineIngester>();
        configure?.Invoke(builder);

        var app = builder.Build();
        var snapshots = app.Services.GetRequiredService<EventSnapshotCache>();
        if (options.WarmSnapshot) app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(snapshots.WarmAsync));
        if (ownsStore) app.Lifetime.ApplicationStopped.Register(() => store.DisposeAsync().AsTask().GetAwaiter().GetResult());

        app.UseHostFiltering();
        app.UseResponseCompression();
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ex => ex is BadHttpRequestException b ? b.StatusCode : StatusCodes.Status500InternalServerError });
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (Directory.Exists(webRoot))
        {
            var files = new PhysicalFileProvider(Path.GetFullPath(webRoot));
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files, OnPrepareResponse = StaticCaching.Apply });
        }

        app.MapOpenApi("/openapi/{documentName}.json");
        var api = app.MapGroup("/api");
        api.MapEventsApi();
        api.MapControlApi();
        api.MapPlacesApi();
        api.MapStatsApi();
        api.MapDocumentsApi();
        api.MapFusedApi();
        api.MapExportApi();
        api.MapFallback(ApiFallback.Handle).ExcludeFromDescription();
        return app;
    }

    /// <summary>The API's JSON: the contract's snake_case names and lower-case enums.</summary>
    public static void ConfigureJson(JsonSerializerOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        o.DictionaryKeyPolicy = null;
        o.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    }
}
