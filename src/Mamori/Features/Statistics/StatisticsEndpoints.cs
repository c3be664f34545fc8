using System.Globalization;
using Mamori.Core.Data;
using Mamori.Core.Features.Statistics;
using Mamori.Core.Japanese;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mamori.Features.Statistics;

/// <summary>/api/v1/statistics/{dataset}: the computed table, the same shape as <c>mamori stats report --json</c>; the writing endpoints are in the other part.</summary>
public static partial class StatisticsEndpoints
{
    public sealed record ReportResponse(string Dataset, string Name, string? Period, IReadOnlyList<string> Periods, IReadOnlyList<Dictionary<string, object>> Rows);

    public static RouteGroupBuilder MapStatisticsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/statistics/{dataset}", Report).RequireAuthorization(Policies.StatisticsRead).WithTags("統計").WithSummary("統計の表（計算した率・合計つき）");
        MapWriteEndpoints(api.MapGroup("/statistics").WithTags("統計"));
        return api;
    }

    /// <summary>The table as JSON: each row's period (or fiscal year) and name, then every column, rates as numbers (91.9).</summary>
    public static ReportResponse ToResponse(StatReport report) =>
        new(report.Definition.Key, report.Definition.Name, report.Period, report.Periods, report.Rows.Select(r => Row(report, r)).ToList());

    private static Dictionary<string, object> Row(StatReport report, StatReportRow row)
    {
        var json = new Dictionary<string, object>(StringComparer.Ordinal);
        if (report.Definition.PeriodKind == PeriodKind.FiscalYear)
        {
            json["fiscalYear"] = int.Parse(row.Period, CultureInfo.InvariantCulture);
        }
        else
        {
            json["period"] = row.Period;
        }
        json["name"] = row.Label;
        foreach (var c in report.Definition.Columns)
        {
            json[c.Key] = row.Value(c.Key) is { } v ? (c.IsInput ? (object)(long)v : v) : null!;
        }
        if (report.Definition.PeriodKind == PeriodKind.AsOfDate)
        {
            json["own"] = row.IsOwn;
        }
        return json;
    }

    private static async Task<Results<Ok<ReportResponse>, NotFound, Refusal>> Report(string dataset, string? asOf, AppDbContext db, CancellationToken ct)
    {
        if (await StatDatasets.FindAsync(db, db.Tenant.MunicipalityId!.Value, dataset, ct) is not { } definition)
        {
            return TypedResults.NotFound();
        }
        string? period = null;
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            if (!WarekiDate.TryParse(asOf, out var day, out var error))
            {
                return ApiResults.Invalid(new Dictionary<string, string[]> { ["asOf"] = [error!] }, "基準日を確認してください。");
            }
            period = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return TypedResults.Ok(ToResponse(await StatisticsTables.ReportAsync(db, db.Tenant.MunicipalityId!.Value, definition, period, ct)));
    }
}
