using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.AccessMonitoring;

/// <summary>処理の状況: the module's background jobs with their progress; the page refreshes itself while one is running.</summary>
[Authorize(Policy = Policies.AccessWrite)]
public sealed class JobsModel(AppDbContext db) : MamoriPageModel
{
    public IReadOnlyList<AccessJob> Jobs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetTitle("処理の状況", AccessPages.Root, new Crumb("ログとマスタ・分析", "/access/data"));
        Jobs = await db.AccessJobs.AsNoTracking().OrderByDescending(j => j.RequestedAt).Take(50).ToListAsync(ct);
        if (Jobs.Any(j => j.State is AccessJobState.Queued or AccessJobState.Running))
        {
            ViewData["RefreshSeconds"] = 2;
        }
    }
}
