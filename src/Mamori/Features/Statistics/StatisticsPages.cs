using Mamori.Core.Csv;
using Mamori.Core.Features.Statistics;
using Mamori.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Statistics;

/// <summary>What the statistics pages share: the breadcrumb root, the downloads and the sort links.</summary>
public static class StatisticsPages
{
    public static Crumb Root { get; } = new("統計", "/statistics");

    /// <summary>The file name of a download: マイナンバーカード交付状況_2023-10-31.csv, コンビニ交付_年度別.xlsx.</summary>
    public static string FileName(StatReport report, string extension) =>
        $"{report.Definition.Name}_{report.Period ?? "年度別"}.{extension}";

    /// <summary>The table as CSV (UTF-8 with BOM or Shift_JIS): figures without separators, rates with one decimal.</summary>
    public static FileContentResult Csv(StatReport report, string? encoding)
    {
        var enc = CsvEncodings.FromName(encoding);
        var (headers, cells) = report.ToCells(separators: false);
        return new FileContentResult(CsvWriter.ToBytes(enc, headers, cells), CsvEncodings.ContentType(enc)) { FileDownloadName = FileName(report, "csv") };
    }

    /// <summary>The table as a workbook, figures as numbers.</summary>
    public static FileContentResult Xlsx(StatReport report) =>
        new(report.ToXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") { FileDownloadName = FileName(report, "xlsx") };
}

/// <summary>The model of the <c>_StatReport</c> partial: the table, the page it is on (/statistics/x or the public one) and its order.</summary>
public sealed record StatReportView(StatReport Report, string PagePath, string? Sort, bool Descending);
