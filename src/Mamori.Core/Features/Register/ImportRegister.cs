using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Register;

/// <summary>What an import did, or the problems that stopped it (then nothing was written).</summary>
public sealed record ImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<ImportProblem> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// Imports the register from CSV (UTF-8 or Shift_JIS) or .xlsx in the export's column layout. Every row
/// is checked first; one problem anywhere and nothing is written. A file is identified by its 整理番号,
/// so importing the same file twice changes nothing the second time.
/// </summary>
public static class ImportRegister
{
    private static readonly string[] RequiredColumns = ["整理番号", "個人情報ファイルの名称", "保有課", "利用目的", "記録項目", "記録範囲", "収集方法"];

    private static readonly Dictionary<string, string> ColumnOfField = new(StringComparer.Ordinal)
    {
        ["FileNumber"] = "整理番号",
        ["Name"] = "個人情報ファイルの名称",
        ["DepartmentId"] = "保有課",
        ["Purpose"] = "利用目的",
        ["RecordItems"] = "記録項目",
        ["RecordScope"] = "記録範囲",
        ["CollectionMethods"] = "収集方法",
        ["SensitiveKinds"] = "要配慮個人情報の種類",
        ["SubjectCount"] = "本人の数",
        ["Remarks"] = "備考",
        ["RegularRecipients"] = "経常的提供先",
        ["OrdinanceSensitive"] = "条例要配慮個人情報",
    };

    public static async Task<ImportResult> RunAsync(AppDbContext db, CsvTable table, CancellationToken ct)
    {
        var problems = new List<ImportProblem>();
        foreach (var column in RequiredColumns.Where(c => table.IndexOf(c) < 0))
        {
            problems.Add(new ImportProblem(1, column, $"列「{column}」がありません。書き出したファイルと同じ見出しを1行目に置いてください。"));
        }
        if (problems.Count > 0)
        {
            return new ImportResult(0, 0, 0, problems);
        }

        var departments = await DepartmentTree.LoadAsync(db, ct);
        var ordinanceCategories = await RegisterWorkflow.OrdinanceCategoriesAsync(db, ct);
        var existing = await db.PersonalInfoFiles.IgnoreQueryFilters([AppDbContext.DepartmentFilter])
            .ToDictionaryAsync(f => f.FileNumber, StringComparer.Ordinal, ct);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var inputs = new List<(int Row, RegisterInput Input)>();

        foreach (var row in table.Rows)
        {
            string Get(string column) => table.IndexOf(column) is var i and >= 0 ? Unescape(row[i]) : string.Empty;
            void Problem(string column, string message) => problems.Add(new ImportProblem(row.RowNumber, column, message));

            var departmentText = Get("保有課");
            var department = departments.FirstOrDefault(d => d.Label == departmentText)
                ?? (departments.Count(d => d.Name == departmentText) == 1 ? departments.First(d => d.Name == departmentText) : null);
            if (department is null && departmentText.Length > 0)
            {
                Problem("保有課", $"保有課「{departmentText}」が見つかりません。部署の名称（例：区民部 / 戸籍住民課）で入力してください。");
            }
            else if (department is not null && db.Tenant.RestrictToDepartment && department.Id != db.Tenant.DepartmentId)
            {
                Problem("保有課", $"保有課「{departmentText}」は自分の課ではありません。所管課は自分の課のファイルだけを取り込めます。");
            }

            long? subjects = null;
            var subjectText = Get("本人の数");
            if (subjectText.Length > 0)
            {
                if (JapaneseNumber.TryParse(subjectText, out var n))
                {
                    subjects = n;
                }
                else
                {
                    Problem("本人の数", $"「{subjectText}」は数として読めません。12345 や 12,345 のように入力してください。");
                }
            }
            var sensitive = YesNo(Get("要配慮個人情報"), "あり", "含む", out var sensitiveOk);
            if (!sensitiveOk)
            {
                Problem("要配慮個人情報", $"「{Get("要配慮個人情報")}」は使えません。「あり」か「なし」で入力してください。");
            }
            var specific = YesNo(Get("特定個人情報ファイル"), "該当", "あり", out var specificOk);
            if (!specificOk)
            {
                Problem("特定個人情報ファイル", $"「{Get("特定個人情報ファイル")}」は使えません。「該当」か「非該当」で入力してください。");
            }
            var form = FileForm.Electronic;
            if (Get("ファイルの形態") is { Length: > 0 } formText && !RegisterNames.TryParseForm(formText, out form))
            {
                Problem("ファイルの形態", $"「{formText}」は使えません。電算処理ファイル・マニュアル処理ファイル・電算・マニュアルのいずれかです。");
            }

            var input = new RegisterInput(Get("整理番号"), Get("個人情報ファイルの名称"), department?.Id, Get("利用目的"), Get("記録項目"), Get("記録範囲"),
                Get("収集方法"), sensitive, Get("要配慮個人情報の種類"), Get("条例要配慮個人情報"), Get("経常的提供先"), Get("開示請求等を受理する組織"),
                Get("訂正・利用停止の他法令特例"), subjects, specific, form, Get("備考"));
            var errors = new FieldErrors();
            RegisterWorkflow.Validate(input, errors);
            RegisterWorkflow.CheckOrdinanceCategories(input.OrdinanceSensitive, ordinanceCategories, errors);
            foreach (var (field, messages) in errors.ToDictionary())
            {
                if (field == "DepartmentId" && departmentText.Length > 0)
                {
                    continue;
                }
                foreach (var message in messages)
                {
                    Problem(ColumnOfField.GetValueOrDefault(field, field), message);
                }
            }

            var number = RegisterWorkflow.NormalizeFileNumber(input.FileNumber);
            if (number.Length > 0)
            {
                if (seen.TryGetValue(number, out var firstRow))
                {
                    Problem("整理番号", $"整理番号 {number} が {firstRow} 行目と重複しています。");
                }
                else
                {
                    seen[number] = row.RowNumber;
                }
                if (existing.TryGetValue(number, out var current))
                {
                    if (db.Tenant.RestrictToDepartment && current.DepartmentId != db.Tenant.DepartmentId)
                    {
                        Problem("整理番号", $"整理番号 {number} は他の課のファイルです。");
                    }
                    else if (current.Status == RegisterStatus.Removed)
                    {
                        Problem("整理番号", $"整理番号 {number} は消除済みのファイルです。別の整理番号にしてください。");
                    }
                    else if (current.Status == RegisterStatus.Submitted && db.Tenant.RestrictToDepartment)
                    {
                        Problem("整理番号", $"整理番号 {number} は事務局の確認待ちのため変更できません。");
                    }
                }
            }
            inputs.Add((row.RowNumber, input));
        }

        if (problems.Count > 0)
        {
            return new ImportResult(0, 0, 0, problems.OrderBy(p => p.Row).ToList());
        }
        if (inputs.Count == 0)
        {
            return new ImportResult(0, 0, 0, [new ImportProblem(2, "", "取り込む行がありません。2 行目からデータを入れてください。")]);
        }

        int created = 0, updated = 0, unchanged = 0;
        foreach (var (_, input) in inputs)
        {
            var number = RegisterWorkflow.NormalizeFileNumber(input.FileNumber);
            if (existing.TryGetValue(number, out var file))
            {
                var before = RegisterContent.Of(file, "").ToJson();
                RegisterWorkflow.Apply(file, input);
                if (RegisterContent.Of(file, "").ToJson() == before)
                {
                    unchanged++;
                    continue;
                }
                RegisterWorkflow.MarkChanged(file);
                updated++;
            }
            else
            {
                file = new PersonalInfoFile { FileNumber = number, Name = input.Name!.Trim(), Status = RegisterStatus.Draft };
                RegisterWorkflow.Apply(file, input);
                db.PersonalInfoFiles.Add(file);
                created++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new ImportResult(created, updated, unchanged, []);
    }

    /// <summary>A cell our export escaped (' before = + - @) comes back as the text it was.</summary>
    private static string Unescape(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' ? cell[1..] : cell;

    private static bool YesNo(string text, string yes, string altYes, out bool ok)
    {
        var t = text.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        ok = true;
        if (t.Length == 0 || t is "なし" or "含まない" or "非該当" or "無" or "×" or "いいえ")
        {
            return false;
        }
        if (t == yes || t == altYes || t is "有" or "○" or "はい" or "該当")
        {
            return true;
        }
        ok = false;
        return false;
    }
}
