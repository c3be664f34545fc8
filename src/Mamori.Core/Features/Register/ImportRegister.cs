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

    /// <summary>What every row is checked against: the departments, the ordinance's categories and the files already registered.</summary>
    private sealed record Known(IReadOnlyList<DepartmentNode> Departments, IReadOnlyList<string> OrdinanceCategories,
        Dictionary<string, PersonalInfoFile> Existing, Dictionary<string, int> Seen);

    /// <summary>One row being read: its cells by column, and its problems named by row and column.</summary>
    private sealed class Row(CsvTable table, CsvRow row, List<ImportProblem> problems)
    {
        public int Number => row.RowNumber;

        public string Get(string column) => table.IndexOf(column) is var i and >= 0 ? Unescape(row[i]) : string.Empty;

        public void Problem(string column, string message) => problems.Add(new ImportProblem(row.RowNumber, column, message));
    }

    /// <summary>
    /// Reads every row, and stores them only when no row has a problem: a file with one bad cell changes nothing and
    /// every problem is listed at once (row and column named).
    /// </summary>
    public static async Task<ImportResult> RunAsync(AppDbContext db, CsvTable table, CancellationToken ct)
    {
        var problems = RequiredColumns.Where(c => table.IndexOf(c) < 0)
            .Select(c => new ImportProblem(1, c, $"列「{c}」がありません。書き出したファイルと同じ見出しを1行目に置いてください。")).ToList();
        if (problems.Count > 0)
        {
            return new ImportResult(0, 0, 0, problems);
        }
        var known = new Known(await DepartmentTree.LoadAsync(db, ct), await RegisterWorkflow.OrdinanceCategoriesAsync(db, ct),
            await db.PersonalInfoFiles.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).ToDictionaryAsync(f => f.FileNumber, StringComparer.Ordinal, ct),
            new Dictionary<string, int>(StringComparer.Ordinal));
        var inputs = new List<RegisterInput>();
        foreach (var csvRow in table.Rows)
        {
            var row = new Row(table, csvRow, problems);
            var (input, departmentText) = ReadRow(row, known, db.Tenant);
            CheckRules(row, input, departmentText, known);
            CheckNumber(row, input, known, db.Tenant);
            inputs.Add(input);
        }
        if (problems.Count > 0)
        {
            return new ImportResult(0, 0, 0, problems.OrderBy(p => p.Row).ToList());
        }
        if (inputs.Count == 0)
        {
            return new ImportResult(0, 0, 0, [new ImportProblem(2, "", "取り込む行がありません。2 行目からデータを入れてください。")]);
        }
        return await StoreAsync(db, inputs, known.Existing, ct);
    }

    /// <summary>The row as a register entry; a cell that cannot be read is a problem of its column.</summary>
    private static (RegisterInput Input, string DepartmentText) ReadRow(Row row, Known known, CurrentTenant tenant)
    {
        var departmentText = row.Get("保有課");
        var department = known.Departments.FirstOrDefault(d => d.Label == departmentText)
            ?? (known.Departments.Count(d => d.Name == departmentText) == 1 ? known.Departments.First(d => d.Name == departmentText) : null);
        if (department is null && departmentText.Length > 0)
        {
            row.Problem("保有課", $"保有課「{departmentText}」が見つかりません。部署の名称（例：区民部 / 戸籍住民課）で入力してください。");
        }
        else if (department is not null && tenant.RestrictToDepartment && department.Id != tenant.DepartmentId)
        {
            row.Problem("保有課", $"保有課「{departmentText}」は自分の課ではありません。所管課は自分の課のファイルだけを取り込めます。");
        }

        long? subjects = null;
        var subjectText = row.Get("本人の数");
        if (subjectText.Length > 0)
        {
            if (JapaneseNumber.TryParse(subjectText, out var n))
            {
                subjects = n;
            }
            else
            {
                row.Problem("本人の数", $"「{subjectText}」は数として読めません。12345 や 12,345 のように入力してください。");
            }
        }
        var sensitive = YesNo(row.Get("要配慮個人情報"), "あり", "含む", out var sensitiveOk);
        if (!sensitiveOk)
        {
            row.Problem("要配慮個人情報", $"「{row.Get("要配慮個人情報")}」は使えません。「あり」か「なし」で入力してください。");
        }
        var specific = YesNo(row.Get("特定個人情報ファイル"), "該当", "あり", out var specificOk);
        if (!specificOk)
        {
            row.Problem("特定個人情報ファイル", $"「{row.Get("特定個人情報ファイル")}」は使えません。「該当」か「非該当」で入力してください。");
        }
        var form = FileForm.Electronic;
        if (row.Get("ファイルの形態") is { Length: > 0 } formText && !RegisterNames.TryParseForm(formText, out form))
        {
            row.Problem("ファイルの形態", $"「{formText}」は使えません。電算処理ファイル・マニュアル処理ファイル・電算・マニュアルのいずれかです。");
        }

        return (new RegisterInput
        {
            FileNumber = row.Get("整理番号"),
            Name = row.Get("個人情報ファイルの名称"),
            DepartmentId = department?.Id,
            Purpose = row.Get("利用目的"),
            RecordItems = row.Get("記録項目"),
            RecordScope = row.Get("記録範囲"),
            CollectionMethods = row.Get("収集方法"),
            HasSensitive = sensitive,
            SensitiveKinds = row.Get("要配慮個人情報の種類"),
            OrdinanceSensitive = row.Get("条例要配慮個人情報"),
            RegularRecipients = row.Get("経常的提供先"),
            RequestOffice = row.Get("開示請求等を受理する組織"),
            SpecialProvisions = row.Get("訂正・利用停止の他法令特例"),
            SubjectCount = subjects,
            IsSpecificPersonalInfo = specific,
            Form = form,
            Remarks = row.Get("備考"),
        }, departmentText);
    }

    /// <summary>The same rules as the form, reported under the column the field came from.</summary>
    private static void CheckRules(Row row, RegisterInput input, string departmentText, Known known)
    {
        var errors = new FieldErrors();
        RegisterWorkflow.Validate(input, errors);
        RegisterWorkflow.CheckOrdinanceCategories(input.OrdinanceSensitive, known.OrdinanceCategories, errors);
        foreach (var (field, messages) in errors.ToDictionary())
        {
            // An unknown 保有課 was already named with the text as written.
            if (field == "DepartmentId" && departmentText.Length > 0)
            {
                continue;
            }
            foreach (var message in messages)
            {
                row.Problem(ColumnOfField.GetValueOrDefault(field, field), message);
            }
        }
    }

    /// <summary>整理番号: once per file, and a file that exists must be one this user may change.</summary>
    private static void CheckNumber(Row row, RegisterInput input, Known known, CurrentTenant tenant)
    {
        var number = RegisterWorkflow.NormalizeFileNumber(input.FileNumber);
        if (number.Length == 0)
        {
            return;
        }
        if (!known.Seen.TryAdd(number, row.Number))
        {
            row.Problem("整理番号", $"整理番号 {number} が {known.Seen[number]} 行目と重複しています。");
        }
        if (!known.Existing.TryGetValue(number, out var current))
        {
            return;
        }
        if (tenant.RestrictToDepartment && current.DepartmentId != tenant.DepartmentId)
        {
            row.Problem("整理番号", $"整理番号 {number} は他の課のファイルです。");
        }
        else if (current.Status == RegisterStatus.Removed)
        {
            row.Problem("整理番号", $"整理番号 {number} は消除済みのファイルです。別の整理番号にしてください。");
        }
        else if (current.Status == RegisterStatus.Submitted && tenant.RestrictToDepartment)
        {
            row.Problem("整理番号", $"整理番号 {number} は事務局の確認待ちのため変更できません。");
        }
    }

    /// <summary>Creates the new files and changes the existing ones in one save; a row equal to what is stored changes nothing.</summary>
    private static async Task<ImportResult> StoreAsync(AppDbContext db, List<RegisterInput> inputs, Dictionary<string, PersonalInfoFile> existing, CancellationToken ct)
    {
        int created = 0, updated = 0, unchanged = 0;
        foreach (var input in inputs)
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
