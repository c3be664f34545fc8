using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Register;
using Mamori.Core.Japanese;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Register;

/// <summary>/api/v1/register: the register with the same rules and roles as the pages.</summary>
public static class RegisterEndpoints
{
    public sealed record FileRequest(
        string? FileNumber, string? Name, Guid? DepartmentId, string? Purpose, IReadOnlyList<string>? RecordItems, string? RecordScope,
        IReadOnlyList<string>? CollectionMethods, bool HasSensitive, string? SensitiveKinds, IReadOnlyList<string>? OrdinanceSensitive,
        string? RegularRecipients, string? RequestOffice, string? SpecialProvisions, long? SubjectCount, bool IsSpecificPersonalInfo,
        string? Form, string? Remarks, Guid? Version, string? AgencyName = null, string? RequestOfficeAddress = null,
        bool HasRelatedManualFile = false, bool InvitesProposals = false, string? ProposalOffice = null, string? ProposalOfficeAddress = null,
        string? AnonymizedSummary = null, string? NoProposalReason = null);

    public sealed record StepRequest(string? Comment, string? Reason);

    public sealed record VersionResponse(int Number, DateOnly RevisedOn, string Reason);

    public sealed record FileResponse(Guid Id, string Status, string StatusName, string? ReturnComment, bool HasUnpublishedChanges,
        Guid Version, RegisterContent Content, IReadOnlyList<VersionResponse> Versions);

    public sealed record RowResponse(Guid Id, string FileNumber, string Name, string Department, string Status, string StatusName,
        long? SubjectCount, bool IsStatutory, bool IsSpecificPersonalInfo, bool HasSensitive, DateOnly? LastRevisedOn);

    public static RouteGroupBuilder MapRegisterEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/register").WithTags("個人情報ファイル簿");
        g.MapGet("", List).RequireAuthorization(Policies.RegisterRead).WithSummary("個人情報ファイルの一覧");
        g.MapGet("/export", Export).RequireAuthorization(Policies.RegisterRead).WithSummary("公表中の個人情報ファイル簿（CSV）");
        g.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.RegisterRead).WithSummary("個人情報ファイル");
        g.MapPost("", Create).RequireAuthorization(Policies.RegisterWrite).WithSummary("個人情報ファイルの登録（下書き）");
        g.MapPost("/import", Import).RequireAuthorization(Policies.RegisterWrite)
            .WithSummary("個人情報ファイル簿の取込（書き出しと同じ列の CSV・.xlsx。multipart の file か本文と ?fileName=。整理番号で照合、誤りがあれば何も保存しない）");
        g.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.RegisterWrite).WithSummary("個人情報ファイルの変更");
        g.MapPost("/{id:guid}/submit", Submit).RequireAuthorization(Policies.RegisterWrite).WithSummary("事務局へ提出");
        g.MapPost("/{id:guid}/return", Return).RequireAuthorization(Policies.RegisterReview).WithSummary("差戻し");
        g.MapPost("/{id:guid}/confirm", Confirm).RequireAuthorization(Policies.RegisterReview).WithSummary("確認");
        g.MapPost("/{id:guid}/publish", Publish).RequireAuthorization(Policies.RegisterReview).WithSummary("公表");
        g.MapPost("/{id:guid}/remove", Remove).RequireAuthorization(Policies.RegisterReview).WithSummary("消除");
        return api;
    }

    private static bool PublishedOnly(HttpContext http) => http.User.Role() == UserRole.Member;

    private static async Task<Ok<List<RowResponse>>> List(HttpContext http, string? q, Guid? departmentId, RegisterStatus? status, bool? statutory,
        bool? specific, bool? sensitive, AppDbContext db, CancellationToken ct)
    {
        var filter = new RegisterFilter(q, departmentId, status, statutory, specific, sensitive);
        var rows = PublishedOnly(http)
            ? (await RegisterQueries.PublishedAsync(db, filter, ct)).Select(RegisterRow.Of).ToList()
            : await RegisterQueries.ListAsync(db, filter, ct);
        return TypedResults.Ok(rows.Select(r => new RowResponse(r.Id, r.FileNumber, r.Name, r.Department, r.Status.ToString(), r.Status.JapaneseName(),
            r.SubjectCount, r.IsStatutory, r.IsSpecificPersonalInfo, r.HasSensitive, r.LastRevisedOn)).ToList());
    }

    private static async Task<Results<Ok<FileResponse>, NotFound>> Get(Guid id, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var response = await LoadAsync(db, id, PublishedOnly(http), ct);
        return response is null ? TypedResults.NotFound() : TypedResults.Ok(response);
    }

    private static async Task<FileResponse?> LoadAsync(AppDbContext db, Guid id, bool publishedOnly, CancellationToken ct)
    {
        var file = await db.PersonalInfoFiles.AsNoTracking().Include(f => f.Versions).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (file is null)
        {
            return null;
        }
        var versions = file.Versions.OrderBy(v => v.Number).Select(v => new VersionResponse(v.Number, v.RevisedOn, v.Reason)).ToList();
        if (publishedOnly)
        {
            var latest = file.Versions.OrderByDescending(v => v.Number).FirstOrDefault();
            return latest is null || file.Status == RegisterStatus.Removed
                ? null
                : new FileResponse(file.Id, nameof(RegisterStatus.Published), RegisterStatus.Published.JapaneseName(), null, false, Guid.Empty,
                    RegisterContent.FromJson(latest.Snapshot), versions);
        }
        var label = (await Core.Features.Organization.DepartmentTree.LabelsAsync(db, ct)).GetValueOrDefault(file.DepartmentId, "");
        return new FileResponse(file.Id, file.Status.ToString(), file.Status.JapaneseName(), file.ReturnComment, file.HasUnpublishedChanges,
            file.Version, RegisterContent.Of(file, label), versions);
    }

    private static RegisterInput Input(FileRequest r, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var form = FileForm.Electronic;
        if (r.Form is { Length: > 0 } text && !RegisterNames.TryParseForm(text, out form))
        {
            errors["form"] = [$"form「{text}」は使えません。電算処理ファイル・マニュアル処理ファイル・電算・マニュアル（Electronic/Manual/Both）のいずれかです。"];
        }
        static string? Lines(IReadOnlyList<string>? items) => items is null ? null : string.Join('\n', items);
        return new RegisterInput
        {
            FileNumber = r.FileNumber,
            Name = r.Name,
            DepartmentId = r.DepartmentId,
            Purpose = r.Purpose,
            RecordItems = Lines(r.RecordItems),
            RecordScope = r.RecordScope,
            CollectionMethods = Lines(r.CollectionMethods),
            HasSensitive = r.HasSensitive,
            SensitiveKinds = r.SensitiveKinds,
            OrdinanceSensitive = Lines(r.OrdinanceSensitive),
            RegularRecipients = r.RegularRecipients,
            RequestOffice = r.RequestOffice,
            SpecialProvisions = r.SpecialProvisions,
            SubjectCount = r.SubjectCount,
            IsSpecificPersonalInfo = r.IsSpecificPersonalInfo,
            Form = form,
            Remarks = r.Remarks,
            AgencyName = r.AgencyName,
            RequestOfficeAddress = r.RequestOfficeAddress,
            HasRelatedManualFile = r.HasRelatedManualFile,
            InvitesProposals = r.InvitesProposals,
            ProposalOffice = r.ProposalOffice,
            ProposalOfficeAddress = r.ProposalOfficeAddress,
            AnonymizedSummary = r.AnonymizedSummary,
            NoProposalReason = r.NoProposalReason,
            Version = r.Version,
        };
    }

    private static async Task<Results<Created<FileResponse>, Refusal>> Create(FileRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created(await SaveAsync(null, body, db, ct), f => $"/api/v1/register/{f.Id}");

    private static async Task<Results<Ok<FileResponse>, Refusal>> Update(Guid id, FileRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await SaveAsync(id, body, db, ct));

    private static async Task<Core.Outcome<FileResponse>> SaveAsync(Guid? id, FileRequest body, AppDbContext db, CancellationToken ct)
    {
        var input = Input(body, out var errors);
        if (errors.Count > 0)
        {
            return Core.Outcome<FileResponse>.Fail(errors);
        }
        return await ResponseAsync(db, await RegisterWorkflow.SaveAsync(db, id, input, ct), ct);
    }

    /// <summary>The file as the API shows it after a change, or the change's refusal.</summary>
    private static async Task<Core.Outcome<FileResponse>> ResponseAsync(AppDbContext db, Core.Outcome<PersonalInfoFile> outcome, CancellationToken ct) =>
        outcome.Ok
            ? Core.Outcome<FileResponse>.Success((await LoadAsync(db, outcome.Value!.Id, publishedOnly: false, ct))!)
            : outcome.Refused<FileResponse>();

    private static async Task<Results<Ok<FileResponse>, Refusal>> Submit(Guid id, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await ResponseAsync(db, await RegisterWorkflow.SubmitAsync(db, id, ct), ct));

    private static async Task<Results<Ok<FileResponse>, Refusal>> Return(Guid id, StepRequest? body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await ResponseAsync(db, await RegisterWorkflow.ReturnAsync(db, id, body?.Comment, ct), ct));

    private static async Task<Results<Ok<FileResponse>, Refusal>> Confirm(Guid id, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await ResponseAsync(db, await RegisterWorkflow.ConfirmAsync(db, id, ct), ct));

    private static async Task<Results<Ok<FileResponse>, Refusal>> Publish(Guid id, StepRequest? body, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        ApiResults.Changed(await ResponseAsync(db, await RegisterWorkflow.PublishAsync(db, id, body?.Reason, clock, ct), ct));

    private static async Task<Results<Ok<FileResponse>, Refusal>> Remove(Guid id, StepRequest? body, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        ApiResults.Changed(await ResponseAsync(db, await RegisterWorkflow.RemoveAsync(db, id, body?.Reason, clock, ct), ct));

    private static async Task<FileContentHttpResult> Export(string? encoding, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var published = await RegisterQueries.PublishedAsync(db, null, ct);
        var csvEncoding = CsvEncodings.FromName(encoding);
        var bytes = CsvWriter.ToBytes(csvEncoding, RegisterCsv.Headers, published.Select(p => RegisterCsv.Row(p.Content, p.RevisedOn)));
        return TypedResults.File(bytes, CsvEncodings.ContentType(csvEncoding),
            $"個人情報ファイル簿_{JapanTime.Today(clock):yyyyMMdd}.csv");
    }

    public sealed record ImportResponse(int Created, int Updated, int Unchanged);

    private static async Task<Results<Ok<ImportResponse>, Refusal>> Import(HttpRequest request, string? fileName, AppDbContext db, CancellationToken ct)
    {
        var (content, name, error) = await Features.Shared.Uploads.ReadRequestAsync(request, fileName, 20 * 1024 * 1024, ct);
        if (error is not null)
        {
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["file"] = [error] });
        }
        ImportResult result;
        try
        {
            result = await ImportRegister.RunAsync(db, TableFile.Read(new MemoryStream(content), name), ct);
        }
        catch (CsvFormatException ex)
        {
            return ApiResults.Unreadable(ex.Message);
        }
        return result.Ok ? TypedResults.Ok(new ImportResponse(result.Created, result.Updated, result.Unchanged)) : ApiResults.ImportRefused(name, result.Problems);
    }
}
