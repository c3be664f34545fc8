using Mamori.Core.Data;
using Mamori.Core.Features.Security;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Security;

/// <summary>Records or corrects a drill.</summary>
[Authorize(Policy = Policies.SecurityWrite)]
public sealed class DrillEditModel(AppDbContext db) : MamoriPageModel
{
    public sealed class InputModel
    {
        public DrillKind Kind { get; set; }
        public string? Title { get; set; }
        public string? TargetGroup { get; set; }
        public string? HeldOn { get; set; }
        public string? HeldUntil { get; set; }
        public string? Content { get; set; }
        public string? Participants { get; set; }
        public int? ParticipantCount { get; set; }
        public string? Findings { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Guid? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var d = await db.Drills.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (d is null)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                Kind = d.Kind,
                Title = d.Title,
                TargetGroup = d.TargetGroup,
                HeldOn = WarekiDate.Format(d.HeldOn),
                HeldUntil = d.HeldUntil is { } u ? WarekiDate.Format(u) : null,
                Content = d.Content,
                Participants = d.Participants,
                ParticipantCount = d.ParticipantCount,
                Findings = d.Findings,
                Version = d.Version,
            };
        }
        return Prepare(id);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var heldOn = ParseDate(Input.HeldOn, "Input.HeldOn");
        var heldUntil = ParseDate(Input.HeldUntil, "Input.HeldUntil");
        if (!ModelState.IsValid)
        {
            return Prepare(id);
        }
        var outcome = await Drills.SaveAsync(db, db.Tenant.MunicipalityId!.Value, id, new DrillInput
        {
            Kind = Input.Kind,
            Title = Input.Title,
            TargetGroup = Input.TargetGroup,
            HeldOn = heldOn,
            HeldUntil = heldUntil,
            Content = Input.Content,
            Participants = Input.Participants,
            ParticipantCount = Input.ParticipantCount,
            Findings = Input.Findings,
        }, Input.Version, ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome);
            return Prepare(id);
        }
        Flash($"訓練「{outcome.Value!.Title}」を保存しました。");
        return Redirect("/security/drills");
    }

    private PageResult Prepare(Guid? id)
    {
        Id = id;
        SetTitle(id is null ? "訓練を記録する" : "訓練の記録を直す", SecurityPages.Root, new Crumb("訓練", "/security/drills"));
        return Page();
    }
}
