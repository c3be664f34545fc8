namespace Mamori.Core.Features.Register;

/// <summary>
/// One item of the 個人情報ファイル簿 as the PPC's 参考様式 (単票) words it, with where the law asks for it and the
/// other headings the same column goes by in the offices' own Excel files (the import reads any of them).
/// </summary>
public sealed record RegisterItem(string Label, string Basis, params string[] Aliases)
{
    /// <summary>The label and every alias, as they are compared: NFKC, without spaces, line breaks or brackets' contents.</summary>
    public IEnumerable<string> Headings => Aliases.Prepend(Label);
}

/// <summary>
/// The items of the register in the 参考様式's order: 個人情報保護法 第75条第1項 (which lists 第74条第1項 第1号〜第7号・
/// 第9号・第10号) and the cabinet order's items (施行令第21条: the kind of file, the related manual file and the
/// 行政機関等匿名加工情報 items), with the municipality's 条例要配慮個人情報 (法第60条第5項) and Mamori's own
/// management items (整理番号, 本人の数, 特定個人情報ファイル, 改訂日). The 単票, the 一覧 (.xlsx/CSV), the public
/// page, the diff and the import all take their headings from here.
/// </summary>
public static class RegisterItems
{
    public static readonly RegisterItem FileNumber = new("整理番号", "", "番号", "ファイル番号", "No", "NO.", "通し番号");
    public static readonly RegisterItem Name = new("個人情報ファイルの名称", "法第74条第1項第1号", "名称", "ファイル名", "ファイルの名称");
    public static readonly RegisterItem Agency = new("行政機関等の名称", "法第74条第1項第2号", "実施機関", "実施機関の名称", "機関の名称");
    public static readonly RegisterItem Department = new("個人情報ファイルが利用に供される事務をつかさどる組織の名称", "法第74条第1項第2号",
        "保有課", "所管課", "担当課", "事務をつかさどる組織の名称", "事務をつかさどる組織", "組織の名称");
    public static readonly RegisterItem Purpose = new("個人情報ファイルの利用目的", "法第74条第1項第3号", "利用目的");
    public static readonly RegisterItem RecordItems = new("記録項目", "法第74条第1項第4号");
    public static readonly RegisterItem RecordScope = new("記録範囲", "法第74条第1項第4号", "記録範囲(本人の範囲)", "本人の範囲");
    public static readonly RegisterItem Collection = new("記録情報の収集方法", "法第74条第1項第5号", "収集方法");
    public static readonly RegisterItem Sensitive = new("要配慮個人情報が含まれるときは、その旨", "法第74条第1項第6号", "要配慮個人情報", "要配慮個人情報の有無");
    public static readonly RegisterItem SensitiveKinds = new("要配慮個人情報の種類", "法第74条第1項第6号");
    public static readonly RegisterItem Ordinance = new("条例要配慮個人情報", "法第60条第5項・法第75条第1項");
    public static readonly RegisterItem Recipients = new("記録情報の経常的提供先", "法第74条第1項第7号", "経常的提供先", "提供先");
    public static readonly RegisterItem RequestOffice = new("開示請求等を受理する組織の名称", "法第74条第1項第9号",
        "開示請求等を受理する組織", "開示請求等を受理する組織の名称及び所在地", "受理する組織の名称");
    public static readonly RegisterItem RequestAddress = new("開示請求等を受理する組織の所在地", "法第74条第1項第9号", "受理する組織の所在地", "所在地");
    public static readonly RegisterItem SpecialProvisions = new("訂正及び利用停止に関する他の法令の規定による特別の手続等", "法第74条第1項第10号",
        "訂正・利用停止の他法令特例", "他の法令による特例", "他法令による特別の手続等");
    public static readonly RegisterItem Form = new("個人情報ファイルの種別", "施行令第21条", "ファイルの形態", "ファイルの種別", "種別");
    public static readonly RegisterItem RelatedManual = new("政令第21条第7項に該当するファイルの有無", "施行令第21条",
        "関連するマニュアル処理ファイル", "関連するマニュアル処理ファイルの有無");
    public static readonly RegisterItem InvitesProposals = new("行政機関等匿名加工情報の提案の募集をする個人情報ファイルである旨", "施行令第21条",
        "提案の募集", "匿名加工情報の提案の募集");
    public static readonly RegisterItem ProposalOffice = new("行政機関等匿名加工情報の提案を受ける組織の名称", "施行令第21条", "提案を受ける組織の名称", "提案を受ける組織");
    public static readonly RegisterItem ProposalAddress = new("行政機関等匿名加工情報の提案を受ける組織の所在地", "施行令第21条", "提案を受ける組織の所在地");
    public static readonly RegisterItem AnonymizedSummary = new("行政機関等匿名加工情報の概要", "施行令第21条", "匿名加工情報の概要");
    public static readonly RegisterItem NoProposalReason = new("提案の募集をしない理由", "施行令第21条", "募集をしない理由", "非該当の理由");
    public static readonly RegisterItem SubjectCount = new("本人の数", "法第75条第2項第1号（1,000人未満は任意）", "本人の数(人)", "人数", "対象者数");
    public static readonly RegisterItem Specific = new("特定個人情報ファイル", "番号法第2条第9項", "特定個人情報ファイルの該当");
    public static readonly RegisterItem Remarks = new("備考", "");
    public static readonly RegisterItem RevisedOn = new("改訂日", "", "更新日", "最終改訂日");

    /// <summary>Every column of the 一覧 in order (the export writes them; the import reads them by heading, in any order).</summary>
    public static IReadOnlyList<RegisterItem> Columns { get; } =
    [
        FileNumber, Name, Agency, Department, Purpose, RecordItems, RecordScope, Collection, Sensitive, SensitiveKinds, Ordinance, Recipients,
        RequestOffice, RequestAddress, SpecialProvisions, Form, RelatedManual, InvitesProposals, ProposalOffice, ProposalAddress, AnonymizedSummary,
        NoProposalReason, SubjectCount, Specific, Remarks, RevisedOn,
    ];

    /// <summary>A heading as compared: NFKC, no spaces or line breaks, an "(注)" or "※…" after the words dropped.</summary>
    public static string Key(string heading)
    {
        var t = heading.Normalize(System.Text.NormalizationForm.FormKC);
        var note = t.IndexOf('※');
        if (note > 0)
        {
            t = t[..note];
        }
        return new string(t.Where(c => !char.IsWhiteSpace(c) && c is not '・' and not '　').ToArray()).Trim();
    }
}
