using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Council.Toshin;

/// <summary>Drafts or changes the 答申 to a consultation; the date is entered when it is issued.</summary>
[Authorize(Policy = Policies.CouncilManage)]
public sealed class EditModel(AppDbContext db) : MamoriPageModel
{
    public sealed class InputModel
    {
        public Guid ItemId { get; set; }
        public int? Number { get; set; }
        public string? SkipReason { get; set; }
        public string? AnsweredOn { get; set; }
        public string? Addressee { get; set; }
        public string? Text { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public AgendaItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? itemId, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var t = await db.Toshins.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (t is null)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                ItemId = t.ItemId,
                Number = t.Number,
                AnsweredOn = t.AnsweredOn is { } d ? Core.Japanese.WarekiDate.Format(d) : null,
                Addressee = t.Addressee,
                Text = t.Text,
                Version = t.Version,
            };
        }
        else if (itemId is { } item)
        {
            Input.ItemId = item;
            Input.Number = await CouncilWorkflow.NextToshinNumberAsync(db, ct);
            Input.Text = "特定個人情報保護評価指針に照らし、おおむね問題ありません。\nただし、";
        }
        return await PrepareAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (!await PrepareAsync(id, ct))
        {
            return NotFound();
        }
        var on = ParseDate(Input.AnsweredOn, "Input.AnsweredOn");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await CouncilWorkflow.SaveToshinAsync(db, id, new ToshinInput(Input.ItemId, Input.Number, on, Input.Addressee, Input.Text, Input.Version, Input.SkipReason), ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome);
            return Page();
        }
        Flash($"{CouncilNames.ToshinLabel(outcome.Value!.Number)}を保存しました。");
        return Redirect($"/council/toshin/{outcome.Value.Id}");
    }

    private async Task<bool> PrepareAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var item = await db.AgendaItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == Input.ItemId, ct);
        if (item is null)
        {
            return false;
        }
        Item = item;
        SetTitle(id is null ? "答申の作成" : "答申の編集", CouncilCrumbs.Top, new Crumb($"{item.Label()} {item.Title}", $"/council/items/{item.Id}"));
        return true;
    }
}
