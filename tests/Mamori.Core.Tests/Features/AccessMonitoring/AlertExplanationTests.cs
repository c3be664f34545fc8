using Mamori.AccessMonitoring;
using Mamori.Core.Features.AccessMonitoring;

namespace Mamori.Core.Tests.Features.AccessMonitoring;

/// <summary>
/// Every rule says why it fired with its figure and the line as applied; the line comes from the settings the engine
/// used (an override moves the text), and an alert kept from before falls back to the rule's defaults.
/// </summary>
public sealed class AlertExplanationTests
{
    private static AccessAlert Alert(string rule, long count, DateOnly? day = null, string severity = "high") => new()
    {
        Rule = rule,
        UserId = "S00123",
        Severity = severity,
        Count = count,
        Day = day ?? new DateOnly(2024, 4, 10),
    };

    private static readonly IReadOnlyDictionary<string, string> Defaults = AlertExplanation.Applied(new MonitoringSettings());

    private static string Explain(string rule, long count, DateOnly? day = null, string severity = "high")
    {
        var alert = Alert(rule, count, day, severity);
        alert.Applied = Defaults[rule];
        return AlertExplanation.For(alert);
    }

    [Theory]
    [InlineData("R01", 2, "職員本人の住民記録を2回参照")]
    [InlineData("R02", 1, "職員と同じ世帯の住民の記録を1回参照")]
    [InlineData("R03", 3, "職員と同じ姓（カナ）の住民の記録を、案件の記録なしに3回参照")]
    [InlineData("R04", 1, "職員である住民の記録を、案件の記録なしに1回参照")]
    [InlineData("R05", 4, "支援措置・要注意の住民の記録を4回参照")]
    [InlineData("R06", 7, "案件の記録のない住民の参照が1日に7人（基準5人以上）")]
    [InlineData("R07", 12, "役割にない業務、または他部署の端末での操作が12件")]
    [InlineData("R08", 5, "開庁時間（7時30分〜19時）の外の操作が5件")]
    [InlineData("R09", 160, "1日に160人の住民を参照（基準50人以上で、同じ部署の直近28勤務日の上位1%を超え、本人の中央値の3倍超、または本人の実績が10日未満）")]
    [InlineData("R10", 34, "10分間に34人（基準30人）")]
    [InlineData("R11", 3, "同じ住民を30日間に3日参照（基準3日、案件の記録なし）")]
    [InlineData("R12", 4, "氏名検索から5分以内の説明のない参照が4回（基準3回）")]
    [InlineData("R14", 2, "5分以内に別の端末へ移っての操作が2回")]
    [InlineData("R15", 1, "100件以上の印刷・出力が1回")]
    public void EveryRule_SaysWhyWithItsFigureAndLine(string rule, long count, string expected) =>
        Assert.StartsWith(expected, Explain(rule, count));

    [Fact]
    public void EveryRuleOfThePack_HasItsOwnSentence() =>
        Assert.All(RulePack.Default.Rules, r => Assert.DoesNotContain("件数 ", Explain(r.Id, 1)));

    [Fact]
    public void InactiveAccounts_SayWhichKind_BySeverity()
    {
        Assert.Equal("職員マスタにない、または在職期間の外のアカウントで9件の操作", Explain("R13", 9, severity: "critical"));
        Assert.Equal("休職期間中のアカウントで9件の操作", Explain("R13", 9, severity: "high"));
        Assert.Equal("90日以上使われていなかったアカウントで9件の操作", Explain("R13", 9, severity: "medium"));
    }

    [Fact]
    public void OffHours_OnAClosedDay_NamesTheDay() =>
        Assert.Equal("閉庁日（日曜日）の操作が3件", Explain("R08", 3, new DateOnly(2024, 4, 7)));

    [Fact]
    public void TheLineIsTheOneApplied_NotTheDefault()
    {
        var settings = new MonitoringSettings { Parameters = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["R10"] = new Dictionary<string, string> { ["min_residents"] = "40" } } };
        var alert = Alert("R10", 41);
        alert.Applied = AlertExplanation.Applied(settings)["R10"];
        Assert.Equal("min_residents=40;minutes=10", alert.Applied);
        Assert.Equal("10分間に41人（基準40人）", AlertExplanation.For(alert));
        // Kept from before the line was recorded: the rule's own defaults.
        Assert.Equal("10分間に41人（基準30人）", AlertExplanation.For(Alert("R10", 41)));
    }
}
