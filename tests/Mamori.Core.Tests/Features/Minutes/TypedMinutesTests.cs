using Mamori.Core.Features.Minutes;

namespace Mamori.Core.Tests.Features.Minutes;

/// <summary>Minutes typed on the meeting's page are read by the same parser as imported files.</summary>
public sealed class TypedMinutesTests
{
    [Fact]
    public void ParseTurns_BracketAndCircleSpeakers_WithContinuationAndNotes()
    {
        var turns = MinutesParser.ParseTurns("""
            【会 長】ただいまより開会します。
            議事に入ります。
            （「異議なし」の声あり）
            ○区政情報課長 ご説明します。
            【伊藤委員】質問です。
            """, "区政情報課長");
        Assert.Equal(4, turns.Count);
        Assert.Equal(("会長", "ただいまより開会します。\n議事に入ります。", false), (turns[0].Speaker, turns[0].Text, turns[0].IsNote));
        Assert.Equal(SpeakerGroup.Chair, turns[0].Group);
        Assert.True(turns[1].IsNote);
        Assert.Equal("区政情報課長", turns[2].Speaker);
        Assert.Equal(SpeakerGroup.Secretariat, turns[2].Group);
        Assert.Equal(("伊藤委員", "質問です。"), (turns[3].Speaker, turns[3].Text));
        Assert.Equal(SpeakerGroup.Member, turns[3].Group);
    }

    [Fact]
    public void Format_IsReadBackIntoTheSameTurns()
    {
        var turns = MinutesParser.ParseTurns("""
            ○会長　ただいまから審議会を開会します。
            （「異議なし」の声あり）
            ○石井委員　委託先は２社です。
            資料１の３ページをご覧ください。
            ○保険年金課長　ＩＳＭＳの認証を受けています。
            """, "");
        Assert.Equal(turns, MinutesParser.ParseTurns(MinutesParser.Format(turns), ""));
    }
}
