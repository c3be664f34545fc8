using Mamori.Core.Data;
using Mamori.Core.Features.Audit;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Audit;

[Authorize(Policy = Policies.AuditRead)]
public sealed class DetailModel(AppDbContext db) : MamoriPageModel
{
    public AuditEntry? Entry { get; private set; }

    public async Task<IActionResult> OnGetAsync(long sequence, CancellationToken ct)
    {
        Entry = await db.AuditEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Sequence == sequence, ct);
        if (Entry is null)
        {
            return NotFound();
        }
        SetTitle($"監査ログ 連番 {sequence}", new Crumb("監査ログ", "/audit"));
        return Page();
    }
}
