using System.Globalization;
using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Register;

/// <summary>
/// 整理番号 as Mamori assigns them: the 課's prefix (its department code, or its name when it has none), a hyphen
/// and a running number of three digits or more, one past the highest of that prefix in the municipality
/// (「戸籍住民課-001」, 「0123-014」). 事務局 may change a number; a 所管課 gets the assigned one.
/// </summary>
public static class FileNumbers
{
    /// <summary>The prefix of a department's numbers.</summary>
    public static string Prefix(string? code, string name) => RegisterWorkflow.NormalizeFileNumber(string.IsNullOrWhiteSpace(code) ? name : code);

    /// <summary>The running number of <paramref name="number"/> under <paramref name="prefix"/>, or null when it is not one of its numbers.</summary>
    public static int? Running(string prefix, string number) =>
        number.Length > prefix.Length + 1 && number.StartsWith(prefix + "-", StringComparison.Ordinal)
            && int.TryParse(number.AsSpan(prefix.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>The number after the highest one of <paramref name="prefix"/> among <paramref name="taken"/>.</summary>
    public static string Next(string prefix, IEnumerable<string> taken)
    {
        var next = taken.Select(t => Running(prefix, t) ?? 0).DefaultIfEmpty(0).Max() + 1;
        return $"{prefix}-{next.ToString("000", CultureInfo.InvariantCulture)}";
    }

    /// <summary>The next number for a department of the current municipality (files of every department count).</summary>
    public static async Task<string> NextAsync(AppDbContext db, Guid departmentId, CancellationToken ct)
    {
        var department = await db.Departments.Where(d => d.Id == departmentId).Select(d => new { d.Code, d.Name }).FirstAsync(ct);
        var prefix = Prefix(department.Code, department.Name);
        var taken = await db.PersonalInfoFiles.IgnoreQueryFilters([AppDbContext.DepartmentFilter])
            .Where(f => f.FileNumber.StartsWith(prefix + "-")).Select(f => f.FileNumber).ToListAsync(ct);
        return Next(prefix, taken);
    }

    /// <summary>
    /// Numbers new files of an import in their order, each the next of its department after the numbers stored and those
    /// the import itself gives (<paramref name="given"/>).
    /// </summary>
    public static async Task AssignAsync(AppDbContext db, IReadOnlyList<PersonalInfoFile> files, IEnumerable<string> given, CancellationToken ct)
    {
        var prefixes = await db.Departments.ToDictionaryAsync(d => d.Id, d => Prefix(d.Code, d.Name), ct);
        var taken = (await db.PersonalInfoFiles.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AsNoTracking().Select(f => f.FileNumber).ToListAsync(ct))
            .Concat(given).ToList();
        foreach (var file in files)
        {
            file.FileNumber = Next(prefixes[file.DepartmentId], taken);
            taken.Add(file.FileNumber);
        }
    }
}
