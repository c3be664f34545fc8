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
    private static readonly RegisterItem[] RequiredColumns =
    [
        RegisterItems.Name, RegisterItems.Department, RegisterItems.Purpose, RegisterItems.RecordItems, RegisterItems.RecordScope, RegisterItems.Collection,
    ];

    private static readonly Dictionary<string, RegisterItem> ColumnOfField = new(StringComparer.Ordinal)
    {
        ["FileNumber"] = RegisterItems.FileNumber,
        ["Name"] = RegisterItems.Name,
        ["DepartmentId"] = RegisterItems.Department,
        ["Purpose"] = RegisterItems.Purpose,
        ["RecordItems"] = RegisterItems.RecordItems,
        ["RecordScope"] = RegisterItems.RecordScope,
        ["CollectionMethods"] = RegisterItems.Collection,
        ["SensitiveKinds"] = RegisterItems.SensitiveKinds,
        ["SubjectCount"] = RegisterItems.SubjectCount,
        ["Remarks"] = RegisterItems.Remarks,
        ["RegularRecipients"] = RegisterItems.Recipients,
        ["OrdinanceSensitive"] = RegisterItems.Ordinance,
        ["AgencyName"] = RegisterItems.Agency,
        ["RequestOfficeAddress"] = RegisterItems.RequestAddress,
        ["ProposalOffice"] = RegisterItems.ProposalOffice,
        ["ProposalOfficeAddress"] = RegisterItems.ProposalAddress,
        ["AnonymizedSummary"] = RegisterItems.AnonymizedSummary,
        ["NoProposalReason"] = RegisterItems.NoProposalReason,
    };

    /// <summary>What every row is checked against: the departments, the ordinance's categories and the files already registered.</summary>
    private sealed record Known(IReadOnlyList<DepartmentNode> Departments, IReadOnlyList<string> OrdinanceCategories,
        Dictionary<string, PersonalInfoFile> Existing, Dictionary<string, int> Seen, string DefaultAgency);

    /// <summary>One row being read: its cells by item, and its problems named by row and column.</summary>
    private sealed class Row(RegisterTable table, CsvRow row, List<ImportProblem> problems)
    {
        public int Number => row.RowNumber;

        public string Get(RegisterItem item) => Unescape(table.Get(row, item)).Trim();

        public void Problem(RegisterItem item, string message) => problems.Add(new ImportProblem(row.RowNumber, item.Label, message));
    }

    /// <summary>
    /// Reads every row, and stores them only when no row has a problem: a file with one bad cell changes nothing and
    /// every problem is listed at once (row and column named).
    /// </summary>
    public static async Task<ImportResult> RunAsync(AppDbContext db, CsvTable file, CancellationToken ct)
    {
        var table = RegisterTable.Read(file);
        var problems = RequiredColumns.Where(c => !table.Has(c))
            .Select(c => new ImportProblem(table.HeadingRow, c.Label,
                $"列「{c.Label}」がありません。見出しの行に「{c.Label}」（または「{string.Join("」「", c.Aliases.Take(2))}」）の列を置いてください。")).ToList();
        if (problems.Count > 0)
        {
            return new ImportResult(0, 0, 0, problems);
        }
        var known = new Known(await DepartmentTree.LoadAsync(db, ct), await RegisterWorkflow.OrdinanceCategoriesAsync(db, ct),
            await db.PersonalInfoFiles.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).ToDictionaryAsync(f => f.FileNumber, StringComparer.Ordinal, ct),
            new Dictionary<string, int>(StringComparer.Ordinal), await RegisterWorkflow.DefaultAgencyAsync(db, ct));
        var inputs = new List<RegisterInput>();
        foreach (var csvRow in table.Table.Rows.Where(r => !IsNote(r)))
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

    /// <summary>A line under the table that is not a file: a single cell of notes (「※本人の数は…」「注」).</summary>
    private static bool IsNote(CsvRow row) =>
        row.Cells.Count(c => c.Trim().Length > 0) == 1 && row.Cells.First(c => c.Trim().Length > 0).Trim() is var t
            && (t.StartsWith('※') || t.StartsWith('注') || t.StartsWith('＊') || t.StartsWith('*'));

    /// <summary>A department as an office writes it: 「区民部 / 戸籍住民課」, 「区民部戸籍住民課」, 「戸籍住民課」 (when only one has the name).</summary>
    private static DepartmentNode? FindDepartment(IReadOnlyList<DepartmentNode> departments, string text)
    {
        static string Key(string s) => new(s.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && c is not '/' and not '／').ToArray());
        var key = Key(text);
        return departments.FirstOrDefault(d => d.Label == text)
            ?? departments.FirstOrDefault(d => Key(d.Label) == key)
            ?? (departments.Count(d => Key(d.Name) == key) == 1 ? departments.First(d => Key(d.Name) == key) : null);
    }

    /// <summary>The row as a register entry; a cell that cannot be read is a problem of its column.</summary>
    private static (RegisterInput Input, string DepartmentText) ReadRow(Row row, Known known, CurrentTenant tenant)
    {
        var departmentText = row.Get(RegisterItems.Department);
        var department = FindDepartment(known.Departments, departmentText);
        if (department is null && departmentText.Length > 0)
        {
            row.Problem(RegisterItems.Department, $"「{departmentText}」という部署が見つかりません。部署の名称（例：区民部 / 戸籍住民課）で入力してください。");
        }
        else if (department is not null && tenant.RestrictToDepartment && department.Id != tenant.DepartmentId)
        {
            row.Problem(RegisterItems.Department, $"「{departmentText}」は自分の課ではありません。所管課は自分の課のファイルだけを取り込めます。");
        }

        long? subjects = null;
        var subjectText = row.Get(RegisterItems.SubjectCount);
        if (subjectText.Length > 0 && !(subjectText is "不明" or "-" or "―" or "－"))
        {
            if (JapaneseNumber.TryParse(subjectText.TrimEnd('人'), out var n))
            {
                subjects = n;
            }
            else
            {
                row.Problem(RegisterItems.SubjectCount, $"「{subjectText}」は数として読めません。12345 や 12,345 のように入力してください。");
            }
        }
        var form = FileForm.Electronic;
        if (row.Get(RegisterItems.Form) is { Length: > 0 } formText && !RegisterNames.TryParseForm(formText, out form))
        {
            row.Problem(RegisterItems.Form, $"「{formText}」は使えません。電算処理ファイル・マニュアル処理ファイル・電算・マニュアルのいずれかです。");
        }

        return (new RegisterInput
        {
            FileNumber = row.Get(RegisterItems.FileNumber),
            Name = row.Get(RegisterItems.Name),
            AgencyName = row.Get(RegisterItems.Agency) is { Length: > 0 } agency ? agency : known.DefaultAgency,
            DepartmentId = department?.Id,
            Purpose = row.Get(RegisterItems.Purpose),
            RecordItems = ListCell(row.Get(RegisterItems.RecordItems)),
            RecordScope = row.Get(RegisterItems.RecordScope),
            CollectionMethods = ListCell(row.Get(RegisterItems.Collection)),
            HasSensitive = YesNo(row, RegisterItems.Sensitive, "「含む」か「含まない」"),
            SensitiveKinds = row.Get(RegisterItems.SensitiveKinds),
            OrdinanceSensitive = ListCell(row.Get(RegisterItems.Ordinance)),
            RegularRecipients = None(row.Get(RegisterItems.Recipients)),
            RequestOffice = row.Get(RegisterItems.RequestOffice),
            RequestOfficeAddress = row.Get(RegisterItems.RequestAddress),
            SpecialProvisions = None(row.Get(RegisterItems.SpecialProvisions)),
            SubjectCount = subjects,
            IsSpecificPersonalInfo = YesNo(row, RegisterItems.Specific, "「該当」か「非該当」"),
            Form = form,
            HasRelatedManualFile = YesNo(row, RegisterItems.RelatedManual, "「有」か「無」"),
            InvitesProposals = YesNo(row, RegisterItems.InvitesProposals, "「該当」か「非該当」"),
            ProposalOffice = None(row.Get(RegisterItems.ProposalOffice)),
            ProposalOfficeAddress = None(row.Get(RegisterItems.ProposalAddress)),
            AnonymizedSummary = None(row.Get(RegisterItems.AnonymizedSummary)),
            NoProposalReason = None(row.Get(RegisterItems.NoProposalReason)),
            Remarks = row.Get(RegisterItems.Remarks),
        }, departmentText);
    }

    /// <summary>
    /// A list cell as one item per line: lines as Excel's Alt+Enter writes them, or one line split at 、 / ， / wide spaces
    /// (「氏名、住所、生年月日」; not at ・, which joins words such as 訂正・利用停止) — never at a 、 inside brackets (「住所（都道府県、市区町村）」).
    /// </summary>
    internal static string ListCell(string cell)
    {
        if (cell.Contains('\n', StringComparison.Ordinal))
        {
            return cell;
        }
        var items = new List<string>();
        var depth = 0;
        var current = new System.Text.StringBuilder();
        foreach (var c in cell)
        {
            depth += c is '（' or '(' or '「' ? 1 : c is '）' or ')' or '」' ? -1 : 0;
            if (depth <= 0 && c is '、' or '，' or '　')
            {
                items.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        items.Add(current.ToString());
        return string.Join('\n', items.Select(i => i.Trim()).Where(i => i.Length > 0));
    }

    /// <summary>「―」「なし」 in an optional text cell: nothing.</summary>
    private static string? None(string cell) => cell is "" or "―" or "-" or "－" or "ー" or "なし" or "無" or "該当なし" ? null : cell;

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
                row.Problem(ColumnOfField.GetValueOrDefault(field, RegisterItems.Remarks), message);
            }
        }
    }

    /// <summary>
    /// 整理番号: once per file, and a file that exists must be one this user may change. A 所管課 leaves a new file's number
    /// blank (Mamori assigns it); 事務局 may give any number.
    /// </summary>
    private static void CheckNumber(Row row, RegisterInput input, Known known, CurrentTenant tenant)
    {
        var number = RegisterWorkflow.NormalizeFileNumber(input.FileNumber);
        if (number.Length == 0)
        {
            return;
        }
        if (!known.Seen.TryAdd(number, row.Number))
        {
            row.Problem(RegisterItems.FileNumber, $"整理番号 {number} が {known.Seen[number]} 行目と重複しています。");
        }
        if (!known.Existing.TryGetValue(number, out var current))
        {
            if (tenant.RestrictToDepartment)
            {
                row.Problem(RegisterItems.FileNumber, $"整理番号 {number} のファイルはありません。整理番号は事務局が付けます。新しいファイルは空欄にしてください。");
            }
            return;
        }
        if (tenant.RestrictToDepartment && current.DepartmentId != tenant.DepartmentId)
        {
            row.Problem(RegisterItems.FileNumber, $"整理番号 {number} は他の課のファイルです。");
        }
        else if (current.Status == RegisterStatus.Removed)
        {
            row.Problem(RegisterItems.FileNumber, $"整理番号 {number} は消除済みのファイルです。別の整理番号にしてください。");
        }
        else if (current.Status == RegisterStatus.Submitted && tenant.RestrictToDepartment)
        {
            row.Problem(RegisterItems.FileNumber, $"整理番号 {number} は事務局の確認待ちのため変更できません。");
        }
    }

    /// <summary>
    /// Creates the new files and changes the existing ones in one save; a row equal to what is stored changes nothing. New
    /// files without a number take the next ones of their departments when saved: should another import or form take
    /// some of them first, the batch is numbered again from what is stored by then (<see cref="NumberedSave"/>).
    /// </summary>
    private static async Task<ImportResult> StoreAsync(AppDbContext db, List<RegisterInput> inputs, Dictionary<string, PersonalInfoFile> existing, CancellationToken ct)
    {
        int created = 0, updated = 0, unchanged = 0;
        var numbered = new List<PersonalInfoFile>();
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
                if (number.Length == 0)
                {
                    numbered.Add(file);
                }
            }
        }
        var given = inputs.Select(i => RegisterWorkflow.NormalizeFileNumber(i.FileNumber)).Where(n => n.Length > 0).ToList();
        var failure = numbered.Count == 0
            ? await OptimisticSave.SaveAsync(db, inputs, ct) is { Ok: false } refused ? refused.Describe() : null
            : await NumberedSave.SaveAsync(db, numbered[0], nameof(PersonalInfoFile.FileNumber), () => FileNumbers.AssignAsync(db, numbered, given, ct), ct)
                is { Ok: false } taken ? taken.Describe() : null;
        return failure is null ? new ImportResult(created, updated, unchanged, [])
            : new ImportResult(0, 0, 0, [new ImportProblem(1, RegisterItems.FileNumber.Label, failure)]);
    }

    /// <summary>A cell our export escaped (' before = + - @) comes back as the text it was.</summary>
    private static string Unescape(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' ? cell[1..] : cell;

    /// <summary>A yes/no cell: 含む・有・該当・あり・○・はい for yes, blank or 含まない・無・非該当・なし・×・いいえ・― for no.</summary>
    private static bool YesNo(Row row, RegisterItem item, string expected)
    {
        var text = row.Get(item);
        var t = text.Normalize(System.Text.NormalizationForm.FormKC).Trim().Replace("□", "", StringComparison.Ordinal);
        if (t.Length == 0 || t is "なし" or "含まない" or "非該当" or "無" or "無し" or "×" or "いいえ" or "-" or "―" or "ー" or "■非該当" or "☑非該当")
        {
            return false;
        }
        if (t is "含む" or "あり" or "有り" or "有" or "○" or "〇" or "はい" or "該当" or "■該当" or "☑該当")
        {
            return true;
        }
        row.Problem(item, $"「{text}」は使えません。{expected}で入力してください。");
        return false;
    }
}
