using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Organization;

/// <summary>A department as entered; <see cref="Version"/> is the one the editor loaded (null when creating).</summary>
public sealed record DepartmentInput(string? Name, string? Code, Guid? ParentId, int SortOrder, bool IsActive, Guid? Version);

/// <summary>Creates or updates a 部 or 課. The tree has two levels: a 課's parent must be a 部.</summary>
public static class SaveDepartment
{
    public static async Task<Outcome<Department>> RunAsync(AppDbContext db, Guid? id, DepartmentInput input, CancellationToken ct)
    {
        Department? department = null;
        if (id is { } existingId)
        {
            department = await db.Departments.FirstOrDefaultAsync(d => d.Id == existingId, ct);
            if (department is null)
            {
                return Outcome<Department>.NotFound("部署が見つかりません。");
            }
        }

        var errors = new FieldErrors();
        if (errors.Required("Name", input.Name, "部署名"))
        {
            errors.MaxLength("Name", input.Name, 100, "部署名");
        }
        errors.MaxLength("Code", input.Code, 20, "部署コード");
        if (input.ParentId is { } parentId)
        {
            var parent = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == parentId, ct);
            if (parent is null)
            {
                errors.Add("ParentId", "上位の部が見つかりません。");
            }
            else if (parent.ParentId is not null)
            {
                errors.Add("ParentId", $"「{parent.Name}」は課なので、その下には部署を置けません。上位には部を選んでください。");
            }
            else if (parentId == id)
            {
                errors.Add("ParentId", "自分自身を上位の部にはできません。");
            }
            else if (id is not null && await db.Departments.AnyAsync(d => d.ParentId == id, ct))
            {
                errors.Add("ParentId", "この部署の下には課があるため、ほかの部の下には移せません。");
            }
        }
        var name = input.Name?.Trim();
        if (name is not null && await db.Departments.AnyAsync(d => d.Name == name && d.ParentId == input.ParentId && d.Id != id, ct))
        {
            errors.Add("Name", $"同じ部の下に「{name}」が既にあります。");
        }
        if (errors.Any)
        {
            return errors.Fail<Department>();
        }

        if (department is null)
        {
            department = new Department { Name = name! };
            db.Departments.Add(department);
        }
        else
        {
            db.Entry(department).Property(d => d.Version).OriginalValue = input.Version ?? Guid.Empty;
            department.Name = name!;
        }
        department.Code = string.IsNullOrWhiteSpace(input.Code) ? null : input.Code.Trim();
        department.ParentId = input.ParentId;
        department.SortOrder = input.SortOrder;
        department.IsActive = input.IsActive;

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == department.Id, ct);
            db.Entry(department).State = EntityState.Detached;
            return Outcome<Department>.Conflict(current is null
                ? "この部署は他の人が削除しました。"
                : $"他の人が先にこの部署を更新しました（現在の名称「{current.Name}」、{(current.IsActive ? "使用中" : "廃止")}）。画面を開き直して、最新の内容に対して変更してください。");
        }
        return Outcome<Department>.Success(department);
    }
}
