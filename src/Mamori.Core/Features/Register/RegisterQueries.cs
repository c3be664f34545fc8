using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Register;

/// <summary>A register entry as listed: the working copy for staff, or the published content for the public and 委員.</summary>
public sealed record RegisterRow(Guid Id, string FileNumber, string Name, Guid DepartmentId, string Department, RegisterStatus Status,
    long? SubjectCount, bool IsSpecificPersonalInfo, bool HasSensitive, bool HasUnpublishedChanges, DateOnly? LastRevisedOn, int Versions)
{
    public bool IsStatutory => PersonalInfoFile.IsStatutory(SubjectCount);

    /// <summary>A published entry as a list row (what the public and 委員 see).</summary>
    public static RegisterRow Of(PublishedEntry p) => new(p.FileId, p.Content.FileNumber, p.Content.Name, Guid.Empty, p.Content.Department,
        RegisterStatus.Published, p.Content.SubjectCount, p.Content.IsSpecificPersonalInfo, p.Content.HasSensitive, false, p.RevisedOn, p.VersionNumber);
}

/// <summary>The current published version of a file.</summary>
public sealed record PublishedEntry(Guid FileId, int VersionNumber, DateOnly RevisedOn, string Reason, RegisterContent Content)
{
    /// <summary>「令和8年4月1日（第2版）」: the 改訂日 line of the 単票.</summary>
    public string Revision => $"{Japanese.WarekiDate.Format(RevisedOn)}（第{VersionNumber}版）";
}

/// <summary>Filters shared by the list page, the API and the exports.</summary>
public sealed record RegisterFilter(string? Keyword = null, Guid? DepartmentId = null, RegisterStatus? Status = null,
    bool? Statutory = null, bool? Specific = null, bool? Sensitive = null)
{
    public bool Matches(string fileNumber, string name, string purpose, string recordItems, Guid departmentId, long? subjects, bool specific, bool sensitive)
    {
        if (DepartmentId is { } d && d != departmentId)
        {
            return false;
        }
        if (Statutory is { } st && st != PersonalInfoFile.IsStatutory(subjects))
        {
            return false;
        }
        if (Specific is { } sp && sp != specific)
        {
            return false;
        }
        if (Sensitive is { } se && se != sensitive)
        {
            return false;
        }
        var key = SearchKey.Normalize(Keyword);
        return key.Length == 0 || SearchKey.Normalize($"{fileNumber} {name} {purpose} {recordItems}").Contains(key, StringComparison.Ordinal);
    }
}

public static class RegisterQueries
{
    /// <summary>
    /// The working register visible to the current user (a 所管課 sees its own), filtered. One query for
    /// the files, one for the version summary; filtering by keyword is done after NFKC folding in memory.
    /// </summary>
    public static async Task<List<RegisterRow>> ListAsync(AppDbContext db, RegisterFilter filter, CancellationToken ct)
    {
        var labels = await DepartmentTree.LabelsAsync(db, ct);
        var query = db.PersonalInfoFiles.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(f => f.Status == status);
        }
        // The long texts are read only when a keyword is looked for in them.
        var keyword = !string.IsNullOrWhiteSpace(filter.Keyword);
        var files = await query.OrderBy(f => f.FileNumber).ThenBy(f => f.Id)
            .Select(f => new
            {
                f.Id,
                f.FileNumber,
                f.Name,
                Purpose = keyword ? f.Purpose : "",
                RecordItems = keyword ? f.RecordItems : "",
                f.DepartmentId,
                f.Status,
                f.SubjectCount,
                f.IsSpecificPersonalInfo,
                f.HasSensitive,
                f.HasUnpublishedChanges,
            })
            .ToListAsync(ct);
        var versions = (await db.PersonalInfoFileVersions.AsNoTracking()
                .GroupBy(v => v.FileId)
                .Select(g => new { FileId = g.Key, Count = g.Count(), Last = g.Max(v => v.RevisedOn) })
                .ToListAsync(ct))
            .ToDictionary(v => v.FileId);
        return files
            .Where(f => filter.Matches(f.FileNumber, f.Name, f.Purpose, f.RecordItems, f.DepartmentId, f.SubjectCount, f.IsSpecificPersonalInfo, f.HasSensitive))
            .Select(f => new RegisterRow(f.Id, f.FileNumber, f.Name, f.DepartmentId, labels.GetValueOrDefault(f.DepartmentId, ""), f.Status,
                f.SubjectCount, f.IsSpecificPersonalInfo, f.HasSensitive, f.HasUnpublishedChanges,
                versions.TryGetValue(f.Id, out var v) ? v.Last : null, versions.TryGetValue(f.Id, out var w) ? w.Count : 0))
            .ToList();
    }

    /// <summary>
    /// The published register: for every file that is not removed, its latest version. This is what the
    /// public pages, 委員 and the downloads show, whatever revision is in progress.
    /// </summary>
    public static async Task<List<PublishedEntry>> PublishedAsync(AppDbContext db, RegisterFilter? filter, CancellationToken ct)
    {
        // The public register spans departments even when a 所管課 user looks at it.
        var latest = await db.PersonalInfoFileVersions.AsNoTracking()
            .Join(db.PersonalInfoFiles.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).Where(f => f.Status != RegisterStatus.Removed),
                v => v.FileId, f => f.Id, (v, f) => new { v.FileId, v.Number, v.RevisedOn, v.Reason, v.Snapshot, f.DepartmentId })
            .Where(v => v.Number == db.PersonalInfoFileVersions.Where(x => x.FileId == v.FileId).Max(x => x.Number))
            .ToListAsync(ct);
        return latest
            .Select(v => (v, content: RegisterContent.FromJson(v.Snapshot)))
            .Where(x => filter is null || filter.Matches(x.content.FileNumber, x.content.Name, x.content.Purpose, string.Join(" ", x.content.RecordItems),
                x.v.DepartmentId, x.content.SubjectCount, x.content.IsSpecificPersonalInfo, x.content.HasSensitive))
            .Select(x => new PublishedEntry(x.v.FileId, x.v.Number, x.v.RevisedOn, x.v.Reason, x.content))
            .OrderBy(e => e.Content.FileNumber, StringComparer.Ordinal)
            .ToList();
    }
}
