using System.CommandLine;

namespace Vigie.Cli;

internal sealed partial class Commands
{
    private Command Control()
    {
        var asOf = new Option<string>("--as-of") { Description = "The day, YYYY-MM-DD.", Required = true };
        var country = new Option<string?>("--country") { Description = "ISO alpha-2 country code." };
        var format = FormatOption("table", "table", "json");
        var cmd = new Command("control", "Who controls which place on a date.") { asOf, country, format };
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = Context(p);
            await using var store = await ctx.OpenStoreAsync(ct);
            throw new UserException("The control timeline is not available in this build yet.");
        });
        return cmd;
    }
}
