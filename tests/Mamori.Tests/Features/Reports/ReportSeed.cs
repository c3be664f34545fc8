using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Security;
using Mamori.Core.Features.Statistics;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Tests.Features.Reports;

/// <summary>
/// Records of several 年度 for the report tests, each figure distinct, so that a section reading the wrong period
/// shows a figure it must not: 令和4年度 (2022) and 令和5年度 (2023) of every source, and data after the report year.
/// </summary>
public static class ReportSeed
{
    public static Task AddAsync(MamoriFactory factory, TestTenant tenant) => factory.AsSystemAsync(async (_, db) =>
    {
        var m = tenant.MunicipalityId;
        var own = await db.Municipalities.IgnoreQueryFilters().Where(x => x.Id == m).Select(x => x.Name).FirstAsync();
        var template = new ChecklistTemplate { MunicipalityId = m, Name = "住基ネット調査表" };
        template.SetItems(ChecklistTemplate.DefaultItems);
        template.SetScale(ChecklistTemplate.DefaultScale);
        db.ChecklistTemplates.Add(template);
        foreach (var (year, low) in new[] { (2022, 1), (2023, 2) })
        {
            var a = new ChecklistAssessment { MunicipalityId = m, TemplateId = template.Id, FiscalYear = year, ClosedAt = factory.Clock.GetUtcNow().UtcDateTime };
            a.Answers.AddRange(template.Items.Select(i => new ChecklistAnswer { MunicipalityId = m, ItemNumber = i.Number, Value = i.Number is "3" or "5" ? low : 3 }));
            db.ChecklistAssessments.Add(a);
        }
        db.RoomEntries.AddRange(
            new RoomEntry { MunicipalityId = m, EnteredAt = new DateTime(2022, 5, 10, 1, 0, 0, DateTimeKind.Utc), Kind = RoomEntryKind.Staff, Organization = "情報管理課", Reason = "ログチェック" },
            new RoomEntry { MunicipalityId = m, EnteredAt = new DateTime(2022, 5, 11, 1, 0, 0, DateTimeKind.Utc), Kind = RoomEntryKind.Staff, Organization = "情報管理課", Reason = "ログチェック" },
            new RoomEntry { MunicipalityId = m, EnteredAt = new DateTime(2023, 6, 1, 1, 0, 0, DateTimeKind.Utc), Kind = RoomEntryKind.Vendor, Organization = "工事会社", Reason = "ネットワーク工事" });
        db.Drills.AddRange(
            new Drill { MunicipalityId = m, Title = "令和5年度の緊急時対応訓練", TargetGroup = "戸籍住民課", HeldOn = new DateOnly(2023, 11, 8), Content = "連絡訓練" },
            new Drill { MunicipalityId = m, Title = "令和4年度の緊急時対応訓練", TargetGroup = "戸籍住民課", HeldOn = new DateOnly(2022, 11, 8), Content = "連絡訓練" });
        StatRow Row(string dataset, string period, string label, int order, string json) =>
            new() { MunicipalityId = m, Dataset = dataset, Period = period, Label = label, SortOrder = order, ValuesJson = json };
        db.StatRows.AddRange(
            Row("mynumber-cards", "2023-10-31", own, 0, "{\"population\":16,\"applications\":1,\"issued\":8}"),
            Row("mynumber-cards", "2024-04-30", own, 0, "{\"population\":16,\"applications\":15,\"issued\":14}"),
            Row("convenience", "2022", "令和4年度", 0, "{\"residentRecord\":4101,\"sealRegistration\":4102,\"taxCertificate\":4103}"),
            Row("convenience", "2023", "令和5年度", 0, "{\"residentRecord\":5101,\"sealRegistration\":5102,\"taxCertificate\":5103}"),
            Row("juki-net", "2022", "令和4年度", 0, "{\"specialMoves\":4201,\"continuedUse\":4202,\"wideAreaIssuance\":4203}"),
            Row("juki-net", "2023", "令和5年度", 0, "{\"specialMoves\":5201,\"continuedUse\":5202,\"wideAreaIssuance\":5203}"));
        var kept = new Terminal { MunicipalityId = m, Code = "T-001", Place = "戸籍住民課窓口", Manager = "戸籍住民課長", InstalledOn = new DateOnly(2020, 4, 1), WireLockCheckedOn = new DateOnly(2023, 6, 1) };
        db.Terminals.AddRange(kept,
            new Terminal { MunicipalityId = m, Code = "T-002", Place = "撤去済みの出張所", Manager = "出張所長", InstalledOn = new DateOnly(2020, 4, 1), RemovedOn = new DateOnly(2023, 12, 1) },
            new Terminal { MunicipalityId = m, Code = "T-003", Place = "翌年度に設置の窓口", Manager = "区民課長", InstalledOn = new DateOnly(2024, 5, 1) });
        db.TerminalAudits.Add(new TerminalAudit { MunicipalityId = m, TerminalId = kept.Id, AuditedOn = new DateOnly(2023, 9, 1), Auditor = "情報政策課", Findings = "操作者カードの放置", WireLockOk = true });
        var lastYear = new Inspection { MunicipalityId = m, Title = "令和4年度 定期監査", StartOn = new DateOnly(2022, 7, 1) };
        var thisYear = new Inspection { MunicipalityId = m, Title = "令和5年度 定期監査", StartOn = new DateOnly(2023, 7, 1) };
        db.Inspections.AddRange(lastYear, thisYear);
        db.Findings.AddRange(
            new Finding { MunicipalityId = m, InspectionId = lastYear.Id, DepartmentId = tenant.OwnDepartmentId, Number = 1, Heading = "ワイヤーロックの未固定", Text = "固定されていなかった。", Countermeasure = "毎月点検する", Status = FindingStatus.Done },
            new Finding { MunicipalityId = m, InspectionId = thisYear.Id, DepartmentId = tenant.OwnDepartmentId, Number = 1, Heading = "今年度の指摘", Text = "今年度の指摘。" });
        await db.SaveChangesAsync();
        return 0;
    });
}
