using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Vigie.Server;

namespace Vigie.Cli;

internal sealed partial class Commands
{
    private Command Serve()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (loopback unless told otherwise).", DefaultValueFactory = _ => VigieServerOptions.DefaultUrls };
        var token = new Option<string?>("--token") { Description = $"The token that document ingestion (POST /api/documents) requires; default {VigieServerOptions.TokenVariable}. Without one, ingestion is refused." };
        var cmd = new Command("serve", "Serve the HTTP API and the web UI.") { urls, token };
        cmd.SetAction(async (p, ct) => await ServeAsync(Context(p), p.GetValue(urls)!, ct, p.GetValue(token)));
        return cmd;
    }

    private async Task<int> ServeAsync(CliContext ctx, string urls, CancellationToken ct, string? token = null)
    {
        token ??= Environment.GetEnvironmentVariable(VigieServerOptions.TokenVariable);
        var options = new VigieServerOptions
        {
            Urls = urls,
            Database = ctx.Database,
            ApiToken = string.IsNullOrWhiteSpace(token) ? null : token,
            AnalyzerFactory = () => ctx.Analyzer,
        };
        WebApplication app;
        try
        {
            app = await VigieServer.BuildAsync(options, ct: ct);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new UserException($"The server could not start: {ex.Message}", ex);
        }
        await using (app)
        {
            try
            {
                await app.StartAsync(ct);
            }
            catch (IOException ex)
            {
                throw new UserException($"Cannot listen on {urls}: {ex.Message}", ex);
            }
            foreach (var url in app.Urls) stdout.WriteLine($"Vigie is serving {url.TrimEnd('/')}/ (API under /api, OpenAPI at /openapi/v1.json).");
            stdout.WriteLine(options.ApiToken is null
                ? $"Document ingestion by POST is off: set {VigieServerOptions.TokenVariable} or --token to enable it."
                : "Document ingestion by POST /api/documents is on (token required).");
            stdout.WriteLine("Press Ctrl+C to stop.");
            await stdout.FlushAsync(ct);
            try
            {
                await app.WaitForShutdownAsync(ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop below.
            }
            await app.StopAsync(CancellationToken.None);
        }
        return 0;
    }
}
