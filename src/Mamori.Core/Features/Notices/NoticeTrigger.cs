using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Features.Advisories;
using Mamori.Core.Features.Assessments;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Register;
using Mamori.Core.Features.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mamori.Core.Features.Notices;

/// <summary>
/// After a save that touched a record notices are read from (an answer posted, an alert created, a file returned),
/// asks the scheduler to look at that municipality now rather than at its next round.
/// </summary>
public sealed class NoticeTrigger(NoticeSignal signal) : SaveChangesInterceptor
{
    private static readonly HashSet<Type> Watched =
    [
        typeof(Incident), typeof(Finding), typeof(PersonalInfoFile), typeof(CaseEntry), typeof(ReviewRound), typeof(Meeting), typeof(WrittenOpinion),
        typeof(Attendance), typeof(CouncilMember), typeof(AccessAlert), typeof(AccessAnalysis), typeof(Assessment), typeof(AssessedBusiness),
        typeof(AdvisoryTask), typeof(Advisory),
    ];

    private HashSet<Guid> _changed = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Signal();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Signal();
        return ValueTask.FromResult(result);
    }

    private void Collect(DbContext? context)
    {
        _changed = context is null ? [] : context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Watched.Contains(e.Metadata.ClrType))
            .Select(e => ((IMunicipalityOwned)e.Entity).MunicipalityId).Where(id => id != Guid.Empty).ToHashSet();
    }

    private void Signal()
    {
        foreach (var id in _changed)
        {
            signal.Changed(id);
        }
        _changed = [];
    }
}
