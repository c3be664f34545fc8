using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Organization;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Council.Items;

/// <summary>Registers a 諮問 / 報告 / その他 item; the next number of the series is proposed.</summary>
[Authorize(Policy = Policies.CouncilManage)]
public sealed class EditModel(AppDbContext db) : MamoriPageModel
{
    public sealed class InputModel
    {
        public Guid CouncilId { get; set; }
        public ItemKind Kind { get; set; }
        public int? Number { get; set; }
        public string? SkipReason { get; set; }
        public bool Unnumbered { get; set; }
        public string? Title { get; set; }
        public Guid? DepartmentId { get; set; }
        public string? SubmittedOn { get; set; }
        public string? About { get; set; }
        public Guid? RegisterFileId { get; set; }
        public Guid? ReviewRoundId { get; set; }
        public Guid? Version { get; set; }
    }

    public sealed record Choice(Guid Id, string Name);

    [BindProperty] public InputModel Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public List<Choice> Councils { get; private set; } = [];
    public List<Choice> Departments { get; private set; } = [];
    public List<Choice> Files { get; private set; } = [];
    public List<Choice> Rounds { get; private set; } = [];
    public Dictionary<ItemKind, int> NextNumbers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var i = await db.AgendaItems.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (i is null)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                CouncilId = i.CouncilId,
                Kind = i.Kind,
                Number = i.Number,
                Title = i.Title,
                DepartmentId = i.DepartmentId,
                SubmittedOn = i.SubmittedOn is { } d ? Core.Japanese.WarekiDate.Format(d) : null,
                About = i.About,
                RegisterFileId = i.RegisterFileId,
                ReviewRoundId = i.ReviewRoundId,
                Version = i.Version,
            };
        }
        await PrepareAsync(id, ct);
        if (id is null)
        {
            Input.Number = NextNumbers[ItemKind.Consultation];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var on = ParseDate(Input.SubmittedOn, "Input.SubmittedOn");
        if (ModelState.IsValid)
        {
            var unnumbered = id is null && Input.Kind == ItemKind.Report && Input.Unnumbered;
            var outcome = await CouncilWorkflow.SaveItemAsync(db, id, new ItemInput
            {
                CouncilId = Input.CouncilId,
                Kind = Input.Kind,
                Number = Input.Kind == ItemKind.Other || unnumbered ? null : Input.Number,
                SkipReason = Input.SkipReason,
                Title = Input.Title,
                DepartmentId = Input.DepartmentId,
                SubmittedOn = on,
                About = Input.About,
                RegisterFileId = Input.RegisterFileId,
                ReviewRoundId = Input.ReviewRoundId,
                Unnumbered = unnumbered,
                Version = Input.Version,
            }, ct);
            if (outcome.Ok)
            {
                var item = outcome.Value!;
                Flash($"{item.Label()}「{item.Title}」を保存しました。会議の議題に追加してください。");
                return Redirect($"/council/items/{item.Id}");
            }
            AddErrors(outcome);
        }
        await PrepareAsync(id, ct);
        return Page();
    }

    private async Task PrepareAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Councils = await db.Councils.AsNoTracking().Where(c => c.ParentId == null).OrderBy(c => c.Name).Select(c => new Choice(c.Id, c.Name)).ToListAsync(ct);
        Departments = (await DepartmentTree.LoadAsync(db, ct)).Where(d => d.IsActive).Select(d => new Choice(d.Id, d.Label)).ToList();
        Files = await db.PersonalInfoFiles.AsNoTracking().OrderBy(f => f.FileNumber).Select(f => new Choice(f.Id, (f.FileNumber ?? "") + " " + f.Name)).ToListAsync(ct);
        Rounds = await db.ReviewRounds.AsNoTracking().OrderByDescending(r => r.DeadlineOn).Select(r => new Choice(r.Id, r.Title)).ToListAsync(ct);
        foreach (var kind in new[] { ItemKind.Consultation, ItemKind.Report })
        {
            NextNumbers[kind] = await CouncilWorkflow.NextNumberAsync(db, kind, ct);
        }
        SetTitle(id is null ? "諮問・報告の登録" : "諮問・報告の編集", CouncilCrumbs.Top, CouncilCrumbs.Items);
    }
}
