using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Audit;
using Mamori.Core.Japanese;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Audit;

/// <summary>The filtered audit trail as CSV, for handing to an inspector.</summary>
[Authorize(Policy = Policies.AuditRead)]
public sealed class ExportModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? from, string? to, string? entity, AuditAction? action, string? actor, string? encoding, CancellationToken ct)
    {
        DateOnly? Date(string? s) => WarekiDate.TryParse(s, out var d, out _) ? d : null;
        var rows = await new AuditFilter(Date(from), Date(to), entity, action, actor).Apply(db).ToListAsync(ct);
        var csvEncoding = CsvEncodings.FromName(encoding);
        var bytes = CsvWriter.ToBytes(csvEncoding,
            ["連番", "日時（JST）", "操作者", "操作", "対象", "対象ID", "変更内容", "ハッシュ"],
            rows.Select(e => new[]
            {
                e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), JapanTime.FromUtc(e.OccurredAt).ToString("yyyy/MM/dd HH:mm:ss"),
                e.ActorName, e.Action.JapaneseName(), AuditLabels.EntityName(e.EntityType), e.EntityKey, e.Changes, e.Hash,
            }));
        return File(bytes, CsvEncodings.ContentType(csvEncoding),
            $"監査ログ_{JapanTime.Today(clock):yyyyMMdd}.csv");
    }
}
