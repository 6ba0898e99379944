using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Npgsql;
using Vigie.Core;

namespace Vigie.Pipeline.Tests.Distributed;

/// <summary>The servers and the built <c>vigie</c> that the process tests use; CI's <c>.ci/services.sh</c> provides them.</summary>
internal static class TestServices
{
    /// <summary>The repository root (the folder holding Vigie.slnx).</summary>
    public static string RepoRoot { get; } = LocateRoot();

    /// <summary>VIGIE_TEST_PG, a PostgreSQL connection string, or null.</summary>
    public static string? Postgres => Environment.GetEnvironmentVariable("VIGIE_TEST_PG") is { Length: > 0 } s ? s : null;

    /// <summary>VIGIE_TEST_NATS, else the default local server.</summary>
    public static string NatsUrl => Environment.GetEnvironmentVariable("VIGIE_TEST_NATS") is { Length: > 0 } s ? s : "nats://127.0.0.1:4222";

    /// <summary>Why the NATS tests cannot run here, or null.</summary>
    public static string? NatsUnavailable()
    {
        var uri = new Uri(NatsUrl);
        try
        {
            using var tcp = new TcpClient();
            if (!tcp.ConnectAsync(uri.Host, uri.Port > 0 ? uri.Port : 4222).Wait(TimeSpan.FromSeconds(2))) throw new SocketException();
            return null;
        }
        catch (Exception ex) when (ex is SocketException or AggregateException)
        {
            return $"no NATS server at {NatsUrl} (start `nats-server -js`, or run .ci/services.sh, or set VIGIE_TEST_NATS)";
        }
    }

    /// <summary>Why the PostgreSQL tests cannot run here, or null.</summary>
    public static string? PostgresUnavailable() => Postgres is null
        ? "VIGIE_TEST_PG is unset (a PostgreSQL connection string; .ci/services.sh starts a server and prints it)"
        : null;

    /// <summary>A connection string to a fresh schema of the test server.</summary>
    public static async Task<string> FreshSchemaAsync(string schema)
    {
        await using (var c = new NpgsqlConnection(Postgres))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}", c);
            await cmd.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(Postgres) { SearchPath = schema }.ConnectionString;
    }

    /// <summary>Drops a schema made by <see cref="FreshSchemaAsync"/>.</summary>
    public static async Task DropSchemaAsync(string schema)
    {
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(Postgres);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", c);
        await cmd.ExecuteNonQueryAsync();
    }

    private static readonly Lazy<string> Built = new(BuildCli);

    private static string LocateRoot()
    {
        if (Environment.GetEnvironmentVariable("VIGIE_REPO") is { Length: > 0 } env) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Vigie.slnx")) && File.Exists(Path.Combine(dir.FullName, "vigie"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (Vigie.slnx) is not above " + AppContext.BaseDirectory);
    }

    /// <summary>The <c>vigie.dll</c> the launcher built (building it on first use).</summary>
    public static string VigieDll => Built.Value;

    private static string BuildCli()
    {
        if (Environment.GetEnvironmentVariable("VIGIE_TEST_CLI") is { Length: > 0 } dll) return dll;
        var launcher = Path.Combine(RepoRoot, "vigie");
        var (code, _, err) = Run("bash", [launcher, "--help"], TimeSpan.FromMinutes(8));
        if (code != 0) throw new InvalidOperationException("./vigie did not build: " + err);
        return Path.Combine(RepoRoot, ".build", "cli", "vigie.dll");
    }

    /// <summary>Starts <c>dotnet vigie.dll args</c> with its output captured line by line.</summary>
    public static VigieProcess Start(params string[] args) => new(VigieDll, args);

    /// <summary>Runs a command to its end.</summary>
    public static (int Code, string Out, string Err) Run(string file, string[] args, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} took over {timeout}.");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Varied short news documents, in French and English, with distinct ids and texts.</summary>
    public static IEnumerable<Document> Documents(int count, string prefix)
    {
        string[] places = ["Kandahar", "Hérat", "Kunduz", "Gao", "Tombouctou", "Mopti", "Kidal", "Ménaka", "Bakhmout", "Kherson"];
        for (var i = 0; i < count; i++)
        {
            var place = places[i % places.Length];
            var day = 1 + i % 28;
            var text = i % 2 == 0
                ? $"Les talibans se sont emparés de {place} vendredi, selon un responsable local (dépêche {i}).\n\nAu moins {3 + i % 40} soldats ont été tués lors de l'attaque."
                : $"Insurgents seized {place} on Friday, a local official said (report {i}).\n\nAt least {3 + i % 40} soldiers were killed in the attack.";
            yield return new Document($"{prefix}-{i:D6}", text, new PartialDate(2021, 8, day), i % 2 == 0 ? "fr" : "en", $"Dépêche {i}", "test", null);
        }
    }
}

/// <summary>A running <c>vigie</c> process whose standard error is read line by line.</summary>
internal sealed class VigieProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();
    private readonly List<string> _errLines = [];

    public VigieProcess(string dll, string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["VIGIE_DATA"] = Path.Combine(TestServices.RepoRoot, "data");
        _process = new Process { StartInfo = psi };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_out) _out.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_err) { _err.AppendLine(e.Data); _errLines.Add(e.Data); }
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Out { get { lock (_out) return _out.ToString(); } }

    public string Err { get { lock (_err) return _err.ToString(); } }

    /// <summary>Waits until a line of standard error satisfies the predicate; false when the process ended or time ran out first.</summary>
    public async Task<bool> WaitForErrLineAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            lock (_err) if (_errLines.Any(predicate)) return true;
            if (_process.HasExited) return false;
            await Task.Delay(5);
        }
        return false;
    }

    /// <summary>SIGKILL: the process gets no chance to clean up.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { throw new TimeoutException($"vigie did not finish within {timeout}: {Err}"); }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
