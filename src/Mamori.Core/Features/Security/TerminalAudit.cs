using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Security;

/// <summary>
/// 端末の定期監査: a visit to the terminal with what was found (責任者を答えられない, ワイヤーロック未固定 …).
/// Findings are kept one per line so that the findings register can take them over.
/// </summary>
[Label("統合端末の監査")]
public sealed class TerminalAudit : IMunicipalityOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("統合端末")]
    public Guid TerminalId { get; set; }

    [Label("監査日")]
    public DateOnly AuditedOn { get; set; }

    /// <summary>監査者.</summary>
    [Label("監査者")]
    public required string Auditor { get; set; }

    /// <summary>指摘事項, one per line; empty when nothing was found.</summary>
    [Label("指摘事項・所見")]
    public string? Findings { get; set; }

    /// <summary>Whether the wire lock was found fixed on the day.</summary>
    [Label("ワイヤーロック固定")]
    public bool WireLockOk { get; set; }

    public IReadOnlyList<string> FindingLines => (Findings ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed class TerminalAuditConfiguration : IEntityTypeConfiguration<TerminalAudit>
{
    public void Configure(EntityTypeBuilder<TerminalAudit> b)
    {
        b.Property(x => x.Auditor).HasMaxLength(200);
        b.Ignore(x => x.FindingLines);
    }
}
