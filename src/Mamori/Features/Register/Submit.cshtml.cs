using Mamori.Core.Data;
using Mamori.Core.Features.Register;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Register;

/// <summary>提出 (POST from the detail page).</summary>
[Authorize(Policy = Policies.RegisterWrite)]
public sealed class SubmitModel(AppDbContext db) : MamoriPageModel
{
    public IActionResult OnGet(Guid id) => Redirect($"/register/{id}");

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var outcome = await RegisterWorkflow.SubmitAsync(db, id, ct);
        Flash(outcome, "事務局へ提出しました。");
        return Redirect($"/register/{id}");
    }
}
