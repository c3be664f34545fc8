using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.MyNumber;

/// <summary>How the council step goes to the council: an unnumbered 報告, or a numbered 諮問 that waits for the 答申.</summary>
public sealed record CouncilChoice(Guid? CouncilId, bool Consult);

/// <summary>What an amendment does to procedures, and its steps from 起案 to 施行.</summary>
public static partial class MyNumberWorkflow
{
    private const string Frozen = "施行済みの改正は変えられません。";

    /// <summary>Marks a procedure in force to be repealed by the amendment when it takes effect.</summary>
    public static async Task<Outcome<MyNumberProcedure>> RepealByAsync(AppDbContext db, Guid amendmentId, Guid procedureId, CancellationToken ct)
    {
        var (amendment, procedure, refused) = await InForceAsync(db, amendmentId, procedureId, ct);
        if (refused is not null)
        {
            return refused;
        }
        (procedure!.AmendmentId, procedure.Pending) = (amendment!.Id, PendingChange.Remove);
        return await OptimisticSave.SaveAsync(db, procedure, ct);
    }

    /// <summary>
    /// Makes the new wording of a procedure in force that the amendment changes: a copy to edit, which puts the old
    /// record out of force (改正前の内容) and itself in force on 施行.
    /// </summary>
    public static async Task<Outcome<MyNumberProcedure>> ReviseByAsync(AppDbContext db, Guid amendmentId, Guid procedureId, CancellationToken ct)
    {
        var (amendment, old, refused) = await InForceAsync(db, amendmentId, procedureId, ct);
        if (refused is not null)
        {
            return refused;
        }
        var revision = new MyNumberProcedure
        {
            MunicipalityId = old!.MunicipalityId,
            Name = old.Name,
            DepartmentId = old.DepartmentId,
            Ordinance = old.Ordinance,
            Row = old.Row,
            Purpose = old.Purpose,
            Sources = old.Sources,
            UsesLinkage = old.UsesLinkage,
            LinkageBasis = old.LinkageBasis,
            AssessedBusinessId = old.AssessedBusinessId,
            RegisterFileIds = [.. old.RegisterFileIds],
            State = ProcedureState.Planned,
            AmendmentId = amendment!.Id,
            Pending = PendingChange.Change,
            ReplacesId = old.Id,
        };
        db.MyNumberProcedures.Add(revision);
        await db.SaveChangesAsync(ct);
        return Outcome<MyNumberProcedure>.Success(revision);
    }

    /// <summary>Takes a procedure out of an amendment not yet in force: an addition or a new wording is deleted, a repeal is undone.</summary>
    public static async Task<Outcome<MyNumberProcedure>> WithdrawAsync(AppDbContext db, Guid amendmentId, Guid procedureId, CancellationToken ct)
    {
        var amendment = await db.OrdinanceAmendments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == amendmentId, ct);
        if (amendment is null)
        {
            return Outcome<MyNumberProcedure>.NotFound(AmendmentNotFound);
        }
        if (amendment.EnforcedOn is not null)
        {
            return Outcome<MyNumberProcedure>.Conflict(Frozen);
        }
        var procedure = await db.MyNumberProcedures.FirstOrDefaultAsync(p => p.Id == procedureId && p.AmendmentId == amendmentId && p.Pending != null, ct);
        if (procedure is null)
        {
            return Outcome<MyNumberProcedure>.NotFound("この改正に含まれる事務が見つかりません。");
        }
        if (procedure.Pending == PendingChange.Remove)
        {
            (procedure.AmendmentId, procedure.Pending) = (null, null);
        }
        else
        {
            db.MyNumberProcedures.Remove(procedure);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<MyNumberProcedure>.Success(procedure);
    }

    private static async Task<(OrdinanceAmendment?, MyNumberProcedure?, Outcome<MyNumberProcedure>?)> InForceAsync(AppDbContext db, Guid amendmentId, Guid procedureId,
        CancellationToken ct)
    {
        var amendment = await db.OrdinanceAmendments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == amendmentId, ct);
        var procedure = await db.MyNumberProcedures.FirstOrDefaultAsync(p => p.Id == procedureId, ct);
        if (amendment is null || procedure is null)
        {
            return (null, null, Outcome<MyNumberProcedure>.NotFound(amendment is null ? AmendmentNotFound : ProcedureNotFound));
        }
        if (amendment.EnforcedOn is not null || procedure.State != ProcedureState.InForce || procedure.Pending is not null
            || await db.MyNumberProcedures.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AnyAsync(p => p.ReplacesId == procedureId && p.Pending != null, ct))
        {
            return (null, null, Outcome<MyNumberProcedure>.Conflict("施行中で、ほかの改正に含まれていない事務だけを、施行前の改正で変更・廃止できます。"));
        }
        return (amendment, procedure, null);
    }

    /// <summary>
    /// Records a step's day, in order (every earlier step first, never an earlier day than the step before). The council
    /// step makes the council's item — an unnumbered 報告, or the next 諮問 — naming what is added, changed and repealed;
    /// 施行 puts the additions and new wordings in force and the repealed and replaced procedures out of force, from that day.
    /// </summary>
    public static async Task<Outcome<OrdinanceAmendment>> StepAsync(AppDbContext db, Guid id, AmendmentStep step, DateOnly? on, CouncilChoice council, Guid? version,
        CancellationToken ct)
    {
        var amendment = await db.OrdinanceAmendments.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (amendment is null)
        {
            return Outcome<OrdinanceAmendment>.NotFound(AmendmentNotFound);
        }
        if (version is { } v && v != amendment.Version)
        {
            return Outcome<OrdinanceAmendment>.Conflict(OptimisticSave.ConflictMessage);
        }
        if (amendment.Next != step)
        {
            return Outcome<OrdinanceAmendment>.Conflict(amendment.Next is { } next
                ? $"次に記録するのは「{next.JapaneseName()}」です。改正の手続は 起案 → パブリックコメント → 審議会 → 議会提出 → 議決 → 公布 → 施行 の順に記録してください。"
                : "この改正はすでに施行されています。");
        }
        if (on is null)
        {
            return Outcome<OrdinanceAmendment>.Fail("On", $"{step.JapaneseName()}の日を入力してください。");
        }
        if (step > AmendmentStep.Drafted && amendment.On(step - 1) is { } before && on < before)
        {
            return Outcome<OrdinanceAmendment>.Fail("On", $"{step.JapaneseName()}の日が、{(step - 1).JapaneseName()}の日（{WarekiDate.Format(before)}）より前になっています。");
        }
        var procedures = await db.MyNumberProcedures.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).Where(p => p.AmendmentId == id && p.Pending != null).ToListAsync(ct);
        if (step == AmendmentStep.Council)
        {
            if (council.CouncilId is not { } councilId)
            {
                return Outcome<OrdinanceAmendment>.Fail("CouncilId", "報告・諮問する審議会を選んでください。");
            }
            var item = await CouncilWorkflow.SaveItemAsync(db, null, new ItemInput
            {
                CouncilId = councilId,
                Kind = council.Consult ? ItemKind.Consultation : ItemKind.Report,
                Unnumbered = !council.Consult,
                Title = $"{amendment.Title}について",
                SubmittedOn = on,
                About = About(procedures),
            }, ct);
            if (!item.Ok)
            {
                return item.Refused<OrdinanceAmendment>();
            }
            amendment.CouncilItemId = item.Value!.Id;
        }
        if (step == AmendmentStep.Enforced)
        {
            await EnforceAsync(db, procedures, on.Value, ct);
        }
        amendment.Set(step, on.Value);
        return await OptimisticSave.SaveAsync(db, amendment, ct);
    }

    /// <summary>「個人番号の独自利用事務の追加：A、変更：B、廃止：C」.</summary>
    private static string About(List<MyNumberProcedure> procedures)
    {
        var parts = new[] { PendingChange.Add, PendingChange.Change, PendingChange.Remove }
            .Select(c => (c, names: string.Join("、", procedures.Where(p => p.Pending == c).Select(p => p.Name))))
            .Where(x => x.names.Length > 0).Select(x => $"{x.c.JapaneseName()}：{x.names}").ToList();
        return "個人番号の独自利用事務" + (parts.Count > 0 ? "の" + string.Join("、", parts) : "");
    }

    private static async Task EnforceAsync(AppDbContext db, List<MyNumberProcedure> procedures, DateOnly on, CancellationToken ct)
    {
        var replacedIds = procedures.Where(p => p.ReplacesId is not null).Select(p => p.ReplacesId!.Value).ToList();
        var replaced = await db.MyNumberProcedures.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).Where(p => replacedIds.Contains(p.Id)).ToListAsync(ct);
        foreach (var old in replaced)
        {
            (old.State, old.RepealedOn) = (ProcedureState.Replaced, on);
        }
        foreach (var p in procedures)
        {
            if (p.Pending == PendingChange.Remove)
            {
                (p.State, p.RepealedOn) = (ProcedureState.Repealed, on);
            }
            else
            {
                (p.State, p.EffectiveOn) = (ProcedureState.InForce, on);
            }
            p.Pending = null;
        }
    }
}
