using Mamori.Core.Data;
using Mamori.Core.Features.Minutes;
using Mamori.Features.Council;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Minutes;

/// <summary>会議録検索の同義語: the office's list of words that mean the same, one group per line.</summary>
[Authorize(Policy = Policies.CouncilManage)]
public sealed class SynonymsModel(AppDbContext db, CurrentTenant tenant) : MamoriPageModel
{
    [BindProperty] public string? Text { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Title();
        Text = string.Join("\n", (await MinutesSynonyms.ListAsync(db, tenant.MunicipalityId!.Value, ct)).Select(g => string.Join("、", g)));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Title();
        var groups = MinutesSynonyms.Read(Text);
        if (!groups.Ok)
        {
            foreach (var message in groups.Errors.SelectMany(e => e.Value))
            {
                ModelState.AddModelError(nameof(Text), message);
            }
            return Page();
        }
        await MinutesSynonyms.SaveAsync(db, tenant.MunicipalityId!.Value, groups.Value!, ct);
        Flash($"同義語を保存しました（{groups.Value!.Count}組）。次の検索から使われます。");
        return RedirectToPage();
    }

    private void Title() => SetTitle("会議録検索の同義語", CouncilCrumbs.Top, new Crumb("会議録の検索", "/council/minutes/search"));
}
