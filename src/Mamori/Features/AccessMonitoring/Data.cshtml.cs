using Mamori.AccessMonitoring;
using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.AccessMonitoring;

/// <summary>
/// ログとマスタ・分析: upload log files (or take them from the server's inbox) — a background job stores them as
/// Parquet —, register the four masters and the column mapping (checked before they replace the stored ones),
/// start an analysis of a period, and follow the jobs' progress.
/// </summary>
[Authorize(Policy = Policies.AccessWrite)]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class DataModel(AppDbContext db, CurrentTenant tenant, AccessLogFolders folders, AccessJobChannel jobs, TimeProvider clock) : MamoriPageModel
{
    /// <summary>Log files are large: up to 4 GB per request (they are written to disk, never held in memory).</summary>
    public const long MaxUploadBytes = 4L * 1024 * 1024 * 1024;

    public sealed record MasterState(string Kind, string Name, DateTime? SavedAt, long Bytes);

    [BindProperty] public List<IFormFile> Logs { get; set; } = [];
    [BindProperty] public List<string> InboxFiles { get; set; } = [];
    [BindProperty] public IFormFile? Staff { get; set; }
    [BindProperty] public IFormFile? Residents { get; set; }
    [BindProperty] public IFormFile? Cases { get; set; }
    [BindProperty] public IFormFile? Roles { get; set; }
    [BindProperty] public IFormFile? Mapping { get; set; }
    [BindProperty] public bool RemoveMapping { get; set; }
    [BindProperty] public bool Replace { get; set; }
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? To { get; set; }

    public IReadOnlyList<string> Months { get; private set; } = [];
    public IReadOnlyList<MasterState> Masters { get; private set; } = [];
    public bool HasMapping { get; private set; }
    public bool Pseudonymised { get; private set; }
    public string InboxPath { get; private set; } = "";
    public IReadOnlyList<FileInfo> Inbox { get; private set; } = [];
    public IReadOnlyList<AccessJob> Jobs { get; private set; } = [];
    public string? MastersProblem { get; private set; }

    private Guid MunicipalityId => tenant.MunicipalityId!.Value;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = JapanTime.Today(clock);
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        From = WarekiDate.Format(lastMonth);
        To = WarekiDate.Format(lastMonth.AddMonths(1).AddDays(-1));
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        var files = Logs.Where(f => f.Length > 0).ToList();
        if (files.Count == 0)
        {
            ModelState.AddModelError(nameof(Logs), "取り込むログファイル（CSV）を選んでください。");
            await LoadAsync(ct);
            return Page();
        }
        if (files.Select(f => Core.Features.Files.UploadRules.NameProblem(f.FileName)).FirstOrDefault(p => p is not null) is { } problem)
        {
            ModelState.AddModelError(nameof(Logs), problem + " 何も取り込んでいません。");
            await LoadAsync(ct);
            return Page();
        }
        var saved = new List<(string Name, string Path)>();
        var dir = folders.UploadsDirectory(MunicipalityId);
        foreach (var file in files)
        {
            saved.Add((Path.GetFileName(file.FileName), await Uploaded(file).SaveToAsync(dir, $"{Guid.NewGuid():N}.csv", ct)));
        }
        await AccessJobRequests.IngestAsync(db, jobs, MunicipalityId, saved, deleteAfter: true, Replace, tenant.ActorName, clock.GetUtcNow().UtcDateTime, ct);
        Flash($"{files.Count} 個のファイルの取込みを受け付けました。この画面で進み具合を確認できます。");
        return Redirect("/access/jobs");
    }

    public async Task<IActionResult> OnPostInboxAsync(CancellationToken ct)
    {
        var code = await CodeAsync(ct);
        var available = folders.InboxFiles(code).ToDictionary(f => f.Name, f => f.FullName, StringComparer.Ordinal);
        var chosen = InboxFiles.Where(available.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
        {
            ModelState.AddModelError(nameof(InboxFiles), "受信フォルダーから取り込むファイルを選んでください。");
            await LoadAsync(ct);
            return Page();
        }
        await AccessJobRequests.IngestAsync(db, jobs, MunicipalityId, chosen.Select(n => (n, available[n])).ToList(), deleteAfter: false, Replace, tenant.ActorName, clock.GetUtcNow().UtcDateTime, ct);
        Flash($"受信フォルダーの {chosen.Count} 個のファイルの取込みを受け付けました。");
        return Redirect("/access/jobs");
    }

    public async Task<IActionResult> OnPostMastersAsync(CancellationToken ct)
    {
        var uploads = new Dictionary<string, IFormFile?> { [AccessLogFolders.Staff] = Staff, [AccessLogFolders.Residents] = Residents, [AccessLogFolders.Cases] = Cases, [AccessLogFolders.Roles] = Roles };
        var request = new ReplaceMasters.Request(
            uploads.Where(u => u.Value is { Length: > 0 }).ToDictionary(u => u.Key, u => Uploaded(u.Value!)),
            Mapping is { Length: > 0 } mapping ? Uploaded(mapping) : null,
            RemoveMapping);
        var outcome = await ReplaceMasters.RunAsync(db, folders, MunicipalityId, request, tenant.ActorName, clock.GetUtcNow().UtcDateTime, ct);
        if (outcome.Ok)
        {
            Flash(outcome.Value!);
            return Redirect("/access/data");
        }
        if (outcome.Errors.TryGetValue("Masters", out var problem))
        {
            MastersProblem = problem[0];
        }
        else
        {
            AddErrors(outcome, "");
        }
        await LoadAsync(ct);
        return Page();
    }

    private static UploadedFile Uploaded(IFormFile file) => new(file.FileName, file.OpenReadStream);

    public async Task<IActionResult> OnPostAnalyzeAsync(CancellationToken ct)
    {
        var from = ParseDate(From, nameof(From));
        var to = ParseDate(To, nameof(To));
        if (ModelState.IsValid)
        {
            var requested = await AccessJobRequests.RequestAnalysisAsync(db, jobs, MunicipalityId, from, to, tenant.ActorName, clock.GetUtcNow().UtcDateTime, ct);
            if (requested.Ok)
            {
                Flash($"{WarekiDate.Format(from!.Value)}〜{WarekiDate.Format(to!.Value)} の分析を受け付けました。");
                return Redirect("/access/jobs");
            }
            AddErrors(requested, "");
        }
        await LoadAsync(ct);
        return Page();
    }

    private Task<string> CodeAsync(CancellationToken ct) => db.Municipalities.Where(m => m.Id == MunicipalityId).Select(m => m.Code).FirstAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        SetTitle("ログとマスタ・分析", AccessPages.Root);
        Months = folders.Store(MunicipalityId).Months();
        Masters = AccessLogFolders.Masters.Select(m =>
        {
            var info = new FileInfo(folders.MasterPath(MunicipalityId, m.Kind));
            return new MasterState(m.Kind, m.Name, info.Exists ? info.LastWriteTimeUtc : null, info.Exists ? info.Length : 0);
        }).ToList();
        HasMapping = System.IO.File.Exists(folders.MappingPath(MunicipalityId));
        Pseudonymised = folders.Pseudonymised;
        var code = await CodeAsync(ct);
        InboxPath = folders.Inbox(code);
        Inbox = folders.InboxFiles(code);
        Jobs = await db.AccessJobs.AsNoTracking().OrderByDescending(j => j.RequestedAt).Take(5).ToListAsync(ct);
    }
}
