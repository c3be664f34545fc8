using Mamori.Core.Data;
using Mamori.Core.Features.Reviews;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Reviews.Templates;

/// <summary>自己点検表のひな形: one per 取扱類型; 事務局 edits the current version, which adds a new one.</summary>
[Authorize(Policy = Policies.ReviewsManage)]
public sealed class IndexModel(AppDbContext db) : MamoriPageModel
{
    public sealed class QuestionInput
    {
        public string? Key { get; set; }
        public string? Text { get; set; }
        public AnswerKind Kind { get; set; }
        public bool Required { get; set; } = true;
    }

    [BindProperty]
    public List<QuestionInput> Questions { get; set; } = [];

    public HandlingType? Type { get; private set; }
    public InspectionTemplate? Current { get; private set; }
    public List<InspectionTemplate> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(HandlingType? type, CancellationToken ct)
    {
        await LoadAsync(type, ct);
        if (Current is not null)
        {
            Questions = Current.Questions.Select(q => new QuestionInput { Key = q.Key, Text = q.Text, Kind = q.Kind, Required = q.Required }).ToList();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(HandlingType? type, CancellationToken ct)
    {
        if (type is not { } t)
        {
            return NotFound();
        }
        var outcome = await InspectionTemplates.SaveAsync(db, t,
            Questions.Select(q => new InspectionQuestion(q.Key ?? string.Empty, q.Text ?? string.Empty, q.Kind, q.Required)).ToList(), db.Tenant.ActorName, ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome, prefix: "");
            await LoadAsync(type, ct);
            return Page();
        }
        Flash($"{t.FormName()}を第{outcome.Value!.Number}版として保存しました。これから始める自己点検に使われます（回答済みの自己点検は元の版のままです）。");
        return Redirect($"/reviews/templates?type={t}");
    }

    private async Task LoadAsync(HandlingType? type, CancellationToken ct)
    {
        Type = type;
        if (type is { } t)
        {
            Current = await InspectionTemplates.PeekAsync(db, t, ct);
            History = await db.InspectionTemplates.AsNoTracking().Where(x => x.Type == t).OrderByDescending(x => x.Number).ToListAsync(ct);
        }
        SetTitle(type is { } x ? $"{x.FormName()}のひな形" : "自己点検表のひな形", new Crumb("自己点検・部会審査", "/reviews"));
    }
}
