using Mamori.Core.Data;
using Mamori.Core.Features.Assessments;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Findings;

/// <summary>An incident as typed on the form.</summary>
public sealed record IncidentInput
{
    public string? Title { get; init; }
    public Guid? DepartmentId { get; init; }
    public IncidentKind Kind { get; init; }
    public bool IsSuspected { get; init; }
    public DateOnly? OccurredOn { get; init; }
    public DateOnly? LearnedOn { get; init; }
    public string? Summary { get; init; }
    public string? DataItems { get; init; }
    public int? AffectedCount { get; init; }
    public bool HasSensitive { get; init; }
    public bool HasOrdinanceSensitive { get; init; }
    public bool PropertyDamageRisk { get; init; }
    public bool Unauthorized { get; init; }
    public bool HasSpecific { get; init; }
    public bool InNumberSystem { get; init; }
    public bool PublicExposure { get; init; }
    public bool ReportVoluntarily { get; init; }
    public bool IsSerious { get; init; }
    public string? RootCause { get; init; }
    public string? Measures { get; init; }
    public string? Discovery { get; init; }
    public bool? SecondaryHarm { get; init; }
    public string? SecondaryHarmNote { get; init; }
    public string? PublicationNote { get; init; }
    public string? ReportNote { get; init; }
}

/// <summary>The reports and the notice, marked done with their dates.</summary>
public sealed record IncidentProgress(DateOnly? PreliminaryReportedOn, DateOnly? FinalReportedOn, DateOnly? NotifiedOn, string? NotificationNote, DateOnly? ClosedOn);

/// <summary>The municipality's settings for the reporting clock.</summary>
public sealed record IncidentSettings(int PreliminaryDays, int PeopleThreshold);

/// <summary>Recording incidents, their reporting deadlines and their progress; a 重大事故 reaches the PIA threshold.</summary>
public static class Incidents
{
    public const string NotFound = "漏えい等事案が見つかりません。";

    public static async Task<IncidentSettings> SettingsAsync(AppDbContext db, Guid municipalityId, CancellationToken ct)
    {
        var m = await db.Municipalities.AsNoTracking().IgnoreQueryFilters().FirstAsync(x => x.Id == municipalityId, ct);
        return new IncidentSettings(m.IncidentPreliminaryDays, m.IncidentPeopleThreshold);
    }

    /// <summary>
    /// Records or corrects an incident. The deadlines are worked out when the 認知日 or the criteria change and then
    /// kept, so a later change of the municipality's settings never moves a deadline already given.
    /// Only the office (<paramref name="mayJudgeSerious"/>) decides that an incident is a 重大事故.
    /// </summary>
    public static async Task<Outcome<Incident>> SaveAsync(AppDbContext db, Guid municipalityId, Guid? id, IncidentInput input, Guid? version,
        bool mayJudgeSerious, TimeProvider clock, CancellationToken ct)
    {
        var errors = await ValidateAsync(db, input, JapanTime.Today(clock), ct);
        Incident? incident = null;
        if (id is { } existing)
        {
            (incident, var failure) = await OptimisticSave.LoadAsync(db.Incidents, existing, version, NotFound, ct);
            if (incident is null)
            {
                return failure!;
            }
        }
        if (!mayJudgeSerious && input.IsSerious != (incident?.IsSerious ?? false))
        {
            errors.Add("IsSerious", "重大事故かどうかは事務局が判断します。事務局に相談してください。");
        }
        else if (!mayJudgeSerious && incident is { IsSerious: true } && (input.OccurredOn ?? input.LearnedOn) != incident.SeriousOn)
        {
            errors.Add("OccurredOn", "重大事故とされた事案の発生日・認知日は事務局が直します。事務局に連絡してください。");
        }
        if (errors.Any)
        {
            return errors.Fail<Incident>();
        }
        var isNew = incident is null;
        if (incident is null)
        {
            incident = new Incident { MunicipalityId = municipalityId, Title = "", Summary = "" };
            db.Incidents.Add(incident);
        }
        var clockInputs = (incident.LearnedOn, incident.Unauthorized, incident.PreliminaryDueOn is null);
        var wasSerious = incident.IsSerious;
        var oldSeriousOn = incident.SeriousOn;
        Apply(incident, input);

        var settings = await SettingsAsync(db, incident.MunicipalityId, ct);
        if (!IncidentReporting.IsReportable(incident, settings.PeopleThreshold))
        {
            incident.PreliminaryDueOn = null;
            incident.FinalDueOn = null;
        }
        else if (clockInputs != (incident.LearnedOn, incident.Unauthorized, false))
        {
            incident.PreliminaryDueOn = IncidentDeadlines.Preliminary(incident.LearnedOn, settings.PreliminaryDays);
            incident.FinalDueOn = IncidentDeadlines.Final(incident.LearnedOn, incident.Unauthorized);
        }
        if (mayJudgeSerious && (wasSerious || incident.IsSerious))
        {
            await FeedThresholdAsync(db, incident, wasSerious ? oldSeriousOn : null, ct);
        }
        if (!isNew)
        {
            return await OptimisticSave.SaveAsync(db, incident, ct);
        }
        return await NumberedSave.SaveAsync(db, incident, nameof(Incident.Number), async () =>
            incident.Number = (await db.Incidents.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).MaxAsync(i => (int?)i.Number, ct) ?? 0) + 1, ct);
    }

    /// <summary>The form's rules: what is required, lengths, and dates that cannot be in the future or out of order.</summary>
    private static async Task<FieldErrors> ValidateAsync(AppDbContext db, IncidentInput input, DateOnly today, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (errors.Required("Title", input.Title, "件名"))
        {
            errors.MaxLength("Title", input.Title, 200, "件名");
        }
        if (errors.Required("Summary", input.Summary, "事案の概要"))
        {
            errors.MaxLength("Summary", input.Summary, 4000, "事案の概要");
        }
        errors.MaxLength("DataItems", input.DataItems, 1000, "漏えい等した情報の項目");
        errors.MaxLength("RootCause", input.RootCause, 4000, "発生原因");
        errors.MaxLength("Measures", input.Measures, 4000, "再発防止策");
        errors.MaxLength("Discovery", input.Discovery, 4000, "発覚の経緯");
        errors.MaxLength("SecondaryHarmNote", input.SecondaryHarmNote, 1000, "二次被害又はそのおそれの内容");
        errors.MaxLength("PublicationNote", input.PublicationNote, 1000, "公表の実施状況");
        errors.MaxLength("ReportNote", input.ReportNote, 4000, "その他参考となる事項");
        if (input.SecondaryHarm == true && string.IsNullOrWhiteSpace(input.SecondaryHarmNote))
        {
            errors.Add("SecondaryHarmNote", "二次被害又はそのおそれがあるときは、その内容を入力してください。");
        }
        if (input.DepartmentId is null || !await db.Departments.AnyAsync(d => d.Id == input.DepartmentId, ct))
        {
            errors.Add("DepartmentId", "発生課を選んでください。");
        }
        if (input.LearnedOn is null)
        {
            errors.Add("LearnedOn", "認知日（事案を知った日）を入力してください。報告期限はこの日から数えます。");
        }
        else if (input.LearnedOn > today)
        {
            errors.Add("LearnedOn", "認知日に未来の日付は入力できません。");
        }
        if (input.OccurredOn > today)
        {
            errors.Add("OccurredOn", "発生日に未来の日付は入力できません。");
        }
        else if (input.OccurredOn is { } occurred && input.LearnedOn is { } learned && occurred > learned)
        {
            errors.Add("OccurredOn", "発生日が認知日より後になっています。");
        }
        if (input.AffectedCount is < 0)
        {
            errors.Add("AffectedCount", "本人の数は0以上の数字で入力してください。");
        }
        if ((input.InNumberSystem || input.PublicExposure) && !input.HasSpecific)
        {
            errors.Add("HasSpecific", "番号法の基準を選ぶときは「特定個人情報を含む」も選んでください。");
        }
        return errors;
    }

    private static void Apply(Incident incident, IncidentInput input)
    {
        incident.Title = input.Title!.Trim();
        incident.DepartmentId = input.DepartmentId!.Value;
        incident.Kind = input.Kind;
        incident.IsSuspected = input.IsSuspected;
        incident.OccurredOn = input.OccurredOn;
        incident.LearnedOn = input.LearnedOn!.Value;
        incident.Summary = input.Summary!.Trim();
        incident.DataItems = Optional(input.DataItems);
        incident.AffectedCount = input.AffectedCount;
        incident.HasSensitive = input.HasSensitive;
        incident.HasOrdinanceSensitive = input.HasOrdinanceSensitive;
        incident.PropertyDamageRisk = input.PropertyDamageRisk;
        incident.Unauthorized = input.Unauthorized;
        incident.HasSpecific = input.HasSpecific;
        incident.InNumberSystem = input.InNumberSystem;
        incident.PublicExposure = input.PublicExposure;
        incident.ReportVoluntarily = input.ReportVoluntarily;
        incident.IsSerious = input.IsSerious;
        incident.RootCause = Optional(input.RootCause);
        incident.Measures = Optional(input.Measures);
        incident.Discovery = Optional(input.Discovery);
        incident.SecondaryHarm = input.SecondaryHarm;
        incident.SecondaryHarmNote = Optional(input.SecondaryHarmNote);
        incident.PublicationNote = Optional(input.PublicationNote);
        incident.ReportNote = Optional(input.ReportNote);
    }

    /// <summary>Marks the reports and the notice done (or undone, by clearing a date) and closes the incident.</summary>
    public static async Task<Outcome<Incident>> RecordProgressAsync(AppDbContext db, Guid id, IncidentProgress input, Guid? version, TimeProvider clock, CancellationToken ct)
    {
        var (incident, failure) = await OptimisticSave.LoadAsync(db.Incidents, id, version, NotFound, ct);
        if (incident is null)
        {
            return failure!;
        }
        var today = JapanTime.Today(clock);
        var errors = new FieldErrors();
        void Check(string field, DateOnly? date, string label)
        {
            if (date > today)
            {
                errors.Add(field, $"{label}に未来の日付は入力できません。");
            }
            else if (date < incident.LearnedOn)
            {
                errors.Add(field, $"{label}が認知日（{WarekiDate.Format(incident.LearnedOn)}）より前になっています。");
            }
        }
        Check("PreliminaryReportedOn", input.PreliminaryReportedOn, "速報の報告日");
        Check("FinalReportedOn", input.FinalReportedOn, "確報の報告日");
        Check("NotifiedOn", input.NotifiedOn, "本人への通知日");
        Check("ClosedOn", input.ClosedOn, "対応完了日");
        if (input.FinalReportedOn is { } final && input.PreliminaryReportedOn is { } preliminary && final < preliminary)
        {
            errors.Add("FinalReportedOn", "確報の報告日が速報の報告日より前になっています。");
        }
        if (input.FinalReportedOn is not null && input.PreliminaryReportedOn is null && incident.PreliminaryDueOn is not null)
        {
            errors.Add("PreliminaryReportedOn", "確報の前に速報の報告日を入力してください（速報と確報を同時に行ったときは同じ日付）。");
        }
        errors.MaxLength("NotificationNote", input.NotificationNote, 1000, "通知の方法・代替措置");
        if (input.ClosedOn is not null && incident.FinalDueOn is not null && input.FinalReportedOn is null)
        {
            errors.Add("ClosedOn", "確報が済むまで完了にはできません。先に確報の報告日を入力してください。");
        }
        if (errors.Any)
        {
            return errors.Fail<Incident>();
        }
        incident.PreliminaryReportedOn = input.PreliminaryReportedOn;
        incident.FinalReportedOn = input.FinalReportedOn;
        incident.NotifiedOn = input.NotifiedOn;
        incident.NotificationNote = Optional(input.NotificationNote);
        incident.ClosedOn = input.ClosedOn;
        return await OptimisticSave.SaveAsync(db, incident, ct);
    }

    /// <summary>
    /// 重大事故 counts in the PIA threshold of every business of the municipality for a year (評価実施機関 in the
    /// guideline is the organization, not the business): the businesses take the incident's date unless they already
    /// hold a later one; when the mark is withdrawn, those that took it from this incident drop it again.
    /// </summary>
    private static async Task FeedThresholdAsync(AppDbContext db, Incident incident, DateOnly? previousOn, CancellationToken ct)
    {
        var note = SeriousNote(incident);
        var businesses = await db.AssessedBusinesses.ToListAsync(ct);
        foreach (var b in businesses)
        {
            var fromThis = b.SeriousIncidentNote == note && b.SeriousIncidentOn == previousOn;
            if (!incident.IsSerious)
            {
                if (fromThis)
                {
                    b.SeriousIncidentOn = null;
                    b.SeriousIncidentNote = null;
                }
            }
            else if (fromThis || b.SeriousIncidentOn is null || b.SeriousIncidentOn < incident.SeriousOn)
            {
                b.SeriousIncidentOn = incident.SeriousOn;
                b.SeriousIncidentNote = note;
            }
        }
    }

    /// <summary>The note a business carries for an incident: 漏えい等事案 第3号.</summary>
    public static string SeriousNote(Incident incident) => $"漏えい等事案 第{incident.Number}号（重大事故）";

    /// <summary>The latest 重大事故 within a year of <paramref name="today"/>, seen across departments (for new PIA businesses).</summary>
    public static async Task<(DateOnly On, string Note)?> RecentSeriousAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var serious = await db.Incidents.AsNoTracking().IgnoreQueryFilters([AppDbContext.DepartmentFilter]).Where(i => i.IsSerious).ToListAsync(ct);
        var latest = serious.Where(i => AssessedBusiness.IsWithinTheYear(i.SeriousOn, today)).OrderByDescending(i => i.SeriousOn).FirstOrDefault();
        return latest is null ? null : (latest.SeriousOn, SeriousNote(latest));
    }
}
