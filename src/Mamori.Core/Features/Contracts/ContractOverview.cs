using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Reports;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Mamori.Core.Features.Contracts;

/// <summary>
/// The contracts the user sees with their re-consignments and documents, and what is wrong with each: required
/// 特記事項 missing, a re-consignment working without approval, a certification expired while the contract runs, a
/// contract ended without 返還・廃棄. The exceptions report and each contract's one-page sheet come from here.
/// </summary>
public sealed record ContractOverview(
    DateOnly Today,
    IReadOnlyList<string> Required,
    IReadOnlyList<Contract> Contracts,
    IReadOnlyList<Reconsignment> Reconsignments,
    IReadOnlyList<ContractDocument> Documents,
    IReadOnlyDictionary<Guid, string> Departments)
{
    /// <summary>The visits of the contracts, with what their inspections found: (findings, of which still open).</summary>
    public IReadOnlyList<(ContractVisit Visit, int Findings, int Open)> Visits { get; init; } = [];

    /// <summary>Every contract the user sees, or only <paramref name="contractId"/>.</summary>
    public static Task<ContractOverview> BuildAsync(AppDbContext db, DateOnly today, Guid? contractId, CancellationToken ct) =>
        BuildAsync(db, today, db.Contracts.Where(c => contractId == null || c.Id == contractId), ct);

    /// <summary>The contracts <paramref name="contracts"/> selects (within what the user sees).</summary>
    public static async Task<ContractOverview> BuildAsync(AppDbContext db, DateOnly today, IQueryable<Contract> contracts, CancellationToken ct)
    {
        var loaded = await contracts.AsNoTracking().Include(c => c.Certifications)
            .OrderByDescending(c => c.EndOn).ThenBy(c => c.Title).ToListAsync(ct);
        var ids = loaded.Select(c => c.Id).ToList();
        var reconsignments = await db.Reconsignments.AsNoTracking().Where(r => ids.Contains(r.ContractId)).OrderBy(r => r.Subcontractor).ToListAsync(ct);
        var documents = await db.ContractDocuments.AsNoTracking().Where(d => ids.Contains(d.ContractId)).OrderBy(d => d.UploadedAt).ToListAsync(ct);
        var departments = (await DepartmentTree.LoadAsync(db, ct)).ToDictionary(d => d.Id, d => d.Label);
        var visits = await db.ContractVisits.AsNoTracking().Where(v => ids.Contains(v.ContractId)).OrderBy(v => v.HeldOn).ToListAsync(ct);
        var inspections = visits.Select(v => v.InspectionId).ToList();
        var findings = await db.Findings.AsNoTracking().Where(f => inspections.Contains(f.InspectionId))
            .GroupBy(f => f.InspectionId)
            .Select(g => new { g.Key, Count = g.Count(), Open = g.Count(f => f.Status != FindingStatus.Confirmed) }).ToListAsync(ct);
        return new ContractOverview(today, await ClauseTemplate.RequiredAsync(db, ct), loaded, reconsignments, documents, departments)
        {
            Visits = visits.Select(v => findings.FirstOrDefault(f => f.Key == v.InspectionId) is { } f ? (v, f.Count, f.Open) : (v, 0, 0)).ToList(),
        };
    }

    public string Department(Contract c) => Departments.GetValueOrDefault(c.DepartmentId, "");

    /// <summary>Every problem of one contract, as the exceptions report prints it.</summary>
    public IReadOnlyList<string> Problems(Contract c)
    {
        var problems = new List<string>();
        if (ClauseTemplate.Missing(Required, c.Clauses) is { Count: > 0 } missing)
        {
            problems.Add($"特記事項の不足：{string.Join("、", missing)}");
        }
        foreach (var r in Reconsignments.Where(r => r.ContractId == c.Id && r.IsUnapproved(Today)))
        {
            problems.Add($"承認のない再委託：{r.Subcontractor}（{WarekiDate.Format(r.StartOn!.Value)}から・{r.Status.JapaneseName()}）");
        }
        if (c.EndOn >= Today)
        {
            foreach (var cert in c.Certifications.Where(x => !x.InForceOn(Today)))
            {
                problems.Add($"認証の期限切れ：{cert.Name}（{WarekiDate.Format(cert.ExpiresOn!.Value)}まで）");
            }
        }
        if (c.IsReturnOverdue(Today))
        {
            problems.Add($"返還・廃棄の記録なし（{WarekiDate.Format(c.EndOn)}に契約終了）");
        }
        return problems;
    }

    /// <summary>The contracts with at least one problem.</summary>
    public IReadOnlyList<(Contract Contract, IReadOnlyList<string> Problems)> Exceptions =>
        Contracts.Select(c => (c, Problems(c))).Where(x => x.Item2.Count > 0).ToList();

    public static string Period(Contract c) => $"{WarekiDate.Format(c.StartOn)}〜{WarekiDate.Format(c.EndOn)}";

    private static readonly string[] ExceptionHeaders = ["契約件名", "委託先", "所管課", "契約期間", "不備"];

    public PrintDocument ToExceptionsDocument() => new("委託契約の確認事項", [
        new PrintLine("委託契約の確認事項（特記事項・再委託・認証・返還廃棄）", LineAlign.Center, Bold: true, Large: true),
        new PrintLine($"{WarekiDate.Format(Today)}現在　対象 {Contracts.Count} 件のうち {Exceptions.Count} 件", LineAlign.Right),
        new PrintTable(ExceptionHeaders, Exceptions.Select(x => (IReadOnlyList<string>)[x.Contract.Title, x.Contract.Contractor, Department(x.Contract),
            Period(x.Contract), string.Join("\n", x.Problems)]).ToList(), [22, 16, 14, 16, 32]),
    ]);

    public byte[] ExceptionsXlsx()
    {
        var rows = Exceptions.SelectMany(x => x.Problems.Select(p => new Dictionary<string, object?>
        {
            ["契約件名"] = x.Contract.Title,
            ["委託先"] = x.Contract.Contractor,
            ["所管課"] = Department(x.Contract),
            ["契約期間"] = Period(x.Contract),
            ["不備"] = p,
        })).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Count > 0 ? rows : [ExceptionHeaders.ToDictionary(h => h, _ => (object?)null)], sheetName: "確認事項");
        return stream.ToArray();
    }

    /// <summary>
    /// One contract on one sheet, for the PPC: which clauses, which re-consignments, who approved them on what evidence,
    /// and whether the data was returned.
    /// </summary>
    public PrintDocument ToSheet(Contract c, IReadOnlyDictionary<Guid, string> systems, IReadOnlyDictionary<Guid, string> files)
    {
        string Docs(Guid? reconsignment, ContractDocumentKind kind) =>
            string.Join("、", Documents.Where(d => d.ContractId == c.Id && d.ReconsignmentId == reconsignment && d.Kind == kind).Select(d => d.FileName)) is { Length: > 0 } n ? n : "なし";
        var blocks = new List<PrintBlock>
        {
            new PrintLine("委託契約の確認票", LineAlign.Center, Bold: true, Large: true),
            new PrintLine($"{WarekiDate.Format(Today)}現在", LineAlign.Right),
            new PrintTable(["項目", "内容"],
            [
                ["契約件名", c.Title], ["委託先", c.Contractor], ["所管課", Department(c)], ["契約期間", Period(c)],
                ["業務の種類", c.WorkKinds.Count == 0 ? "－" : string.Join("、", c.WorkKinds)], ["作業場所", c.WorkPlace.JapaneseName()],
                ["情報システム", c.SystemIds.Count == 0 ? "－" : string.Join("、", c.SystemIds.Select(id => systems.GetValueOrDefault(id, "（閲覧できないシステム）")))],
                ["個人情報ファイル", c.RegisterFileIds.Count == 0 ? "－" : string.Join("\n", c.RegisterFileIds.Select(id => files.GetValueOrDefault(id, "（閲覧できないファイル）")))],
                ["取扱責任者", c.HandlingManager ?? "未登録"], ["取扱者", c.Handlers.Count == 0 ? "未登録" : string.Join("、", c.Handlers)],
                ["認証", c.Certifications.Count == 0 ? "なし" : string.Join("\n", c.Certifications.Select(x =>
                    $"{x.Name}{(x.Number is null ? "" : " " + x.Number)}{(x.ExpiresOn is { } e ? $"（{WarekiDate.Format(e)}まで{(x.InForceOn(Today) ? "" : "・期限切れ")}）" : "")}"))],
                ["返還・廃棄", c.ReturnedOn is { } r ? $"{WarekiDate.Format(r)}　{c.ReturnNote}（証明：{Docs(null, ContractDocumentKind.Disposal)}）" : c.IsReturnOverdue(Today) ? "記録なし（契約終了済み）" : "契約期間中"],
            ], [22, 78]),
            new PrintLine(""),
            new PrintLine("特記事項", Bold: true),
            new PrintTable(["必須の特記事項", "契約書"], Required.Select(x => (IReadOnlyList<string>)[x, ClauseTemplate.Missing([x], c.Clauses).Count == 0 ? "あり" : "なし（不足）"]).ToList(), [70, 30]),
        };
        var reconsignments = Reconsignments.Where(r => r.ContractId == c.Id).ToList();
        blocks.Add(new PrintLine(""));
        blocks.Add(new PrintLine("再委託", Bold: true));
        if (reconsignments.Count == 0)
        {
            blocks.Add(new PrintLine("再委託はありません。"));
        }
        else
        {
            foreach (var (item, i) in reconsignments.Select((x, i) => (x, i + 1)))
            {
                var parent = item.ParentId is { } p ? $"（{reconsignments.FirstOrDefault(x => x.Id == p)?.Subcontractor}からの再委託）" : "";
                blocks.Add(new PrintLine($"{i}. 再委託先：{item.Subcontractor}{parent}", Indent: 1));
                blocks.Add(new PrintTable(["項目", "内容"],
                [
                    ["再委託する業務", item.Work],
                    ["理由", item.Reason ?? "－"],
                    ["責任体制", $"{item.Responsibility ?? "未確認"}\n証跡：{Docs(item.Id, ContractDocumentKind.Responsibility)}"],
                    ["安全管理措置の具体的取組", $"{item.Measures ?? "未確認"}\n証跡：{Docs(item.Id, ContractDocumentKind.Measures)}"],
                    ["開始日", item.StartOn is { } start ? WarekiDate.Format(start) : "－"],
                    ["承認", item.DecidedOn is { } d ? $"{item.Status.JapaneseName()}（{WarekiDate.Format(d)}、{item.DecidedBy}）{item.DecisionNote}" : item.IsUnapproved(Today) ? "承認なしで開始" : "申請中"],
                ], [26, 74]));
            }
        }
        var visits = Visits.Where(v => v.Visit.ContractId == c.Id).ToList();
        blocks.Add(new PrintLine(""));
        blocks.Add(new PrintLine("実地調査・報告徴収", Bold: true));
        if (visits.Count == 0)
        {
            blocks.Add(new PrintLine("記録はありません。"));
        }
        else
        {
            blocks.Add(new PrintTable(["実施日", "種類・相手", "確認した内容", "指摘"], visits.Select(v => (IReadOnlyList<string>)
            [
                WarekiDate.Format(v.Visit.HeldOn),
                v.Visit.Kind.JapaneseName() + "\n" + (v.Visit.ReconsignmentId is { } rid ? reconsignments.FirstOrDefault(x => x.Id == rid)?.Subcontractor : c.Contractor),
                v.Visit.Summary,
                v.Findings == 0 ? "なし" : $"{v.Findings}件（うち未了 {v.Open}件）",
            ]).ToList(), [16, 22, 44, 18]));
        }
        if (Problems(c) is { Count: > 0 } problems)
        {
            blocks.Add(new PrintLine(""));
            blocks.Add(new PrintLine("確認事項", Bold: true));
            blocks.AddRange(problems.Select(p => new PrintLine("・" + p, Indent: 1)));
        }
        return new PrintDocument($"委託契約の確認票（{c.Title}）", blocks);
    }
}
