using System.Globalization;
using Mamori.Core;
using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Statistics;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Statistics;

/// <summary>
/// /api/v1/statistics, the writing half: the office's own dataset definitions, the table import (all or nothing, with
/// the choice about totals and rates that differ from the computed ones), the public page, and removing a period;
/// the pages' use cases.
/// </summary>
public static partial class StatisticsEndpoints
{
    public sealed record ColumnBody(string? Key, string? Name, string? Kind, string? Operands, int? Digits, string? Rounding);

    public sealed record DefinitionRequest(string? Name, string? Description, string? PeriodKind, string? LabelName, string? OwnLabel,
        IReadOnlyList<ColumnBody>? Columns, Guid? Version);

    public sealed record DefinitionResponse(string Key, string Name, string? Description, string PeriodKind, string LabelName, string? OwnLabel,
        IReadOnlyList<ColumnBody> Columns, Guid Version);

    public sealed record ImportResponse(int Rows, IReadOnlyList<string> Periods, int Differences);

    public sealed record PublicRequest(bool IsPublic);

    public sealed record PublicResponse(string Dataset, bool IsPublic);

    public sealed record DeletedRowsResponse(string Dataset, string Period, int Rows);

    private static void MapWriteEndpoints(RouteGroupBuilder g)
    {
        g.MapPost("", Define).RequireAuthorization(Policies.StatisticsWrite)
            .WithSummary("統計を定義する（periodKind：AsOfDate 基準日・FiscalYear 年度、列の kind：Input・Sum・Difference・Rate…、operands は元の列の見出し）");
        g.MapGet("/{dataset}/definition", Definition).RequireAuthorization(Policies.StatisticsWrite).WithSummary("統計の定義（団体で定義したもの）");
        g.MapPut("/{dataset}/definition", Redefine).RequireAuthorization(Policies.StatisticsWrite).WithSummary("統計の定義を直す（version が違えば 409）");
        g.MapDelete("/{dataset}/definition", Undefine).RequireAuthorization(Policies.StatisticsWrite).WithSummary("団体で定義した統計を、取り込んだ表とともに削除する");
        g.MapPost("/{dataset}/import", Import).RequireAuthorization(Policies.StatisticsWrite)
            .WithSummary("表の取込（CSV・.xlsx。multipart の file か本文と ?fileName=。?asOf= 基準日、?supplied=Check|Correct|Accept。誤りがあれば何も保存しない）");
        g.MapPut("/{dataset}/public", Public).RequireAuthorization(Policies.StatisticsWrite).WithSummary("公開ページへの掲載・取りやめ");
        g.MapDelete("/{dataset}/periods/{period}", DeletePeriod).RequireAuthorization(Policies.StatisticsWrite)
            .WithSummary("ある基準日（2023-10-31）・年度（2023）の行を削除する");
    }

    private static DefinitionResponse ToResponse(StatDataset d)
    {
        var columns = d.Columns;
        return new(d.Key, d.Name, d.Description, d.PeriodKind.ToString(), d.LabelName, d.OwnLabel, columns.Select(c => new ColumnBody(c.Key, c.Name,
            c.Kind.ToString(), string.Join("、", c.Operands.Select(o => columns.FirstOrDefault(x => x.Key == o)?.Name ?? o)), c.Digits, c.Rounding.ToString())).ToList(),
            d.Version);
    }

    private static async Task<Results<Ok<DefinitionResponse>, NotFound>> Definition(string dataset, AppDbContext db, CancellationToken ct) =>
        await db.StatDatasets.AsNoTracking().FirstOrDefaultAsync(d => d.Key == dataset, ct) is { } d ? TypedResults.Ok(ToResponse(d)) : TypedResults.NotFound();

    private static async Task<Results<Created<DefinitionResponse>, Refusal>> Define(DefinitionRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        ApiResults.Created(await SaveDefinitionAsync(null, body, db, clock, ct), d => $"/api/v1/statistics/{d.Key}/definition");

    private static async Task<Results<Ok<DefinitionResponse>, Refusal>> Redefine(string dataset, DefinitionRequest body, AppDbContext db, TimeProvider clock,
        CancellationToken ct) =>
        ApiResults.Changed(await SaveDefinitionAsync(dataset, body, db, clock, ct));

    private static async Task<Outcome<DefinitionResponse>> SaveDefinitionAsync(string? dataset, DefinitionRequest body, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var periodKind = ApiResults.ParseEnum<PeriodKind>(body.PeriodKind, "periodKind", errors, k => k == PeriodKind.AsOfDate ? "基準日" : "年度");
        var columns = (body.Columns ?? []).Select((c, i) => new StatColumnInput
        {
            Key = c.Key,
            Name = c.Name,
            Kind = ApiResults.ParseEnum<StatColumnKind>(c.Kind, $"columns[{i}].kind", errors, k => k.JapaneseName()) ?? StatColumnKind.Input,
            Operands = c.Operands,
            Digits = c.Digits ?? 0,
            Rounding = ApiResults.ParseEnum<StatRounding>(c.Rounding, $"columns[{i}].rounding", errors, r => r.JapaneseName()) ?? StatRounding.HalfUp,
        }).ToList();
        if (errors.Count > 0)
        {
            return Outcome<DefinitionResponse>.Fail(errors);
        }
        var input = new StatDatasetInput
        {
            Name = body.Name,
            Description = body.Description,
            PeriodKind = periodKind ?? PeriodKind.AsOfDate,
            LabelName = body.LabelName,
            OwnLabel = body.OwnLabel,
            Columns = columns,
        };
        return (await StatDatasets.SaveAsync(db, db.Tenant.MunicipalityId!.Value, dataset, input, body.Version, clock, ct)).Map(ToResponse);
    }

    private static async Task<Results<Ok<DefinitionResponse>, Refusal>> Undefine(string dataset, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed((await StatDatasets.DeleteAsync(db, dataset, ct)).Map(ToResponse));

    private static async Task<Results<Ok<ImportResponse>, NotFound, Refusal>> Import(string dataset, string? asOf, string? supplied, string? fileName, HttpRequest request,
        AppDbContext db, CancellationToken ct)
    {
        var municipalityId = db.Tenant.MunicipalityId!.Value;
        if (await StatDatasets.FindAsync(db, municipalityId, dataset, ct) is not { } definition)
        {
            return TypedResults.NotFound();
        }
        var (content, name, error) = await Uploads.ReadRequestAsync(request, fileName, 20 * 1024 * 1024, ct);
        var errors = new Dictionary<string, string[]>();
        if (error is not null)
        {
            errors["file"] = [error];
        }
        var choice = ApiResults.ParseEnum<SuppliedChoice>(supplied, "supplied", errors, c => c switch
        {
            SuppliedChoice.Correct => "訂正",
            SuppliedChoice.Accept => "承認",
            _ => "確認",
        }) ?? SuppliedChoice.Check;
        DateOnly? day = null;
        if (definition.PeriodKind == PeriodKind.AsOfDate)
        {
            // 基準日 as on the page: typed, or taken from the file's name.
            day = string.IsNullOrWhiteSpace(asOf) ? StatisticsTables.DateInFileName(name) : ApiResults.ParseDate(asOf, "asOf", errors);
            if (day is null && !errors.ContainsKey("asOf"))
            {
                errors["asOf"] = ["asOf（基準日：いつ現在の数か）を指定してください。例：令和5年10月31日、2023-10-31"];
            }
        }
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        StatImportResult result;
        try
        {
            result = await StatisticsTables.ImportAsync(db, municipalityId, definition, TableFile.Read(new MemoryStream(content), name), day, choice, ct);
        }
        catch (CsvFormatException ex)
        {
            return ApiResults.Unreadable(ex.Message);
        }
        if (result.NeedsChoice)
        {
            return ApiResults.Invalid(new Dictionary<string, string[]>
            {
                ["supplied"] = [.. result.Mismatches.Select(x => $"{name} の {x.RowNumber} 行目 {x.Label}「{x.Column}」: ファイル {x.Supplied.ToString(CultureInfo.InvariantCulture)}、計算 "
                    + (x.Computed?.ToString(CultureInfo.InvariantCulture) ?? "（計算できません）")),
                    "合計・率が計算した値と異なります。何も取り込んでいません。supplied=Correct（計算した値にする）か supplied=Accept（ファイルの値を残す）を付けて送り直してください。"],
            }, "合計・率の扱いを選んでください。");
        }
        if (!result.Ok)
        {
            return ApiResults.ImportRefused(name, result.Problems);
        }
        return TypedResults.Ok(new ImportResponse(result.Imported, result.Periods, result.Mismatches.Count));
    }

    private static async Task<Results<Ok<PublicResponse>, NotFound>> Public(string dataset, PublicRequest body, AppDbContext db, CancellationToken ct)
    {
        var municipalityId = db.Tenant.MunicipalityId!.Value;
        if (await StatDatasets.FindAsync(db, municipalityId, dataset, ct) is not { } definition)
        {
            return TypedResults.NotFound();
        }
        await StatisticsTables.SetPublicAsync(db, municipalityId, definition, body.IsPublic, ct);
        return TypedResults.Ok(new PublicResponse(definition.Key, body.IsPublic));
    }

    private static async Task<Results<Ok<DeletedRowsResponse>, NotFound>> DeletePeriod(string dataset, string period, AppDbContext db, CancellationToken ct)
    {
        var municipalityId = db.Tenant.MunicipalityId!.Value;
        if (await StatDatasets.FindAsync(db, municipalityId, dataset, ct) is not { } definition)
        {
            return TypedResults.NotFound();
        }
        var removed = await StatisticsTables.DeletePeriodAsync(db, municipalityId, definition, period, ct);
        return TypedResults.Ok(new DeletedRowsResponse(definition.Key, period, removed));
    }
}
