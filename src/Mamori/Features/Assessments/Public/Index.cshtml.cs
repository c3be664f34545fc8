using Mamori.Core.Data;
using Mamori.Core.Features.Assessments;
using Mamori.Features.Register.Public;
using Mamori.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Assessments.Public;

/// <summary>公開ページ: the published version of each business's evaluation document, for anyone.</summary>
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db) : MamoriPageModel
{
    public sealed record Row(string Business, string Department, PiaLevel Level, DateOnly? PublishedOn, AssessmentDocument Document);

    public string Code { get; private set; } = string.Empty;
    public string MunicipalityName { get; private set; } = string.Empty;
    public List<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var m = await PublicMunicipality.EnterAsync(db, code, ct);
        if (m is null)
        {
            return NotFound();
        }
        (Code, MunicipalityName) = (m.Code, m.Name);
        var rows = await (from d in db.AssessmentDocuments.AsNoTracking()
                          join b in db.AssessedBusinesses.AsNoTracking() on d.BusinessId equals b.Id
                          join a in db.Assessments.AsNoTracking() on d.AssessmentId equals a.Id
                          join dep in db.Departments.AsNoTracking() on b.DepartmentId equals dep.Id
                          where d.IsPublished
                          orderby b.Name
                          select new { Business = b.Name, Department = dep.Name, a.Level, a.PublishedOn, d }).ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.Business, r.Department, r.Level, r.PublishedOn, r.d)).ToList();
        SetTitle($"{m.Name} 特定個人情報保護評価書");
        return Page();
    }
}
