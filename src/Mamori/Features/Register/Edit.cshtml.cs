using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Register;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Register;

[Authorize(Policy = Policies.RegisterWrite)]
public sealed class EditModel(AppDbContext db) : MamoriPageModel
{
    public sealed class InputModel
    {
        public string? FileNumber { get; set; }
        public string? Name { get; set; }
        public Guid? DepartmentId { get; set; }
        public string? Purpose { get; set; }
        public string? RecordItems { get; set; }
        public string? RecordScope { get; set; }
        public string? CollectionMethods { get; set; }
        public bool HasSensitive { get; set; }
        public string? SensitiveKinds { get; set; }
        public List<string> OrdinanceSelected { get; set; } = [];
        public string? RegularRecipients { get; set; }
        public string? RequestOffice { get; set; }
        public string? SpecialProvisions { get; set; }
        public string? SubjectCount { get; set; }
        public bool IsSpecificPersonalInfo { get; set; }
        public FileForm Form { get; set; }
        public string? Remarks { get; set; }
        public string? AgencyName { get; set; }
        public string? RequestOfficeAddress { get; set; }
        public bool HasRelatedManualFile { get; set; }
        public bool InvitesProposals { get; set; }
        public string? ProposalOffice { get; set; }
        public string? ProposalOfficeAddress { get; set; }
        public string? AnonymizedSummary { get; set; }
        public string? NoProposalReason { get; set; }
        public List<string> CollectionSelected { get; set; } = [];
        public Guid? Version { get; set; }
    }

    /// <summary>The usual 収集方法 (offered as choices; anything else goes in the text box, one per line).</summary>
    public static IReadOnlyList<string> CollectionChoices { get; } =
        ["本人から", "本人以外の者から", "他の行政機関等から", "他の地方公共団体から", "庁内の他の事務から", "事業者から", "公表資料から"];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Guid? Id { get; private set; }
    public bool IsRevision { get; private set; }
    public List<DepartmentNode> Departments { get; private set; } = [];
    public IReadOnlyList<string> OrdinanceCategories { get; private set; } = [];

    /// <summary>A 所管課 sees the 整理番号 but does not choose it.</summary>
    public bool NumberIsAssigned => db.Tenant.RestrictToDepartment;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var f = await db.PersonalInfoFiles.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (f is null || f.Status == RegisterStatus.Removed)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                FileNumber = f.FileNumber,
                Name = f.Name,
                DepartmentId = f.DepartmentId,
                Purpose = f.Purpose,
                RecordItems = f.RecordItems,
                RecordScope = f.RecordScope,
                CollectionSelected = RegisterContent.Lines(f.CollectionMethods).Where(CollectionChoices.Contains).ToList(),
                CollectionMethods = string.Join('\n', RegisterContent.Lines(f.CollectionMethods).Where(c => !CollectionChoices.Contains(c))),
                HasSensitive = f.HasSensitive,
                SensitiveKinds = f.SensitiveKinds,
                OrdinanceSelected = RegisterContent.Lines(f.OrdinanceSensitive).ToList(),
                RegularRecipients = f.RegularRecipients,
                RequestOffice = f.RequestOffice,
                SpecialProvisions = f.SpecialProvisions,
                SubjectCount = f.SubjectCount?.ToString("N0"),
                IsSpecificPersonalInfo = f.IsSpecificPersonalInfo,
                Form = f.Form,
                Remarks = f.Remarks,
                AgencyName = f.AgencyName,
                RequestOfficeAddress = f.RequestOfficeAddress,
                HasRelatedManualFile = f.HasRelatedManualFile,
                InvitesProposals = f.InvitesProposals,
                ProposalOffice = f.ProposalOffice,
                ProposalOfficeAddress = f.ProposalOfficeAddress,
                AnonymizedSummary = f.AnonymizedSummary,
                NoProposalReason = f.NoProposalReason,
                Version = f.Version,
            };
        }
        else
        {
            Input.AgencyName = await RegisterWorkflow.DefaultAgencyAsync(db, ct);
            if (db.Tenant.RestrictToDepartment)
            {
                Input.DepartmentId = db.Tenant.DepartmentId;
            }
        }
        return await PrepareAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        long? subjects = null;
        if (!string.IsNullOrWhiteSpace(Input.SubjectCount))
        {
            if (JapaneseNumber.TryParse(Input.SubjectCount, out var n))
            {
                subjects = n;
            }
            else
            {
                ModelState.AddModelError("Input.SubjectCount", $"本人の数「{Input.SubjectCount}」は数として読めません。12345 や 12,345 のように入力してください。");
            }
        }
        if (!ModelState.IsValid)
        {
            return await PrepareAsync(id, ct);
        }
        var outcome = await RegisterWorkflow.SaveAsync(db, id, new RegisterInput
        {
            FileNumber = Input.FileNumber,
            Name = Input.Name,
            DepartmentId = Input.DepartmentId,
            Purpose = Input.Purpose,
            RecordItems = Input.RecordItems,
            RecordScope = Input.RecordScope,
            CollectionMethods = string.Join('\n', Input.CollectionSelected.Concat(RegisterContent.Lines(Input.CollectionMethods)).Distinct()),
            HasSensitive = Input.HasSensitive,
            SensitiveKinds = Input.SensitiveKinds,
            OrdinanceSensitive = string.Join('\n', Input.OrdinanceSelected),
            RegularRecipients = Input.RegularRecipients,
            RequestOffice = Input.RequestOffice,
            SpecialProvisions = Input.SpecialProvisions,
            SubjectCount = subjects,
            IsSpecificPersonalInfo = Input.IsSpecificPersonalInfo,
            Form = Input.Form,
            Remarks = Input.Remarks,
            AgencyName = Input.AgencyName,
            RequestOfficeAddress = Input.RequestOfficeAddress,
            HasRelatedManualFile = Input.HasRelatedManualFile,
            InvitesProposals = Input.InvitesProposals,
            ProposalOffice = Input.ProposalOffice,
            ProposalOfficeAddress = Input.ProposalOfficeAddress,
            AnonymizedSummary = Input.AnonymizedSummary,
            NoProposalReason = Input.NoProposalReason,
            Version = Input.Version,
        }, ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome);
            return await PrepareAsync(id, ct);
        }
        Flash($"「{outcome.Value!.Name}」を下書きとして保存しました。内容がよければ「事務局へ提出」してください。");
        return Redirect($"/register/{outcome.Value.Id}");
    }

    private async Task<IActionResult> PrepareAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        IsRevision = id is not null && await db.PersonalInfoFileVersions.AnyAsync(v => v.FileId == id, ct);
        SetTitle(id is null ? "個人情報ファイルの登録" : IsRevision ? "個人情報ファイルの改訂" : "個人情報ファイルの編集", new Crumb("個人情報ファイル簿", "/register"));
        OrdinanceCategories = await RegisterWorkflow.OrdinanceCategoriesAsync(db, ct);
        Departments = await DepartmentTree.AssignableAsync(db, ct);
        return Page();
    }
}
