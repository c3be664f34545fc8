using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Security;

/// <summary>
/// 統合端末: a terminal of the resident-registry network — where it stands, who answers for it
/// (端末機管理責任者 and 補助者), when it was installed and when its wire lock (盗難防止) was last checked.
/// </summary>
[Label("統合端末")]
public sealed class Terminal : IMunicipalityOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    /// <summary>端末番号.</summary>
    [Label("コード")]
    public required string Code { get; set; }

    /// <summary>設置場所.</summary>
    [Label("設置場所")]
    public required string Place { get; set; }

    /// <summary>設置課.</summary>
    [Label("部署")]
    public Guid? DepartmentId { get; set; }

    /// <summary>端末機管理責任者.</summary>
    [Label("端末機管理責任者")]
    public required string Manager { get; set; }

    /// <summary>補助者.</summary>
    [Label("補助者")]
    public string? Assistant { get; set; }

    [Label("設置日")]
    public DateOnly? InstalledOn { get; set; }

    /// <summary>ワイヤーロック（盗難防止措置）を確認した日.</summary>
    [Label("ワイヤーロック確認日")]
    public DateOnly? WireLockCheckedOn { get; set; }

    /// <summary>撤去日; a removed terminal stays on record.</summary>
    [Label("撤去日")]
    public DateOnly? RemovedOn { get; set; }

    [Label("備考")]
    public string? Note { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<TerminalAudit> Audits { get; init; } = [];
}

/// <summary>A terminal as typed on the form.</summary>
public sealed record TerminalInput
{
    public string? Code { get; init; }
    public string? Place { get; init; }
    public Guid? DepartmentId { get; init; }
    public string? Manager { get; init; }
    public string? Assistant { get; init; }
    public DateOnly? InstalledOn { get; init; }
    public DateOnly? WireLockCheckedOn { get; init; }
    public DateOnly? RemovedOn { get; init; }
    public string? Note { get; init; }
}

public static class Terminals
{
    /// <summary>The findings auditors record most often, offered as check boxes.</summary>
    public static IReadOnlyList<string> CommonFindings { get; } =
    [
        "端末機管理責任者を答えられない",
        "ワイヤーロック未固定",
        "操作者用IC カードの放置",
        "離席時の画面ロック未実施",
        "端末の設置場所が届出と異なる",
    ];

    public static async Task<Outcome<Terminal>> SaveAsync(AppDbContext db, Guid municipalityId, Guid? id, TerminalInput input, Guid? version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (errors.Required("Code", input.Code, "端末番号"))
        {
            errors.MaxLength("Code", input.Code, 40, "端末番号");
        }
        if (errors.Required("Place", input.Place, "設置場所"))
        {
            errors.MaxLength("Place", input.Place, 200, "設置場所");
        }
        if (errors.Required("Manager", input.Manager, "端末機管理責任者"))
        {
            errors.MaxLength("Manager", input.Manager, 200, "端末機管理責任者");
        }
        errors.MaxLength("Assistant", input.Assistant, 200, "補助者");
        errors.MaxLength("Note", input.Note, 4000, "備考");
        if (input.DepartmentId is { } d && !await db.Departments.AnyAsync(x => x.Id == d, ct))
        {
            errors.Add("DepartmentId", "設置課が見つかりません。");
        }
        var code = input.Code?.Trim();
        if (code is { Length: > 0 } && await db.Terminals.AnyAsync(t => t.Code == code && t.Id != id, ct))
        {
            errors.Add("Code", $"端末番号 {code} はすでに登録されています。");
        }
        if (errors.Any)
        {
            return errors.Fail<Terminal>();
        }
        Terminal terminal;
        if (id is { } existing)
        {
            var (found, failure) = await OptimisticSave.LoadAsync(db.Terminals, existing, version, "端末が見つかりません。", ct);
            if (found is null)
            {
                return failure!;
            }
            terminal = found;
            terminal.Code = code!;
            terminal.Place = input.Place!.Trim();
            terminal.Manager = input.Manager!.Trim();
        }
        else
        {
            terminal = new Terminal { MunicipalityId = municipalityId, Code = code!, Place = input.Place!.Trim(), Manager = input.Manager!.Trim() };
            db.Terminals.Add(terminal);
        }
        terminal.DepartmentId = input.DepartmentId;
        terminal.Assistant = Optional(input.Assistant);
        terminal.InstalledOn = input.InstalledOn;
        terminal.WireLockCheckedOn = input.WireLockCheckedOn;
        terminal.RemovedOn = input.RemovedOn;
        terminal.Note = Optional(input.Note);
        return await OptimisticSave.SaveAsync(db, terminal, ct);
    }

    /// <summary>Records a periodic audit; a wire lock found fixed moves the terminal's checked date forward.</summary>
    public static async Task<Outcome<TerminalAudit>> AuditAsync(AppDbContext db, Guid terminalId, DateOnly? auditedOn, string? auditor,
        IEnumerable<string> findings, string? otherFindings, bool wireLockOk, CancellationToken ct)
    {
        var terminal = await db.Terminals.FirstOrDefaultAsync(t => t.Id == terminalId, ct);
        if (terminal is null)
        {
            return Outcome<TerminalAudit>.NotFound("端末が見つかりません。");
        }
        var errors = new FieldErrors();
        if (auditedOn is null)
        {
            errors.Add("AuditedOn", "監査日を入力してください。");
        }
        if (errors.Required("Auditor", auditor, "監査者"))
        {
            errors.MaxLength("Auditor", auditor, 200, "監査者");
        }
        errors.MaxLength("OtherFindings", otherFindings, 4000, "その他の指摘事項");
        var lines = findings.Select(f => f.Trim()).Where(f => f.Length > 0)
            .Concat((otherFindings ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).ToList();
        if (wireLockOk && lines.Contains("ワイヤーロック未固定"))
        {
            errors.Add("WireLockOk", "「ワイヤーロック固定を確認した」と「ワイヤーロック未固定」が両方選ばれています。どちらかにしてください。");
        }
        if (errors.Any)
        {
            return errors.Fail<TerminalAudit>();
        }
        var audit = new TerminalAudit
        {
            MunicipalityId = terminal.MunicipalityId,
            TerminalId = terminal.Id,
            AuditedOn = auditedOn!.Value,
            Auditor = auditor!.Trim(),
            Findings = lines.Count == 0 ? null : string.Join('\n', lines),
            WireLockOk = wireLockOk,
        };
        db.TerminalAudits.Add(audit);
        if (wireLockOk && (terminal.WireLockCheckedOn is null || terminal.WireLockCheckedOn < audit.AuditedOn))
        {
            terminal.WireLockCheckedOn = audit.AuditedOn;
        }
        await db.SaveChangesAsync(ct);
        return Outcome<TerminalAudit>.Success(audit);
    }
}

internal sealed class TerminalConfiguration : IEntityTypeConfiguration<Terminal>
{
    public void Configure(EntityTypeBuilder<Terminal> b)
    {
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.Manager).HasMaxLength(200);
        b.Property(x => x.Assistant).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Audits).WithOne().HasForeignKey(a => a.TerminalId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MunicipalityId, x.Code }).IsUnique();
    }
}

