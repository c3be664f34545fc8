using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Data;

/// <summary>
/// A lease in the database: with several instances of the app on one PostgreSQL database, only the holder
/// does the work (sending mail, running the access-log jobs). Taken and renewed by one conditional UPDATE, so two
/// instances never both hold it; a holder that dies loses it when it expires, one that stops gives it back.
/// </summary>
[Label("処理の担当")]
public sealed class ServiceLease
{
    [Label("処理")]
    public required string Name { get; init; }

    [Label("担当インスタンス")]
    public required string Holder { get; set; }

    [Label("有効期限")]
    public DateTime ExpiresAt { get; set; }

    /// <summary>Takes or renews <paramref name="name"/> for <paramref name="holder"/> until now + <paramref name="length"/>.</summary>
    public static async Task<bool> TryTakeAsync(AppDbContext db, string name, string holder, DateTime nowUtc, TimeSpan length, CancellationToken ct)
    {
        var until = nowUtc + length;
        // Not tracked: a renewal every few minutes is not a change anyone audits.
        var taken = await db.ServiceLeases.Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt < nowUtc))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), ct);
        if (taken == 1)
        {
            return true;
        }
        if (await db.ServiceLeases.AnyAsync(l => l.Name == name, ct))
        {
            return false;
        }
        db.ServiceLeases.Add(new ServiceLease { Name = name, Holder = holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Of(ex) is not null)
        {
            // Another instance created it a moment before.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Gives <paramref name="name"/> back when <paramref name="holder"/> holds it, so that another instance can take it at once.</summary>
    public static Task ReleaseAsync(AppDbContext db, string name, string holder, DateTime nowUtc, CancellationToken ct) =>
        db.ServiceLeases.Where(l => l.Name == name && l.Holder == holder).ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, nowUtc.AddSeconds(-1)), ct);

    /// <summary>A name for this process as a lease holder: machine, process and a random part (a restarted process is a new holder).</summary>
    public static string NewHolder() => $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
}

internal sealed class ServiceLeaseConfiguration : IEntityTypeConfiguration<ServiceLease>
{
    public void Configure(EntityTypeBuilder<ServiceLease> b)
    {
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(100);
        b.Property(l => l.Holder).HasMaxLength(200);
    }
}
