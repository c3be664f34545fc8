using System.Globalization;

namespace Mamori.Core.Features.Register;

/// <summary>
/// The 一覧 layout of the register's CSV and Excel files (one row per file, the columns of <see cref="RegisterItems.Columns"/>),
/// for export and import alike. Lists (記録項目, 収集方法 …) are one item per line within the cell, as Excel's Alt+Enter
/// writes them, so that an export read back is the same register.
/// </summary>
public static class RegisterCsv
{
    public static IReadOnlyList<string> Headers { get; } = RegisterItems.Columns.Select(c => c.Label).ToList();

    public static string?[] Row(RegisterContent c, DateOnly? revisedOn) =>
    [
        c.FileNumber, c.Name, c.AgencyName, c.Department, c.Purpose, string.Join("\n", c.RecordItems), c.RecordScope,
        string.Join("\n", c.CollectionMethods), c.HasSensitive ? "含む" : "含まない", c.SensitiveKinds, string.Join("\n", c.OrdinanceSensitive),
        c.RegularRecipients, c.RequestOffice, c.RequestOfficeAddress, c.SpecialProvisions, c.Form.JapaneseName(),
        c.HasRelatedManualFile ? "有" : "無", c.InvitesProposals ? "該当" : "非該当", c.ProposalOffice, c.ProposalOfficeAddress,
        c.AnonymizedSummary, c.NoProposalReason, c.SubjectCount?.ToString(CultureInfo.InvariantCulture), c.IsSpecificPersonalInfo ? "該当" : "非該当",
        c.Remarks, revisedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    ];
}
