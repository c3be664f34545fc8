using Mamori.Core.Data;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Organization;

/// <summary>The own municipality: its code (fixed) and name (correctable by 管理者).</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class MunicipalityModel(AppDbContext db) : MamoriPageModel
{
    public string Code { get; private set; } = string.Empty;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? OrdinanceSensitiveCategories { get; set; }

    [BindProperty]
    public int? IncidentPreliminaryDays { get; set; }

    [BindProperty]
    public int? IncidentPeopleThreshold { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var m = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(ct);
        if (m is null)
        {
            return NotFound();
        }
        (Code, Name, OrdinanceSensitiveCategories) = (m.Code, m.Name, m.OrdinanceSensitiveCategories);
        (IncidentPreliminaryDays, IncidentPeopleThreshold) = (m.IncidentPreliminaryDays, m.IncidentPeopleThreshold);
        SetTitle("団体");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var m = await db.Municipalities.FirstOrDefaultAsync(ct);
        if (m is null)
        {
            return NotFound();
        }
        Code = m.Code;
        SetTitle("団体");
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError(nameof(Name), "団体名を入力してください。");
        }
        else if (name.Length > 100)
        {
            ModelState.AddModelError(nameof(Name), $"団体名は100文字以内で入力してください（今は{name.Length}文字）。");
        }
        if (IncidentPreliminaryDays is not (>= 1 and <= 5))
        {
            ModelState.AddModelError(nameof(IncidentPreliminaryDays), "速報の期限は1から5までの日数（開庁日）で入力してください。個人情報保護委員会の目安は3～5日です。");
        }
        if (IncidentPeopleThreshold is not (>= 1 and <= 100_000))
        {
            ModelState.AddModelError(nameof(IncidentPeopleThreshold), "報告対象となる本人の数は1以上の数字で入力してください（行政機関等は100人）。");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        m.Name = name!;
        m.IncidentPreliminaryDays = IncidentPreliminaryDays!.Value;
        m.IncidentPeopleThreshold = IncidentPeopleThreshold!.Value;
        m.OrdinanceSensitiveCategories = string.Join('\n', Core.Features.Register.RegisterContent.Lines(OrdinanceSensitiveCategories).Distinct());
        await db.SaveChangesAsync(ct);
        Flash("団体の設定を保存しました。");
        return RedirectToPage();
    }
}
