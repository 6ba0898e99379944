using System.CommandLine;

namespace Vigie.Cli;

/// <summary>The <c>vigie</c> command tree.</summary>
public static class VigieApp
{
    /// <summary>Parses and runs the command line.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Vigie: events from dated news.");
        return await root.Parse(args).InvokeAsync();
    }
}
