using System.Globalization;
using Mamori.Core.Csv;
using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Security;

/// <summary>What one answer is set to on the answer form.</summary>
public sealed record AnswerInput(string ItemNumber, int? Value, string? Evidence, string? PlanMeasure, string? PlanOwner, DateOnly? PlanDueOn);

/// <summary>How an item changed from the previous assessment.</summary>
public enum ItemChange
{
    Same,
    Better,
    Worse,

    /// <summary>Not in the previous assessment, or not answered there.</summary>
    New,
}

/// <summary>One item of 今回 / 前回.</summary>
public sealed record ItemComparison(ChecklistItem Item, int? Current, int? Previous, ItemChange Change);

/// <summary>Checklist templates (import/export), assessments, answers, improvement plans and closing.</summary>
public static class Checklists
{
    public static readonly string[] TemplateHeaders = ["分類", "番号", "項目", "回答の根拠", "非公表"];
    public static readonly string[] ScaleHeaders = ["値", "回答"];
    public const string ItemsSheet = "項目";
    public const string ScaleSheet = "回答の選択肢";

    /// <summary>The label of a value on a scale ("3 運用している"), or the bare value when the scale lacks it.</summary>
    public static string Label(IReadOnlyList<ScaleOption> scale, int? value) =>
        value is null ? "未回答" : scale.FirstOrDefault(o => o.Value == value)?.Label ?? value.Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The highest value of a scale (運用している).</summary>
    public static int Top(IReadOnlyList<ScaleOption> scale) => scale.Count == 0 ? 0 : scale.Max(o => o.Value);

    /// <summary>Whether an answer needs an improvement plan: answered, applicable and below the top value.</summary>
    public static bool NeedsPlan(IReadOnlyList<ScaleOption> scale, int? value) =>
        value is { } v && v != ChecklistScore.NotApplicable && v < Top(scale);

    /// <summary>Reads a scale typed one option per line: "0 該当しない", "1：整備していない", "2,整備している".</summary>
    public static Outcome<List<ScaleOption>> ParseScale(string? text)
    {
        var options = new List<ScaleOption>();
        var errors = new FieldErrors();
        foreach (var (line, n) in (text ?? "").Split('\n').Select((l, i) => (l.Trim(), i + 1)).Where(x => x.Item1.Length > 0))
        {
            var normalized = line.Normalize(System.Text.NormalizationForm.FormKC);
            var cut = normalized.IndexOfAny([' ', ':', ',', '\t', '、']);
            if (cut <= 0 || !int.TryParse(normalized[..cut], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 99)
            {
                errors.Add("Scale", $"回答の選択肢の{n}行目「{line}」は読めません。「3 運用している」のように、値（0～99）と回答を並べてください。");
                continue;
            }
            var label = normalized[(cut + 1)..].Trim(' ', ':', ',', '\t', '、');
            if (label.Length == 0)
            {
                errors.Add("Scale", $"回答の選択肢の{n}行目に回答の文言がありません。");
                continue;
            }
            if (options.Any(o => o.Value == value))
            {
                errors.Add("Scale", $"回答の選択肢の値 {value} が2回あります。値は1回ずつにしてください。");
                continue;
            }
            options.Add(new ScaleOption(value, label));
        }
        if (!errors.Any && !options.Any(o => o.Value != ChecklistScore.NotApplicable))
        {
            errors.Add("Scale", "回答の選択肢を入力してください（0 は「該当しない」として評点から除きます。1 以上の値が必要です）。");
        }
        return errors.Any ? errors.Fail<List<ScaleOption>>() : Outcome<List<ScaleOption>>.Success(options.OrderBy(o => o.Value).ToList());
    }

    /// <summary>The scale as the form shows it, one option per line.</summary>
    public static string FormatScale(IEnumerable<ScaleOption> scale) =>
        string.Join('\n', scale.Select(o => $"{o.Value.ToString(CultureInfo.InvariantCulture)} {o.Label}"));

    /// <summary>
    /// Reads template items from a table with the columns 分類, 番号, 項目, 回答の根拠, 非公表 (○ / はい / 1 for
    /// never published). Every row is checked; problems name the row and column.
    /// </summary>
    public static (List<ChecklistItem> Items, List<ImportProblem> Problems) ReadItems(CsvTable table)
    {
        var problems = new List<ImportProblem>();
        foreach (var column in TemplateHeaders[..3].Where(c => table.IndexOf(c) < 0))
        {
            problems.Add(new ImportProblem(1, column, $"列「{column}」がありません。1行目に「{string.Join("・", TemplateHeaders)}」の見出しを置いてください。"));
        }
        if (problems.Count > 0)
        {
            return ([], problems);
        }
        var items = new List<ChecklistItem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            string Get(string column) => table.IndexOf(column) is var i and >= 0 ? row[i].Trim() : string.Empty;
            var category = Get("分類");
            var number = Get("番号").Normalize(System.Text.NormalizationForm.FormKC);
            var text = Get("項目");
            if (category.Length == 0)
            {
                problems.Add(new ImportProblem(row.RowNumber, "分類", "分類を入力してください（例：体制・規程等の整備）。"));
            }
            if (number.Length == 0)
            {
                problems.Add(new ImportProblem(row.RowNumber, "番号", "番号を入力してください（例：1、2-1）。"));
            }
            else if (number.Length > 40)
            {
                problems.Add(new ImportProblem(row.RowNumber, "番号", "番号は40文字以内にしてください。"));
            }
            else if (seen.TryGetValue(number, out var first))
            {
                problems.Add(new ImportProblem(row.RowNumber, "番号", $"番号 {number} が {first} 行目と重複しています。番号は項目ごとに別にしてください。"));
            }
            else
            {
                seen[number] = row.RowNumber;
            }
            if (text.Length == 0)
            {
                problems.Add(new ImportProblem(row.RowNumber, "項目", "項目（点検する内容）を入力してください。"));
            }
            else if (text.Length > 2000)
            {
                problems.Add(new ImportProblem(row.RowNumber, "項目", $"項目は2000文字以内にしてください（今は{text.Length}文字）。"));
            }
            var flag = Get("非公表");
            bool? never = flag switch
            {
                "" or "×" or "いいえ" or "0" or "公表" => false,
                "○" or "〇" or "はい" or "1" or "非公表" => true,
                _ => null,
            };
            if (never is null)
            {
                problems.Add(new ImportProblem(row.RowNumber, "非公表", $"「{flag}」は使えません。公表しない項目は「○」、それ以外は空欄にしてください。"));
            }
            items.Add(new ChecklistItem(category, number, text, Optional(Get("回答の根拠")), never ?? false));
        }
        if (items.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(2, "", "項目がありません。2行目から1行に1項目ずつ入れてください。"));
        }
        return (items, problems);
    }

    /// <summary>Reads the 回答の選択肢 sheet of a template workbook (値, 回答), when the workbook has one.</summary>
    public static (List<ScaleOption>? Scale, List<ImportProblem> Problems) ReadScaleSheet(byte[] workbook, string fileName)
    {
        var table = TableFile.ReadSheet(workbook, fileName, ScaleSheet);
        if (table is null)
        {
            return (null, []);
        }
        var text = string.Join('\n', table.Rows.Select(r => $"{r[0]} {r[1]}"));
        var outcome = ParseScale(text);
        return outcome.Ok
            ? (outcome.Value, [])
            : (null, outcome.Errors.SelectMany(e => e.Value).Select(m => new ImportProblem(1, ScaleSheet, m)).ToList());
    }

    /// <summary>Creates a template, or replaces the items and scale of one that has not been answered yet.</summary>
    public static async Task<Outcome<ChecklistTemplate>> SaveTemplateAsync(AppDbContext db, Guid municipalityId, Guid? id, string? name,
        IReadOnlyList<ChecklistItem> items, IReadOnlyList<ScaleOption> scale, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (errors.Required("Name", name, "調査表の名称"))
        {
            errors.MaxLength("Name", name, 200, "調査表の名称");
        }
        if (items.Count == 0)
        {
            errors.Add("Upload", "項目がありません。");
        }
        if (errors.Any)
        {
            return errors.Fail<ChecklistTemplate>();
        }
        ChecklistTemplate template;
        if (id is { } existing)
        {
            var found = await db.ChecklistTemplates.FirstOrDefaultAsync(t => t.Id == existing, ct);
            if (found is null)
            {
                return Outcome<ChecklistTemplate>.NotFound("調査表が見つかりません。");
            }
            if (await db.ChecklistAssessments.AnyAsync(a => a.TemplateId == existing, ct))
            {
                return Outcome<ChecklistTemplate>.Fail("Upload",
                    "この調査表にはすでに回答があるため、項目を差し替えられません。別の名称（例：令和7年度 住基ネット調査表）で新しい調査表として取り込んでください。");
            }
            template = found;
            template.Name = name!.Trim();
        }
        else
        {
            template = new ChecklistTemplate { MunicipalityId = municipalityId, Name = name!.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.ChecklistTemplates.Add(template);
        }
        template.SetItems(items);
        template.SetScale(scale);
        return await OptimisticSave.SaveAsync(db, template, ct);
    }

    /// <summary>The template's items as CSV in the import layout.</summary>
    public static byte[] TemplateCsv(ChecklistTemplate template, CsvEncoding encoding) =>
        CsvWriter.ToBytes(encoding, TemplateHeaders, template.Items.Select(i => new[] { i.Category, i.Number, i.Text, i.Guide, i.NeverPublished ? "○" : "" }));

    /// <summary>The template as a workbook: the items sheet in the import layout and the answer scale.</summary>
    public static byte[] TemplateXlsx(ChecklistTemplate template)
    {
        var items = template.Items.Select(i => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["分類"] = i.Category,
            ["番号"] = i.Number,
            ["項目"] = i.Text,
            ["回答の根拠"] = i.Guide,
            ["非公表"] = i.NeverPublished ? "○" : "",
        }).ToList();
        var scale = template.Scale.Select(o => new Dictionary<string, object?>(StringComparer.Ordinal) { ["値"] = o.Value, ["回答"] = o.Label }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [ItemsSheet] = items, [ScaleSheet] = scale });
        return stream.ToArray();
    }

    /// <summary>Starts an assessment of a template for a fiscal year and unit; one per template, year and unit.</summary>
    public static async Task<Outcome<ChecklistAssessment>> StartAsync(AppDbContext db, Guid templateId, int fiscalYear, Guid? departmentId, CancellationToken ct)
    {
        var template = await db.ChecklistTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId, ct);
        if (template is null)
        {
            return Outcome<ChecklistAssessment>.Fail("TemplateId", "調査表を選んでください。");
        }
        if (fiscalYear is < 1989 or > 2200)
        {
            return Outcome<ChecklistAssessment>.Fail("FiscalYear", "年度を選んでください。");
        }
        if (departmentId is { } d && !await db.Departments.AnyAsync(x => x.Id == d, ct))
        {
            return Outcome<ChecklistAssessment>.Fail("DepartmentId", "点検する部署が見つかりません。");
        }
        if (await db.ChecklistAssessments.AnyAsync(a => a.TemplateId == templateId && a.FiscalYear == fiscalYear && a.DepartmentId == departmentId, ct))
        {
            return Outcome<ChecklistAssessment>.Fail("FiscalYear", "この調査表・年度・部署の点検はすでにあります。一覧から開いてください。");
        }
        var assessment = new ChecklistAssessment { MunicipalityId = template.MunicipalityId, TemplateId = templateId, FiscalYear = fiscalYear, DepartmentId = departmentId };
        assessment.Answers.AddRange(template.Items.Select(i => new ChecklistAnswer { MunicipalityId = template.MunicipalityId, ItemNumber = i.Number }));
        db.ChecklistAssessments.Add(assessment);
        await db.SaveChangesAsync(ct);
        return Outcome<ChecklistAssessment>.Success(assessment);
    }

    /// <summary>Saves answers, evidence and plans. Values must be on the scale; a closed assessment is reopened first.</summary>
    public static async Task<Outcome<ChecklistAssessment>> SaveAnswersAsync(AppDbContext db, Guid id, IReadOnlyList<AnswerInput> inputs, DateOnly? answeredOn,
        Guid? version, CancellationToken ct)
    {
        var assessment = await db.ChecklistAssessments.Include(a => a.Answers).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assessment is null)
        {
            return Outcome<ChecklistAssessment>.NotFound("点検が見つかりません。");
        }
        if (assessment.IsClosed)
        {
            return Outcome<ChecklistAssessment>.Conflict("この点検は完了しています。直すときは「完了を取り消す」を押してから入力してください。");
        }
        if (version is { } v && v != assessment.Version)
        {
            return Outcome<ChecklistAssessment>.Conflict(OptimisticSave.ConflictMessage);
        }
        var template = await db.ChecklistTemplates.AsNoTracking().FirstAsync(t => t.Id == assessment.TemplateId, ct);
        var scale = template.Scale;
        var errors = new FieldErrors();
        foreach (var (input, index) in inputs.Select((x, i) => (x, i)))
        {
            var answer = assessment.Answers.FirstOrDefault(a => a.ItemNumber == input.ItemNumber);
            if (answer is null)
            {
                continue;
            }
            if (input.Value is { } value && scale.All(o => o.Value != value))
            {
                errors.Add($"Answers[{index}].Value", $"項目 {input.ItemNumber} の回答 {value} は選択肢にありません。");
                continue;
            }
            errors.MaxLength($"Answers[{index}].Evidence", input.Evidence, 4000, $"項目 {input.ItemNumber} の回答の根拠");
            errors.MaxLength($"Answers[{index}].PlanMeasure", input.PlanMeasure, 4000, $"項目 {input.ItemNumber} の改善策");
            errors.MaxLength($"Answers[{index}].PlanOwner", input.PlanOwner, 200, $"項目 {input.ItemNumber} の担当");
            answer.Value = input.Value;
            answer.Evidence = Optional(input.Evidence);
            answer.PlanMeasure = Optional(input.PlanMeasure);
            answer.PlanOwner = Optional(input.PlanOwner);
            answer.PlanDueOn = input.PlanDueOn;
        }
        if (errors.Any)
        {
            return errors.Fail<ChecklistAssessment>();
        }
        assessment.AnsweredOn = answeredOn;
        return await OptimisticSave.SaveAsync(db, assessment, ct);
    }

    /// <summary>What still stands between an assessment and closing: unanswered items and items below the top value without a plan.</summary>
    public static List<string> Blockers(ChecklistTemplate template, ChecklistAssessment assessment)
    {
        var scale = template.Scale;
        var answers = assessment.Answers.ToDictionary(a => a.ItemNumber, StringComparer.Ordinal);
        var blockers = new List<string>();
        foreach (var item in template.Items)
        {
            var answer = answers.GetValueOrDefault(item.Number);
            if (answer?.Value is null)
            {
                blockers.Add($"項目 {item.Number}「{Short(item.Text)}」が未回答です。");
            }
            else if (NeedsPlan(scale, answer.Value) && !answer.HasPlan)
            {
                blockers.Add($"項目 {item.Number}「{Short(item.Text)}」は「{Label(scale, answer.Value)}」のため、改善計画（改善策・担当・期限）を入力してください。");
            }
        }
        return blockers;
    }

    private static string Short(string text) => text.Length <= 30 ? text : text[..30] + "…";

    /// <summary>Closes an assessment when nothing blocks it.</summary>
    public static async Task<Outcome<ChecklistAssessment>> CloseAsync(AppDbContext db, Guid id, TimeProvider clock, CancellationToken ct)
    {
        var assessment = await db.ChecklistAssessments.Include(a => a.Answers).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assessment is null)
        {
            return Outcome<ChecklistAssessment>.NotFound("点検が見つかりません。");
        }
        if (assessment.IsClosed)
        {
            return Outcome<ChecklistAssessment>.Success(assessment);
        }
        var template = await db.ChecklistTemplates.AsNoTracking().FirstAsync(t => t.Id == assessment.TemplateId, ct);
        var blockers = Blockers(template, assessment);
        if (blockers.Count > 0)
        {
            return Outcome<ChecklistAssessment>.Fail(new Dictionary<string, string[]> { [""] = [.. blockers] });
        }
        assessment.ClosedAt = clock.GetUtcNow().UtcDateTime;
        assessment.ClosedBy = db.Tenant.ActorName;
        return await OptimisticSave.SaveAsync(db, assessment, ct);
    }

    /// <summary>Takes back the closing so that answers can be corrected.</summary>
    public static async Task<Outcome<ChecklistAssessment>> ReopenAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var assessment = await db.ChecklistAssessments.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assessment is null)
        {
            return Outcome<ChecklistAssessment>.NotFound("点検が見つかりません。");
        }
        assessment.ClosedAt = null;
        assessment.ClosedBy = null;
        return await OptimisticSave.SaveAsync(db, assessment, ct);
    }

    /// <summary>
    /// 前回: the latest earlier assessment of the same unit against a template of the same name (templates are
    /// re-issued each year); a closed one is preferred to one still being answered.
    /// </summary>
    public static async Task<ChecklistAssessment?> PreviousAsync(AppDbContext db, ChecklistAssessment current, string templateName, CancellationToken ct)
    {
        var templateIds = await db.ChecklistTemplates.AsNoTracking().Where(t => t.Name == templateName).Select(t => t.Id).ToListAsync(ct);
        var earlier = await db.ChecklistAssessments.AsNoTracking().Include(a => a.Answers)
            .Where(a => templateIds.Contains(a.TemplateId) && a.DepartmentId == current.DepartmentId && a.FiscalYear < current.FiscalYear)
            .ToListAsync(ct);
        return Previous(current, earlier, templateIds);
    }

    /// <summary>前回 among <paramref name="candidates"/> (assessments of templates in <paramref name="series"/>); see <see cref="PreviousAsync"/>.</summary>
    public static ChecklistAssessment? Previous(ChecklistAssessment current, IEnumerable<ChecklistAssessment> candidates, ICollection<Guid> series) =>
        candidates.Where(a => series.Contains(a.TemplateId) && a.DepartmentId == current.DepartmentId && a.FiscalYear < current.FiscalYear)
            .OrderByDescending(a => a.FiscalYear).ThenByDescending(a => a.IsClosed).FirstOrDefault();

    /// <summary>今回 / 前回 item by item (items matched by number).</summary>
    public static List<ItemComparison> Compare(IReadOnlyList<ChecklistItem> items, IReadOnlyDictionary<string, int?> current, IReadOnlyDictionary<string, int?>? previous) =>
        items.Select(item =>
        {
            var now = current.GetValueOrDefault(item.Number);
            var before = previous?.GetValueOrDefault(item.Number);
            var change = before is null || now is null ? ItemChange.New
                : now == before ? ItemChange.Same
                // 該当しない is neither better nor worse than an answer; it is shown as a change of its own.
                : now == ChecklistScore.NotApplicable || before == ChecklistScore.NotApplicable ? ItemChange.New
                : now > before ? ItemChange.Better : ItemChange.Worse;
            return new ItemComparison(item, now, before, change);
        }).ToList();

    /// <summary>"改善", "低下", "－" …</summary>
    public static string JapaneseName(this ItemChange change) => change switch
    {
        ItemChange.Better => "改善",
        ItemChange.Worse => "低下",
        ItemChange.Same => "変化なし",
        _ => "－",
    };
}
