using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Organization;

/// <summary>A staff member as entered; <see cref="Version"/> is the one the editor loaded (null when creating).</summary>
public sealed record StaffInput
{
    public string? EmployeeNumber { get; init; }
    public string? Name { get; init; }
    public string? NameKana { get; init; }
    public Guid? DepartmentId { get; init; }
    public StaffStatus Status { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public Guid? Version { get; init; }
}

/// <summary>Japanese names of <see cref="StaffStatus"/>.</summary>
public static class StaffStatuses
{
    public static string JapaneseName(this StaffStatus status) => status switch
    {
        StaffStatus.Active => "在職",
        StaffStatus.OnLeave => "休職",
        StaffStatus.Retired => "退職",
        _ => status.ToString(),
    };
}

/// <summary>
/// Creates or updates a staff member. A 所管課 user may only place staff in its own department
/// (the context refuses anything else; this gives the readable message first).
/// </summary>
public static class SaveStaff
{
    public static async Task<Outcome<Staff>> RunAsync(AppDbContext db, Guid? id, StaffInput input, CancellationToken ct)
    {
        Staff? staff = null;
        if (id is { } existingId)
        {
            staff = await db.Staff.FirstOrDefaultAsync(s => s.Id == existingId, ct);
            if (staff is null)
            {
                return Outcome<Staff>.NotFound("職員が見つかりません。");
            }
        }

        var errors = new FieldErrors();
        if (errors.Required("EmployeeNumber", input.EmployeeNumber, "職員番号"))
        {
            errors.MaxLength("EmployeeNumber", input.EmployeeNumber, 20, "職員番号");
        }
        if (errors.Required("Name", input.Name, "氏名"))
        {
            errors.MaxLength("Name", input.Name, 100, "氏名");
        }
        errors.MaxLength("NameKana", input.NameKana, 100, "ふりがな");
        if (input.DepartmentId is not { } departmentId)
        {
            errors.Add("DepartmentId", "所属する部署を選んでください。");
        }
        else if (!await db.Departments.AnyAsync(d => d.Id == departmentId, ct))
        {
            errors.Add("DepartmentId", "選ばれた部署が見つかりません。");
        }
        else if (db.Tenant.RestrictToDepartment && departmentId != db.Tenant.DepartmentId)
        {
            errors.Add("DepartmentId", "所管課のアカウントでは、自分の部署の職員だけを登録できます。");
        }
        if (input.StartDate is { } start && input.EndDate is { } end && end < start)
        {
            errors.Add("EndDate", "退職日は着任日より後の日付にしてください。");
        }
        if (input.Status == StaffStatus.Retired && input.EndDate is null)
        {
            errors.Add("EndDate", "退職の場合は退職日を入力してください。");
        }
        var number = input.EmployeeNumber?.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        if (number is { Length: > 0 } && await db.Staff.IgnoreQueryFilters([AppDbContext.DepartmentFilter])
                .AnyAsync(s => s.EmployeeNumber == number && s.Id != id, ct))
        {
            errors.Add("EmployeeNumber", $"職員番号 {number} は既に登録されています。");
        }
        if (errors.Any)
        {
            return errors.Fail<Staff>();
        }

        if (staff is null)
        {
            staff = new Staff { EmployeeNumber = number!, Name = input.Name!.Trim() };
            db.Staff.Add(staff);
        }
        else
        {
            db.Entry(staff).Property(s => s.Version).OriginalValue = input.Version ?? Guid.Empty;
            staff.EmployeeNumber = number!;
            staff.Name = input.Name!.Trim();
        }
        staff.NameKana = string.IsNullOrWhiteSpace(input.NameKana) ? null : input.NameKana.Trim();
        staff.DepartmentId = input.DepartmentId!.Value;
        staff.Status = input.Status;
        staff.StartDate = input.StartDate;
        staff.EndDate = input.EndDate;

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == staff.Id, ct);
            db.Entry(staff).State = EntityState.Detached;
            return Outcome<Staff>.Conflict(current is null
                ? "この職員は他の人が削除しました。"
                : $"他の人が先にこの職員を更新しました（現在：{current.Name}、{current.Status.JapaneseName()}）。画面を開き直して、最新の内容に対して変更してください。");
        }
        return Outcome<Staff>.Success(staff);
    }

    /// <summary>Adds an absence period; periods of one person may not overlap.</summary>
    public static async Task<Outcome<AbsencePeriod>> AddAbsenceAsync(AppDbContext db, Guid staffId, DateOnly? start, DateOnly? end, string? reason, CancellationToken ct)
    {
        var staff = await db.Staff.Include(s => s.Absences).FirstOrDefaultAsync(s => s.Id == staffId, ct);
        if (staff is null)
        {
            return Outcome<AbsencePeriod>.NotFound("職員が見つかりません。");
        }
        var errors = new FieldErrors();
        if (start is null)
        {
            errors.Add("AbsenceStart", "開始日を入力してください。");
        }
        if (start is not null && end is not null && end < start)
        {
            errors.Add("AbsenceEnd", "終了日は開始日以降の日付にしてください。");
        }
        if (errors.Required("AbsenceReason", reason, "事由"))
        {
            errors.MaxLength("AbsenceReason", reason, 100, "事由");
        }
        if (start is { } s0)
        {
            var e0 = end ?? DateOnly.MaxValue;
            var overlap = staff.Absences.FirstOrDefault(a => a.Start <= e0 && (a.End ?? DateOnly.MaxValue) >= s0);
            if (overlap is not null)
            {
                errors.Add("AbsenceStart", $"既に登録されている期間（{Japanese.WarekiDate.Format(overlap.Start)}〜{(overlap.End is { } oe ? Japanese.WarekiDate.Format(oe) : "")}）と重なっています。");
            }
        }
        if (errors.Any)
        {
            return errors.Fail<AbsencePeriod>();
        }
        var absence = new AbsencePeriod { MunicipalityId = staff.MunicipalityId, StaffId = staff.Id, Start = start!.Value, End = end, Reason = reason!.Trim() };
        // Added explicitly: a child with a client-generated key found through a navigation would be taken for an existing row.
        db.AbsencePeriods.Add(absence);
        await db.SaveChangesAsync(ct);
        return Outcome<AbsencePeriod>.Success(absence);
    }
}
