using System.Globalization;
using Mamori.Core.Data;
using Mamori.Core.Features.Assessments;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Assessments;

/// <summary>Registers or edits a business that handles specific personal information, with the figures of its しきい値判断.</summary>
[Authorize(Policy = Policies.AssessmentsWrite)]
public sealed class BusinessEditModel(AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public Guid? DepartmentId { get; set; }
        public string? Summary { get; set; }
        public string? SubjectCount { get; set; }
        public string? StaffHandlers { get; set; }
        public string? ContractorHandlers { get; set; }
        public string? SeriousIncidentOn { get; set; }
        public string? SeriousIncidentNote { get; set; }
        public PiaLevel? ChosenLevel { get; set; }
        public List<Guid> FileIds { get; set; } = [];
        public Guid? Version { get; set; }
    }

    public sealed record FileOption(Guid Id, string Label);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Guid? Id { get; private set; }
    public List<DepartmentNode> Departments { get; private set; } = [];
    public List<FileOption> Files { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var b = await db.AssessedBusinesses.AsNoTracking().Include(x => x.Files).FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (b is null)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                Name = b.Name,
                DepartmentId = b.DepartmentId,
                Summary = b.Summary,
                SubjectCount = b.SubjectCount.ToString("N0", CultureInfo.InvariantCulture),
                StaffHandlers = b.StaffHandlers.ToString(CultureInfo.InvariantCulture),
                ContractorHandlers = b.ContractorHandlers.ToString(CultureInfo.InvariantCulture),
                SeriousIncidentOn = b.SeriousIncidentOn is { } on ? WarekiDate.Format(on) : null,
                SeriousIncidentNote = b.SeriousIncidentNote,
                ChosenLevel = b.ChosenLevel,
                FileIds = b.Files.Select(f => f.FileId).ToList(),
                Version = b.Version,
            };
        }
        else if (db.Tenant.RestrictToDepartment)
        {
            Input.DepartmentId = db.Tenant.DepartmentId;
        }
        return await PrepareAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var subjects = Count(Input.SubjectCount, "Input.SubjectCount", "対象人数");
        var staff = Count(Input.StaffHandlers, "Input.StaffHandlers", "取扱者数（職員）");
        var contractors = Count(Input.ContractorHandlers, "Input.ContractorHandlers", "取扱者数（委託先）");
        var incident = ParseDate(Input.SeriousIncidentOn, "Input.SeriousIncidentOn");
        if (!ModelState.IsValid)
        {
            return await PrepareAsync(id, ct);
        }
        var outcome = await AssessmentWorkflow.SaveBusinessAsync(db, id, new AssessedBusinessInput
        {
            Name = Input.Name,
            DepartmentId = Input.DepartmentId,
            Summary = Input.Summary,
            SubjectCount = subjects,
            StaffHandlers = (int?)staff,
            ContractorHandlers = (int?)contractors,
            SeriousIncidentOn = incident,
            SeriousIncidentNote = Input.SeriousIncidentNote,
            ChosenLevel = Input.ChosenLevel,
            FileIds = Input.FileIds,
            Version = Input.Version,
        }, clock, ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome);
            return await PrepareAsync(id, ct);
        }
        var judgment = outcome.Value!.Judge(JapanTime.Today(clock));
        Flash($"「{outcome.Value.Name}」を保存しました。{judgment.Reason}です。");
        return Redirect($"/assessments/businesses/{outcome.Value.Id}");
    }

    private long? Count(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (JapaneseNumber.TryParse(text, out var n) && n >= 0 && n <= int.MaxValue)
        {
            return n;
        }
        ModelState.AddModelError(field, $"{label}「{text}」は数として読めません。340000 や 340,000 のように入力してください。");
        return null;
    }

    private async Task<IActionResult> PrepareAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Departments = await DepartmentTree.AssignableAsync(db, ct);
        Files = (await db.PersonalInfoFiles.AsNoTracking().Where(f => f.IsSpecificPersonalInfo).OrderBy(f => f.FileNumber)
            .Select(f => new { f.Id, f.FileNumber, f.Name }).ToListAsync(ct)).Select(f => new FileOption(f.Id, $"{f.FileNumber} {f.Name}")).ToList();
        SetTitle(id is null ? "評価対象の事務の登録" : "評価対象の事務の編集", new Crumb("特定個人情報保護評価", "/assessments"));
        return Page();
    }
}
