using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Vigie.Core;
using Vigie.Ingest;
using Vigie.Storage;
using Vigie.Text;

namespace Vigie.Cli;

/// <summary><c>explain</c>: the sentence an event came from, its arguments and the rule that fired, read from the store
/// (the spans were kept at extraction: nothing is analysed again).</summary>
internal sealed partial class Commands
{
    private Command Explain()
    {
        var id = new Argument<string>("event") { Description = "The event id." };
        var cmd = new Command("explain", "Show the sentence an event came from, its arguments and the rule that fired.") { id };
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = Context(p);
            await using var store = await ctx.OpenStoreAsync(ct);
            var eventId = p.GetValue(id)!;
            var e = await store.GetEventAsync(eventId, ct) ?? throw new UserException($"No event with id '{eventId}' in {ctx.Database}.");
            var doc = await store.GetDocumentAsync(e.Document, ct);
            stdout.WriteLine($"codes: CAMEO {e.Codes.Cameo ?? "-"}, PLOVER {e.Codes.Plover ?? "-"}, ACLED {e.Codes.AcledEventType ?? "-"} / {e.Codes.AcledSubEventType ?? "-"}");
            if (doc is null)
            {
                // The document is gone (a store pruned by hand): the event's own fields are all there is to show.
                stdout.WriteLine(System.Text.Json.JsonSerializer.Serialize(e, VigieJson.Indented));
                return 0;
            }
            stdout.WriteLine(Vigie.Extraction.EventExplainer.Explain(e, doc.Text));
            return 0;
        });
        return cmd;
    }
}
