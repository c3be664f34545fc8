using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Findings.Incidents;

/// <summary>Records or corrects an incident: what happened, when it was learned of, and the reporting criteria.</summary>
[Authorize(Policy = Policies.IncidentsWrite)]
public sealed class EditModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public sealed class InputModel
    {
        public string? Title { get; set; }
        public Guid? DepartmentId { get; set; }
        public IncidentKind Kind { get; set; }
        public bool IsSuspected { get; set; }
        public string? OccurredOn { get; set; }
        public string? LearnedOn { get; set; }
        public string? Summary { get; set; }
        public string? DataItems { get; set; }
        public int? AffectedCount { get; set; }
        public bool HasSensitive { get; set; }
        public bool HasOrdinanceSensitive { get; set; }
        public bool PropertyDamageRisk { get; set; }
        public bool Unauthorized { get; set; }
        public bool HasSpecific { get; set; }
        public bool InNumberSystem { get; set; }
        public bool PublicExposure { get; set; }
        public bool ReportVoluntarily { get; set; }
        public bool IsSerious { get; set; }
        public string? RootCause { get; set; }
        public string? Measures { get; set; }
        public string? Discovery { get; set; }
        public bool? SecondaryHarm { get; set; }
        public string? SecondaryHarmNote { get; set; }
        public string? PublicationNote { get; set; }
        public string? ReportNote { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public List<DepartmentNode> Departments { get; private set; } = [];
    public IncidentSettings Settings { get; private set; } = null!;
    public bool MayJudgeSerious { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var i = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (i is null)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                Title = i.Title,
                DepartmentId = i.DepartmentId,
                Kind = i.Kind,
                IsSuspected = i.IsSuspected,
                OccurredOn = i.OccurredOn is { } o ? WarekiDate.Format(o) : null,
                LearnedOn = WarekiDate.Format(i.LearnedOn),
                Summary = i.Summary,
                DataItems = i.DataItems,
                AffectedCount = i.AffectedCount,
                HasSensitive = i.HasSensitive,
                HasOrdinanceSensitive = i.HasOrdinanceSensitive,
                PropertyDamageRisk = i.PropertyDamageRisk,
                Unauthorized = i.Unauthorized,
                HasSpecific = i.HasSpecific,
                InNumberSystem = i.InNumberSystem,
                PublicExposure = i.PublicExposure,
                ReportVoluntarily = i.ReportVoluntarily,
                IsSerious = i.IsSerious,
                RootCause = i.RootCause,
                Measures = i.Measures,
                Discovery = i.Discovery,
                SecondaryHarm = i.SecondaryHarm,
                SecondaryHarmNote = i.SecondaryHarmNote,
                PublicationNote = i.PublicationNote,
                ReportNote = i.ReportNote,
                Version = i.Version,
            };
        }
        else
        {
            Input.LearnedOn = WarekiDate.Format(JapanTime.Today(clock));
            Input.DepartmentId = db.Tenant.DepartmentId;
        }
        return await PrepareAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var occurred = ParseDate(Input.OccurredOn, "Input.OccurredOn");
        var learned = ParseDate(Input.LearnedOn, "Input.LearnedOn");
        if (ModelState.IsValid)
        {
            var input = new IncidentInput
            {
                Title = Input.Title,
                DepartmentId = Input.DepartmentId,
                Kind = Input.Kind,
                IsSuspected = Input.IsSuspected,
                OccurredOn = occurred,
                LearnedOn = learned,
                Summary = Input.Summary,
                DataItems = Input.DataItems,
                AffectedCount = Input.AffectedCount,
                HasSensitive = Input.HasSensitive,
                HasOrdinanceSensitive = Input.HasOrdinanceSensitive,
                PropertyDamageRisk = Input.PropertyDamageRisk,
                Unauthorized = Input.Unauthorized,
                HasSpecific = Input.HasSpecific,
                InNumberSystem = Input.InNumberSystem,
                PublicExposure = Input.PublicExposure,
                ReportVoluntarily = Input.ReportVoluntarily,
                IsSerious = Input.IsSerious,
                RootCause = Input.RootCause,
                Measures = Input.Measures,
                Discovery = Input.Discovery,
                SecondaryHarm = Input.SecondaryHarm,
                SecondaryHarmNote = Input.SecondaryHarmNote,
                PublicationNote = Input.PublicationNote,
                ReportNote = Input.ReportNote,
            };
            var outcome = await Core.Features.Findings.Incidents.SaveAsync(db, db.Tenant.MunicipalityId!.Value, id, input, Input.Version,
                await AllowedAsync(authz, Policies.FindingsManage), clock, ct);
            if (outcome.Ok)
            {
                var i = outcome.Value!;
                Flash(i.PreliminaryDueOn is { } p
                    ? $"第{i.Number}号を保存しました。報告対象です。速報の期限は{WarekiDate.Format(p)}、確報の期限は{WarekiDate.Format(i.FinalDueOn!.Value)}です。"
                    : $"第{i.Number}号を保存しました。報告の基準には当たりません。");
                return Redirect($"/incidents/{i.Id}");
            }
            AddErrors(outcome);
        }
        return await PrepareAsync(id, ct);
    }

    private async Task<PageResult> PrepareAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Departments = await DepartmentTree.AssignableAsync(db, ct);
        Settings = await Core.Features.Findings.Incidents.SettingsAsync(db, db.Tenant.MunicipalityId!.Value, ct);
        MayJudgeSerious = await AllowedAsync(authz, Policies.FindingsManage);
        SetTitle(id is null ? "漏えい等事案を登録する" : "漏えい等事案を直す", IncidentsPages.Root);
        return Page();
    }
}
