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
    [BindProperty] public Guid? ProcedureId { get; set; }
    [BindProperty] public Guid? Version { get; set; }

    public OrdinanceAmendment Amendment { get; private set; } = null!;
    public List<MyNumberProcedure> Procedures { get; private set; } = [];
    public List<MyNumberProcedure> Repealable { get; private set; } = [];
    public List<(Guid Id, string Name)> Councils { get; private set; } = [];
    public bool CanManage { get; private set; }

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
        return await RunAsync(id, () => MyNumberWorkflow.StepAsync(db, id, step, on, CouncilId, Version, clock, ct),
            a => step == AmendmentStep.Enforced ? "施行を記録しました。改正で加えた事務は施行中に、廃止した事務は廃止になりました。" : $"{step.JapaneseName()}を記録しました。", ct);
    }

    public Task<IActionResult> OnPostRepealAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => MyNumberWorkflow.RepealByAsync(db, id, ProcedureId ?? Guid.Empty, ct), p => $"「{p.Name}」をこの改正で廃止する事務にしました。", ct);

    private async Task<IActionResult> RunAsync<T>(Guid id, Func<Task<Outcome<T>>> action, Func<T, string> done, CancellationToken ct)
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
        return Redirect($"/mynumber/amendments/{id}");
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
        Repealable = await db.MyNumberProcedures.AsNoTracking().Where(p => p.State == ProcedureState.InForce && p.Pending == null).OrderBy(p => p.Row).ToListAsync(ct);
        if (CanManage)
        {
            Councils = (await db.Councils.AsNoTracking().Where(c => c.ParentId == null).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
                .Select(c => (c.Id, c.Name)).ToList();
        }
        SetTitle(amendment.Title, new Crumb("独自利用事務", "/mynumber"));
        return true;
    }
}
