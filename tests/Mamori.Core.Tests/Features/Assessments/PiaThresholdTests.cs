using Mamori.Core.Features.Assessments;

namespace Mamori.Core.Tests.Features.Assessments;

public sealed class PiaThresholdTests
{
    [Theory]
    // Every band edge of 指針 第5の2, with few handlers and no incident.
    [InlineData(0, 0, false, PiaLevel.None)]
    [InlineData(999, 0, false, PiaLevel.None)]
    [InlineData(1_000, 0, false, PiaLevel.Basic)]
    [InlineData(9_999, 499, false, PiaLevel.Basic)]
    [InlineData(10_000, 499, false, PiaLevel.Basic)]
    [InlineData(99_999, 499, false, PiaLevel.Basic)]
    [InlineData(100_000, 499, false, PiaLevel.Focused)]
    [InlineData(299_999, 499, false, PiaLevel.Focused)]
    [InlineData(300_000, 0, false, PiaLevel.Full)]
    // Handlers 499/500 and the serious incident move the two middle bands only.
    [InlineData(9_999, 500, true, PiaLevel.Basic)]
    [InlineData(999, 500, true, PiaLevel.None)]
    [InlineData(10_000, 500, false, PiaLevel.Focused)]
    [InlineData(10_000, 0, true, PiaLevel.Focused)]
    [InlineData(99_999, 500, false, PiaLevel.Focused)]
    [InlineData(100_000, 500, false, PiaLevel.Full)]
    [InlineData(100_000, 0, true, PiaLevel.Full)]
    [InlineData(299_999, 500, false, PiaLevel.Full)]
    [InlineData(299_999, 499, true, PiaLevel.Full)]
    public void Judge_AtEveryBandEdge_GivesTheLevelOfTheGuideline(long subjects, int handlers, bool incident, PiaLevel expected)
    {
        var judgment = PiaThreshold.Judge(subjects, handlers, incident);
        Assert.Equal(expected, judgment.Level);
        Assert.Equal(expected.Evaluations(), judgment.Evaluations);
    }

    [Fact]
    public void Judge_Explains_InTheWordsOfTheOffice()
    {
        Assert.Equal("対象人数 34万人（30万人以上）のため全項目評価", PiaThreshold.Judge(340_000, 120, false).Reason);
        Assert.Equal("対象人数 999人（1,000人未満）のため評価の実施は義務付けられない", PiaThreshold.Judge(999, 0, false).Reason);
        Assert.Equal("対象人数 15万人（10万人以上30万人未満）、取扱者数 500人（500人以上）、過去1年以内の重大事故なしのため全項目評価",
            PiaThreshold.Judge(150_000, 500, false).Reason);
        Assert.Equal("対象人数 5万2,300人（1万人以上10万人未満）、取扱者数 40人（500人未満）、過去1年以内の重大事故ありのため重点項目評価",
            PiaThreshold.Judge(52_300, 40, true).Reason);
    }

    [Fact]
    public void Evaluations_AlwaysIncludeTheBasicEvaluation()
    {
        Assert.Empty(PiaLevel.None.Evaluations());
        Assert.Equal(["基礎項目評価"], PiaLevel.Basic.Evaluations());
        Assert.Equal(["基礎項目評価", "重点項目評価"], PiaLevel.Focused.Evaluations());
        Assert.Equal(["基礎項目評価", "全項目評価"], PiaLevel.Full.Evaluations());
    }
}
