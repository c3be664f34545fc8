using System.Collections.Concurrent;

namespace Mamori.Hosting;

/// <summary>
/// Slows password guessing without letting anyone lock somebody else out (ASVS 2.2.1): failures are counted per
/// client address and user name together, and per client address; after the free attempts each further failure
/// doubles the wait before the next attempt is even checked, up to <see cref="MaxDelay"/>. A user signing in from
/// their own machine is not slowed by failures from another address. Unknown and known names count the same.
/// Counts are forgotten after <see cref="MaxDelay"/> without a failure, so the typing mistakes of a whole office behind
/// one address (a municipal proxy) never add up to a wait. The counts live in this process (one app instance); a
/// success clears the pair.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    /// <summary>Failures of one name from one address before the waits begin.</summary>
    public const int FreePerUser = 3;

    /// <summary>Failures from one address (any names) before the waits begin: an office behind one proxy mistypes too.</summary>
    public const int FreePerAddress = 100;

    /// <summary>The longest wait.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    private sealed record Count(int Failures, DateTimeOffset NotBefore);

    private readonly ConcurrentDictionary<string, Count> _counts = new(StringComparer.Ordinal);

    /// <summary>How long the client must still wait before an attempt for <paramref name="userName"/> is checked (zero: go ahead).</summary>
    public TimeSpan Wait(string? address, string userName)
    {
        var now = clock.GetUtcNow();
        var waits = new[] { PairKey(address, userName), AddressKey(address) }
            .Select(k => _counts.TryGetValue(k, out var c) ? c.NotBefore - now : TimeSpan.Zero);
        var wait = waits.Max();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>Counts a failed attempt.</summary>
    public void Failed(string? address, string userName)
    {
        var now = clock.GetUtcNow();
        Add(PairKey(address, userName), FreePerUser, now);
        Add(AddressKey(address), FreePerAddress, now);
    }

    /// <summary>A success clears the failures of this name from this address.</summary>
    public void Succeeded(string? address, string userName) => _counts.TryRemove(PairKey(address, userName), out _);

    /// <summary>The wait after the <paramref name="failures"/>-th failure when <paramref name="free"/> are free: 1 s, 2 s, 4 s … up to 15 minutes.</summary>
    public static TimeSpan DelayAfter(int failures, int free) =>
        failures < free ? TimeSpan.Zero
        : TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, Math.Min(failures - free, 20))));

    private void Add(string key, int free, DateTimeOffset now)
    {
        if (_counts.Count > 100_000)
        {
            // Names made up by the thousand must not grow the table for ever: forget what no longer slows anybody.
            foreach (var (k, c) in _counts)
            {
                if (c.NotBefore + MaxDelay < now)
                {
                    _counts.TryRemove(k, out _);
                }
            }
        }
        _counts.AddOrUpdate(key, _ => new Count(1, now + DelayAfter(1, free)), (_, c) =>
        {
            // Quiet for the longest wait since the last one: start counting afresh.
            var failures = c.NotBefore + MaxDelay < now ? 1 : c.Failures + 1;
            return new Count(failures, now + DelayAfter(failures, free));
        });
    }

    private static string PairKey(string? address, string userName) => $"{address}\n{userName.Trim().ToUpperInvariant()}";

    private static string AddressKey(string? address) => $"{address}\n";
}
