using System.Globalization;
using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Council.Meetings;

/// <summary>Registers or changes a meeting: 第N回, form (対面・書面開催・オンライン), date and time, place, deadline.</summary>
[Authorize(Policy = Policies.CouncilManage)]
public sealed class EditModel(AppDbContext db) : MamoriPageModel
{
    public sealed class InputModel
    {
        public Guid CouncilId { get; set; }
        public string? Title { get; set; }
        public MeetingKind Kind { get; set; }
        public string? HeldOn { get; set; }
        public string? StartsAt { get; set; }
        public string? EndsAt { get; set; }
        public string? Place { get; set; }
        public string? Url { get; set; }
        public int? Observers { get; set; }
        public string? ResponseDeadline { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public string CouncilName { get; private set; } = string.Empty;

    private static string? Text(DateOnly? d) => d is { } date ? Core.Japanese.WarekiDate.Format(date) : null;

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? councilId, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var m = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (m is null)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                CouncilId = m.CouncilId,
                Title = m.Title,
                Kind = m.Kind,
                HeldOn = Text(m.HeldOn),
                StartsAt = m.StartsAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
                EndsAt = m.EndsAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
                Place = m.Place,
                Url = m.Url,
                Observers = m.Observers,
                ResponseDeadline = Text(m.ResponseDeadline),
                Version = m.Version,
            };
        }
        else if (councilId is { } c)
        {
            Input.CouncilId = c;
        }
        return await PrepareAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (!await PrepareAsync(id, ct))
        {
            return NotFound();
        }
        var held = ParseDate(Input.HeldOn, "Input.HeldOn");
        var deadline = ParseDate(Input.ResponseDeadline, "Input.ResponseDeadline");
        var starts = ParseTime(Input.StartsAt, "Input.StartsAt");
        var ends = ParseTime(Input.EndsAt, "Input.EndsAt");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await CouncilWorkflow.SaveMeetingAsync(db, id, new MeetingInput
        {
            CouncilId = Input.CouncilId,
            Title = Input.Title,
            Kind = Input.Kind,
            HeldOn = held,
            StartsAt = starts,
            EndsAt = ends,
            Place = Input.Place,
            Url = Input.Url,
            Observers = Input.Observers,
            ResponseDeadline = deadline,
            Version = Input.Version,
        }, ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome);
            return Page();
        }
        Flash(id is null ? $"「{outcome.Value!.Title}」を登録しました。議題を追加し、開催通知を作成してください。" : "保存しました。");
        return Redirect($"/council/meetings/{outcome.Value!.Id}");
    }

    /// <summary>Reads 14:00, 14時, 午後2時00分 and full-width digits.</summary>
    private TimeOnly? ParseTime(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var t = text.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        var pm = t.StartsWith("午後", StringComparison.Ordinal);
        t = t.Replace("午前", "", StringComparison.Ordinal).Replace("午後", "", StringComparison.Ordinal).Replace("時", ":", StringComparison.Ordinal)
            .Replace("分", "", StringComparison.Ordinal).Trim();
        if (t.EndsWith(':'))
        {
            t += "00";
        }
        if (TimeOnly.TryParseExact(t, ["H:mm", "HH:mm", "H:m"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return pm && time.Hour < 12 ? time.AddHours(12) : time;
        }
        ModelState.AddModelError(field, $"時刻「{text}」を読み取れません。「14:00」や「午後2時」の形で入力してください。");
        return null;
    }

    private async Task<bool> PrepareAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var name = await db.Councils.AsNoTracking().Where(c => c.Id == Input.CouncilId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return false;
        }
        CouncilName = name;
        SetTitle(id is null ? "会議の登録" : "会議の編集", CouncilCrumbs.Top, new Crumb(name, $"/council/{Input.CouncilId}"));
        return true;
    }
}
