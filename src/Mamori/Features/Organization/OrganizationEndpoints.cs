using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Mamori.Features.Organization.Staff;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Organization;

/// <summary>/api/v1/organization: departments, staff and their absences, the long-absence check and suspension, the municipality's settings.</summary>
public static class OrganizationEndpoints
{
    public sealed record DepartmentResponse(Guid Id, Guid? ParentId, string Name, string Label, string? Code, bool IsActive, Guid Version);

    public sealed record DepartmentRequest(string? Name, string? Code, Guid? ParentId, int SortOrder, bool? IsActive, Guid? Version);

    public sealed record AbsenceResponse(DateOnly Start, DateOnly? End, string Reason);

    public sealed record StaffResponse(Guid Id, string EmployeeNumber, string Name, string? NameKana, Guid DepartmentId, string Department,
        string Status, string StatusName, DateOnly? StartDate, DateOnly? EndDate, Guid Version, IReadOnlyList<AbsenceResponse> Absences);

    public sealed record StaffRequest(string? EmployeeNumber, string? Name, string? NameKana, Guid? DepartmentId, string? Status,
        string? StartDate, string? EndDate, Guid? Version);

    public sealed record LongAbsenceResponse(string UserId, string UserName, string DisplayName, string? StaffName, IReadOnlyList<string> Reasons, int Days);

    public sealed record SuspendRequest(string? Reason);

    public static RouteGroupBuilder MapOrganizationEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/organization").WithTags("組織");
        g.MapGet("/departments", ListDepartments).RequireAuthorization(Policies.OrganizationRead).WithSummary("部署の一覧");
        g.MapPost("/departments", CreateDepartment).RequireAuthorization(Policies.Administer).WithSummary("部署の登録");
        g.MapPut("/departments/{id:guid}", UpdateDepartment).RequireAuthorization(Policies.Administer).WithSummary("部署の更新");
        g.MapGet("/staff", ListStaff).RequireAuthorization(Policies.OrganizationRead).WithSummary("職員の一覧");
        g.MapGet("/staff/{id:guid}", GetStaff).RequireAuthorization(Policies.OrganizationRead).WithSummary("職員");
        g.MapPost("/staff", CreateStaff).RequireAuthorization(Policies.StaffWrite).WithSummary("職員の登録");
        g.MapPut("/staff/{id:guid}", UpdateStaff).RequireAuthorization(Policies.StaffWrite).WithSummary("職員の更新");
        g.MapGet("/long-absence", LongAbsence).RequireAuthorization(Policies.AccountReview).WithSummary("長期不在チェック");
        g.MapPost("/accounts/{id}/suspend", Suspend).RequireAuthorization(Policies.AccountSuspend).WithSummary("アカウントの利用停止");
        g.MapPost("/staff/{id:guid}/absences", AddAbsence).RequireAuthorization(Policies.StaffWrite).WithSummary("休職・休業期間を加える（長期不在チェックに使う）");
        g.MapGet("/municipality", Municipality).RequireAuthorization(Policies.Administer).WithSummary("団体の設定");
        g.MapPut("/municipality", SaveMunicipalitySettings).RequireAuthorization(Policies.Administer)
            .WithSummary("団体の設定（団体名、条例要配慮個人情報（1行1つ）、漏えい等の速報の期限（開庁日）、報告対象の本人の数）");
        return api;
    }

    public sealed record AbsenceRequest(string? Start, string? End, string? Reason);

    public sealed record MunicipalityBody(string? Code, string? Name, string? OrdinanceSensitiveCategories, int? IncidentPreliminaryDays, int? IncidentPeopleThreshold);

    private static async Task<Results<Ok<StaffResponse>, Refusal>> AddAbsence(Guid id, AbsenceRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var start = ApiResults.ParseDate(body.Start, "start", errors);
        var end = ApiResults.ParseDate(body.End, "end", errors);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var added = await SaveStaff.AddAbsenceAsync(db, id, start, end, body.Reason, ct);
        return ApiResults.Changed(added.Ok ? Outcome<StaffResponse>.Success((await LoadStaffAsync(db, id, ct))!) : added.Refused<StaffResponse>());
    }

    private static MunicipalityBody ToResponse(Municipality m) =>
        new(m.Code, m.Name, m.OrdinanceSensitiveCategories, m.IncidentPreliminaryDays, m.IncidentPeopleThreshold);

    private static async Task<Results<Ok<MunicipalityBody>, NotFound>> Municipality(AppDbContext db, CancellationToken ct) =>
        await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(ct) is { } m ? TypedResults.Ok(ToResponse(m)) : TypedResults.NotFound();

    private static async Task<Results<Ok<MunicipalityBody>, Refusal>> SaveMunicipalitySettings(MunicipalityBody body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed((await SaveMunicipality.RunAsync(db,
            new MunicipalitySettings(body.Name, body.OrdinanceSensitiveCategories, body.IncidentPreliminaryDays, body.IncidentPeopleThreshold), ct)).Map(ToResponse));

    private static async Task<Ok<List<DepartmentResponse>>> ListDepartments(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await DepartmentTree.LoadAsync(db, ct))
            .Select(d => new DepartmentResponse(d.Id, d.ParentId, d.Name, d.Label, d.Code, d.IsActive, d.Version)).ToList());

    private static async Task<Results<Created<DepartmentResponse>, Refusal>> CreateDepartment(DepartmentRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created(await SaveDepartmentAsync(null, body, db, ct), d => $"/api/v1/organization/departments/{d.Id}");

    private static async Task<Results<Ok<DepartmentResponse>, Refusal>> UpdateDepartment(Guid id, DepartmentRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await SaveDepartmentAsync(id, body, db, ct));

    private static async Task<Outcome<DepartmentResponse>> SaveDepartmentAsync(Guid? id, DepartmentRequest body, AppDbContext db, CancellationToken ct)
    {
        var outcome = await SaveDepartment.RunAsync(db, id, new DepartmentInput(body.Name, body.Code, body.ParentId, body.SortOrder, body.IsActive ?? true, body.Version), ct);
        if (!outcome.Ok)
        {
            return outcome.Refused<DepartmentResponse>();
        }
        var d = (await DepartmentTree.LoadAsync(db, ct)).First(x => x.Id == outcome.Value!.Id);
        return Outcome<DepartmentResponse>.Success(new DepartmentResponse(d.Id, d.ParentId, d.Name, d.Label, d.Code, d.IsActive, d.Version));
    }

    private static async Task<Ok<List<StaffResponse>>> ListStaff(string? q, Guid? departmentId, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var rows = await StaffList.LoadAsync(db, q, departmentId, null, JapanTime.Today(clock), ct);
        return TypedResults.Ok(rows.Select(r => new StaffResponse(r.Id, r.EmployeeNumber, r.Name, r.NameKana, r.DepartmentId, r.Department,
            r.Status.ToString(), r.Status.JapaneseName(), r.StartDate, r.EndDate, Guid.Empty, [])).ToList());
    }

    private static async Task<Results<Ok<StaffResponse>, NotFound>> GetStaff(Guid id, AppDbContext db, CancellationToken ct)
    {
        var response = await LoadStaffAsync(db, id, ct);
        return response is null ? TypedResults.NotFound() : TypedResults.Ok(response);
    }

    private static async Task<Results<Created<StaffResponse>, Refusal>> CreateStaff(StaffRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created(await SaveStaffAsync(null, body, db, ct), s => $"/api/v1/organization/staff/{s.Id}");

    private static async Task<Results<Ok<StaffResponse>, Refusal>> UpdateStaff(Guid id, StaffRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await SaveStaffAsync(id, body, db, ct));

    private static async Task<Outcome<StaffResponse>> SaveStaffAsync(Guid? id, StaffRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var start = ApiResults.ParseDate(body.StartDate, "startDate", errors);
        var end = ApiResults.ParseDate(body.EndDate, "endDate", errors);
        var status = StaffStatus.Active;
        if (body.Status is { Length: > 0 } statusText && !TryParseStatus(statusText, out status))
        {
            errors["status"] = [$"status「{statusText}」は使えません。Active/OnLeave/Retired（在職/休職/退職）のいずれかを指定してください。"];
        }
        if (errors.Count > 0)
        {
            return Outcome<StaffResponse>.Fail(errors);
        }
        var outcome = await SaveStaff.RunAsync(db, id,
            new StaffInput
            {
                EmployeeNumber = body.EmployeeNumber,
                Name = body.Name,
                NameKana = body.NameKana,
                DepartmentId = body.DepartmentId,
                Status = status,
                StartDate = start,
                EndDate = end,
                Version = body.Version,
            }, ct);
        return outcome.Ok ? Outcome<StaffResponse>.Success((await LoadStaffAsync(db, outcome.Value!.Id, ct))!) : outcome.Refused<StaffResponse>();
    }

    private static bool TryParseStatus(string text, out StaffStatus status)
    {
        foreach (var s in Enum.GetValues<StaffStatus>())
        {
            if (string.Equals(text, s.ToString(), StringComparison.OrdinalIgnoreCase) || text == s.JapaneseName())
            {
                status = s;
                return true;
            }
        }
        status = default;
        return false;
    }

    private static async Task<StaffResponse?> LoadStaffAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var s = await db.Staff.AsNoTracking().Include(x => x.Absences).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return null;
        }
        var label = (await DepartmentTree.LoadAsync(db, ct)).FirstOrDefault(d => d.Id == s.DepartmentId)?.Label ?? string.Empty;
        return new StaffResponse(s.Id, s.EmployeeNumber, s.Name, s.NameKana, s.DepartmentId, label, s.Status.ToString(), s.Status.JapaneseName(),
            s.StartDate, s.EndDate, s.Version, s.Absences.OrderBy(a => a.Start).Select(a => new AbsenceResponse(a.Start, a.End, a.Reason)).ToList());
    }

    private static async Task<Ok<List<LongAbsenceResponse>>> LongAbsence(AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok((await ListLongAbsence.RunAsync(db, clock, ct))
            .Select(c => new LongAbsenceResponse(c.Account.UserId, c.Account.UserName, c.Account.DisplayName, c.Account.Staff?.Name, c.Reasons, c.Days))
            .ToList());

    private static async Task<Results<NoContent, NotFound, Refusal>> Suspend(string id, SuspendRequest? body, HttpContext http, AppDbContext db,
        UserManager<AppUser> users, TimeProvider clock, CancellationToken ct)
    {
        var user = await db.TenantUsers().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return TypedResults.NotFound();
        }
        var outcome = await SuspendAccount.SuspendAsync(users, user, body?.Reason, users.GetUserId(http.User)!, clock);
        return outcome.Ok ? TypedResults.NoContent() : ApiResults.Refused(outcome);
    }
}
