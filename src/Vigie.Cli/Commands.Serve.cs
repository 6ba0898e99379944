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
        var tokenFile = new Option<string?>("--token-file") { Description = $"A file whose first line is the token (default {VigieServerOptions.TokenFileVariable}); keeps it out of the process list." };
        var cmd = new Command("serve", "Serve the HTTP API and the web UI.") { urls, token, tokenFile };
        cmd.SetAction(async (p, ct) => await ServeAsync(Context(p), p.GetValue(urls)!, ct, p.GetValue(token) ?? ReadTokenFile(p.GetValue(tokenFile))));
        return cmd;
    }

    // The token from --token-file, else from the file VIGIE_API_TOKEN_FILE names; null when neither is given.
    private static string? ReadTokenFile(string? path)
    {
        path ??= Environment.GetEnvironmentVariable(VigieServerOptions.TokenFileVariable);
        if (string.IsNullOrWhiteSpace(path)) return null;
        try { return File.ReadLines(path).FirstOrDefault()?.Trim(); }
        catch (IOException ex) { throw new UserException($"Cannot read the token file {path}: {ex.Message}", ex); }
        catch (UnauthorizedAccessException ex) { throw new UserException($"Cannot read the token file {path}: {ex.Message}", ex); }
    }

    private async Task<int> ServeAsync(CliContext ctx, string urls, CancellationToken ct, string? token = null)
    {
        token ??= Environment.GetEnvironmentVariable(VigieServerOptions.TokenVariable);
        if (!Vigie.Server.Infrastructure.HostAllowList.IsLoopbackOnly(urls) && (token is null || token.Trim().Length < VigieServerOptions.MinimumTokenLength))
            stderr.WriteLine($"warning: serving beyond loopback ({urls}) {(token is null ? "without a token" : "with a token shorter than " + VigieServerOptions.MinimumTokenLength + " characters")}: anyone who reaches this address can read the database{(token is null ? "" : " and guess the token")}.");
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
