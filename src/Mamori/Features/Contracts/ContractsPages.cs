using Mamori.Core.Data;
using Mamori.Core.Features.Systems;
using Mamori.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Contracts;

/// <summary>What the contract pages share: the breadcrumb root and the names of linked systems and files.</summary>
public static class ContractsPages
{
    public static Crumb Root { get; } = new("委託契約・再委託", "/contracts");

    /// <summary>The systems and register files the user may see, by id, as the forms and sheets name them.</summary>
    public static async Task<(Dictionary<Guid, string> Systems, Dictionary<Guid, string> Files)> LinksAsync(AppDbContext db, CancellationToken ct)
    {
        var systems = await db.BusinessSystems.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        return (systems.ToDictionary(s => s.Id, s => s.Name), await SystemLinks.FilesAsync(db, ct));
    }
}
