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
    string? Remarks)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static RegisterContent Of(PersonalInfoFile f, string departmentLabel) => new(
        f.FileNumber, f.Name, departmentLabel, f.Purpose, Lines(f.RecordItems), f.RecordScope, Lines(f.CollectionMethods),
        f.HasSensitive, f.SensitiveKinds, Lines(f.OrdinanceSensitive), f.RegularRecipients, f.RequestOffice, f.SpecialProvisions,
        f.SubjectCount, f.IsSpecificPersonalInfo, f.Form, f.Remarks);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RegisterContent FromJson(string json) => JsonSerializer.Deserialize<RegisterContent>(json, Json)!;

    /// <summary>A multi-line field as its non-blank lines.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>The fields in register order with their Japanese labels and display text.</summary>
    public IReadOnlyList<(string Label, string Text)> Fields() =>
    [
        ("整理番号", FileNumber),
        ("個人情報ファイルの名称", Name),
        ("保有課", Department),
        ("利用目的", Purpose),
        ("記録項目", string.Join("、", RecordItems)),
        ("記録範囲", RecordScope),
        ("収集方法", string.Join("、", CollectionMethods)),
        ("要配慮個人情報", HasSensitive ? $"含む（{SensitiveKinds}）" : "含まない"),
        ("条例要配慮個人情報", OrdinanceSensitive.Count == 0 ? "なし" : string.Join("、", OrdinanceSensitive)),
        ("経常的提供先", RegularRecipients ?? string.Empty),
        ("開示請求等を受理する組織", RequestOffice ?? string.Empty),
        ("訂正・利用停止の他法令特例", SpecialProvisions ?? string.Empty),
        ("本人の数", SubjectCount is { } n ? $"{n:N0}人" : "不明"),
        ("特定個人情報ファイル", IsSpecificPersonalInfo ? "該当" : "非該当"),
        ("ファイルの形態", Form.JapaneseName()),
        ("備考", Remarks ?? string.Empty),
    ];

    /// <summary>The fields that differ between two versions.</summary>
    public static IReadOnlyList<(string Label, string Before, string After)> Diff(RegisterContent before, RegisterContent after) =>
        before.Fields().Zip(after.Fields(), (b, a) => (b.Label, b.Text, a.Text)).Where(x => x.Item2 != x.Item3).ToList();
}

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

    public static bool TryParseForm(string? text, out FileForm form)
    {
        var t = (text ?? string.Empty).Trim();
        foreach (var f in Enum.GetValues<FileForm>())
        {
            if (t == f.JapaneseName() || string.Equals(t, f.ToString(), StringComparison.OrdinalIgnoreCase)
                || (f == FileForm.Electronic && t == "電算") || (f == FileForm.Manual && t == "マニュアル"))
            {
                form = f;
                return true;
            }
        }
        form = default;
        return false;
    }
}
