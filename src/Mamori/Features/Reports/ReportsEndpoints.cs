using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.Reports;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Reports;

/// <summary>
/// /api/v1/reports: the yearly reports and their templates — copying a built-in template, renaming, editing the
/// sections (add, change, remove, move) with a version, a report for a 年度 from a template, its sections, attaching
/// it to a council item, removing — through the pages' use cases.
/// </summary>
public static class ReportsEndpoints
{
    public sealed record SectionBody(string? Heading, string? Source, string? PeriodKind, int? YearsBefore, int? Month, int? Day, string? Dataset, bool Chart,
        string? Note, string? Text);

    public sealed record SectionRequest(string? Action, Guid? Key, SectionBody? Section, Guid? Version);

    public sealed record SectionResponse(Guid Key, string Heading, string Source, string? PeriodKind, int? YearsBefore, int? Month, int? Day, string? Dataset,
        bool Chart, string? Note, string? Text);

    public sealed record TemplateResponse(Guid Id, string Name, string Title, string? BuiltIn, IReadOnlyList<SectionResponse> Sections, Guid Version);

    public sealed record CopyRequest(string? BuiltIn);

    public sealed record RenameRequest(string? Name, string? Title, Guid? Version);

    public sealed record CreateRequest(Guid? TemplateId, int? FiscalYear);

    public sealed record ReportResponse(Guid Id, Guid TemplateId, int FiscalYear, string Title, IReadOnlyList<SectionResponse> Sections, DateTime UpdatedAt,
        string? UpdatedBy, Guid Version);

    public sealed record AttachRequest(Guid? ItemId);

    public sealed record AttachResponse(Guid MaterialId, Guid CouncilId, Guid? ItemId, string FileName);

    public static RouteGroupBuilder MapReportsEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/reports").WithTags("年次報告");
        g.MapGet("/templates", Templates).RequireAuthorization(Policies.ReportsRead).WithSummary("報告書のひな形の一覧");
        g.MapGet("/templates/{id:guid}", Template).RequireAuthorization(Policies.ReportsRead).WithSummary("ひな形と章");
        g.MapPost("/templates", Copy).RequireAuthorization(Policies.ReportsWrite).WithSummary("組込みのひな形を写して団体のひな形にする（builtIn）");
        g.MapPut("/templates/{id:guid}", Rename).RequireAuthorization(Policies.ReportsWrite).WithSummary("ひな形の名称と表題（version が違えば 409）");
        g.MapPost("/templates/{id:guid}/sections", EditTemplate).RequireAuthorization(Policies.ReportsWrite)
            .WithSummary("ひな形の章を編集する（action：Add・Update・Remove・MoveUp・MoveDown、key は章、section は章の内容）");
        g.MapDelete("/templates/{id:guid}", DeleteTemplate).RequireAuthorization(Policies.ReportsWrite).WithSummary("ひな形を削除する（報告書に使われていないもの）");
        g.MapGet("", Reports).RequireAuthorization(Policies.ReportsRead).WithSummary("報告書の一覧（年度の新しい順）");
        g.MapGet("/{id:guid}", Report).RequireAuthorization(Policies.ReportsRead).WithSummary("報告書と章");
        g.MapPost("", Create).RequireAuthorization(Policies.ReportsWrite).WithSummary("ひな形から年度の報告書を作る（前年度の文章を引き継ぐ）");
        g.MapPost("/{id:guid}/sections", Edit).RequireAuthorization(Policies.ReportsWrite).WithSummary("報告書の章を編集する（ひな形の章と同じ形）");
        g.MapPost("/{id:guid}/attach", Attach).RequireAuthorization(Policies.ReportsWrite, Policies.CouncilManage)
            .WithSummary("報告書（.docx）を審議会の案件の資料にする（事務局）");
        g.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.ReportsWrite).WithSummary("報告書を削除する");
        return api;
    }

    private static SectionResponse ToResponse(ReportSection s) => new(s.Key, s.Heading, s.Source.ToString(), s.Period?.Kind.ToString(), s.Period?.YearsBefore,
        s.Period?.Month, s.Period?.Day, s.Dataset, s.Chart, s.Note, s.Text);

    private static TemplateResponse ToResponse(ReportTemplate t) => new(t.Id, t.Name, t.Title, t.BuiltIn, t.Sections.Select(ToResponse).ToList(), t.Version);

    private static ReportResponse ToResponse(AnnualReport r) =>
        new(r.Id, r.TemplateId, r.FiscalYear, r.Title, r.Sections.Select(ToResponse).ToList(), r.UpdatedAt, r.UpdatedBy, r.Version);

    private static async Task<Ok<List<TemplateResponse>>> Templates(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.ReportTemplates.AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(ct)).Select(ToResponse).ToList());

    private static async Task<Results<Ok<TemplateResponse>, NotFound>> Template(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.ReportTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } t ? TypedResults.Ok(ToResponse(t)) : TypedResults.NotFound();

    private static async Task<Results<Created<TemplateResponse>, Refusal>> Copy(CopyRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        ApiResults.Created((await AnnualReports.CopyBuiltInAsync(db, db.Tenant.MunicipalityId!.Value, body.BuiltIn, clock, ct)).Map(ToResponse),
            t => $"/api/v1/reports/templates/{t.Id}");

    private static async Task<Results<Ok<TemplateResponse>, Refusal>> Rename(Guid id, RenameRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        ApiResults.Changed((await AnnualReports.RenameTemplateAsync(db, id, body.Name, body.Title, body.Version, clock, ct)).Map(ToResponse));

    private static async Task<Results<Ok<TemplateResponse>, Refusal>> EditTemplate(Guid id, SectionRequest body, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (action, input) = Read(body, errors);
        return errors.Count > 0 ? ApiResults.Invalid(errors)
            : ApiResults.Changed((await AnnualReports.EditTemplateAsync(db, id, action, body.Key, input, body.Version, clock, ct)).Map(ToResponse));
    }

    private static async Task<Results<Ok<TemplateResponse>, Refusal>> DeleteTemplate(Guid id, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed((await AnnualReports.DeleteTemplateAsync(db, id, ct)).Map(ToResponse));

    private static async Task<Ok<List<ReportResponse>>> Reports(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.AnnualReports.AsNoTracking().OrderByDescending(r => r.FiscalYear).ThenBy(r => r.Id).ToListAsync(ct)).Select(ToResponse).ToList());

    private static async Task<Results<Ok<ReportResponse>, NotFound>> Report(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.AnnualReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } r ? TypedResults.Ok(ToResponse(r)) : TypedResults.NotFound();

    private static async Task<Results<Created<ReportResponse>, Refusal>> Create(CreateRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        ApiResults.Created((await AnnualReports.CreateAsync(db, db.Tenant.MunicipalityId!.Value, body.TemplateId ?? Guid.Empty, body.FiscalYear, db.Tenant.ActorName,
            clock, ct)).Map(ToResponse), r => $"/api/v1/reports/{r.Id}");

    private static async Task<Results<Ok<ReportResponse>, Refusal>> Edit(Guid id, SectionRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (action, input) = Read(body, errors);
        return errors.Count > 0 ? ApiResults.Invalid(errors)
            : ApiResults.Changed((await AnnualReports.EditAsync(db, id, action, body.Key, input, body.Version, db.Tenant.ActorName, clock, ct)).Map(ToResponse));
    }

    private static async Task<Results<Ok<AttachResponse>, Refusal>> Attach(Guid id, AttachRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        ApiResults.Changed((await AnnualReports.AttachAsync(db, id, body.ItemId, clock, ct)).Map(m => new AttachResponse(m.Id, m.CouncilId, m.ItemId, m.FileName)));

    private static async Task<Results<Ok<ReportResponse>, Refusal>> Delete(Guid id, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed((await AnnualReports.DeleteAsync(db, id, ct)).Map(ToResponse));

    /// <summary>The editor's action and section fields, enum names in English or Japanese.</summary>
    private static (SectionAction Action, SectionInput? Input) Read(SectionRequest body, Dictionary<string, string[]> errors)
    {
        var action = ApiResults.ParseEnum<SectionAction>(body.Action, "action", errors, a => a switch
        {
            SectionAction.Add => "追加",
            SectionAction.Update => "変更",
            SectionAction.Remove => "削除",
            SectionAction.MoveUp => "上へ",
            _ => "下へ",
        });
        if (action is null && !errors.ContainsKey("action"))
        {
            errors["action"] = ["action（Add・Update・Remove・MoveUp・MoveDown）を指定してください。"];
        }
        if (body.Section is not { } s)
        {
            return (action ?? SectionAction.Add, null);
        }
        var source = ApiResults.ParseEnum<ReportSource>(s.Source, "section.source", errors, x => x.JapaneseName());
        var period = ApiResults.ParseEnum<ReportPeriodKind>(s.PeriodKind, "section.periodKind", errors, x => x.JapaneseName());
        return (action ?? SectionAction.Add, new SectionInput
        {
            Heading = s.Heading,
            Source = source ?? ReportSource.Narrative,
            PeriodKind = period ?? ReportPeriodKind.FiscalYear,
            YearsBefore = s.YearsBefore ?? 0,
            Month = s.Month,
            Day = s.Day,
            Dataset = s.Dataset,
            Chart = s.Chart,
            Note = s.Note,
            Text = s.Text,
        });
    }
}
