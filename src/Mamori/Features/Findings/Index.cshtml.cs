using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Findings;

/// <summary>
/// All findings the user may see (a 所管課 its own), late ones first, filtered by status, department, source and
/// lateness; with what is waiting for the office's check and the recurring tasks that were missed.
/// </summary>
[Authorize(Policy = Policies.FindingsRead)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public sealed record Row(Finding Finding, Inspection Inspection, string Department);

    [BindProperty(SupportsGet = true)] public FindingStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true)] public FindingSource? Source { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public FindingsOverview Overview { get; private set; } = null!;
    public List<DepartmentNode> Departments { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanManage { get; private set; }

    /// <summary>The current filters as a query string, so that the CSV holds what the page shows.</summary>
    public string Query => string.Join("&", new[]
    {
        Status is { } s ? $"Status={s}" : null,
        Department is { } d ? $"Department={d}" : null,
        Source is { } src ? $"Source={src}" : null,
        Overdue ? "Overdue=true" : null,
    }.Where(x => x is not null));

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>The list as filtered, as CSV (UTF-8 with BOM, or Shift_JIS for older Excel).</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? encoding, CancellationToken ct)
    {
        await LoadAsync(ct);
        static string? D(DateOnly? d) => d is { } x ? WarekiDate.Format(x) : null;
        var enc = CsvEncodings.FromName(encoding);
        var rows = Rows.Select(r => new[]
        {
            r.Inspection.Title, r.Inspection.Source.JapaneseName(), r.Finding.Law.JapaneseName(), r.Finding.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.Finding.Heading, r.Finding.Text, r.Finding.Provision, r.Department, D(r.Finding.DueOn), r.Finding.Status.JapaneseName(),
            r.Finding.IsOverdue(Today) ? "期限超過" : null, r.Finding.Countermeasure, r.Finding.Owner, D(r.Finding.DoneOn), D(r.Finding.CheckedOn),
        });
        return File(CsvWriter.ToBytes(enc, ["検査・監査", "指摘元", "法令", "番号", "項目", "改善指導の内容", "根拠", "対応課", "対応期限", "状況", "期限超過", "対応（改善策）",
            "担当者", "対応完了日", "確認日"], rows), CsvEncodings.ContentType(enc), "指摘事項.csv");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = JapanTime.Today(clock);
        CanManage = await AllowedAsync(authz, Policies.FindingsManage);
        Departments = await DepartmentTree.LoadAsync(db, ct);
        var labels = Departments.ToDictionary(d => d.Id, d => d.Label);
        var query = db.Findings.AsNoTracking().Join(db.Inspections.AsNoTracking(), f => f.InspectionId, i => i.Id, (f, i) => new { f, i });
        if (Status is { } status)
        {
            query = query.Where(x => x.f.Status == status);
        }
        if (Department is { } department)
        {
            query = query.Where(x => x.f.DepartmentId == department);
        }
        if (Source is { } source)
        {
            query = query.Where(x => x.i.Source == source);
        }
        if (Overdue)
        {
            var today = Today;
            query = query.Where(x => x.f.DueOn < today && (x.f.Status == FindingStatus.NotStarted || x.f.Status == FindingStatus.InProgress));
        }
        var rows = await query.ToListAsync(ct);
        Rows = rows.Select(x => new Row(x.f, x.i, labels.GetValueOrDefault(x.f.DepartmentId, "")))
            .OrderByDescending(r => r.Finding.IsOverdue(Today))
            .ThenBy(r => r.Finding.Status == FindingStatus.Confirmed)
            .ThenBy(r => r.Finding.DueOn ?? DateOnly.MaxValue)
            .ThenByDescending(r => r.Inspection.StartOn).ThenBy(r => r.Finding.Law).ThenBy(r => r.Finding.Number)
            .ToList();
        Overview = await FindingsOverview.BuildAsync(db, db.Tenant.MunicipalityId!.Value, Today, ct);
        SetTitle("指摘事項");
    }
}
