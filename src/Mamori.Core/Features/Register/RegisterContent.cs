using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mamori.Core.Features.Register;

/// <summary>
/// The published content of a register entry: what the public sees, what a version freezes and what
/// a diff compares. <see cref="Department"/> is the 保有課 name at the time.
/// </summary>
public sealed record RegisterContent(
    string FileNumber,
    string Name,
    string Department,
    string Purpose,
    IReadOnlyList<string> RecordItems,
    string RecordScope,
    IReadOnlyList<string> CollectionMethods,
    bool HasSensitive,
    string? SensitiveKinds,
    IReadOnlyList<string> OrdinanceSensitive,
    string? RegularRecipients,
    string? RequestOffice,
    string? SpecialProvisions,
    long? SubjectCount,
    bool IsSpecificPersonalInfo,
    FileForm Form,
    string? Remarks,
    string? AgencyName = null,
    string? RequestOfficeAddress = null,
    bool HasRelatedManualFile = false,
    bool InvitesProposals = false,
    string? ProposalOffice = null,
    string? ProposalOfficeAddress = null,
    string? AnonymizedSummary = null,
    string? NoProposalReason = null)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static RegisterContent Of(PersonalInfoFile f, string departmentLabel) => new(
        f.FileNumber, f.Name, departmentLabel, f.Purpose, Lines(f.RecordItems), f.RecordScope, Lines(f.CollectionMethods),
        f.HasSensitive, f.SensitiveKinds, Lines(f.OrdinanceSensitive), f.RegularRecipients, f.RequestOffice, f.SpecialProvisions,
        f.SubjectCount, f.IsSpecificPersonalInfo, f.Form, f.Remarks, f.AgencyName, f.RequestOfficeAddress, f.HasRelatedManualFile,
        f.InvitesProposals, f.ProposalOffice, f.ProposalOfficeAddress, f.AnonymizedSummary, f.NoProposalReason);

    /// <summary>A content with nothing in it: the labels of <see cref="Fields"/> without a file.</summary>
    public static RegisterContent Empty { get; } = new("", "", "", "", [], "", [], false, null, [], null, null, null, null, false, FileForm.Electronic, null);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RegisterContent FromJson(string json) => JsonSerializer.Deserialize<RegisterContent>(json, Json)!;

    /// <summary>A multi-line field as its non-blank lines.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>
    /// The items in the 参考様式's order with their labels and display text: the 単票, the public page and the diff.
    /// An item that does not apply (the proposal office of a file for which none are invited) reads 「―」.
    /// </summary>
    public IReadOnlyList<(string Label, string Text)> Fields() =>
    [
        (RegisterItems.FileNumber.Label, FileNumber),
        (RegisterItems.Name.Label, Name),
        (RegisterItems.Agency.Label, AgencyName ?? string.Empty),
        (RegisterItems.Department.Label, Department),
        (RegisterItems.Purpose.Label, Purpose),
        (RegisterItems.RecordItems.Label, string.Join("、", RecordItems)),
        (RegisterItems.RecordScope.Label, RecordScope),
        (RegisterItems.Collection.Label, string.Join("、", CollectionMethods)),
        (RegisterItems.Sensitive.Label, HasSensitive ? $"含む（{SensitiveKinds}）" : "含まない"),
        (RegisterItems.Ordinance.Label, OrdinanceSensitive.Count == 0 ? "なし" : string.Join("、", OrdinanceSensitive)),
        (RegisterItems.Recipients.Label, RegularRecipients ?? "なし"),
        (RegisterItems.RequestOffice.Label, RequestOffice ?? string.Empty),
        (RegisterItems.RequestAddress.Label, RequestOfficeAddress ?? string.Empty),
        (RegisterItems.SpecialProvisions.Label, SpecialProvisions ?? "なし"),
        (RegisterItems.Form.Label, Form.JapaneseName()),
        (RegisterItems.RelatedManual.Label, Form == FileForm.Manual ? "―" : HasRelatedManualFile ? "有" : "無"),
        (RegisterItems.InvitesProposals.Label, InvitesProposals ? "該当" : "非該当"),
        (RegisterItems.ProposalOffice.Label, InvitesProposals ? ProposalOffice ?? string.Empty : "―"),
        (RegisterItems.ProposalAddress.Label, InvitesProposals ? ProposalOfficeAddress ?? string.Empty : "―"),
        (RegisterItems.AnonymizedSummary.Label, AnonymizedSummary ?? "―"),
        (RegisterItems.NoProposalReason.Label, InvitesProposals ? "―" : NoProposalReason ?? string.Empty),
        (RegisterItems.SubjectCount.Label, SubjectCount is { } n ? $"{n:N0}人" : "不明"),
        (RegisterItems.Specific.Label, IsSpecificPersonalInfo ? "該当" : "非該当"),
        (RegisterItems.Remarks.Label, Remarks ?? string.Empty),
    ];

    /// <summary>
    /// The items that differ between two versions, field by field; for a list (記録項目, 収集方法, 条例要配慮個人情報) also
    /// which entries were added and which removed.
    /// </summary>
    public static IReadOnlyList<RegisterChange> Diff(RegisterContent before, RegisterContent after)
    {
        var lists = new Dictionary<string, (IReadOnlyList<string> Before, IReadOnlyList<string> After)>
        {
            [RegisterItems.RecordItems.Label] = (before.RecordItems, after.RecordItems),
            [RegisterItems.Collection.Label] = (before.CollectionMethods, after.CollectionMethods),
            [RegisterItems.Ordinance.Label] = (before.OrdinanceSensitive, after.OrdinanceSensitive),
        };
        return before.Fields().Zip(after.Fields(), (b, a) => (b.Label, Before: b.Text, After: a.Text)).Where(x => x.Before != x.After).Select(x =>
        {
            if (!lists.TryGetValue(x.Label, out var list))
            {
                return new RegisterChange(x.Label, x.Before, x.After, [], []);
            }
            return new RegisterChange(x.Label, x.Before, x.After, list.After.Except(list.Before).ToList(), list.Before.Except(list.After).ToList());
        }).ToList();
    }
}

/// <summary>One changed item of a revision: the text before and after, and for a list the entries added and removed.</summary>
public sealed record RegisterChange(string Label, string Before, string After, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);

/// <summary>Japanese names for the register's enums.</summary>
public static class RegisterNames
{
    public static string JapaneseName(this RegisterStatus status) => status switch
    {
        RegisterStatus.Draft => "下書き",
        RegisterStatus.Submitted => "確認待ち",
        RegisterStatus.Returned => "差戻し",
        RegisterStatus.Confirmed => "確認済み",
        RegisterStatus.Published => "公表中",
        RegisterStatus.Removed => "消除",
        _ => status.ToString(),
    };

    public static string JapaneseName(this FileForm form) => form switch
    {
        FileForm.Electronic => "電算処理ファイル",
        FileForm.Manual => "マニュアル処理ファイル",
        FileForm.Both => "電算・マニュアル",
        _ => form.ToString(),
    };

    /// <summary>
    /// The kind of file as written: 電算処理ファイル / マニュアル処理ファイル / 電算・マニュアル, the 参考様式's
    /// 「法第60条第2項第1号（電算処理ファイル）」, the short forms 電算 / マニュアル / 紙, or the enum's name.
    /// </summary>
    public static bool TryParseForm(string? text, out FileForm form)
    {
        var t = (text ?? string.Empty).Normalize(System.Text.NormalizationForm.FormKC).Trim();
        foreach (var f in Enum.GetValues<FileForm>())
        {
            if (t == f.JapaneseName() || string.Equals(t, f.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                form = f;
                return true;
            }
        }
        var electronic = t.Contains("電算", StringComparison.Ordinal) || t.Contains("第1号", StringComparison.Ordinal) || t.Contains("電子", StringComparison.Ordinal);
        var manual = t.Contains("マニュアル", StringComparison.Ordinal) || t.Contains("第2号", StringComparison.Ordinal) || t == "紙";
        form = electronic && manual ? FileForm.Both : manual ? FileForm.Manual : FileForm.Electronic;
        return electronic || manual;
    }
}
