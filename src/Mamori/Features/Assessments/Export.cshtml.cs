using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Assessments;
using Mamori.Core.Japanese;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Features.Assessments;

/// <summary>The PIA dashboard as CSV (UTF-8 with BOM, or Shift_JIS), in the order of the page.</summary>
[Authorize(Policy = Policies.AssessmentsRead)]
public sealed class ExportModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? encoding, CancellationToken ct)
    {
        var today = JapanTime.Today(clock);
        var rows = await AssessmentQueries.DashboardAsync(db, today, ct);
        var csvEncoding = CsvEncodings.FromName(encoding);
        var bytes = CsvWriter.ToBytes(csvEncoding,
            ["事務", "所管課", "対象人数", "取扱者数", "しきい値判断", "評価の種類", "前回の評価", "前回の公表日", "次に行うこと", "期限", "状況"],
            rows.Select(r => new[]
            {
                r.Business.Name, r.DepartmentName, r.Business.SubjectCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Business.Handlers.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Position.Judgment.Reason, r.Position.Level.JapaneseName(),
                r.Position.Last?.Kind.JapaneseName(), r.Position.Last?.CompletedOn is { } on ? WarekiDate.Format(on) : null,
                r.Position.Next?.What, r.Position.Next is { } n ? WarekiDate.Format(n.DueOn) : null, r.Position.Next?.State.JapaneseName(),
            }));
        return File(bytes, CsvEncodings.ContentType(csvEncoding), $"特定個人情報保護評価_{today:yyyyMMdd}.csv");
    }
}
