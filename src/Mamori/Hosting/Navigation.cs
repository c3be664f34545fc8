namespace Mamori.Hosting;

/// <summary>A link in the side navigation, shown only to roles its policy admits.</summary>
public sealed record NavItem(string Group, string Title, string Url, string Policy);

/// <summary>
/// The modules of PRODUCT.md that exist in this build. A module that is not built yet is simply
/// absent; adding one here is how it appears in the navigation.
/// </summary>
public static class Navigation
{
    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new("", "ホーム", "/", Policies.SignedIn),
        new("", "お知らせ", "/inbox", Policies.SignedIn),
        new("個人情報", "個人情報ファイル簿", "/register", Policies.RegisterRead),
        new("個人情報", "自己点検・部会審査", "/reviews", Policies.ReviewsRead),
        new("個人情報", "取扱事務", "/reviews/businesses", Policies.ReviewsRead),
        new("個人情報", "特定個人情報保護評価", "/assessments", Policies.AssessmentsRead),
        new("個人情報", "標準準拠システムへの移行", "/standardization", Policies.AssessmentsRead),
        new("個人情報", "独自利用事務", "/mynumber", Policies.AssessmentsRead),
        new("審議会", "審議会・会議", "/council", Policies.CouncilRead),
        new("審議会", "諮問・報告・答申", "/council/items", Policies.CouncilRead),
        new("審議会", "会議録の検索", "/council/minutes/search", Policies.CouncilRead),
        new("セキュリティ", "点検・訓練・端末", "/security", Policies.SecurityRead),
        new("セキュリティ", "CSルーム入退室", "/security/room", Policies.SecurityRead),
        new("セキュリティ", "職員セルフチェック", "/security/self-checks", Policies.SelfCheckAnswer),
        new("情報システム", "情報システム台帳", "/systems", Policies.SystemsRead),
        new("情報システム", "アカウント点検の状況", "/systems/status", Policies.SystemsRead),
        new("情報システム", "委託契約・再委託", "/contracts", Policies.ContractsRead),
        new("情報システム", "国の通知・注意喚起", "/advisories", Policies.AdvisoriesRead),
        new("指摘・事故", "指摘事項", "/findings", Policies.FindingsRead),
        new("指摘・事故", "定期的な取組", "/findings/tasks", Policies.FindingsRead),
        new("指摘・事故", "漏えい等事案", "/incidents", Policies.IncidentsRead),
        new("アクセスログ監視", "アラート", "/access", Policies.AccessRead),
        new("アクセスログ監視", "ログとマスタ・分析", "/access/data", Policies.AccessWrite),
        new("アクセスログ監視", "調査検索", "/access/search", Policies.AccessRead),
        new("アクセスログ監視", "月次報告", "/access/report", Policies.AccessRead),
        new("統計・帳票", "統計", "/statistics", Policies.StatisticsRead),
        new("統計・帳票", "審議会への年次報告", "/reports", Policies.ReportsRead),
        new("統計・帳票", "年次報告（住基ネット）", "/security/report", Policies.SecurityRead),
        new("組織", "団体", "/organization/municipality", Policies.Administer),
        new("組織", "部署", "/organization/departments", Policies.OrganizationRead),
        new("組織", "職員", "/organization/staff", Policies.OrganizationRead),
        new("組織", "アカウント", "/organization/accounts", Policies.AccountReview),
        new("組織", "長期不在チェック", "/organization/long-absence", Policies.AccountReview),
        new("組織", "通知の設定", "/organization/notices", Policies.Administer),
        new("組織", "ログインの設定", "/organization/sign-in", Policies.Administer),
        new("組織", "API トークン", "/organization/tokens", Policies.Administer),
        new("組織", "お知らせの送信記録", "/notices/log", Policies.NoticesLog),
        new("監査", "監査ログ", "/audit", Policies.AuditRead),
    ];
}
