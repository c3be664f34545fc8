using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Mamori.Core.Features.MyNumber;

/// <summary>What a list import did: procedures added and changed, and those already the same.</summary>
public sealed record ProcedureImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<ImportProblem> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// Imports the list of 独自利用事務 in force (CSV in UTF-8 or CP932, or .xlsx), all or nothing: every row is checked first
/// and one problem anywhere stores nothing. A procedure is found by its 条例の項 and 事務の名称, so importing the same
/// list twice changes nothing; a new one is in force from its 施行日. The export writes the procedures in force in the
/// same columns, so a list taken out, corrected in Excel and brought back changes only what was corrected.
/// </summary>
public static class MyNumberImport
{
    public static readonly string[] Headers = ["条例の項", "事務の名称", "所管課", "条例", "個人番号を利用する事務の内容", "利用する特定個人情報", "情報連携", "情報連携の根拠", "施行日"];

    private static readonly string[] Required = ["条例の項", "事務の名称", "所管課", "条例", "個人番号を利用する事務の内容", "施行日"];

    public static async Task<ProcedureImportResult> RunAsync(AppDbContext db, Guid municipalityId, CsvTable table, CancellationToken ct)
    {
        var problems = new List<ImportProblem>();
        foreach (var column in Required.Where(c => table.IndexOf(c) < 0))
        {
            problems.Add(new ImportProblem(1, column, $"列「{column}」がありません。1行目に「{string.Join("・", Headers)}」の見出しを置いてください。"));
        }
        if (problems.Count > 0)
        {
            return new ProcedureImportResult(0, 0, 0, problems);
        }
        string Cell(CsvRow row, string column) => table.IndexOf(column) is var i and >= 0 ? row[i].Trim() : "";
        var departments = (await DepartmentTree.LoadAsync(db, ct)).ToList();
        var existing = await db.MyNumberProcedures.ToListAsync(ct);
        var rows = new List<(CsvRow Row, ProcedureInput Input, MyNumberProcedure? Match)>();
        var seen = new HashSet<(string, string)>();
        foreach (var row in table.Rows)
        {
            var before = problems.Count;
            foreach (var column in Required.Where(c => Cell(row, c).Length == 0))
            {
                problems.Add(new ImportProblem(row.RowNumber, column, $"「{column}」が空欄です。"));
            }
            var department = departments.FirstOrDefault(d => d.Label == Cell(row, "所管課") || d.Name == Cell(row, "所管課"));
            if (Cell(row, "所管課").Length > 0 && department is null)
            {
                problems.Add(new ImportProblem(row.RowNumber, "所管課", $"「{Cell(row, "所管課")}」という部署はありません（例：区民部 / 戸籍住民課）。"));
            }
            else if (department is not null && db.Tenant.RestrictToDepartment && department.Id != db.Tenant.DepartmentId)
            {
                problems.Add(new ImportProblem(row.RowNumber, "所管課", "自課の事務だけを取り込めます。"));
            }
            DateOnly? effective = null;
            if (Cell(row, "施行日").Length > 0)
            {
                if (WarekiDate.TryParse(Cell(row, "施行日"), out var day, out var error))
                {
                    effective = day;
                }
                else
                {
                    problems.Add(new ImportProblem(row.RowNumber, "施行日", error!));
                }
            }
            var linkage = Cell(row, "情報連携") switch
            {
                "" or "なし" or "無" or "×" or "いいえ" => (bool?)false,
                "あり" or "有" or "○" or "はい" => true,
                _ => null,
            };
            if (linkage is null)
            {
                problems.Add(new ImportProblem(row.RowNumber, "情報連携", $"「{Cell(row, "情報連携")}」は読めません。「あり」か「なし」と書いてください。"));
            }
            else if (linkage == true && Cell(row, "情報連携の根拠").Length == 0)
            {
                problems.Add(new ImportProblem(row.RowNumber, "情報連携の根拠", "情報連携を行う事務は、その根拠（主務省令の条項など）を書いてください。"));
            }
            var key = (Cell(row, "条例の項"), Cell(row, "事務の名称"));
            if (!seen.Add(key))
            {
                problems.Add(new ImportProblem(row.RowNumber, "事務の名称", $"「{key.Item1}」の「{key.Item2}」が2回あります。"));
            }
            foreach (var (column, max) in new[] { ("条例の項", 100), ("事務の名称", 200), ("条例", 300), ("個人番号を利用する事務の内容", 2000), ("利用する特定個人情報", 2000), ("情報連携の根拠", 500) })
            {
                if (Cell(row, column).Length > max)
                {
                    problems.Add(new ImportProblem(row.RowNumber, column, $"{max}文字以内にしてください（今は{Cell(row, column).Length}文字）。"));
                }
            }
            if (problems.Count > before)
            {
                continue;
            }
            rows.Add((row, new ProcedureInput
            {
                Row = key.Item1,
                Name = key.Item2,
                DepartmentId = department!.Id,
                Ordinance = Cell(row, "条例"),
                Purpose = Cell(row, "個人番号を利用する事務の内容"),
                Sources = Cell(row, "利用する特定個人情報") is { Length: > 0 } s ? s : null,
                UsesLinkage = linkage!.Value,
                LinkageBasis = linkage.Value && Cell(row, "情報連携の根拠") is { Length: > 0 } b ? b : null,
                EffectiveOn = effective,
            }, existing.FirstOrDefault(p => p.State == ProcedureState.InForce && p.Row == key.Item1 && p.Name == key.Item2)));
        }
        if (table.Rows.Count == 0)
        {
            problems.Add(new ImportProblem(2, "", "事務がありません。2行目から1行に1つずつ書いてください。"));
        }
        if (problems.Count > 0)
        {
            return new ProcedureImportResult(0, 0, 0, problems);
        }

        var (created, updated, unchanged) = (0, 0, 0);
        foreach (var (_, input, match) in rows)
        {
            var p = match;
            if (p is null)
            {
                p = new MyNumberProcedure { MunicipalityId = municipalityId, Name = input.Name!, Ordinance = "", Row = input.Row!, Purpose = "", State = ProcedureState.InForce };
                db.MyNumberProcedures.Add(p);
                created++;
            }
            else if (p.DepartmentId == input.DepartmentId && p.Ordinance == input.Ordinance && p.Purpose == input.Purpose && p.Sources == input.Sources
                && p.UsesLinkage == input.UsesLinkage && p.LinkageBasis == input.LinkageBasis && p.EffectiveOn == input.EffectiveOn)
            {
                unchanged++;
                continue;
            }
            else
            {
                updated++;
            }
            p.DepartmentId = input.DepartmentId!.Value;
            p.Ordinance = input.Ordinance!;
            p.Purpose = input.Purpose!;
            p.Sources = input.Sources;
            p.UsesLinkage = input.UsesLinkage;
            p.LinkageBasis = input.LinkageBasis;
            p.EffectiveOn = input.EffectiveOn;
        }
        await db.SaveChangesAsync(ct);
        return new ProcedureImportResult(created, updated, unchanged, []);
    }

    /// <summary>The procedures in force, in the import's columns (dates in 和暦, the department as 「部 / 課」).</summary>
    public static byte[] ToXlsx(IEnumerable<MyNumberProcedure> procedures, IReadOnlyDictionary<Guid, string> departments)
    {
        var rows = procedures.Where(p => p.State == ProcedureState.InForce).OrderBy(p => p.Row, StringComparer.Ordinal).ThenBy(p => p.Name)
            .Select(p => Headers.Zip(new object?[]
            {
                p.Row, p.Name, departments.GetValueOrDefault(p.DepartmentId, ""), p.Ordinance, p.Purpose, p.Sources, p.UsesLinkage ? "あり" : "なし", p.LinkageBasis,
                p.EffectiveOn is { } on ? WarekiDate.Format(on) : null,
            }).ToDictionary(x => x.First, x => x.Second)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Count > 0 ? rows : [Headers.ToDictionary(h => h, _ => (object?)null)], sheetName: "独自利用事務");
        return stream.ToArray();
    }
}
