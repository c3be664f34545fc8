using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Reports;

/// <summary>A report laid out: the A4 document (print and Word) and the workbook of its tables.</summary>
public sealed record BuiltReport(PrintDocument Document, IReadOnlyList<ReportSheet> Sheets, IReadOnlyList<string> Contents);

/// <summary>
/// 報告書 from templates: copying a built-in template, editing a template's or a report's sections, making a
/// 年度's report (its narratives carried over from last year's), laying it out, and handing it to the council.
/// </summary>
public static class AnnualReports
{
    public const string TemplateNotFound = "ひな形が見つかりません。一覧から選び直してください。";
    public const string ReportNotFound = "報告書が見つかりません。一覧から選び直してください。";

    /// <summary>Copies a built-in template into the municipality (named after it; a second copy gets a number).</summary>
    public static async Task<Outcome<ReportTemplate>> CopyBuiltInAsync(AppDbContext db, Guid municipalityId, string? key, TimeProvider clock, CancellationToken ct)
    {
        if (BuiltInReportTemplates.Find(key) is not { } builtIn)
        {
            return Outcome<ReportTemplate>.Fail("BuiltIn", "組み込みのひな形を選んでください。");
        }
        var names = await db.ReportTemplates.AsNoTracking().Select(t => t.Name).ToListAsync(ct);
        var name = builtIn.Name;
        for (var n = 2; names.Contains(name); n++)
        {
            name = $"{builtIn.Name}（{n}）";
        }
        var template = new ReportTemplate
        {
            MunicipalityId = municipalityId,
            Name = name,
            Title = builtIn.Title,
            BuiltIn = builtIn.Key,
            SectionsJson = ReportSections.ToJson(builtIn.Sections),
            UpdatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ReportTemplates.Add(template);
        return await OptimisticSave.SaveAsync(db, template, ct);
    }

    /// <summary>Renames a template or changes the report title it gives.</summary>
    public static async Task<Outcome<ReportTemplate>> RenameTemplateAsync(AppDbContext db, Guid id, string? name, string? title, Guid? version, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
        {
            errors.Add("Name", "ひな形の名称を200文字以内で入力してください。");
        }
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 300)
        {
            errors.Add("Title", "報告書の表題を300文字以内で入力してください。");
        }
        if (errors.Any)
        {
            return errors.Fail<ReportTemplate>();
        }
        var (template, failure) = await OptimisticSave.LoadAsync(db.ReportTemplates, id, version, TemplateNotFound, ct);
        if (failure is not null)
        {
            return failure;
        }
        if (await db.ReportTemplates.AnyAsync(t => t.Id != id && t.Name == name!.Trim(), ct))
        {
            return Outcome<ReportTemplate>.Fail("Name", "同じ名称のひな形があります。別の名称にしてください。");
        }
        template!.Name = name!.Trim();
        template.Title = title!.Trim();
        Touch(template, clock);
        return await OptimisticSave.SaveAsync(db, template, ct);
    }

    /// <summary>Edits a template's sections (add, change, remove, reorder).</summary>
    public static async Task<Outcome<ReportTemplate>> EditTemplateAsync(AppDbContext db, Guid id, SectionAction action, Guid? key, SectionInput? input, Guid? version,
        TimeProvider clock, CancellationToken ct)
    {
        var (template, failure) = await OptimisticSave.LoadAsync(db.ReportTemplates, id, version, TemplateNotFound, ct);
        if (failure is not null)
        {
            return failure;
        }
        var edited = SectionEdit.Apply(template!.Sections, action, key, input, await DatasetKeysAsync(db, template.MunicipalityId, ct));
        if (!edited.Ok)
        {
            return edited.Refused<ReportTemplate>();
        }
        template.SectionsJson = ReportSections.ToJson(edited.Value!);
        Touch(template, clock);
        return await OptimisticSave.SaveAsync(db, template, ct);
    }

    /// <summary>Removes a template no report was made from.</summary>
    public static async Task<Outcome<ReportTemplate>> DeleteTemplateAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var template = await db.ReportTemplates.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (template is null)
        {
            return Outcome<ReportTemplate>.NotFound(TemplateNotFound);
        }
        if (await db.AnnualReports.AnyAsync(r => r.TemplateId == id, ct))
        {
            return Outcome<ReportTemplate>.Conflict("このひな形から作った報告書があるため削除できません。");
        }
        db.ReportTemplates.Remove(template);
        return await OptimisticSave.SaveAsync(db, template, ct);
    }

    /// <summary>
    /// Makes a 年度's report from a template: the template's sections, and for each narrative the words of the
    /// latest earlier report of the same template (marked as carried over until someone changes them).
    /// </summary>
    public static async Task<Outcome<AnnualReport>> CreateAsync(AppDbContext db, Guid municipalityId, Guid templateId, int? fiscalYear, string? user,
        TimeProvider clock, CancellationToken ct)
    {
        if (fiscalYear is not { } fy || fy is < 2000 or > 2100)
        {
            return Outcome<AnnualReport>.Fail("FiscalYear", "報告する年度を選んでください。");
        }
        var template = await db.ReportTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId, ct);
        if (template is null)
        {
            return Outcome<AnnualReport>.NotFound(TemplateNotFound);
        }
        if (await db.AnnualReports.AnyAsync(r => r.TemplateId == templateId && r.FiscalYear == fy, ct))
        {
            return Outcome<AnnualReport>.Conflict($"{new FiscalYear(fy).ToWareki()}の報告書はこのひな形からすでに作られています。一覧から開いてください。");
        }
        var previous = await db.AnnualReports.AsNoTracking().Where(r => r.TemplateId == templateId && r.FiscalYear < fy)
            .OrderByDescending(r => r.FiscalYear).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var report = new AnnualReport
        {
            MunicipalityId = municipalityId,
            TemplateId = templateId,
            FiscalYear = fy,
            Title = template.Title,
            SectionsJson = ReportSections.ToJson(CarryOver(template.Sections, previous?.Sections)),
            CarriedFromId = previous?.Id,
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedBy = user,
        };
        db.AnnualReports.Add(report);
        return await OptimisticSave.SaveAsync(db, report, ct);
    }

    /// <summary>The template's sections with each narrative's words taken from last year's section of the same key.</summary>
    public static IReadOnlyList<ReportSection> CarryOver(IReadOnlyList<ReportSection> template, IReadOnlyList<ReportSection>? previous)
    {
        var words = (previous ?? []).Where(s => s.IsNarrative && !string.IsNullOrWhiteSpace(s.Text)).ToDictionary(s => s.Key, s => s.Text!);
        return template.Select(s => s.IsNarrative && words.TryGetValue(s.Key, out var text)
            ? s with { Text = text, CarriedText = text }
            : s with { CarriedText = null }).ToList();
    }

    /// <summary>Edits a report's sections: its words, and a period or a section that differs this year.</summary>
    public static async Task<Outcome<AnnualReport>> EditAsync(AppDbContext db, Guid id, SectionAction action, Guid? key, SectionInput? input, Guid? version,
        string? user, TimeProvider clock, CancellationToken ct)
    {
        var (report, failure) = await OptimisticSave.LoadAsync(db.AnnualReports, id, version, ReportNotFound, ct);
        if (failure is not null)
        {
            return failure;
        }
        var edited = SectionEdit.Apply(report!.Sections, action, key, input, await DatasetKeysAsync(db, report.MunicipalityId, ct));
        if (!edited.Ok)
        {
            return edited.Refused<AnnualReport>();
        }
        report.SectionsJson = ReportSections.ToJson(edited.Value!);
        report.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        report.UpdatedBy = user;
        report.Version = Guid.NewGuid();
        return await OptimisticSave.SaveAsync(db, report, ct);
    }

    public static async Task<Outcome<AnnualReport>> DeleteAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var report = await db.AnnualReports.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return Outcome<AnnualReport>.NotFound(ReportNotFound);
        }
        db.AnnualReports.Remove(report);
        return await OptimisticSave.SaveAsync(db, report, ct);
    }

    /// <summary>
    /// Lays the report out: 表紙 (年度, title, municipality), 目次, then each section on a page of its own under its
    /// numbered heading, a data section with its period; the workbook has a sheet per table.
    /// </summary>
    public static async Task<BuiltReport> BuildAsync(AppDbContext db, AnnualReport report, CancellationToken ct)
    {
        var municipality = await db.Municipalities.AsNoTracking().IgnoreQueryFilters().Where(m => m.Id == report.MunicipalityId).Select(m => m.Name).FirstAsync(ct);
        var sections = report.Sections;
        var headings = sections.Select((s, i) => $"{Numeral(i + 1)}　{s.Heading}").ToList();
        var blocks = new List<PrintBlock>();
        blocks.AddRange(Enumerable.Repeat(new PrintLine(""), 8));
        blocks.Add(new PrintLine(report.Year.ToWareki(), LineAlign.Center, Bold: true, Large: true));
        blocks.AddRange(report.Title.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => new PrintLine(line, LineAlign.Center, Bold: true, Large: true)));
        blocks.AddRange(Enumerable.Repeat(new PrintLine(""), 10));
        blocks.Add(new PrintLine(municipality, LineAlign.Center, Large: true));
        blocks.Add(new PrintPageBreak());
        blocks.Add(new PrintLine("目　次", LineAlign.Center, Bold: true, Large: true));
        blocks.Add(new PrintLine(""));
        blocks.Add(new PrintContents(headings));
        var sheets = new List<ReportSheet>();
        for (var i = 0; i < sections.Count; i++)
        {
            var section = sections[i];
            blocks.Add(new PrintPageBreak());
            blocks.Add(new PrintHeading(headings[i]));
            if (!section.IsNarrative)
            {
                var period = (section.Period ?? ReportSections.DefaultPeriod(section.Source)).Resolve(report.Year);
                blocks.Add(new PrintLine($"（対象期間：{PeriodText(period)}）", LineAlign.Right));
            }
            if (section.Note is { } note)
            {
                blocks.Add(new PrintLine(note, Indent: 1));
            }
            var content = await ReportContents.LoadAsync(db, report.MunicipalityId, section, report.Year, ct);
            blocks.AddRange(content.Blocks);
            sheets.AddRange(content.Sheets.Select(s => s with { Name = SheetName(i + 1, s.Name, sheets) }));
        }
        var title = $"{report.Year.ToWareki()} {report.Title.Replace("\n", "", StringComparison.Ordinal)}";
        return new BuiltReport(new PrintDocument(title, blocks), sheets, headings);
    }

    /// <summary>令和5年度, 令和5年10月31日現在, 令和5年4月1日～令和5年10月31日 (a partial year gives both ends).</summary>
    public static string PeriodText(ResolvedPeriod period) =>
        period.Start is { } start && period.Label.Contains('時', StringComparison.Ordinal)
            ? $"{WarekiDate.Format(start)}～{WarekiDate.Format(period.End)}"
            : period.Label;

    /// <summary>The workbook: one sheet per table, named after its section (Excel allows 31 characters, no duplicates).</summary>
    public static byte[] ToXlsx(BuiltReport built)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var sheet in built.Sheets)
        {
            sheets[sheet.Name] = sheet.Rows.Count > 0 ? sheet.Rows : [new Dictionary<string, object?> { ["（なし）"] = null }];
        }
        if (sheets.Count == 0)
        {
            sheets["目次"] = built.Contents.Select(c => new Dictionary<string, object?> { ["章"] = c }).ToList();
        }
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, sheets);
        return stream.ToArray();
    }

    /// <summary>Hands the report to the council: its .docx becomes a material of an agenda item (報告 items take reports).</summary>
    public static async Task<Outcome<Material>> AttachAsync(AppDbContext db, Guid reportId, Guid? itemId, TimeProvider clock, CancellationToken ct)
    {
        var report = await db.AnnualReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return Outcome<Material>.NotFound(ReportNotFound);
        }
        if (itemId is null)
        {
            return Outcome<Material>.Fail("ItemId", "資料にする議題を選んでください。");
        }
        var built = await BuildAsync(db, report, ct);
        return await CouncilWorkflow.AddMaterialAsync(db, null, itemId, built.Document.Title, $"{built.Document.Title}.docx", built.Document.ToDocx(), false, clock, ct);
    }

    private static async Task<IReadOnlyCollection<string>> DatasetKeysAsync(AppDbContext db, Guid municipalityId, CancellationToken ct) =>
        (await Statistics.StatDatasets.AllAsync(db, municipalityId, ct)).Select(d => d.Key).ToList();

    private static string SheetName(int number, string name, List<ReportSheet> taken)
    {
        var candidate = $"{number} {name}";
        candidate = candidate.Length > 31 ? candidate[..31] : candidate;
        var n = 2;
        var unique = candidate;
        while (taken.Any(s => s.Name == unique))
        {
            var suffix = $"({n++})";
            unique = (candidate.Length + suffix.Length > 31 ? candidate[..(31 - suffix.Length)] : candidate) + suffix;
        }
        return unique;
    }

    /// <summary>１, ２ … １０: chapter numbers as the office writes them, in full-width digits.</summary>
    public static string Numeral(int n) => string.Concat(n.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)(c - '0' + '０')));

    private static void Touch(ReportTemplate template, TimeProvider clock)
    {
        template.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        template.Version = Guid.NewGuid();
    }
}
