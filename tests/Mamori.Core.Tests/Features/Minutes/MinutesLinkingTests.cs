using Mamori.Core.Features.Council;
using Mamori.Core.Features.Minutes;

namespace Mamori.Core.Tests.Features.Minutes;

/// <summary>The edges of a sure match between an agenda entry of imported minutes and a registered item of the same number.</summary>
public sealed class MinutesLinkingTests
{
    private static readonly Guid CouncilId = Guid.NewGuid();
    private static readonly AdvisoryCouncil Council = new() { Id = CouncilId, Name = "まもり市個人情報保護審議会" };
    private static readonly DateOnly HeldOn = new(2024, 6, 1);
    private static readonly ParsedAgendaItem Entry = new(AgendaKind.Consultation, 76, "防犯カメラの設置について");

    private static AgendaItem Item(DateOnly? submitted, Guid? council = null) =>
        new() { CouncilId = council ?? CouncilId, Kind = ItemKind.Consultation, Number = 76, Title = "防犯カメラの設置について", SubmittedOn = submitted };

    [Fact]
    public void TitlesAsAlikeAsTheThreshold_AreTheSameItem_JustBelowAreNot()
    {
        Assert.Null(MinutesLinking.Doubt(Item(HeldOn), Entry, MinutesLinking.SimilarTitles, Council, HeldOn));
        Assert.Equal("件名が違います。", MinutesLinking.Doubt(Item(HeldOn), Entry, MinutesLinking.SimilarTitles - 0.001, Council, HeldOn));
        Assert.Equal(0.6, MinutesLinking.SimilarTitles);
    }

    [Fact]
    public void AnItemSubmittedTwoYearsFromTheMeeting_IsTheSame_ADayMoreIsNot()
    {
        Assert.Null(MinutesLinking.Doubt(Item(HeldOn.AddDays(-730)), Entry, 1, Council, HeldOn));
        Assert.Null(MinutesLinking.Doubt(Item(HeldOn.AddDays(730)), Entry, 1, Council, HeldOn));
        Assert.Contains("2年を超えて", MinutesLinking.Doubt(Item(HeldOn.AddDays(-731)), Entry, 1, Council, HeldOn), StringComparison.Ordinal);
        Assert.Contains("2年を超えて", MinutesLinking.Doubt(Item(HeldOn.AddDays(731)), Entry, 1, Council, HeldOn), StringComparison.Ordinal);
        Assert.Null(MinutesLinking.Doubt(Item(null), Entry, 1, Council, HeldOn));
    }

    [Fact]
    public void AnItemOfAnotherCouncil_OrMinutesForANewCouncil_IsNeverSure()
    {
        Assert.Equal("別の審議会の議題です。", MinutesLinking.Doubt(Item(HeldOn, Guid.NewGuid()), Entry, 1, Council, HeldOn));
        Assert.Equal("別の審議会の議題です。", MinutesLinking.Doubt(Item(HeldOn), Entry, 1, null, HeldOn));
    }

    [Theory]
    [InlineData("防犯カメラの設置について", "防犯カメラの設置について", 1.0)]
    [InlineData("防犯カメラの設置について", "防犯カメラ の 設置について", 1.0)]
    [InlineData("「住基ネット」の評価", "住基ネットの評価", 1.0)]
    [InlineData("ＡＢＣ", "ABC", 1.0)]
    [InlineData("ab", "abc", 2.0 / 3)]
    [InlineData("防犯カメラの設置について", "特定個人情報保護評価の実施", 0.0)]
    public void TitleSimilarity_IsTheDiceCoefficientOfCharacterPairs(string a, string b, double expected) =>
        Assert.Equal(expected, MinutesLinking.TitleSimilarity(a, b), 3);
}
