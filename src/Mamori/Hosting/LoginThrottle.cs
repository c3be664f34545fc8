using System.Security.Cryptography;
using System.Text;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Hosting;

/// <summary>
/// Slows password guessing without letting anyone lock somebody else out (ASVS 2.2.1): failures are counted per
/// client address and user name together, and per client address; after the free attempts each further failure
/// doubles the wait before the next attempt is even checked, up to <see cref="MaxDelay"/>. A user signing in from
/// their own machine is not slowed by failures from another address. Unknown and known names count the same.
/// Counts are forgotten after <see cref="MaxDelay"/> without a failure, so the typing mistakes of a whole office behind
/// one address (a municipal proxy) never add up to a wait. The counts live in the database (<see cref="LoginFailure"/>,
/// keys stored as hashes), so several instances of the app behind a load balancer count the same failures; a success
/// clears the pair.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    /// <summary>Failures of one name from one address before the waits begin.</summary>
    public const int FreePerUser = 3;

    /// <summary>Failures from one address (any names) before the waits begin: an office behind one proxy mistypes too.</summary>
    public const int FreePerAddress = 100;

    /// <summary>The longest wait.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    private int _failuresSincePrune;

    /// <summary>How long the client must still wait before an attempt for <paramref name="userName"/> is checked (zero: go ahead).</summary>
    public async Task<TimeSpan> WaitAsync(AppDbContext db, string? address, string userName, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var keys = new[] { Hash(PairKey(address, userName)), Hash(AddressKey(address)) };
        var latest = await db.LoginFailures.AsNoTracking().Where(f => keys.Contains(f.Key)).Select(f => (DateTime?)f.NotBefore).MaxAsync(ct);
        return latest is { } notBefore && notBefore > now ? notBefore - now : TimeSpan.Zero;
    }

    /// <summary>Counts a failed attempt.</summary>
    public async Task FailedAsync(AppDbContext db, string? address, string userName, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await AddAsync(db, Hash(PairKey(address, userName)), FreePerUser, now, ct);
        await AddAsync(db, Hash(AddressKey(address)), FreePerAddress, now, ct);
        if (Interlocked.Increment(ref _failuresSincePrune) % 1000 == 0)
        {
            // Names made up by the thousand must not grow the table for ever: forget what no longer slows anybody.
            var forgotten = now - MaxDelay;
            await db.LoginFailures.Where(f => f.NotBefore < forgotten).ExecuteDeleteAsync(ct);
        }
    }

    /// <summary>A success clears the failures of this name from this address.</summary>
    public async Task SucceededAsync(AppDbContext db, string? address, string userName, CancellationToken ct = default)
    {
        var key = Hash(PairKey(address, userName));
        await db.LoginFailures.Where(f => f.Key == key).ExecuteDeleteAsync(ct);
    }

    /// <summary>The wait after the <paramref name="failures"/>-th failure when <paramref name="free"/> are free: 1 s, 2 s, 4 s … up to 15 minutes.</summary>
    public static TimeSpan DelayAfter(int failures, int free) =>
        failures < free ? TimeSpan.Zero
        : TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, Math.Min(failures - free, 20))));

    private static async Task AddAsync(AppDbContext db, string key, int free, DateTime now, CancellationToken ct)
    {
        // Two instances counting the same key at the same moment: the second insert fails and is counted again as an update.
        for (var attempt = 0; ; attempt++)
        {
            var count = await db.LoginFailures.FirstOrDefaultAsync(f => f.Key == key, ct);
            if (count is null)
            {
                count = new LoginFailure { Key = key, Failures = 1, NotBefore = now + DelayAfter(1, free) };
                db.LoginFailures.Add(count);
            }
            else
            {
                // Quiet for the longest wait since the last one: start counting afresh.
                count.Failures = count.NotBefore + MaxDelay < now ? 1 : count.Failures + 1;
                count.NotBefore = now + DelayAfter(count.Failures, free);
            }
            try
            {
                await db.SaveChangesAsync(ct);
                // Not kept tracked: the next count is read afresh (a success deletes rows behind the context's back).
                db.Entry(count).State = EntityState.Detached;
                return;
            }
            catch (DbUpdateException ex) when (attempt < 3 && UniqueViolation.Of(ex) is not null)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static string PairKey(string? address, string userName) => $"{address}\n{userName.Trim().ToUpperInvariant()}";

    private static string AddressKey(string? address) => $"{address}\n";

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
