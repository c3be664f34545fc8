using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.MyNumber;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.MyNumber;

/// <summary>One amendment: its steps in order with their days, the procedures it adds or repeals, the council item it made.</summary>
[Authorize(Policy = Policies.AssessmentsRead)]
public sealed class AmendmentModel(AppDbContext db, IAuthorizationService authz, TimeProvider clock) : MamoriPageModel
{
    [BindProperty] public string? On { get; set; }
    [BindProperty] public Guid? CouncilId { get; set; }
    [BindProperty] public bool Consult { get; set; }
    [BindProperty] public Guid? ProcedureId { get; set; }
    [BindProperty] public Guid? Version { get; set; }

    public OrdinanceAmendment Amendment { get; private set; } = null!;
    public List<MyNumberProcedure> Procedures { get; private set; } = [];
    public List<MyNumberProcedure> Repealable { get; private set; } = [];
    public List<(Guid Id, string Name)> Councils { get; private set; } = [];
    public bool CanManage { get; private set; }

    /// <summary>The procedures the amendment's new wordings replace, as 「項　名称」.</summary>
    public Dictionary<Guid, string> Replaced { get; private set; } = [];

    /// <summary>The office may still change what the amendment does: it is not in force yet.</summary>
    public bool CanChange => CanManage && Amendment.EnforcedOn is null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        On = WarekiDate.Format(JapanTime.Today(clock));
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostStepAsync(Guid id, AmendmentStep step, CancellationToken ct)
    {
        var on = ParseDate(On, nameof(On));
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        return await RunAsync(id, () => MyNumberWorkflow.StepAsync(db, id, step, on, new CouncilChoice(CouncilId, Consult), Version, ct),
            a => step switch
            {
                AmendmentStep.Enforced => "施行を記録しました。改正で加えた事務と変えた事務は施行中に、廃止した事務は廃止になりました。",
                AmendmentStep.Council => Consult ? "審議会への諮問を記録し、諮問の案件を作りました。" : "審議会への報告を記録し、報告の案件を作りました。",
                _ => $"{step.JapaneseName()}を記録しました。",
            }, ct);
    }

    public Task<IActionResult> OnPostRepealAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => MyNumberWorkflow.RepealByAsync(db, id, ProcedureId ?? Guid.Empty, ct), p => $"「{p.Name}」をこの改正で廃止する事務にしました。", ct);

    public Task<IActionResult> OnPostReviseAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => MyNumberWorkflow.ReviseByAsync(db, id, ProcedureId ?? Guid.Empty, ct), p => $"「{p.Name}」の改正後の内容を作りました。変わる部分を直して保存してください。", ct,
            p => $"/mynumber/procedures/edit/{p.Id}");

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => MyNumberWorkflow.WithdrawAsync(db, id, ProcedureId ?? Guid.Empty, ct), p => $"「{p.Name}」をこの改正から外しました。", ct);

    private async Task<IActionResult> RunAsync<T>(Guid id, Func<Task<Outcome<T>>> action, Func<T, string> done, CancellationToken ct, Func<T, string>? next = null)
    {
        if (!await AllowedAsync(authz, Policies.CouncilManage))
        {
            return Forbid();
        }
        var outcome = await action();
        if (!outcome.Ok)
        {
            db.ChangeTracker.Clear();
            AddErrors(outcome, "");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        Flash(done(outcome.Value!));
        return Redirect(next?.Invoke(outcome.Value!) ?? $"/mynumber/amendments/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var amendment = await db.OrdinanceAmendments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (amendment is null)
        {
            return false;
        }
        Amendment = amendment;
        Version = amendment.Version;
        CanManage = await AllowedAsync(authz, Policies.CouncilManage);
        Procedures = await db.MyNumberProcedures.AsNoTracking().Where(p => p.AmendmentId == id).OrderBy(p => p.Row).ToListAsync(ct);
        var revising = await db.MyNumberProcedures.AsNoTracking().Where(p => p.ReplacesId != null && p.Pending != null).Select(p => p.ReplacesId!.Value).ToListAsync(ct);
        Repealable = await db.MyNumberProcedures.AsNoTracking().Where(p => p.State == ProcedureState.InForce && p.Pending == null && !revising.Contains(p.Id))
            .OrderBy(p => p.Row).ToListAsync(ct);
        var replacedIds = Procedures.Where(p => p.ReplacesId != null).Select(p => p.ReplacesId!.Value).ToList();
        Replaced = await db.MyNumberProcedures.AsNoTracking().Where(p => replacedIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => $"{p.Row}　{p.Name}", ct);
        if (CanManage)
        {
            Councils = (await db.Councils.AsNoTracking().Where(c => c.ParentId == null).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
                .Select(c => (c.Id, c.Name)).ToList();
        }
        SetTitle(amendment.Title, new Crumb("独自利用事務", "/mynumber"));
        return true;
    }
}
