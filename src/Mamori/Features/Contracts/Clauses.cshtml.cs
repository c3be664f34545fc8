using Mamori.Core.Data;
using Mamori.Core.Features.Contracts;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Contracts;

/// <summary>特記事項のひな形: the clauses every contract must contain, as the office keeps them.</summary>
[Authorize(Policy = Policies.ContractsManage)]
public sealed class ClausesModel(AppDbContext db) : MamoriPageModel
{
    [BindProperty] public string? Required { get; set; }
    [BindProperty] public Guid? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Required = string.Join("\n", await ClauseTemplate.RequiredAsync(db, ct));
        Version = await db.ClauseTemplates.AsNoTracking().Select(t => (Guid?)t.Version).FirstOrDefaultAsync(ct);
        SetTitle("特記事項のひな形", ContractsPages.Root);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await ClauseTemplate.SaveAsync(db, (Required ?? "").Split('\n'), Version, ct);
        if (outcome.Ok)
        {
            Flash($"特記事項のひな形を保存しました（{outcome.Value!.Required.Count} 項目）。");
            return Redirect("/contracts/clauses");
        }
        AddErrors(outcome, "");
        SetTitle("特記事項のひな形", ContractsPages.Root);
        return Page();
    }
}
