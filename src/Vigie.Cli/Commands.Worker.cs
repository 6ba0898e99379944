using System.CommandLine;

namespace Vigie.Cli;

internal sealed partial class Commands
{
    private Command Worker()
    {
        var cmd = new Command("worker", "Consume documents from a message broker and store their events.");
        cmd.SetAction(int (_) => throw new UserException("The worker is not available in this build yet."));
        return cmd;
    }
}
