using System.Linq.Expressions;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Assessments;
using Mamori.Core.Features.Audit;
using Mamori.Core.Features.Contracts;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Files;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Minutes;
using Mamori.Core.Features.Notices;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Register;
using Mamori.Core.Features.Reports;
using Mamori.Core.Features.Reviews;
using Mamori.Core.Features.Security;
using Mamori.Core.Features.Statistics;
using Mamori.Core.Features.Systems;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Data;

/// <summary>
/// The one database context. Municipality and department scoping live here, once: every
/// <see cref="IMunicipalityOwned"/> entity gets a query filter on the current municipality and every
/// <see cref="IDepartmentOwned"/> entity one on the 所管課 user's department; saving checks the same
/// boundaries, so a page that forgets cannot leak or change another tenant's rows.
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options, CurrentTenant tenant) : IdentityUserContext<AppUser>(options), IDataProtectionKeyContext
{
    public const string TenantFilter = "Tenant";
    public const string DepartmentFilter = "Department";
    public const string CouncilFilter = "Council";

    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Staff> Staff => Set<Staff>();
    public DbSet<AbsencePeriod> AbsencePeriods => Set<AbsencePeriod>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();
    public DbSet<Features.Accounts.DirectorySignIn.DirectoryConnection> DirectoryConnections => Set<Features.Accounts.DirectorySignIn.DirectoryConnection>();
    public DbSet<Features.Accounts.DirectorySignIn.DirectoryGroupRule> DirectoryGroupRules => Set<Features.Accounts.DirectorySignIn.DirectoryGroupRule>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PersonalInfoFile> PersonalInfoFiles => Set<PersonalInfoFile>();
    public DbSet<PersonalInfoFileVersion> PersonalInfoFileVersions => Set<PersonalInfoFileVersion>();
    public DbSet<Business> Businesses => Set<Business>();
    public DbSet<InspectionTemplate> InspectionTemplates => Set<InspectionTemplate>();
    public DbSet<ReviewRound> ReviewRounds => Set<ReviewRound>();
    public DbSet<ReviewCase> ReviewCases => Set<ReviewCase>();
    public DbSet<SelfInspection> SelfInspections => Set<SelfInspection>();
    public DbSet<CaseEntry> CaseEntries => Set<CaseEntry>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<AdvisoryCouncil> Councils => Set<AdvisoryCouncil>();
    public DbSet<CouncilMember> CouncilMembers => Set<CouncilMember>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<Attendance> Attendances => Set<Attendance>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<MeetingItem> MeetingItems => Set<MeetingItem>();
    public DbSet<Toshin> Toshins => Set<Toshin>();
    public DbSet<Material> Materials => Set<Material>();
    public DbSet<ToshinResponse> ToshinResponses => Set<ToshinResponse>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<TopicProposal> TopicProposals => Set<TopicProposal>();
    public DbSet<WrittenOpinion> WrittenOpinions => Set<WrittenOpinion>();
    public DbSet<MinutesTurn> MinutesTurns => Set<MinutesTurn>();
    public DbSet<MinutesImportRecord> MinutesImports => Set<MinutesImportRecord>();
    public DbSet<MinutesSynonymGroup> MinutesSynonymGroups => Set<MinutesSynonymGroup>();
    public DbSet<MinutesChange> MinutesChanges => Set<MinutesChange>();
    public DbSet<AssessedBusiness> AssessedBusinesses => Set<AssessedBusiness>();
    public DbSet<AssessedBusinessFile> AssessedBusinessFiles => Set<AssessedBusinessFile>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<AssessmentDocument> AssessmentDocuments => Set<AssessmentDocument>();
    public DbSet<AssessmentChange> AssessmentChanges => Set<AssessmentChange>();
    public DbSet<ChecklistTemplate> ChecklistTemplates => Set<ChecklistTemplate>();
    public DbSet<ChecklistAssessment> ChecklistAssessments => Set<ChecklistAssessment>();
    public DbSet<ChecklistAnswer> ChecklistAnswers => Set<ChecklistAnswer>();
    public DbSet<SelfCheckCampaign> SelfCheckCampaigns => Set<SelfCheckCampaign>();
    public DbSet<SelfCheckQuestionSet> SelfCheckQuestionSets => Set<SelfCheckQuestionSet>();
    public DbSet<SelfCheckResponse> SelfCheckResponses => Set<SelfCheckResponse>();
    public DbSet<SelfCheckReflection> SelfCheckReflections => Set<SelfCheckReflection>();
    public DbSet<Drill> Drills => Set<Drill>();
    public DbSet<RoomEntry> RoomEntries => Set<RoomEntry>();
    public DbSet<RoomReason> RoomReasons => Set<RoomReason>();
    public DbSet<Terminal> Terminals => Set<Terminal>();
    public DbSet<TerminalAudit> TerminalAudits => Set<TerminalAudit>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<InspectionDepartment> InspectionDepartments => Set<InspectionDepartment>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<FindingEvidence> FindingEvidence => Set<FindingEvidence>();
    public DbSet<RecurringTask> RecurringTasks => Set<RecurringTask>();
    public DbSet<TaskCompletion> TaskCompletions => Set<TaskCompletion>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<IncidentReport> IncidentReports => Set<IncidentReport>();
    public DbSet<StatRow> StatRows => Set<StatRow>();
    public DbSet<StatDatasetSetting> StatDatasetSettings => Set<StatDatasetSetting>();
    public DbSet<StatDataset> StatDatasets => Set<StatDataset>();
    public DbSet<ReportTemplate> ReportTemplates => Set<ReportTemplate>();
    public DbSet<AnnualReport> AnnualReports => Set<AnnualReport>();
    public DbSet<AccessJob> AccessJobs => Set<AccessJob>();
    public DbSet<AccessAnalysis> AccessAnalyses => Set<AccessAnalysis>();
    public DbSet<AccessDay> AccessDays => Set<AccessDay>();
    public DbSet<AccessAlert> AccessAlerts => Set<AccessAlert>();
    public DbSet<AlertComment> AlertComments => Set<AlertComment>();
    public DbSet<AccessAllowlistEntry> AccessAllowlist => Set<AccessAllowlistEntry>();
    public DbSet<AccessMonitoringSetting> AccessMonitoringSettings => Set<AccessMonitoringSetting>();
    public DbSet<AccessSearch> AccessSearches => Set<AccessSearch>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<NoticeSettings> NoticeSettings => Set<NoticeSettings>();
    public DbSet<ServiceLease> ServiceLeases => Set<ServiceLease>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<LoginFailure> LoginFailures => Set<LoginFailure>();
    public DbSet<BusinessSystem> BusinessSystems => Set<BusinessSystem>();
    public DbSet<SystemAccount> SystemAccounts => Set<SystemAccount>();
    public DbSet<AccountListing> AccountListings => Set<AccountListing>();
    public DbSet<Features.Advisories.Advisory> Advisories => Set<Features.Advisories.Advisory>();
    public DbSet<Features.Advisories.AdvisoryTask> AdvisoryTasks => Set<Features.Advisories.AdvisoryTask>();
    public DbSet<Features.Standardization.StandardizationTarget> StandardizationTargets => Set<Features.Standardization.StandardizationTarget>();
    public DbSet<Features.MyNumber.MyNumberProcedure> MyNumberProcedures => Set<Features.MyNumber.MyNumberProcedure>();
    public DbSet<Features.MyNumber.OrdinanceAmendment> OrdinanceAmendments => Set<Features.MyNumber.OrdinanceAmendment>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<ContractCertification> ContractCertifications => Set<ContractCertification>();
    public DbSet<Reconsignment> Reconsignments => Set<Reconsignment>();
    public DbSet<ContractDocument> ContractDocuments => Set<ContractDocument>();
    public DbSet<ClauseTemplate> ClauseTemplates => Set<ClauseTemplate>();
    public DbSet<ContractVisit> ContractVisits => Set<ContractVisit>();

    /// <summary>The acting user and scope.</summary>
    public CurrentTenant Tenant => tenant;

    // Read by the query filters; EF parameterizes them per context instance.
    private bool IsSystem => tenant.IsSystem;
    private Guid? CurrentMunicipalityId => tenant.MunicipalityId;
    private bool RestrictToDepartment => tenant.RestrictToDepartment;
    private Guid? CurrentDepartmentId => tenant.DepartmentId;
    private bool RestrictToCouncils => tenant.CouncilIds is not null;
    private IReadOnlyList<Guid> CouncilIds => tenant.CouncilIds ?? [];

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(4000);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        builder.Entity<Municipality>().HasQueryFilter(TenantFilter, m => IsSystem || m.Id == CurrentMunicipalityId);
        builder.Entity<AdvisoryCouncil>().HasQueryFilter(CouncilFilter, c => !RestrictToCouncils || CouncilIds.Contains(c.Id));
        builder.Entity<AuditEntry>().HasQueryFilter(TenantFilter, e => IsSystem || e.MunicipalityId == CurrentMunicipalityId);
        // Written before the tenant is known (sign-in, a failed login), so not IMunicipalityOwned; read like it.
        builder.Entity<SecurityEvent>().HasQueryFilter(TenantFilter, e => IsSystem || e.MunicipalityId == CurrentMunicipalityId);
        builder.Entity<SignInSession>().HasQueryFilter(TenantFilter, s => IsSystem || s.MunicipalityId == CurrentMunicipalityId);

        foreach (var type in builder.Model.GetEntityTypes().Select(t => t.ClrType).ToList())
        {
            if (typeof(IMunicipalityOwned).IsAssignableFrom(type))
            {
                builder.Entity(type).HasQueryFilter(TenantFilter, Lambda<IMunicipalityOwned>(type,
                    e => IsSystem || e.MunicipalityId == CurrentMunicipalityId));
            }
            if (typeof(ICouncilOwned).IsAssignableFrom(type))
            {
                builder.Entity(type).HasQueryFilter(CouncilFilter, Lambda<ICouncilOwned>(type,
                    e => !RestrictToCouncils || CouncilIds.Contains(e.CouncilId)));
            }
            if (typeof(IDepartmentOwned).IsAssignableFrom(type))
            {
                builder.Entity(type).HasQueryFilter(DepartmentFilter, Lambda<IDepartmentOwned>(type,
                    e => !RestrictToDepartment || e.DepartmentId == CurrentDepartmentId));
            }
        }
    }

    /// <summary>Rewrites a filter written against an interface into one on the concrete entity type.</summary>
    private static LambdaExpression Lambda<TInterface>(Type entityType, Expression<Func<TInterface, bool>> filter)
    {
        var parameter = Expression.Parameter(entityType, "e");
        var body = new ParameterReplacer(filter.Parameters[0], Expression.Convert(parameter, typeof(TInterface))).Visit(filter.Body);
        return Expression.Lambda(body, parameter);
    }

    private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    /// <summary>How often a save is tried when other processes keep appending to the audit trail at the same moment.</summary>
    private const int AuditAttempts = 200;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAndStamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return base.SaveChanges(acceptAllChangesOnSuccess);
            }
            catch (DbUpdateException ex) when (attempt < AuditAttempts && IsAuditSequenceConflict(ex))
            {
                Thread.Sleep(SaveBackoff.Delay(attempt));
            }
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAndStamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt < AuditAttempts && IsAuditSequenceConflict(ex))
            {
                // Another process (the command line beside the web app) took the same sequence number.
                // The whole save was rolled back and the interceptor dropped its rows; saving again
                // recomputes them on top of the other process's entries.
                await Task.Delay(SaveBackoff.Delay(attempt), cancellationToken);
            }
        }
    }

    private bool IsAuditSequenceConflict(DbUpdateException ex) =>
        UniqueViolation.Of(ex)?.IsPrimaryKeyOf(Model.FindEntityType(typeof(AuditEntry))!) == true;

    /// <summary>
    /// Fills in the municipality of new rows, refuses rows of another municipality or (for 所管課)
    /// another department, and gives every edited record a new concurrency version.
    /// </summary>
    private void GuardAndStamp()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (!tenant.IsSystem && entry.Entity is IMunicipalityOwned owned)
            {
                if (entry.State == EntityState.Added && owned.MunicipalityId == Guid.Empty && tenant.MunicipalityId is { } current)
                {
                    owned.MunicipalityId = current;
                }
                var original = entry.State == EntityState.Added
                    ? owned.MunicipalityId
                    : (Guid)entry.Property(nameof(IMunicipalityOwned.MunicipalityId)).OriginalValue!;
                if (owned.MunicipalityId != tenant.MunicipalityId || original != tenant.MunicipalityId)
                {
                    throw new ScopeViolationException("他の団体の記録は変更できません。");
                }
            }

            if (tenant.RestrictToDepartment && entry.Entity is IDepartmentOwned departmentOwned)
            {
                var original = entry.State == EntityState.Added
                    ? departmentOwned.DepartmentId
                    : (Guid)entry.Property(nameof(IDepartmentOwned.DepartmentId)).OriginalValue!;
                if (departmentOwned.DepartmentId != tenant.DepartmentId || original != tenant.DepartmentId)
                {
                    throw new ScopeViolationException("他の所管課の記録は変更できません。");
                }
            }

            if (tenant.CouncilIds is { } councils && entry.Entity is ICouncilOwned councilOwned && !councils.Contains(councilOwned.CouncilId))
            {
                throw new ScopeViolationException("委員として所属していない審議会の記録は変更できません。");
            }

            if (entry.State == EntityState.Modified && entry.Entity is IVersioned versioned)
            {
                versioned.Version = Guid.NewGuid();
            }
        }
    }
}
