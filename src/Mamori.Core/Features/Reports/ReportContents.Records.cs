using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Security;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Reports;

/// <summary>The sections read from the security and findings records.</summary>
public static partial class ReportContents
{
    private static async Task<SectionContent> ChecklistAsync(AppDbContext db, Guid municipalityId, ResolvedPeriod period, CancellationToken ct)
    {
        var checklists = await SecurityYearReport.ChecklistsAsync(db, municipalityId, period.Year, ct);
        return new SectionContent(SecurityReportBlocks.Checklists(checklists, period.Year.ToWareki()).ToList(), [new ReportSheet("点検結果", SecurityReportBlocks.ChecklistSheet(checklists))]);
    }

    private static async Task<SectionContent> RoomAsync(AppDbContext db, Guid municipalityId, ReportPeriodKind kind, ResolvedPeriod period, CancellationToken ct)
    {
        FiscalYearTable months;
        IReadOnlyList<FiscalYearTable>? years = null;
        IReadOnlyList<ReasonCount> reasons;
        if (kind == ReportPeriodKind.FiscalYear)
        {
            var summary = await RoomAccess.SummaryAsync(db, municipalityId, period.Year, YearsShown, ct);
            (months, years, reasons) = (summary.Year, summary.Years, summary.Reasons);
        }
        else
        {
            (months, reasons) = await RoomAccess.RangeAsync(db, municipalityId, period.Start ?? period.Year.Start, period.End, ct);
        }
        var sheets = SecurityYearReport.RoomSheets(new RoomSummary(years ?? [months], reasons))
            .Select(s => new ReportSheet(s.Key, (IReadOnlyList<Dictionary<string, object?>>)s.Value)).ToList();
        return new SectionContent(SecurityReportBlocks.Room(months, years, reasons, period.Label).ToList(), sheets);
    }

    private static async Task<SectionContent> DrillsAsync(AppDbContext db, ResolvedPeriod period, CancellationToken ct)
    {
        var from = period.Start ?? DateOnly.MinValue;
        var drills = await db.Drills.AsNoTracking().Where(d => d.HeldOn >= from && d.HeldOn <= period.End).OrderBy(d => d.HeldOn).ToListAsync(ct);
        return new SectionContent(SecurityReportBlocks.Drills(drills, period.Label).ToList(), [new ReportSheet("訓練", SecurityReportBlocks.DrillSheet(drills))]);
    }

    /// <summary>The terminals in place on the period's last day (installed by then, not yet removed).</summary>
    private static async Task<SectionContent> TerminalsAsync(AppDbContext db, ResolvedPeriod period, CancellationToken ct)
    {
        var day = period.End;
        var terminals = await db.Terminals.AsNoTracking()
            .Where(t => (t.InstalledOn == null || t.InstalledOn <= day) && (t.RemovedOn == null || t.RemovedOn > day))
            .OrderBy(t => t.Code).ToListAsync(ct);
        var departments = await DepartmentNamesAsync(db, ct);
        var blocks = new List<PrintBlock> { new PrintLine($"{WarekiDate.Format(day)}現在の設置台数　{N(terminals.Count)}台", Indent: 1) };
        if (terminals.Count > 0)
        {
            blocks.Add(new PrintTable(["端末番号", "設置場所", "設置課", "端末機管理責任者", "補助者", "ワイヤーロック確認日"],
                terminals.Select(t => (IReadOnlyList<string>)[t.Code, t.Place, t.DepartmentId is { } d ? departments.GetValueOrDefault(d, "") : "", t.Manager, t.Assistant ?? "",
                    t.WireLockCheckedOn is { } w ? WarekiDate.Format(w) : "未確認"]).ToList(), [12, 22, 18, 18, 14, 16]));
        }
        var sheet = terminals.Select(t => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["端末番号"] = t.Code,
            ["設置場所"] = t.Place,
            ["設置課"] = t.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null,
            ["端末機管理責任者"] = t.Manager,
            ["補助者"] = t.Assistant,
            ["ワイヤーロック確認日"] = t.WireLockCheckedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        return new SectionContent(blocks, [new ReportSheet("統合端末", sheet)]);
    }

    private static async Task<SectionContent> TerminalAuditsAsync(AppDbContext db, ResolvedPeriod period, CancellationToken ct)
    {
        var from = period.Start ?? DateOnly.MinValue;
        var audits = await db.TerminalAudits.AsNoTracking().Where(a => a.AuditedOn >= from && a.AuditedOn <= period.End)
            .Join(db.Terminals, a => a.TerminalId, t => t.Id, (a, t) => new { a.AuditedOn, a.Auditor, a.WireLockOk, a.Findings, t.Code, t.Place })
            .OrderBy(a => a.AuditedOn).ThenBy(a => a.Code).ToListAsync(ct);
        if (audits.Count == 0)
        {
            return SectionContent.Text($"{period.Label}に実施した統合端末の監査は登録されていません。");
        }
        var withFindings = audits.Count(a => !string.IsNullOrWhiteSpace(a.Findings));
        var blocks = new List<PrintBlock>
        {
            new PrintLine($"監査した端末 {N(audits.Count)}台（指摘事項のあった端末 {N(withFindings)}台）", Indent: 1),
            new PrintTable(["監査日", "端末", "監査者", "ワイヤーロック", "指摘事項・所見"],
                audits.Select(a => (IReadOnlyList<string>)[WarekiDate.Format(a.AuditedOn), $"{a.Code}（{a.Place}）", a.Auditor, a.WireLockOk ? "固定" : "未固定",
                    string.IsNullOrWhiteSpace(a.Findings) ? "なし" : a.Findings]).ToList(), [16, 24, 14, 12, 34]),
        };
        var sheet = audits.Select(a => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["監査日"] = a.AuditedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["端末番号"] = a.Code,
            ["設置場所"] = a.Place,
            ["監査者"] = a.Auditor,
            ["ワイヤーロック"] = a.WireLockOk ? "固定" : "未固定",
            ["指摘事項・所見"] = a.Findings,
        }).ToList();
        return new SectionContent(blocks, [new ReportSheet("端末監査", sheet)]);
    }

    /// <summary>The findings of the inspections that began in the period, with the countermeasure and where it stands.</summary>
    private static async Task<SectionContent> FindingsAsync(AppDbContext db, ResolvedPeriod period, CancellationToken ct)
    {
        var from = period.Start ?? DateOnly.MinValue;
        var inspections = await db.Inspections.AsNoTracking().Where(i => i.StartOn >= from && i.StartOn <= period.End).OrderBy(i => i.StartOn).ToListAsync(ct);
        if (inspections.Count == 0)
        {
            return SectionContent.Text($"{period.Label}に実施した検査・監査は登録されていません。");
        }
        var ids = inspections.Select(i => i.Id).ToList();
        var findings = await db.Findings.AsNoTracking().Where(f => ids.Contains(f.InspectionId)).OrderBy(f => f.Law).ThenBy(f => f.Number).ToListAsync(ct);
        var departments = await DepartmentNamesAsync(db, ct);
        var blocks = new List<PrintBlock>();
        var sheet = new List<Dictionary<string, object?>>();
        foreach (var inspection in inspections)
        {
            var own = findings.Where(f => f.InspectionId == inspection.Id).ToList();
            blocks.Add(new PrintLine($"{inspection.Title}（{inspection.Source.JapaneseName()}、{WarekiDate.Format(inspection.StartOn)}）　指摘事項 {own.Count}件", Indent: 1));
            if (own.Count == 0)
            {
                continue;
            }
            blocks.Add(new PrintTable(["指摘事項", "所管課", "区の対応", "状況"],
                own.Select(f => (IReadOnlyList<string>)[f.Heading, departments.GetValueOrDefault(f.DepartmentId, ""), f.Countermeasure ?? "（未記入）", f.Status.JapaneseName()]).ToList(),
                [34, 16, 36, 14]));
            sheet.AddRange(own.Select(f => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["検査・監査"] = inspection.Title,
                ["実施日"] = inspection.StartOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["指摘事項"] = f.Heading,
                ["所管課"] = departments.GetValueOrDefault(f.DepartmentId),
                ["区の対応"] = f.Countermeasure,
                ["状況"] = f.Status.JapaneseName(),
            }));
        }
        return new SectionContent(blocks, [new ReportSheet("指摘事項", sheet)]);
    }

    /// <summary>The incidents learned of in the period: how many of each kind, and each one's title and where it stands.</summary>
    private static async Task<SectionContent> IncidentsAsync(AppDbContext db, ResolvedPeriod period, CancellationToken ct)
    {
        var from = period.Start ?? DateOnly.MinValue;
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.LearnedOn >= from && i.LearnedOn <= period.End)
            .OrderBy(i => i.LearnedOn).ThenBy(i => i.Number)
            .Select(i => new { i.Number, i.Title, i.Kind, i.LearnedOn, i.AffectedCount, i.ClosedOn }).ToListAsync(ct);
        if (incidents.Count == 0)
        {
            return SectionContent.Text($"{period.Label}に認知した漏えい等事案はありません。");
        }
        var blocks = new List<PrintBlock>
        {
            new PrintLine($"認知した事案 {N(incidents.Count)}件（" + string.Join("、", incidents.GroupBy(i => i.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key.JapaneseName()} {g.Count()}件")) + "）", Indent: 1),
            new PrintTable(["番号", "件名", "区分", "認知日", "本人の数", "状況"],
                incidents.Select(i => (IReadOnlyList<string>)[i.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), i.Title, i.Kind.JapaneseName(),
                    WarekiDate.Format(i.LearnedOn), i.AffectedCount is { } n ? $"{N(n)}人" : "不明", i.ClosedOn is null ? "対応中" : "完了"]).ToList(),
                [8, 38, 12, 16, 12, 14]),
        };
        var sheet = incidents.Select(i => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["番号"] = i.Number,
            ["件名"] = i.Title,
            ["区分"] = i.Kind.JapaneseName(),
            ["認知日"] = i.LearnedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["本人の数"] = i.AffectedCount,
            ["状況"] = i.ClosedOn is null ? "対応中" : "完了",
        }).ToList();
        return new SectionContent(blocks, [new ReportSheet("漏えい等事案", sheet)]);
    }

    private static async Task<Dictionary<Guid, string>> DepartmentNamesAsync(AppDbContext db, CancellationToken ct) =>
        await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
}
