using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Features.Files;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.AccessMonitoring;

/// <summary>
/// /api/v1/access, loading and settings: log files uploaded or taken from the municipality's inbox folder, the masters
/// replaced, an analysis of a period, the jobs that run them, and the rules' settings — the data page's use cases.
/// </summary>
public static partial class AccessEndpoints
{
    public sealed record JobResponse(Guid Id, string Kind, string State, IReadOnlyList<string> FileNames, DateOnly? From, DateOnly? To, int Progress, string? Step,
        string? Result, long Rows, DateTime RequestedAt, DateTime? FinishedAt);

    public sealed record InboxRequest(IReadOnlyList<string>? Files, bool Replace);

    public sealed record AnalysisRequest(string? From, string? To);

    public sealed record MastersResponse(string Result);

    public sealed record SettingsBody(string? ExemptBusinessCodes, string? ProtectedDepartments, IReadOnlyDictionary<string, string?>? Parameters, Guid? Version);

    private static void MapDataEndpoints(RouteGroupBuilder g)
    {
        g.MapGet("/jobs", Jobs).RequireAuthorization(Policies.AccessWrite).WithSummary("取込み・分析の処理（新しい順、100件まで）");
        g.MapGet("/jobs/{id:guid}", Job).RequireAuthorization(Policies.AccessWrite).WithSummary("取込み・分析の処理の進み具合");
        g.MapPost("/logs", UploadLogs).RequireAuthorization(Policies.AccessWrite)
            .WithSummary("アクセスログ（CSV）を取り込む（multipart で複数の file、?replace=true で同じ期間を置き換える。処理は非同期、jobs で確認）");
        g.MapGet("/inbox", Inbox).RequireAuthorization(Policies.AccessWrite).WithSummary("受信フォルダーにあるファイル");
        g.MapPost("/inbox", IngestInbox).RequireAuthorization(Policies.AccessWrite).WithSummary("受信フォルダーのファイルを取り込む");
        g.MapPost("/masters", Masters).RequireAuthorization(Policies.AccessWrite)
            .WithSummary("マスタを置き換える（multipart の staff・residents・cases・roles・mapping、removeMapping=true で列の対応を消す）");
        g.MapPost("/analyses", Analyze).RequireAuthorization(Policies.AccessWrite).WithSummary("期間（93日まで）を分析する（処理は非同期）");
        g.MapGet("/settings", Settings).RequireAuthorization(Policies.AccessWrite).WithSummary("監視の設定（例外の業務コード、保護レコードを扱える部署、ルールの設定値）");
        g.MapPut("/settings", SaveSettings).RequireAuthorization(Policies.AccessWrite)
            .WithSummary("監視の設定（parameters は「R06.min_residents」→値。空や既定値は既定のまま。version が違えば 409）");
    }

    private static JobResponse ToResponse(AccessJob j) => new(j.Id, j.Kind.ToString(), j.State.ToString(), j.FileNames, j.From, j.To, j.Progress, j.Step, j.Result,
        j.Rows, j.RequestedAt, j.FinishedAt);

    private static async Task<Ok<List<JobResponse>>> Jobs(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.AccessJobs.AsNoTracking().OrderByDescending(j => j.RequestedAt).ThenBy(j => j.Id).Take(100).ToListAsync(ct)).Select(ToResponse).ToList());

    private static async Task<Results<Ok<JobResponse>, NotFound>> Job(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.AccessJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct) is { } j ? TypedResults.Ok(ToResponse(j)) : TypedResults.NotFound();

    private static async Task<Results<Accepted<JobResponse>, Refusal>> UploadLogs(bool? replace, HttpRequest request, AppDbContext db, AccessLogFolders folders,
        AccessJobChannel jobs, CurrentTenant tenant, TimeProvider clock, CancellationToken ct)
    {
        var files = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.Where(f => f.Length > 0).ToList() : [];
        if (files.Count == 0)
        {
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["file"] = ["取り込むログファイル（CSV）を multipart/form-data で送ってください。"] });
        }
        if (files.Select(f => UploadRules.NameProblem(f.FileName)).FirstOrDefault(p => p is not null) is { } problem)
        {
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["file"] = [problem + " 何も取り込んでいません。"] });
        }
        var municipalityId = tenant.MunicipalityId!.Value;
        var dir = folders.UploadsDirectory(municipalityId);
        var saved = new List<(string Name, string Path)>();
        foreach (var file in files)
        {
            saved.Add((Path.GetFileName(file.FileName), await new UploadedFile(file.FileName, file.OpenReadStream).SaveToAsync(dir, $"{Guid.NewGuid():N}.csv", ct)));
        }
        var job = await AccessJobRequests.IngestAsync(db, jobs, municipalityId, saved, deleteAfter: true, replace == true, tenant.ActorName,
            clock.GetUtcNow().UtcDateTime, ct);
        return TypedResults.Accepted($"/api/v1/access/jobs/{job.Id}", ToResponse(job));
    }

    private static async Task<Ok<List<string>>> Inbox(AppDbContext db, AccessLogFolders folders, CancellationToken ct)
    {
        var code = await db.Municipalities.Select(m => m.Code).FirstAsync(ct);
        return TypedResults.Ok(folders.InboxFiles(code).Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal).ToList());
    }

    private static async Task<Results<Accepted<JobResponse>, Refusal>> IngestInbox(InboxRequest body, AppDbContext db, AccessLogFolders folders, AccessJobChannel jobs,
        CurrentTenant tenant, TimeProvider clock, CancellationToken ct)
    {
        var code = await db.Municipalities.Select(m => m.Code).FirstAsync(ct);
        var available = folders.InboxFiles(code).ToDictionary(f => f.Name, f => f.FullName, StringComparer.Ordinal);
        var missing = (body.Files ?? []).Where(f => !available.ContainsKey(f)).ToList();
        var chosen = (body.Files ?? []).Where(available.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || chosen.Count == 0)
        {
            return ApiResults.Invalid(new Dictionary<string, string[]>
            {
                ["files"] = [missing.Count > 0 ? $"受信フォルダーにないファイルです：{string.Join("、", missing)}" : "受信フォルダーから取り込むファイル（files）を指定してください。"],
            });
        }
        var job = await AccessJobRequests.IngestAsync(db, jobs, tenant.MunicipalityId!.Value, chosen.Select(n => (n, available[n])).ToList(), deleteAfter: false,
            body.Replace, tenant.ActorName, clock.GetUtcNow().UtcDateTime, ct);
        return TypedResults.Accepted($"/api/v1/access/jobs/{job.Id}", ToResponse(job));
    }

    private static async Task<Results<Ok<MastersResponse>, Refusal>> Masters(HttpRequest request, AppDbContext db, AccessLogFolders folders, CurrentTenant tenant,
        TimeProvider clock, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["file"] = ["マスタは multipart/form-data の staff・residents・cases・roles で送ってください。"] });
        }
        var form = await request.ReadFormAsync(ct);
        UploadedFile? Upload(string name) => form.Files.GetFile(name) is { Length: > 0 } f ? new UploadedFile(f.FileName, f.OpenReadStream) : null;
        var masters = new[] { AccessLogFolders.Staff, AccessLogFolders.Residents, AccessLogFolders.Cases, AccessLogFolders.Roles }
            .Select(k => (k, Upload(k))).Where(u => u.Item2 is not null).ToDictionary(u => u.k, u => u.Item2!);
        var replaced = await ReplaceMasters.RunAsync(db, folders, tenant.MunicipalityId!.Value,
            new ReplaceMasters.Request(masters, Upload("mapping"), string.Equals(form["removeMapping"], "true", StringComparison.OrdinalIgnoreCase)),
            tenant.ActorName, clock.GetUtcNow().UtcDateTime, ct);
        return ApiResults.Changed(replaced.Map(r => new MastersResponse(r)));
    }

    private static async Task<Results<Accepted<JobResponse>, Refusal>> Analyze(AnalysisRequest body, AppDbContext db, AccessJobChannel jobs, CurrentTenant tenant,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var from = ApiResults.ParseDate(body.From, "from", errors);
        var to = ApiResults.ParseDate(body.To, "to", errors);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var requested = await AccessJobRequests.RequestAnalysisAsync(db, jobs, tenant.MunicipalityId!.Value, from, to, tenant.ActorName, clock.GetUtcNow().UtcDateTime, ct);
        return requested.Ok ? TypedResults.Accepted($"/api/v1/access/jobs/{requested.Value!.Id}", ToResponse(requested.Value)) : ApiResults.Refused(requested);
    }

    private static SettingsBody ToResponse(AccessMonitoringSetting s) => new(s.ExemptBusinessCodes, s.ProtectedDepartments,
        AccessAlerts.ParseParameters(s.Parameters).SelectMany(r => r.Value.Select(p => (Key: $"{r.Key}.{p.Key}", p.Value))).ToDictionary(p => p.Key, p => (string?)p.Value),
        s.Version);

    private static async Task<Ok<SettingsBody>> Settings(AppDbContext db, CurrentTenant tenant, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await AccessAlerts.SettingsAsync(db, tenant.MunicipalityId!.Value, ct)));

    private static async Task<Results<Ok<SettingsBody>, Refusal>> SaveSettings(SettingsBody body, AppDbContext db, CurrentTenant tenant, CancellationToken ct) =>
        ApiResults.Changed((await SaveAccessSettings.RunAsync(db, tenant.MunicipalityId!.Value, body.ExemptBusinessCodes, body.ProtectedDepartments,
            body.Parameters ?? new Dictionary<string, string?>(), body.Version, ct)).Map(ToResponse));
}
