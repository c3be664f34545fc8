using Mamori.Core.Csv;
using Mamori.Core.Data;

namespace Mamori.Core.Features.Security;

/// <summary>What a template upload came to: the saved template or the refusal, and the file's problems by row and column.</summary>
public sealed record TemplateImportResult(Outcome<ChecklistTemplate> Outcome, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// Imports a checklist template from CSV or .xlsx, all or nothing, for the page and the API alike: the items file, and
/// the scale from the workbook's 回答の選択肢 sheet when it has one, otherwise from the scale given beside the file.
/// Refusals are keyed Upload (the file), Scale, Name.
/// </summary>
public static class ChecklistTemplateImport
{
    public static async Task<TemplateImportResult> RunAsync(AppDbContext db, Guid municipalityId, Guid? id, string? name, string? scaleText, byte[] bytes,
        string fileName, TimeProvider clock, CancellationToken ct)
    {
        static TemplateImportResult Refused(string field, string message) => new(Outcome<ChecklistTemplate>.Fail(field, message), []);
        if (bytes.Length == 0)
        {
            return Refused("Upload", "取り込むファイル（.csv または .xlsx）を選んでください。");
        }
        var isXlsx = TableFile.IsXlsx(bytes);
        var scale = Checklists.ParseScale(scaleText);
        List<ChecklistItem> items;
        var problems = new List<ImportProblem>();
        try
        {
            // A workbook as exported has the items on 項目 and the scale on 回答の選択肢; any other workbook is read from its first sheet.
            var table = isXlsx ? TableFile.ReadSheet(bytes, fileName, Checklists.ItemsSheet) ?? TableFile.ReadSheet(bytes, fileName, null)!
                : TableFile.Read(new MemoryStream(bytes), fileName);
            (items, var itemProblems) = Checklists.ReadItems(table);
            problems.AddRange(itemProblems);
            if (isXlsx)
            {
                var (sheetScale, scaleProblems) = Checklists.ReadScaleSheet(bytes, fileName);
                problems.AddRange(scaleProblems);
                if (sheetScale is not null)
                {
                    scale = Outcome<List<ScaleOption>>.Success(sheetScale);
                }
            }
        }
        catch (CsvFormatException ex)
        {
            return Refused("Upload", ex.Message);
        }
        if (problems.Count > 0)
        {
            var messages = problems.Select(p => p.Describe(fileName)).Append("何も取り込んでいません。直してからもう一度取り込んでください。").ToArray();
            return new(Outcome<ChecklistTemplate>.Fail(new Dictionary<string, string[]> { ["Upload"] = messages }), problems);
        }
        if (!scale.Ok)
        {
            return new(Outcome<ChecklistTemplate>.Fail(new Dictionary<string, string[]> { ["Scale"] = [.. scale.Errors.SelectMany(e => e.Value)] }), []);
        }
        return new(await Checklists.SaveTemplateAsync(db, municipalityId, id, name, items, scale.Value!, clock, ct), []);
    }
}
