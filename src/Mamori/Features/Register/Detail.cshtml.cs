using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Register;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Register;

[Authorize(Policy = Policies.RegisterRead)]
public sealed class DetailModel(AppDbContext db, IAuthorizationService authz, TimeProvider clock) : MamoriPageModel
{
    /// <summary>The contracts this file is handled under (null when the user may not read contracts).</summary>
    public IReadOnlyList<Core.Features.Contracts.LinkedContract>? Contracts { get; private set; }

    public Guid Id { get; private set; }
    public RegisterContent? Entry { get; private set; }
    public RegisterStatus Status { get; private set; }
    public string? ReturnComment { get; private set; }
    public string? RemovalReason { get; private set; }
    public bool HasUnpublishedChanges { get; private set; }
    public List<PersonalInfoFileVersion> Versions { get; private set; } = [];
    public PersonalInfoFileVersion? ShowingVersion { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanSubmit { get; private set; }
    public bool CanReview { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? version, CancellationToken ct)
    {
        var file = await db.PersonalInfoFiles.AsNoTracking().Include(f => f.Versions).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (file is null)
        {
            return NotFound();
        }
        Id = id;
        Versions = file.Versions.OrderBy(v => v.Number).ToList();
        var publishedOnly = User.Role() == UserRole.Member;
        if (publishedOnly && (Versions.Count == 0 || file.Status == RegisterStatus.Removed))
        {
            return NotFound();
        }
        if (version is not null || publishedOnly)
        {
            ShowingVersion = version is { } n ? Versions.FirstOrDefault(v => v.Number == n) : Versions[^1];
            if (ShowingVersion is null)
            {
                return NotFound();
            }
            Entry = RegisterContent.FromJson(ShowingVersion.Snapshot);
        }
        else
        {
            Entry = RegisterContent.Of(file, (await DepartmentTree.LabelsAsync(db, ct)).GetValueOrDefault(file.DepartmentId, ""));
        }
        Status = publishedOnly ? RegisterStatus.Published : file.Status;
        ReturnComment = publishedOnly ? null : file.ReturnComment;
        RemovalReason = file.Status == RegisterStatus.Removed ? file.RemovalReason : null;
        HasUnpublishedChanges = !publishedOnly && file.HasUnpublishedChanges;

        var canWrite = !publishedOnly && (await authz.AuthorizeAsync(User, Policies.RegisterWrite)).Succeeded;
        CanReview = (await authz.AuthorizeAsync(User, Policies.RegisterReview)).Succeeded;
        CanEdit = canWrite && file.Status != RegisterStatus.Removed && (file.Status != RegisterStatus.Submitted || CanReview);
        CanSubmit = canWrite && file.Status is RegisterStatus.Draft or RegisterStatus.Returned;
        if ((await authz.AuthorizeAsync(User, Policies.ContractsRead)).Succeeded)
        {
            Contracts = await Core.Features.Contracts.ContractLinks.ForRegisterFileAsync(db, id, Core.Japanese.JapanTime.Today(clock), ct);
        }
        SetTitle(Entry.Name, new Crumb("個人情報ファイル簿", "/register"));
        return Page();
    }
}
