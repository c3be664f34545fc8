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
public static partial class Checklists
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
}
