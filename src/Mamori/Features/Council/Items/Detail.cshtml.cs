using Mamori.Core.Data;
using Mamori.Core.Features.Assessments;
using Mamori.Core.Features.Council;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Council.Items;

/// <summary>An item: what it is about, its history over the meetings, its 答申 and its materials.</summary>
[Authorize(Policy = Policies.CouncilRead)]
public sealed class DetailModel(AppDbContext db, IAuthorizationService authz, TimeProvider clock) : MamoriPageModel
{
    public ItemView View { get; private set; } = null!;
    public bool CanManage { get; private set; }

    /// <summary>The PIA whose 第三者点検 this consultation is, and whether the reader may open it.</summary>
    public (Guid Id, string Label)? Assessment { get; private set; }
    public bool CanReadAssessments { get; private set; }

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? MaterialTitle { get; set; }
    [BindProperty] public bool IsPublic { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.CouncilManage))
        {
            return Forbid();
        }
        var (content, tooLarge) = await Uploads.ReadAsync(Upload, Core.Features.Files.UploadRules.MaxBytes, ct);
        if (tooLarge is not null)
        {
            ModelState.AddModelError("File", tooLarge);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        var outcome = await CouncilWorkflow.AddMaterialAsync(db, null, id, MaterialTitle, Upload?.FileName, content, IsPublic, clock, ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome, "");
            db.ChangeTracker.Clear();
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        Flash($"資料「{outcome.Value!.Title}」を登録しました。");
        return Redirect($"/council/items/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await CouncilReading.ItemAsync(db, id, ct);
        if (view is null)
        {
            return false;
        }
        View = view;
        CanManage = await AllowedAsync(authz, Policies.CouncilManage);
        CanReadAssessments = await AllowedAsync(authz, Policies.AssessmentsRead);
        var pia = await (from a in db.Assessments.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AsNoTracking()
                         join b in db.AssessedBusinesses.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AsNoTracking() on a.BusinessId equals b.Id
                         where a.ConsultationItemId == id
                         select new { a.Id, b.Name, a.Kind, a.Level }).FirstOrDefaultAsync(ct);
        Assessment = pia is null ? null : (pia.Id, $"{pia.Name}　{pia.Kind.JapaneseName()}の評価（{pia.Level.JapaneseName()}）");
        SetTitle($"{view.Item.Label()} {view.Item.Title}", CouncilCrumbs.Top, CouncilCrumbs.Items);
        return true;
    }
}
