using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Organization;

/// <summary>A 部 or 課 with its label for select lists.</summary>
public sealed record DepartmentNode(Guid Id, Guid? ParentId, string Name, string Label, string? Code, bool IsActive, int Depth, Guid Version);

/// <summary>Loads the current municipality's organization tree.</summary>
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

    /// <summary>The departments the current user may assign a record to: all of them, or a 所管課's own.</summary>
    public static async Task<List<DepartmentNode>> AssignableAsync(AppDbContext db, CancellationToken ct)
    {
        var all = await LoadAsync(db, ct);
        return db.Tenant.RestrictToDepartment ? all.Where(d => d.Id == db.Tenant.DepartmentId).ToList() : all;
    }

    /// <summary>Department id → 「部 / 課」 label, for showing the 保有課 of many records at once.</summary>
    public static async Task<Dictionary<Guid, string>> LabelsAsync(AppDbContext db, CancellationToken ct) =>
        (await LoadAsync(db, ct)).ToDictionary(d => d.Id, d => d.Label);

    private static DepartmentNode Node(Department d, Department? parent, int depth) =>
        new(d.Id, d.ParentId, d.Name, parent is null ? d.Name : $"{parent.Name} / {d.Name}", d.Code, d.IsActive, depth, d.Version);
}
