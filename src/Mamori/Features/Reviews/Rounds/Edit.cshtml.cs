using Mamori.Core.Data;
using Mamori.Core.Features.Reviews;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Reviews.Rounds;

[Authorize(Policy = Policies.ReviewsManage)]
public sealed class EditModel(AppDbContext db) : MamoriPageModel
{
    public sealed class InputModel
    {
        public string? Title { get; set; }
        public string? Body { get; set; }
        public string? NoticeOn { get; set; }
        public string? DeadlineOn { get; set; }
        public string? PreConsultation1 { get; set; }
        public string? PreConsultation2 { get; set; }
        public string? PreConsultation3 { get; set; }
        public string? MeetingOn { get; set; }
        public string? ReportOn { get; set; }
        public string? ReportTo { get; set; }
        public int? FirstCaseNumber { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Guid? Id { get; private set; }

    private static string? Text(DateOnly? d) => d is { } date ? Core.Japanese.WarekiDate.Format(date) : null;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var r = await db.ReviewRounds.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (r is null)
            {
                return NotFound();
            }
            var pre = r.PreConsultations;
            Input = new InputModel
            {
                Title = r.Title,
                Body = r.Body,
                NoticeOn = Text(r.NoticeOn),
                DeadlineOn = Text(r.DeadlineOn),
                PreConsultation1 = Text(pre.Count > 0 ? pre[0] : null),
                PreConsultation2 = Text(pre.Count > 1 ? pre[1] : null),
                PreConsultation3 = Text(pre.Count > 2 ? pre[2] : null),
                MeetingOn = Text(r.MeetingOn),
                ReportOn = Text(r.ReportOn),
                ReportTo = r.ReportTo,
                FirstCaseNumber = r.FirstCaseNumber,
                Version = r.Version,
            };
        }
        else
        {
            Input.Body = "デジタル・セキュリティ部会";
        }
        return Prepare(id);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var notice = ParseDate(Input.NoticeOn, "Input.NoticeOn");
        var deadline = ParseDate(Input.DeadlineOn, "Input.DeadlineOn");
        var pre = new[] { (Input.PreConsultation1, "Input.PreConsultation1"), (Input.PreConsultation2, "Input.PreConsultation2"), (Input.PreConsultation3, "Input.PreConsultation3") }
            .Select(p => ParseDate(p.Item1, p.Item2)).OfType<DateOnly>().ToList();
        var meeting = ParseDate(Input.MeetingOn, "Input.MeetingOn");
        var report = ParseDate(Input.ReportOn, "Input.ReportOn");
        if (!ModelState.IsValid)
        {
            return Prepare(id);
        }
        var outcome = await ReviewWorkflow.SaveRoundAsync(db, id, new RoundInput
        {
            Title = Input.Title,
            Body = Input.Body,
            NoticeOn = notice,
            DeadlineOn = deadline,
            PreConsultations = pre,
            MeetingOn = meeting,
            ReportOn = report,
            ReportTo = Input.ReportTo,
            FirstCaseNumber = Input.FirstCaseNumber,
            Version = Input.Version,
        }, ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome);
            return Prepare(id);
        }
        Flash(id is null ? $"「{outcome.Value!.Title}」を作成しました。所管課は「自己点検を始める」からこの回に提出できます。" : "保存しました。");
        return Redirect($"/reviews/rounds/{outcome.Value!.Id}");
    }

    private PageResult Prepare(Guid? id)
    {
        Id = id;
        SetTitle(id is null ? "審査の回の作成" : "審査の回の編集", new Crumb("自己点検・部会審査", "/reviews"));
        return Page();
    }
}
