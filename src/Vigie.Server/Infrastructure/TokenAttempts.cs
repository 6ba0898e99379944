using System.Collections.Concurrent;
using System.Net;

namespace Vigie.Server.Infrastructure;

/// <summary>Counts failed token attempts per client address, so that guessing the ingestion token is refused after
/// <see cref="MaxFailures"/> failures in <see cref="Window"/> (429) instead of being tried at network speed.</summary>
internal sealed class TokenAttempts(TimeProvider clock)
{
    /// <summary>Failures allowed from one address per window.</summary>
    public const int MaxFailures = 10;

    /// <summary>The window over which failures are counted.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (DateTimeOffset Since, int Failures)> _byAddress = new(StringComparer.Ordinal);

    /// <summary>Whether this address has used up its failures; when so, the seconds until it may try again.</summary>
    public bool IsBlocked(IPAddress? address, out int retryAfterSeconds)
    {
        retryAfterSeconds = 0;
        if (!_byAddress.TryGetValue(Key(address), out var entry)) return false;
        var left = entry.Since + Window - clock.GetUtcNow();
        if (left <= TimeSpan.Zero || entry.Failures < MaxFailures) return false;
        retryAfterSeconds = (int)Math.Ceiling(left.TotalSeconds);
        return true;
    }

    /// <summary>Records a failure from this address.</summary>
    public void Fail(IPAddress? address)
    {
        var now = clock.GetUtcNow();
        _byAddress.AddOrUpdate(Key(address), _ => (now, 1), (_, e) => now - e.Since >= Window ? (now, 1) : (e.Since, e.Failures + 1));
        if (_byAddress.Count > 10_000) // bounded memory: forget windows that are over
            foreach (var (k, v) in _byAddress)
                if (now - v.Since >= Window) _byAddress.TryRemove(k, out _);
    }

    private static string Key(IPAddress? address) => address?.ToString() ?? "";
}
