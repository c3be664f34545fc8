using Mamori.Core.Data;
using Mamori.Core.Features.Register;
using Mamori.Core.Features.Reviews;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Reviews.Cases;

/// <summary>One 自己点検表 of a case: its questions (from the template version it was started on) and the type-specific details.</summary>
[Authorize(Policy = Policies.ReviewsRead)]
public sealed class InspectionModel(AppDbContext db, IAuthorizationService authz) : MamoriPageModel
{
    public sealed class InputModel
    {
        public Dictionary<string, string?> Answers { get; set; } = [];
        public string? Contractor { get; set; }
        public string? PeriodFrom { get; set; }
        public string? PeriodTo { get; set; }
        public List<string> Clauses { get; set; } = [];
        public bool? SubcontractAllowed { get; set; }
        public string? Subcontractor { get; set; }
        public bool SubcontractResponsibilityChecked { get; set; }
        public bool SubcontractSafetyChecked { get; set; }
        public List<string> Certifications { get; set; } = [];
        public string? Recipient { get; set; }
        public string? LegalBasis { get; set; }
        public string? Items { get; set; }
        public string? ConnectedParty { get; set; }
        public string? Line { get; set; }
        public string? SystemName { get; set; }
        public List<string> BackupKinds { get; set; } = [];
        public string? BackupFrequency { get; set; }
        public bool HasSensitive { get; set; }
        public List<string> OrdinanceSelected { get; set; } = [];
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ReviewCase Case { get; private set; } = null!;
    public HandlingType Type { get; private set; }
    public InspectionTemplate Template { get; private set; } = null!;
    public bool Editable { get; private set; }
    public IReadOnlyList<string> OrdinanceCategories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, HandlingType type, CancellationToken ct)
    {
        if (!await LoadAsync(id, type, ct))
        {
            return NotFound();
        }
        var inspection = Case.Inspections.First(i => i.Type == type);
        var d = inspection.Details;
        static string? Date(DateOnly? x) => x is { } v ? Core.Japanese.WarekiDate.Format(v) : null;
        Input = new InputModel
        {
            Answers = inspection.Answers.ToDictionary(a => a.Key, a => (string?)a.Value),
            Contractor = d.Contractor,
            PeriodFrom = Date(d.PeriodFrom),
            PeriodTo = Date(d.PeriodTo),
            Clauses = d.Clauses.ToList(),
            SubcontractAllowed = d.SubcontractAllowed,
            Subcontractor = d.Subcontractor,
            SubcontractResponsibilityChecked = d.SubcontractResponsibilityChecked,
            SubcontractSafetyChecked = d.SubcontractSafetyChecked,
            Certifications = d.Certifications.ToList(),
            Recipient = d.Recipient,
            LegalBasis = d.LegalBasis,
            Items = d.Items,
            ConnectedParty = d.ConnectedParty,
            Line = d.Line,
            SystemName = d.SystemName,
            BackupKinds = d.BackupKinds.ToList(),
            BackupFrequency = d.BackupFrequency,
            HasSensitive = inspection.HasSensitive,
            OrdinanceSelected = RegisterContent.Lines(inspection.OrdinanceSensitive).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, HandlingType type, CancellationToken ct)
    {
        if (!await LoadAsync(id, type, ct))
        {
            return NotFound();
        }
        if (!Editable)
        {
            return Forbid();
        }
        var from = ParseDate(Input.PeriodFrom, "Input.PeriodFrom");
        var to = ParseDate(Input.PeriodTo, "Input.PeriodTo");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var details = new InspectionDetails
        {
            Contractor = Input.Contractor?.Trim(),
            PeriodFrom = from,
            PeriodTo = to,
            Clauses = Input.Clauses,
            SubcontractAllowed = Input.SubcontractAllowed,
            Subcontractor = Input.SubcontractAllowed == true ? Input.Subcontractor?.Trim() : null,
            SubcontractResponsibilityChecked = Input.SubcontractAllowed == true && Input.SubcontractResponsibilityChecked,
            SubcontractSafetyChecked = Input.SubcontractAllowed == true && Input.SubcontractSafetyChecked,
            Certifications = Input.Certifications,
            Recipient = Input.Recipient?.Trim(),
            LegalBasis = Input.LegalBasis?.Trim(),
            Items = Input.Items?.Trim(),
            ConnectedParty = Input.ConnectedParty?.Trim(),
            Line = Input.Line,
            SystemName = Input.SystemName?.Trim(),
            BackupKinds = Input.BackupKinds,
            BackupFrequency = Input.BackupFrequency?.Trim(),
        };
        var answers = Input.Answers.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value!);
        var outcome = await ReviewWorkflow.SaveInspectionAsync(db, id, type,
            new InspectionInput(answers, details, Input.HasSensitive, string.Join('\n', Input.OrdinanceSelected)), ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome);
            return Page();
        }
        Flash($"{type.FormName()}を保存しました。");
        return Redirect($"/reviews/cases/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, HandlingType type, CancellationToken ct)
    {
        var reviewCase = await CaseReading.LoadAsync(db, id, ct);
        var inspection = reviewCase?.Inspections.FirstOrDefault(i => i.Type == type);
        if (reviewCase is null || inspection is null)
        {
            return false;
        }
        Case = reviewCase;
        Type = type;
        Template = await db.InspectionTemplates.AsNoTracking().FirstAsync(t => t.Id == inspection.TemplateId, ct);
        var own = CaseReading.IsOwn(db, reviewCase);
        Editable = own && reviewCase.Status == CaseStatus.Draft && (await authz.AuthorizeAsync(User, Policies.ReviewsWrite)).Succeeded;
        OrdinanceCategories = await RegisterWorkflow.OrdinanceCategoriesAsync(db, ct);
        SetTitle(type.FormName(), new Crumb("自己点検・部会審査", "/reviews"), new Crumb($"{ReviewCase.NumberLabel(reviewCase.Number)} {reviewCase.Title}", $"/reviews/cases/{id}"));
        return true;
    }
}
