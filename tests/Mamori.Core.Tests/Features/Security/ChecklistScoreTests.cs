using Mamori.Core.Features.Security;

namespace Mamori.Core.Tests.Features.Security;

public sealed class ChecklistScoreTests
{
    private static readonly ChecklistItem[] Items =
    [
        new("体制・規程等の整備", "1", "責任者", null, false),
        new("体制・規程等の整備", "2", "規程", null, false),
        new("環境及び整備", "3", "入退室", null, false),
        new("環境及び整備", "4", "配置図", null, true),
        new("システムの管理", "5", "権限", null, false),
    ];

    private static Dictionary<string, int?> Answers(params int?[] values) =>
        values.Select((v, i) => (v, i)).ToDictionary(x => (x.i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), x => x.v);

    [Fact]
    public void Compute_EverythingOperated_IsThreePointZeroZero()
    {
        var scores = ChecklistScore.Compute(Items, Answers(3, 3, 3, 3, 3));
        Assert.Equal(3.00m, scores.Score);
        Assert.Equal("3.00", ChecklistScores.Format(scores.Score));
        Assert.All(scores.Categories, c => Assert.Equal(3.00m, c.Score));
        Assert.Equal(5, scores.Answered);
    }

    [Fact]
    public void Compute_NotApplicableAndUnansweredItems_AreLeftOutOfTheAverage()
    {
        // 3 + 2 + 1 over three items; item 2 is 該当しない and item 5 is not answered yet.
        var scores = ChecklistScore.Compute(Items, Answers(3, 0, 2, 1, null));
        Assert.Equal(2.00m, scores.Score);
        Assert.Equal(3, scores.Answered);
        Assert.Equal(1, scores.NotApplicable);
        Assert.Equal(1, scores.Unanswered);
    }

    [Fact]
    public void Compute_PerCategory_AveragesOnlyThatCategory_AndAllNotApplicableHasNoScore()
    {
        var scores = ChecklistScore.Compute(Items, Answers(3, 2, 2, 1, 0));
        Assert.Equal(["体制・規程等の整備", "環境及び整備", "システムの管理"], scores.Categories.Select(c => c.Category));
        Assert.Equal(2.50m, scores.Categories[0].Score);
        Assert.Equal(1.50m, scores.Categories[1].Score);
        Assert.Null(scores.Categories[2].Score);
        Assert.Equal("－", ChecklistScores.Format(scores.Categories[2].Score));
        // The total is the average of the items (8 / 4), not the average of the category averages.
        Assert.Equal(2.00m, scores.Score);
    }

    [Fact]
    public void RoundHalfUp_AtTheHalf_RoundsUp()
    {
        Assert.Equal(2.35m, ChecklistScore.RoundHalfUp(2.345m));
        Assert.Equal(2.34m, ChecklistScore.RoundHalfUp(2.3449m));
        Assert.Equal(2.67m, ChecklistScore.RoundHalfUp(8m / 3m));
    }

    [Fact]
    public void Average_WhoseExactValueIsAHalf_RoundsUpLikeTheSpreadsheet()
    {
        // 200 answers summing to 469 average exactly 2.345; binary floating point would give 2.3449999….
        var values = Enumerable.Repeat(2, 131).Concat(Enumerable.Repeat(3, 69)).ToList();
        Assert.Equal(469, values.Sum());
        Assert.Equal(2.35m, ChecklistScore.Average(values));
        Assert.Null(ChecklistScore.Average([0, 0]));
    }

    [Fact]
    public void ParseScale_ReadsValuesAndLabels_AndRefusesDuplicatesWithTheLine()
    {
        var ok = Checklists.ParseScale("0 該当しない\n１：整備していない\n2,整備している\n3 運用している");
        Assert.True(ok.Ok);
        Assert.Equal([0, 1, 2, 3], ok.Value!.Select(o => o.Value));
        Assert.Equal("整備していない", ok.Value![1].Label);

        var duplicate = Checklists.ParseScale("1 はい\n1 いいえ");
        Assert.Contains("値 1 が2回", duplicate.Describe());
        var unreadable = Checklists.ParseScale("はい");
        Assert.Contains("1行目「はい」", unreadable.Describe());
        Assert.False(Checklists.ParseScale("0 該当しない").Ok);
    }

    [Fact]
    public void NeedsPlan_OnlyForApplicableAnswersBelowTheTop()
    {
        var scale = ChecklistTemplate.DefaultScale;
        Assert.False(Checklists.NeedsPlan(scale, 3));
        Assert.True(Checklists.NeedsPlan(scale, 2));
        Assert.True(Checklists.NeedsPlan(scale, 1));
        Assert.False(Checklists.NeedsPlan(scale, 0));
        Assert.False(Checklists.NeedsPlan(scale, null));
    }

    [Fact]
    public void Compare_MarksBetterWorseAndNew()
    {
        var compared = Checklists.Compare(Items, Answers(3, 1, 2, 0, 3), Answers(2, 2, 2, 1, null));
        Assert.Equal([ItemChange.Better, ItemChange.Worse, ItemChange.Same, ItemChange.New, ItemChange.New], compared.Select(c => c.Change));
    }
}
