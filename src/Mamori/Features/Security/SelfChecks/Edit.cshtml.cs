using Mamori.Core.Data;
using Mamori.Core.Features.Security;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Security.SelfChecks;

/// <summary>Creates a campaign (with the standard question set) or changes its title, period and note.</summary>
[Authorize(Policy = Policies.SecurityWrite)]
public sealed class EditModel(AppDbContext db) : MamoriPageModel
{
    public sealed class InputModel
    {
        public string? Title { get; set; }
        public string? StartOn { get; set; }
        public string? EndOn { get; set; }
        public string? Note { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Guid? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var c = await db.SelfCheckCampaigns.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (c is null)
            {
                return NotFound();
            }
            Input = new InputModel { Title = c.Title, StartOn = WarekiDate.Format(c.StartOn), EndOn = WarekiDate.Format(c.EndOn), Note = c.Note, Version = c.Version };
        }
        return Prepare(id);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var start = ParseDate(Input.StartOn, "Input.StartOn");
        var end = ParseDate(Input.EndOn, "Input.EndOn");
        if (!ModelState.IsValid)
        {
            return Prepare(id);
        }
        var outcome = await StaffSelfChecks.SaveCampaignAsync(db, db.Tenant.MunicipalityId!.Value, id, Input.Title, start, end, Input.Note, Input.Version, ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome);
            return Prepare(id);
        }
        Flash(id is null ? $"「{outcome.Value!.Title}」を作りました。質問セット（全職員用）の質問を確かめ、必要なら対象別の質問セットを追加してください。" : "保存しました。");
        return Redirect($"/security/self-checks/{outcome.Value!.Id}");
    }

    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult Prepare(Guid? id)
    {
        Id = id;
        SetTitle(id is null ? "セルフチェックを作る" : "セルフチェックの変更", new Crumb("職員セルフチェック", "/security/self-checks"));
        return Page();
    }
}
