using System.CommandLine;
using System.Diagnostics;

namespace Vigie.Cli;

/// <summary>The <c>vigie</c> command tree (CONTRACT §3).</summary>
public static class VigieApp
{
    /// <summary>Exit code when some input was rejected but the rest went through.</summary>
    public const int RejectedExitCode = 2;

    internal static readonly Option<string?> DbOption = new("--db") { Description = "The database: a SQLite file path or a PostgreSQL connection string (default: VIGIE_DB, else ./vigie.db).", Recursive = true };
    internal static readonly Option<bool> VerboseOption = new("--verbose", "-v") { Description = "Show the details of errors.", Recursive = true };

    /// <summary>Parses and runs the command line.</summary>
    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>Parses and runs the command line with the given output streams (tests use this).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Vigie reads dated news in French and English and builds a database of conflict events.");
        root.Options.Add(DbOption);
        root.Options.Add(VerboseOption);
        foreach (var command in new Commands(stdout, stderr).All()) root.Subcommands.Add(command);
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(config);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ReportError(ex, parse.GetValue(VerboseOption), stderr);
        }
    }

    internal static int ReportError(Exception ex, bool verbose, TextWriter stderr)
    {
        var inner = ex is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerExceptions[0] : ex;
        var message = inner switch
        {
            UserException u => u.Message,
            OperationCanceledException => "Cancelled.",
            FileNotFoundException f => $"File not found: {f.FileName ?? f.Message}",
            DirectoryNotFoundException d => d.Message,
            UnauthorizedAccessException u => "Permission denied: " + u.Message,
            _ => inner.Message,
        };
        stderr.WriteLine("vigie: " + OneLine(message));
        if (verbose) stderr.WriteLine(inner.ToString());
        else if (inner is not UserException) stderr.WriteLine("(run with --verbose for details)");
        return 1;
    }

    private static string OneLine(string s)
    {
        var nl = s.IndexOf('\n', StringComparison.Ordinal);
        return (nl >= 0 ? s[..nl] : s).Trim();
    }

    internal static Stopwatch Start() => Stopwatch.StartNew();
}
