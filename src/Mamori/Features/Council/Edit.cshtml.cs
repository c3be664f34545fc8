using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Council;

/// <summary>Registers or changes a council or a subcommittee (小委員会・部会).</summary>
[Authorize(Policy = Policies.CouncilManage)]
public sealed class EditModel(AppDbContext db) : MamoriPageModel
{
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public Guid? ParentId { get; set; }
        public string? Basis { get; set; }
        public string? EstablishedOn { get; set; }
        public int? TermYears { get; set; } = 2;
        public QuorumRule Quorum { get; set; }
        public bool IsPublic { get; set; } = true;
        public string? Contact { get; set; }
        public string? NoticeSender { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public List<AdvisoryCouncil> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? parentId, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var c = await db.Councils.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (c is null)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                Name = c.Name,
                ParentId = c.ParentId,
                Basis = c.Basis,
                EstablishedOn = c.EstablishedOn is { } d ? Core.Japanese.WarekiDate.Format(d) : null,
                TermYears = c.TermYears,
                Quorum = c.Quorum,
                IsPublic = c.IsPublic,
                Contact = c.Contact,
                NoticeSender = c.NoticeSender,
                Version = c.Version,
            };
        }
        else
        {
            Input.ParentId = parentId;
        }
        return await PrepareAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var established = ParseDate(Input.EstablishedOn, "Input.EstablishedOn");
        if (!ModelState.IsValid)
        {
            return await PrepareAsync(id, ct);
        }
        var outcome = await CouncilWorkflow.SaveCouncilAsync(db, id, new CouncilInput
        {
            Name = Input.Name,
            ParentId = Input.ParentId,
            Basis = Input.Basis,
            EstablishedOn = established,
            TermYears = Input.TermYears,
            Quorum = Input.Quorum,
            IsPublic = Input.IsPublic,
            Contact = Input.Contact,
            NoticeSender = Input.NoticeSender,
            Version = Input.Version,
        }, ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome);
            return await PrepareAsync(id, ct);
        }
        Flash(id is null ? $"「{outcome.Value!.Name}」を登録しました。続けて委員を登録してください。" : "保存しました。");
        return Redirect($"/council/{outcome.Value!.Id}");
    }

    private async Task<PageResult> PrepareAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Parents = await db.Councils.AsNoTracking().Where(c => c.ParentId == null && c.Id != id).OrderBy(c => c.Name).ToListAsync(ct);
        SetTitle(id is null ? "審議会・小委員会の登録" : "審議会・小委員会の編集", CouncilCrumbs.Top);
        return Page();
    }
}
