namespace Mamori.Core.Data;

/// <summary>
/// Who is acting and within which municipality and department. One per request (or per command);
/// <see cref="AppDbContext"/> reads it for its query filters, its write guard and the audit trail.
/// </summary>
public sealed class CurrentTenant
{
    /// <summary>The municipality whose rows are visible; null sees no municipality-owned rows.</summary>
    public Guid? MunicipalityId { get; private set; }

    /// <summary>The department a 所管課 user is limited to.</summary>
    public Guid? DepartmentId { get; private set; }

    /// <summary>True for 所管課 users: department-owned rows of other departments are invisible and read-only.</summary>
    public bool RestrictToDepartment { get; private set; }

    /// <summary>
    /// For 委員 accounts: the councils (and subcommittees) they sit on. Rows of other councils are invisible
    /// and read-only. Null means no council restriction.
    /// </summary>
    public IReadOnlyList<Guid>? CouncilIds { get; private set; }

    /// <summary>Limits the request to the councils a 委員 sits on.</summary>
    public void RestrictToCouncils(IEnumerable<Guid> councilIds) => CouncilIds = councilIds.Distinct().ToList();

    /// <summary>True for platform work (command line, first-run setup) that spans municipalities.</summary>
    public bool IsSystem { get; private set; }

    /// <summary>The acting account's id, when a person is acting.</summary>
    public string? UserId { get; private set; }

    /// <summary>The name recorded in the audit trail.</summary>
    public string ActorName { get; private set; } = "未ログイン";

    /// <summary>Acts as a signed-in user.</summary>
    public void SetUser(string userId, string actorName, Guid municipalityId, Guid? departmentId, bool restrictToDepartment)
    {
        UserId = userId;
        ActorName = actorName;
        MunicipalityId = municipalityId;
        DepartmentId = departmentId;
        RestrictToDepartment = restrictToDepartment;
        IsSystem = false;
        CouncilIds = null;
    }

    /// <summary>Acts for the public pages of one municipality (no user).</summary>
    public void SetPublic(Guid municipalityId) => SetJob(municipalityId, "公開ページ");

    /// <summary>Acts as the system, across municipalities (CLI, setup, background jobs).</summary>
    public void SetSystem(string actorName)
    {
        IsSystem = true;
        ActorName = actorName;
        UserId = null;
        MunicipalityId = null;
        RestrictToDepartment = false;
        CouncilIds = null;
    }

    /// <summary>Acts as a background job within one municipality (the notices of that municipality, say).</summary>
    public void SetJob(Guid municipalityId, string actorName)
    {
        IsSystem = false;
        ActorName = actorName;
        UserId = null;
        MunicipalityId = municipalityId;
        DepartmentId = null;
        RestrictToDepartment = false;
        CouncilIds = null;
    }
}
