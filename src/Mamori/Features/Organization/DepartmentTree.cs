using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Organization;

/// <summary>The 部/課 tree in display order, with labels like 「区民部 / 戸籍住民課」 for select lists.</summary>
public sealed record DepartmentNode(Guid Id, Guid? ParentId, string Name, string Label, string? Code, bool IsActive, int Depth, Guid Version);

public static class DepartmentTree
{
    public static async Task<List<DepartmentNode>> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var all = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name).ToListAsync(ct);
        var result = new List<DepartmentNode>();
        foreach (var top in all.Where(d => d.ParentId is null))
        {
            result.Add(Node(top, null, 0));
            result.AddRange(all.Where(d => d.ParentId == top.Id).Select(child => Node(child, top, 1)));
        }
        return result;
    }

    private static DepartmentNode Node(Department d, Department? parent, int depth) =>
        new(d.Id, d.ParentId, d.Name, parent is null ? d.Name : $"{parent.Name} / {d.Name}", d.Code, d.IsActive, depth, d.Version);
}
