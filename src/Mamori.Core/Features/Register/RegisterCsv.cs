using System.Globalization;

namespace Mamori.Core.Features.Register;

/// <summary>
/// The column layout of the register's CSV and Excel files, for export and import alike. Lists
/// (記録項目, 収集方法 …) are one item per line within the cell, as Excel's Alt+Enter writes them.
/// </summary>
public static class RegisterCsv
{
    public static IReadOnlyList<string> Headers { get; } =
    [
        "整理番号", "個人情報ファイルの名称", "保有課", "利用目的", "記録項目", "記録範囲", "収集方法", "要配慮個人情報", "要配慮個人情報の種類",
        "条例要配慮個人情報", "経常的提供先", "開示請求等を受理する組織", "訂正・利用停止の他法令特例", "本人の数", "特定個人情報ファイル",
        "ファイルの形態", "備考", "改訂日",
    ];

    public static string?[] Row(RegisterContent c, DateOnly? revisedOn) =>
    [
        c.FileNumber, c.Name, c.Department, c.Purpose, string.Join("\n", c.RecordItems), c.RecordScope, string.Join("\n", c.CollectionMethods),
        c.HasSensitive ? "あり" : "なし", c.SensitiveKinds, string.Join("\n", c.OrdinanceSensitive), c.RegularRecipients, c.RequestOffice,
        c.SpecialProvisions, c.SubjectCount?.ToString(CultureInfo.InvariantCulture), c.IsSpecificPersonalInfo ? "該当" : "非該当",
        c.Form.JapaneseName(), c.Remarks, revisedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    ];
}
