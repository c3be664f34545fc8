using Mamori.Core.Data;
using Mamori.Core.Features.Minutes;
using Mamori.Core.Features.Minutes.Documents;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mamori.Features.Minutes;

/// <summary>
/// /api/v1/minutes/parse and /import: the import page for programs. The file (PDF, Word, HTML or text) comes as
/// the request body (<c>?fileName=</c> names it) or as the <c>file</c> of a multipart form. <c>parse</c> stores
/// nothing and answers the structure and where it would go; <c>import</c> stores it with the same rules as the
/// page: a doubtful agenda match waits for a choice (<c>choice=1:link</c>, <c>new</c> or <c>skip</c>), a council
/// not registered needs <c>council=new</c> or a council's id, and the same file is never imported twice.
/// </summary>
public static class MinutesImportEndpoints
{
    public sealed record ExistingResponse(Guid Id, string Title);

    public sealed record AgendaPlanResponse(int Index, string Label, string Title, ExistingResponse? Existing, double Similarity, string? Doubt,
        bool Conflict, string? Suggested);

    public sealed record PlanResponse(Guid? CouncilId, string CouncilName, bool NewCouncil, ExistingResponse? Meeting, bool MinutesExist,
        string? AlreadyImportedAs, IReadOnlyList<AgendaPlanResponse> Agenda);

    public sealed record ParseResponse(string FileName, string Format, string Sha256, bool IsSummary, int Notes, object Minutes, PlanResponse Plan);

    public static RouteGroupBuilder MapMinutesImportEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/minutes/parse", Parse).RequireAuthorization(Policies.CouncilManage).WithTags("会議録")
            .WithSummary("会議録のファイルを読み取り、取込み先と議題の結び付けを示す（保存しない）");
        api.MapPost("/minutes/import", Import).RequireAuthorization(Policies.CouncilManage).WithTags("会議録")
            .WithSummary("会議録のファイルを取り込む（議題の選択は choice=番号:link|new|skip、審議会は council=id|new）");
        return api;
    }

    private static async Task<Results<Ok<ParseResponse>, Refusal>> Parse(HttpRequest request, string? fileName, string? council, AppDbContext db,
        CurrentTenant tenant, CancellationToken ct)
    {
        var read = await ReadAsync(request, fileName, ct);
        if (read.Error is { } error)
        {
            return error;
        }
        var ((minutes, sha256, format), file) = read.Value!.Value;
        var councilId = Guid.TryParse(council, out var id) ? id : (Guid?)null;
        var plan = await MinutesLinking.PlanAsync(db, tenant.MunicipalityId!.Value, minutes, councilId, sha256, ct);
        return TypedResults.Ok(new ParseResponse(file, format, sha256, minutes.IsSummary, minutes.Turns.Count(t => t.IsNote),
            MinutesCommands.ToJson(minutes), new PlanResponse(plan.Council?.Id, plan.CouncilName, plan.Council is null,
                plan.Meeting is { } m ? new ExistingResponse(m.Id, m.Title) : null, plan.MinutesExist, plan.AlreadyImported?.FileName,
                plan.Agenda.Select(a => new AgendaPlanResponse(a.Index, a.Label, a.Entry.Title,
                    a.Existing is { } e ? new ExistingResponse(e.Id, e.Title) : null, Math.Round(a.Similarity, 2), a.Doubt, a.Conflict,
                    a.Suggested?.ToString().ToLowerInvariant())).ToList())));
    }

    private static async Task<Results<Created<ImportedMinutes>, Refusal>> Import(HttpRequest request, string? fileName, string? council, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? choice,
        AppDbContext db, CurrentTenant tenant, TimeProvider clock, CancellationToken ct)
    {
        var choices = new Dictionary<int, AgendaChoice>();
        foreach (var given in choice ?? [])
        {
            var parts = given.Split(':', 2);
            if (parts.Length != 2 || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                || !Enum.TryParse<AgendaChoice>(parts[1], ignoreCase: true, out var chosen) || !Enum.IsDefined(chosen) || int.TryParse(parts[1], out _))
            {
                return ApiResults.Invalid(new Dictionary<string, string[]>
                {
                    ["choice"] = [$"choice「{given}」は読めません。「議題の番号:link」（結び付ける）、「:new」（新しい議題）、「:skip」（取り込まない）の形で指定してください。"],
                });
            }
            choices[index] = chosen;
        }
        var councilId = Guid.TryParse(council, out var id) ? id : (Guid?)null;
        if (council is { Length: > 0 } && councilId is null && council != "new")
        {
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["council"] = ["council には審議会の id か、新しい審議会として登録するときは new を指定してください。"] });
        }
        var read = await ReadAsync(request, fileName, ct);
        if (read.Error is { } error)
        {
            return error;
        }
        var ((minutes, sha256, format), file) = read.Value!.Value;
        var outcome = await MinutesImport.RunAsync(db, tenant.MunicipalityId!.Value, minutes,
            new MinutesImportRequest(file, sha256, format, councilId, council == "new", choices, clock.GetUtcNow().UtcDateTime), ct);
        return outcome.Ok
            ? TypedResults.Created($"/council/meetings/{outcome.Value!.MeetingId}/minutes", outcome.Value)
            : ApiResults.Refused(outcome);
    }

    private static async Task<((MinutesFile File, string Name)? Value, Refusal? Error)> ReadAsync(HttpRequest request, string? fileName, CancellationToken ct)
    {
        var (bytes, name, tooLarge) = await Uploads.ReadRequestAsync(request, fileName, MinutesDocument.MaxBytes, ct);
        if (tooLarge is not null)
        {
            return (null, ApiResults.Invalid(new Dictionary<string, string[]> { ["file"] = [tooLarge] }));
        }
        var parsed = MinutesDocument.Parse(bytes, name);
        return parsed.Ok ? ((parsed.Value!, name), null) : (null, ApiResults.Refused(parsed));
    }
}
