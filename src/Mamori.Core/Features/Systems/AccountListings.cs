using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Files;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Systems;

/// <summary>How a listing was closed, as entered by the system's administrator.</summary>
public sealed record ListingClosure(ListingAction? Action, DateOnly? ClosedOn, string? Note, string? EvidenceName, byte[]? Evidence, Guid? Version);

/// <summary>
/// Keeps the account check's listings in step with the accounts and the staff master, and closes them. A listing
/// stays until it is closed; one whose account is gone from the next export, or shows stopped, is closed as 解消.
/// </summary>
public static class AccountListings
{
    public const string NotFoundMessage = "点検結果が見つかりません。";

    /// <summary>
    /// Runs the check on one system and stores what is new; returns how many listings were added. For a system whose
    /// access log the access-monitoring module reads, <paramref name="accessLog"/> (the last day each user id appears in
    /// the stored log, read only when such a system is checked) counts as use beside the export's own last-use column.
    /// </summary>
    public static async Task<int> RefreshAsync(AppDbContext db, Guid systemId, TimeProvider clock, CancellationToken ct,
        Lazy<IReadOnlyDictionary<string, DateOnly>>? accessLog = null)
    {
        var today = JapanTime.Today(clock);
        var system = await db.BusinessSystems.AsNoTracking().FirstAsync(s => s.Id == systemId, ct);
        if (system.LastImportedAt is null)
        {
            return 0;
        }
        var accounts = await db.SystemAccounts.AsNoTracking().Where(a => a.SystemId == systemId).ToListAsync(ct);
        var staffIds = accounts.Where(a => a.StaffId != null).Select(a => a.StaffId!.Value).Distinct().ToList();
        var staff = await db.Staff.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AsNoTracking().Include(s => s.Absences)
            .Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var labels = (await DepartmentTree.LoadAsync(db, ct)).ToDictionary(d => d.Id, d => d.Label);
        var log = system.AccessLogSource is null ? null : accessLog?.Value;
        var issues = AccountCheck.Run(accounts.Select(a => new CheckedAccount(a.Login, a.Name, a.IsDisabled, LastUse(a.LastUsedOn, log, a.Login, a.EmployeeNumber),
                a.StaffId is { } id && staff.TryGetValue(id, out var s)
                    ? new StaffSituationOnSystem(s.Id, s.Name, s.Status, s.EndDate, s.DepartmentId, s.Absences.Select(x => (x.Start, x.End)).ToList())
                    : null)),
            system.Departments, system.UnusedDays, today, labels);

        var importedOn = DateOnly.FromDateTime(JapanTime.FromUtc(system.LastImportedAt.Value));
        var listings = await db.AccountListings.Where(l => l.SystemId == systemId).ToListAsync(ct);
        var added = 0;
        foreach (var issue in issues)
        {
            if (listings.Any(l => l.Login == issue.Login && l.Kind == issue.Kind && Covers(l, issue, importedOn)))
            {
                continue;
            }
            if (listings.Any(l => l.Login == issue.Login && l.Kind == issue.Kind && l.ListedOn == today))
            {
                continue;
            }
            var listing = new AccountListing
            {
                MunicipalityId = system.MunicipalityId,
                DepartmentId = system.DepartmentId,
                SystemId = systemId,
                Login = issue.Login,
                Name = issue.Name,
                StaffId = issue.StaffId,
                Kind = issue.Kind,
                Since = issue.Since,
                Reason = issue.Reason.Length <= 300 ? issue.Reason : issue.Reason[..300],
                ListedOn = today,
            };
            db.AccountListings.Add(listing);
            listings.Add(listing);
            added++;
        }
        // An open listing the check no longer finds: the account is gone or stopped, or the reason ended.
        foreach (var open in listings.Where(l => !l.IsClosed && db.Entry(l).State != EntityState.Added))
        {
            if (!issues.Any(i => i.Login == open.Login && i.Kind == open.Kind))
            {
                var account = accounts.FirstOrDefault(a => a.Login == open.Login);
                open.Action = ListingAction.Resolved;
                open.ClosedOn = today;
                open.ClosedBy = "アカウント点検";
                open.Note = account is null ? $"{WarekiDate.Format(importedOn)}のアカウント一覧にありません（削除済み）。"
                    : account.IsDisabled ? $"{WarekiDate.Format(importedOn)}のアカウント一覧で停止済み。"
                    : "該当しなくなりました（職員情報の変更）。";
            }
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>The later of the export's last use and the access log's last day for the login (or the 職員番号, which many logs carry).</summary>
    private static DateOnly? LastUse(DateOnly? exported, IReadOnlyDictionary<string, DateOnly>? log, params string?[] ids)
    {
        var last = exported;
        foreach (var id in ids)
        {
            if (log is not null && id is not null && log.TryGetValue(id, out var logged) && (last is null || logged > last))
            {
                last = logged;
            }
        }
        return last;
    }

    /// <summary>
    /// Whether an existing listing already answers for what the check found: while it is open; once closed as 継続; once
    /// stopped or deleted, as long as the account list was not exported after that (an export after it still showing the
    /// account in use lists it again). A long leave is the same listing only for the same leave.
    /// </summary>
    private static bool Covers(AccountListing l, AccountIssue issue, DateOnly importedOn)
    {
        if (issue.Kind == ListingKind.LongLeave && l.Since != issue.Since)
        {
            return false;
        }
        return l.Action switch
        {
            null or ListingAction.Continued => true,
            ListingAction.Suspended or ListingAction.Deleted => importedOn <= l.ClosedOn,
            _ => false,
        };
    }

    /// <summary>Runs <see cref="RefreshAsync"/> on every system of the current municipality that has an account list.</summary>
    public static async Task<int> RefreshAllAsync(AppDbContext db, TimeProvider clock, CancellationToken ct, Lazy<IReadOnlyDictionary<string, DateOnly>>? accessLog = null)
    {
        var ids = await db.BusinessSystems.AsNoTracking().Where(s => s.LastImportedAt != null).Select(s => s.Id).ToListAsync(ct);
        var added = 0;
        foreach (var id in ids)
        {
            added += await RefreshAsync(db, id, clock, ct, accessLog);
        }
        return added;
    }

    /// <summary>
    /// Closes a listing with 停止・削除・継続 and a date, an evidence file (required for 停止・削除; for 継続 the reason is
    /// required). Only the system's administrators may — or, when none is named, its 所管課 — and 管理者.
    /// </summary>
    public static async Task<Outcome<AccountListing>> CloseAsync(AppDbContext db, Guid id, ListingClosure input, TimeProvider clock, CancellationToken ct)
    {
        var listing = await db.AccountListings.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (listing is null)
        {
            return Outcome<AccountListing>.NotFound(NotFoundMessage);
        }
        var system = await db.BusinessSystems.AsNoTracking().FirstAsync(s => s.Id == listing.SystemId, ct);
        if (!await MayCloseAsync(db, system, ct))
        {
            return Outcome<AccountListing>.Conflict(system.AdministratorIds.Count > 0
                ? "点検結果の対応を記録できるのは、このシステムのシステム管理者と管理者です。"
                : "点検結果の対応を記録できるのは、このシステムの所管課と管理者です（システム管理者を指定すると、その人だけになります）。");
        }
        if (input.Version is { } v && v != listing.Version)
        {
            return Outcome<AccountListing>.Conflict(OptimisticSave.ConflictMessage);
        }
        if (listing.IsClosed)
        {
            return Outcome<AccountListing>.Conflict($"この点検結果は{WarekiDate.Format(listing.ClosedOn!.Value)}に「{listing.Action!.Value.JapaneseName()}」として記録済みです。");
        }
        var today = JapanTime.Today(clock);
        var errors = new FieldErrors();
        if (input.Action is not { } action || action == ListingAction.Resolved)
        {
            errors.Add("Action", "対応（停止・削除・継続）を選んでください。");
        }
        if (input.ClosedOn is not { } closedOn)
        {
            errors.Add("ClosedOn", "対応日を入力してください。");
        }
        else if (closedOn > today)
        {
            errors.Add("ClosedOn", "対応日に先の日付は入力できません。対応した日を入力してください。");
        }
        else if (closedOn < listing.Since.AddDays(-365))
        {
            errors.Add("ClosedOn", "対応日が該当日より1年以上前です。日付を確かめてください。");
        }
        var note = Optional(input.Note);
        errors.MaxLength("Note", note, 1000, "対応の内容");
        if (input.Action == ListingAction.Continued && note is null)
        {
            errors.Add("Note", "継続する場合は、その理由を入力してください（例：育児休業中も在宅で承認業務を行うため、所属長の承認あり）。");
        }
        CheckedUpload? upload = null;
        if (input.Evidence is { Length: > 0 } content)
        {
            var checkedUpload = UploadRules.Check(input.EvidenceName, content);
            if (!checkedUpload.Ok)
            {
                foreach (var message in checkedUpload.Errors.SelectMany(e => e.Value))
                {
                    errors.Add("Evidence", message);
                }
            }
            upload = checkedUpload.Value;
        }
        else if (input.Action is ListingAction.Suspended or ListingAction.Deleted)
        {
            errors.Add("Evidence", "停止・削除の証跡（システムの画面の写し、作業記録など）のファイルを添えてください。");
        }
        if (errors.Any)
        {
            return errors.Fail<AccountListing>();
        }

        if (upload is not null)
        {
            var file = StoredFile.From(upload.Content);
            file.MunicipalityId = listing.MunicipalityId;
            db.StoredFiles.Add(file);
            listing.EvidenceFileId = file.Id;
            listing.EvidenceName = upload.FileName;
            listing.EvidenceType = upload.ContentType;
        }
        listing.Action = input.Action;
        listing.ClosedOn = input.ClosedOn;
        listing.Note = note;
        listing.ClosedBy = db.Tenant.ActorName;
        return await OptimisticSave.SaveAsync(db, listing, ct);
    }

    /// <summary>The rule of <see cref="CloseAsync"/>: 管理者 always; otherwise a named administrator, or the 所管課 when none is named.</summary>
    public static async Task<bool> MayCloseAsync(AppDbContext db, BusinessSystem system, CancellationToken ct)
    {
        if (db.Tenant.UserId is not { } userId)
        {
            return false;
        }
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Role, u.DepartmentId }).FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return false;
        }
        if (user.Role == UserRole.Admin)
        {
            return true;
        }
        return system.AdministratorIds.Count > 0
            ? system.AdministratorIds.Contains(userId)
            : user.Role == UserRole.Department && user.DepartmentId == system.DepartmentId;
    }
}
