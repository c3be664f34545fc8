using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Minutes.Documents;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mamori.Features.Council;

/// <summary>
/// /api/v1/council/meetings/{id}/opinion-sheet: a written meeting's table of questions, opinions and answers (.docx,
/// .xlsx, .pdf, text) read with the members and items it names suggested, then imported — with the placements the
/// caller chose, row by row, where the suggestion is not right.
/// </summary>
public static partial class CouncilEndpoints
{
    public sealed record SheetRowResponse(int Line, string? Number, string? Member, string? Item, string? Location, string Text, string? Answer, string Kind,
        Guid? MemberId, Guid? ItemId);

    public sealed record SheetImportResponse(int Opinions, int Answered, int AlreadyThere);

    private static void MapOpinionSheetEndpoints(RouteGroupBuilder g)
    {
        g.MapPost("/meetings/{id:guid}/opinion-sheet/parse", ParseSheet).RequireAuthorization(Policies.CouncilManage)
            .WithSummary("意見・回答の表を読み、委員と議題の見立てを返す（何も保存しない。multipart の file か本文と ?fileName=）");
        g.MapPost("/meetings/{id:guid}/opinion-sheet", ImportSheet).RequireAuthorization(Policies.CouncilManage)
            .WithSummary("意見・回答の表を取り込む（members[i]・items[i] で行ごとに委員・議題を指定できる。省くと見立てどおり）");
    }

    private static async Task<Results<Ok<List<SheetRowResponse>>, Refusal>> ParseSheet(Guid id, HttpRequest request, string? fileName, AppDbContext db,
        CancellationToken ct)
    {
        var read = await ReadSheetAsync(id, request, fileName, db, ct);
        return ApiResults.Changed(read.Map(r => r.Rows.Select(p => new SheetRowResponse(p.Row.Line, p.Row.Number, p.Row.Member, p.Row.Item, p.Row.Location,
            p.Row.Text, p.Row.Answer, p.Row.Kind.ToString(), p.MemberId, p.ItemId)).ToList()));
    }

    private static async Task<Results<Ok<SheetImportResponse>, Refusal>> ImportSheet(Guid id, HttpRequest request, string? fileName, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var read = await ReadSheetAsync(id, request, fileName, db, ct);
        if (!read.Ok)
        {
            return ApiResults.Refused(read);
        }
        var (rows, name) = read.Value!;
        var errors = new Dictionary<string, string[]>();
        var placed = new List<SheetPlacement>();
        for (var i = 0; i < rows.Count; i++)
        {
            placed.Add(rows[i] with
            {
                MemberId = await ChosenAsync(request, $"members[{i}]", errors, ct) ?? rows[i].MemberId,
                ItemId = await ChosenAsync(request, $"items[{i}]", errors, ct) ?? rows[i].ItemId,
            });
        }
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var imported = await CouncilWorkflow.ImportOpinionSheetAsync(db, id, placed, name, clock, ct);
        return ApiResults.Changed(imported.Map(s => new SheetImportResponse(s.Opinions, s.Answered, s.AlreadyThere)));
    }

    private static async Task<Guid?> ChosenAsync(HttpRequest request, string field, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var text = await Uploads.FieldAsync(request, field, ct);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (Guid.TryParse(text, out var id))
        {
            return id;
        }
        errors[field] = [$"{field} は委員・議題の id（GUID）で指定してください。"];
        return null;
    }

    /// <summary>The file's rows with the members and items suggested from the meeting, or why the file cannot be read.</summary>
    private static async Task<Outcome<(IReadOnlyList<SheetPlacement> Rows, string FileName)>> ReadSheetAsync(Guid id, HttpRequest request, string? fileName,
        AppDbContext db, CancellationToken ct)
    {
        if (await CouncilReading.MeetingAsync(db, id, ct) is not { } view)
        {
            return Outcome<(IReadOnlyList<SheetPlacement>, string)>.NotFound("会議が見つかりません。");
        }
        var (content, name, error) = await Uploads.ReadRequestAsync(request, fileName, MinutesDocument.MaxBytes, ct);
        if (error is not null)
        {
            return Outcome<(IReadOnlyList<SheetPlacement>, string)>.Fail("File", error);
        }
        var source = MinutesDocument.Read(content, name);
        if (!source.Ok)
        {
            return Outcome<(IReadOnlyList<SheetPlacement>, string)>.Fail("File", source.Describe());
        }
        var sheet = WrittenAnswerSheet.Read(source.Value!.Text, name);
        return sheet.Ok ? Outcome<(IReadOnlyList<SheetPlacement>, string)>.Success((CouncilWorkflow.Suggest(view, sheet.Value!), name))
            : Outcome<(IReadOnlyList<SheetPlacement>, string)>.Fail("File", sheet.Describe());
    }
}
