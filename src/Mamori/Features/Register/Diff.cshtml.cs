using Mamori.Core.Data;
using Mamori.Core.Features.Register;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Register;

/// <summary>The fields that changed between two published versions.</summary>
[Authorize(Policy = Policies.RegisterRead)]
public sealed class DiffModel(AppDbContext db) : MamoriPageModel
{
    public Guid Id { get; private set; }
    public int From { get; private set; }
    public int To { get; private set; }
    public DateOnly FromDate { get; private set; }
    public DateOnly ToDate { get; private set; }
    public string Reason { get; private set; } = string.Empty;
    public IReadOnlyList<RegisterChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, int from, int to, CancellationToken ct)
    {
        var versions = await db.PersonalInfoFileVersions.AsNoTracking()
            .Where(v => v.FileId == id && (v.Number == from || v.Number == to)).ToListAsync(ct);
        var a = versions.FirstOrDefault(v => v.Number == from);
        var b = versions.FirstOrDefault(v => v.Number == to);
        if (a is null || b is null || !await db.PersonalInfoFiles.AnyAsync(f => f.Id == id, ct))
        {
            return NotFound();
        }
        (Id, From, To, FromDate, ToDate, Reason) = (id, from, to, a.RevisedOn, b.RevisedOn, b.Reason);
        Changes = RegisterContent.Diff(RegisterContent.FromJson(a.Snapshot), RegisterContent.FromJson(b.Snapshot));
        SetTitle("改訂の差分", new Crumb("個人情報ファイル簿", "/register"), new Crumb(RegisterContent.FromJson(b.Snapshot).Name, $"/register/{id}"));
        return Page();
    }
}
