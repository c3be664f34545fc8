using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Features.Files;
using Mamori.Core.Features.Systems;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Systems;

/// <summary>/api/v1/systems: the 情報システム台帳, account list imports and the account check, with the same use cases as the pages.</summary>
public static class SystemsEndpoints
{
    public sealed record ColumnsBody(string? Login, string? EmployeeNumber, string? Name, string? Kana, string? LastUsed, string? State);

    public sealed record SystemRequest(string? Name, Guid? DepartmentId, string? Vendor, string? Hosting, bool HoldsMyNumber, string? Holds,
        IReadOnlyList<Guid>? RegisterFileIds, Guid? AssessedBusinessId, string? AccessLogSource, IReadOnlyList<Guid>? UsingDepartmentIds,
        IReadOnlyList<string>? AdministratorIds, int? UnusedDays, Guid? Version);

    public sealed record SystemResponse(Guid Id, string Name, Guid DepartmentId, string Department, string? Vendor, string Hosting, bool HoldsMyNumber,
        string? Holds, IReadOnlyList<Guid> RegisterFileIds, Guid? AssessedBusinessId, string? AccessLogSource, IReadOnlyList<Guid> UsingDepartmentIds,
        IReadOnlyList<string> AdministratorIds, int UnusedDays, ColumnsBody Columns, DateTime? LastImportedAt, int Accounts, int Unmatched, int OpenListings,
        int OverdueListings, Guid Version);

    public sealed record AccountResponse(int Row, string Login, string? EmployeeNumber, string? Name, string? NameKana, DateOnly? LastUsedOn, bool IsDisabled,
        Guid? StaffId, string MatchedBy);

    public sealed record ListingResponse(Guid Id, Guid SystemId, string Login, string? Name, Guid? StaffId, string Kind, string KindName, string Reason,
        DateOnly Since, DateOnly ListedOn, DateOnly DueOn, bool Overdue, string? Action, string? ActionName, DateOnly? ClosedOn, string? Note, string? ClosedBy,
        string? EvidenceName, Guid Version);

    public static RouteGroupBuilder MapSystemsEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/systems").WithTags("情報システム");
        g.MapGet("", List).RequireAuthorization(Policies.SystemsRead).WithSummary("情報システム台帳（所管課は自課のシステムのみ）");
        g.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.SystemsRead).WithSummary("情報システム");
        g.MapPost("", Create).RequireAuthorization(Policies.SystemsWrite).WithSummary("情報システムの登録");
        g.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.SystemsWrite).WithSummary("情報システムの変更");
        g.MapPut("/{id:guid}/columns", SaveColumns).RequireAuthorization(Policies.SystemsWrite).WithSummary("アカウント一覧の列の対応");
        g.MapPost("/{id:guid}/accounts", Import).RequireAuthorization(Policies.SystemsWrite)
            .WithSummary("アカウント一覧の取込（CSV・.xlsx。multipart の file か本文と ?fileName=。全件置換・誤りがあれば何も保存しない）");
        g.MapGet("/{id:guid}/accounts", Accounts).RequireAuthorization(Policies.SystemsRead).WithSummary("取り込んだアカウントと照合結果");
        g.MapGet("/{id:guid}/listings", Listings).RequireAuthorization(Policies.SystemsRead).WithSummary("アカウント点検の結果");
        g.MapPost("/listings/{id:guid}/close", Close).RequireAuthorization(Policies.SystemsWrite)
            .WithSummary("点検結果の対応（multipart：action=Suspended|Deleted|Continued、closedOn、note、version、file=証跡）");
        g.MapGet("/status.xlsx", StatusXlsx).RequireAuthorization(Policies.SystemsRead).WithSummary("アカウント点検の状況（.xlsx）");
        return api;
    }

    private static async Task<Ok<List<SystemResponse>>> List(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var report = await AccountCheckReport.BuildAsync(db, JapanTime.Today(clock), null, ct);
        return TypedResults.Ok(report.Systems.Select(ToResponse).ToList());
    }

    private static async Task<Results<Ok<SystemResponse>, NotFound>> Get(Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        await LoadAsync(db, id, clock, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    private static async Task<Results<Created<SystemResponse>, Refusal>> Create(SystemRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        ApiResults.Created(await SaveAsync(null, body, db, clock, ct), s => $"/api/v1/systems/{s.Id}");

    private static async Task<Results<Ok<SystemResponse>, Refusal>> Update(Guid id, SystemRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        ApiResults.Changed(await SaveAsync(id, body, db, clock, ct));

    private static async Task<Outcome<SystemResponse>> SaveAsync(Guid? id, SystemRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var hosting = ApiResults.ParseEnum<SystemHosting>(body.Hosting, "hosting", errors, h => h.JapaneseName()) ?? SystemHosting.OnPremises;
        if (errors.Count > 0)
        {
            return Outcome<SystemResponse>.Fail(errors);
        }
        var outcome = await SaveSystem.RunAsync(db, id, new SystemInput
        {
            Name = body.Name,
            DepartmentId = body.DepartmentId,
            Vendor = body.Vendor,
            Hosting = hosting,
            HoldsMyNumber = body.HoldsMyNumber,
            Holds = body.Holds,
            RegisterFileIds = body.RegisterFileIds ?? [],
            AssessedBusinessId = body.AssessedBusinessId,
            AccessLogSource = body.AccessLogSource,
            UsingDepartmentIds = body.UsingDepartmentIds ?? [],
            AdministratorIds = body.AdministratorIds ?? [],
            UnusedDays = body.UnusedDays,
            Version = body.Version,
        }, ct);
        return outcome.Ok ? Outcome<SystemResponse>.Success((await LoadAsync(db, outcome.Value!.Id, clock, ct))!) : outcome.Refused<SystemResponse>();
    }

    private static async Task<Results<Ok<SystemResponse>, Refusal>> SaveColumns(Guid id, ColumnsBody body, Guid? version, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var outcome = await SaveSystem.SaveColumnsAsync(db, id, new AccountColumns
        {
            Login = body.Login,
            EmployeeNumber = body.EmployeeNumber,
            Name = body.Name,
            Kana = body.Kana,
            LastUsed = body.LastUsed,
            State = body.State,
        }, version, ct);
        return ApiResults.Changed(outcome.Ok ? Outcome<SystemResponse>.Success((await LoadAsync(db, id, clock, ct))!) : outcome.Refused<SystemResponse>());
    }

    private static async Task<Results<Ok<AccountImportResult>, Refusal>> Import(Guid id, HttpRequest request, string? fileName, AppDbContext db, AccessLogFolders logs,
        TimeProvider clock, CancellationToken ct)
    {
        var (content, name, error) = await Uploads.ReadRequestAsync(request, fileName, UploadRules.MaxBytes, ct);
        if (error is not null)
        {
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["file"] = [error] });
        }
        return ApiResults.Changed(await ImportAccounts.RunAsync(db, id, name, new MemoryStream(content), clock, ct, logs.LastAccess(db.Tenant.MunicipalityId!.Value)));
    }

    private static async Task<Results<Ok<List<AccountResponse>>, NotFound>> Accounts(Guid id, AppDbContext db, CancellationToken ct)
    {
        if (!await db.BusinessSystems.AnyAsync(s => s.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        var rows = await db.SystemAccounts.AsNoTracking().Where(a => a.SystemId == id).OrderBy(a => a.Row).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(a => new AccountResponse(a.Row, a.Login, a.EmployeeNumber, a.Name, a.NameKana, a.LastUsedOn, a.IsDisabled, a.StaffId,
            a.MatchedBy.ToString())).ToList());
    }

    private static async Task<Results<Ok<List<ListingResponse>>, NotFound>> Listings(Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.BusinessSystems.AnyAsync(s => s.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        var report = await AccountCheckReport.BuildAsync(db, JapanTime.Today(clock), id, ct);
        return TypedResults.Ok(report.Listings.Select(l => ToResponse(l, report.Today)).ToList());
    }

    private static async Task<Results<Ok<ListingResponse>, Refusal>> Close(Guid id, HttpRequest request, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return ApiResults.Invalid(new Dictionary<string, string[]> { [""] = ["multipart/form-data か application/x-www-form-urlencoded で送ってください。"] });
        }
        var form = await request.ReadFormAsync(ct);
        var errors = new Dictionary<string, string[]>();
        var action = ApiResults.ParseEnum<ListingAction>(form["action"], "action", errors, a => a.JapaneseName());
        var closedOn = ApiResults.ParseDate(form["closedOn"], "closedOn", errors);
        Guid? version = Guid.TryParse(form["version"], out var v) ? v : null;
        byte[]? evidence = null;
        string? evidenceName = null;
        if (form.Files.GetFile("file") is { Length: > 0 } file)
        {
            var (content, tooLarge) = await Uploads.ReadAsync(file, UploadRules.MaxBytes, ct);
            if (tooLarge is not null)
            {
                errors["file"] = [tooLarge];
            }
            evidence = content;
            evidenceName = Path.GetFileName(file.FileName);
        }
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var outcome = await AccountListings.CloseAsync(db, id, new ListingClosure(action, closedOn, form["note"], evidenceName, evidence, version), clock, ct);
        var today = JapanTime.Today(clock);
        return ApiResults.Changed(outcome.Ok ? Outcome<ListingResponse>.Success(ToResponse(outcome.Value!, today)) : outcome.Refused<ListingResponse>());
    }

    private static async Task<FileContentHttpResult> StatusXlsx(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var report = await AccountCheckReport.BuildAsync(db, JapanTime.Today(clock), null, ct);
        return TypedResults.File(report.ToXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"アカウント点検の状況_{report.Today:yyyyMMdd}.xlsx");
    }

    private static async Task<SystemResponse?> LoadAsync(AppDbContext db, Guid id, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.BusinessSystems.AnyAsync(s => s.Id == id, ct))
        {
            return null;
        }
        var report = await AccountCheckReport.BuildAsync(db, JapanTime.Today(clock), id, ct);
        return ToResponse(report.Systems[0]);
    }

    private static SystemResponse ToResponse(SystemStatusRow r)
    {
        var s = r.System;
        var c = s.Columns;
        return new SystemResponse(s.Id, s.Name, s.DepartmentId, r.Department, s.Vendor, s.Hosting.ToString(), s.HoldsMyNumber, s.Holds, s.RegisterFileIds,
            s.AssessedBusinessId, s.AccessLogSource, s.UsingDepartmentIds, s.AdministratorIds, s.UnusedDays,
            new ColumnsBody(c.Login, c.EmployeeNumber, c.Name, c.Kana, c.LastUsed, c.State), s.LastImportedAt, r.Accounts, r.Unmatched, r.Open, r.Overdue, s.Version);
    }

    private static ListingResponse ToResponse(AccountListing l, DateOnly today) => new(l.Id, l.SystemId, l.Login, l.Name, l.StaffId, l.Kind.ToString(),
        l.Kind.JapaneseName(), l.Reason, l.Since, l.ListedOn, l.DueOn, l.IsOverdue(today), l.Action?.ToString(), l.Action?.JapaneseName(), l.ClosedOn, l.Note,
        l.ClosedBy, l.EvidenceName, l.Version);
}
