using System.Security.Cryptography;
using System.Text;

namespace Mamori.Core.Features.Reports;

/// <summary>A template Mamori ships: the office copies it and edits the copy.</summary>
public sealed record BuiltInReportTemplate(string Key, string Name, string Title, string Description, IReadOnlyList<ReportSection> Sections);

/// <summary>
/// The two report shapes the special wards give their councils: the 住基ネット report under a security ordinance
/// (cover, 目次, one chapter per part, periods mixed) and the セキュリティ対策の実施状況 in ten items.
/// </summary>
public static class BuiltInReportTemplates
{
    private static ReportPeriod FiscalYear(int yearsBefore = 0) => new(ReportPeriodKind.FiscalYear, yearsBefore);

    /// <summary>A section key that stays the same in every copy, so that a municipality's reports match up year to year.</summary>
    private static Guid Key(string template, int n) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{template}/{n}")).AsSpan(0, 16));

    private static ReportSection Data(string template, int n, string heading, ReportSource source, ReportPeriod period, string? dataset = null, bool chart = false, string? note = null) =>
        new() { Key = Key(template, n), Heading = heading, Source = source, Period = period, Dataset = dataset, Chart = chart, Note = note };

    private static ReportSection Text(string template, int n, string heading, string text) =>
        new() { Key = Key(template, n), Heading = heading, Source = ReportSource.Narrative, Text = text };

    public static BuiltInReportTemplate ResidentNetwork { get; } = new("juki-net-ordinance", "住基ネット運用状況報告（条例に基づく報告）",
        "住民基本台帳ネットワークシステムの運用状況について",
        "表紙・目次に続き、はじめに、調査表による点検（報告年度）、CSルームの入退室（前年度）、訓練（報告年度）、マイナンバーカード（報告年度末までの最新の基準日）、コンビニ交付（報告年度の10月31日時点）、住基ネットの利用実績（前年度）、今後の取組。",
        [
            Text("juki-net-ordinance", 1, "はじめに", "住民基本台帳ネットワークシステムのセキュリティ対策に関する条例に基づき、住基ネットの運用状況を報告します。"),
            Data("juki-net-ordinance", 2, "住基ネット調査表による点検結果", ReportSource.Checklist, FiscalYear()),
            Data("juki-net-ordinance", 3, "CSルームの入退室状況", ReportSource.RoomLog, FiscalYear(1)),
            Data("juki-net-ordinance", 4, "緊急時対応訓練の実施状況", ReportSource.Drills, FiscalYear()),
            Data("juki-net-ordinance", 5, "マイナンバーカードの交付状況", ReportSource.Statistics, new ReportPeriod(ReportPeriodKind.AsOf), "mynumber-cards", chart: true),
            Data("juki-net-ordinance", 6, "コンビニ交付の実績", ReportSource.Statistics, new ReportPeriod(ReportPeriodKind.FiscalYearToDate, 0, 10, 31), "convenience"),
            Data("juki-net-ordinance", 7, "住基ネットの利用実績", ReportSource.Statistics, FiscalYear(1), "juki-net"),
            Text("juki-net-ordinance", 8, "今後の取組", "引き続き、関係法令及び条例に基づき、住基ネットの適正な管理に努めます。"),
        ]);

    public static BuiltInReportTemplate SecurityMeasures { get; } = new("security-measures", "セキュリティ対策の実施状況（10項目）",
        "住民基本台帳ネットワークシステムに係るセキュリティ対策の実施状況",
        "体制、統合端末、利用実績、会議、定期監査（前年度の指摘と対応）、端末の監査、CSIRT・訓練、入退室、カードの交付、調査表による点検の10項目。",
        [
            Text("security-measures", 1, "セキュリティ体制", "セキュリティ統括責任者、システム管理者及びセキュリティ責任者を置き、責任体制を明確にしています。"),
            Data("security-measures", 2, "統合端末の設置状況", ReportSource.Terminals, new ReportPeriod(ReportPeriodKind.AsOf)),
            Data("security-measures", 3, "住基ネットの利用実績", ReportSource.Statistics, FiscalYear(), "juki-net"),
            Text("security-measures", 4, "セキュリティ会議の開催", "セキュリティ会議を開催し、役職者一覧及び緊急連絡網を確認しました。"),
            Data("security-measures", 5, "定期監査の実施結果（前年度の指摘事項と対応）", ReportSource.Findings, FiscalYear(1)),
            Data("security-measures", 6, "統合端末の監査", ReportSource.TerminalAudits, FiscalYear()),
            Data("security-measures", 7, "CSIRT・緊急時対応訓練", ReportSource.Drills, FiscalYear()),
            Data("security-measures", 8, "CSルームの入退室状況", ReportSource.RoomLog, FiscalYear()),
            Data("security-measures", 9, "マイナンバーカードの交付状況", ReportSource.Statistics, new ReportPeriod(ReportPeriodKind.AsOf), "mynumber-cards", chart: true),
            Data("security-measures", 10, "住基ネット調査表による点検結果", ReportSource.Checklist, FiscalYear()),
        ]);

    public static IReadOnlyList<BuiltInReportTemplate> All { get; } = [ResidentNetwork, SecurityMeasures];

    public static BuiltInReportTemplate? Find(string? key) => All.FirstOrDefault(t => t.Key == key);
}
