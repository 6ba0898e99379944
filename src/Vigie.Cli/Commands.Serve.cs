using System.CommandLine;

namespace Vigie.Cli;

internal sealed partial class Commands
{
    private Command Serve()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (loopback unless told otherwise).", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var cmd = new Command("serve", "Serve the HTTP API and the web UI.") { urls };
        cmd.SetAction(async (p, ct) => await ServeAsync(Context(p), p.GetValue(urls)!, ct));
        return cmd;
    }

    private Task<int> ServeAsync(CliContext ctx, string urls, CancellationToken ct) =>
        throw new UserException("The web server is not available in this build yet.");
}
