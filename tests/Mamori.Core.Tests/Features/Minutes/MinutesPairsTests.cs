using Mamori.Core.Features.Minutes;
using static Mamori.Core.Features.Minutes.SpeakerGroup;

namespace Mamori.Core.Tests.Features.Minutes;

public sealed class MinutesPairsTests
{
    [Fact]
    public void AQuestion_FindsTheAnswerWithinFourTurns_PassingTheChair_NotAFifth()
    {
        Assert.Equal((4, true), MinutesPairs.Find([Member, Chair, Chair, Chair, Secretariat], 0));
        Assert.Null(MinutesPairs.Find([Member, Chair, Chair, Chair, Chair, Secretariat], 0));
        Assert.Equal((2, true), MinutesPairs.Find([Member, Chair, Department], 0));
        Assert.Equal(4, MinutesPairs.Window);
    }

    [Fact]
    public void AnotherMembersTurn_EndsTheSearchForAnAnswer_AndAnAnswerFindsTheNearestQuestion()
    {
        Assert.Null(MinutesPairs.Find([Member, Member, Secretariat], 0));
        Assert.Equal((1, false), MinutesPairs.Find([Member, Member, Chair, Secretariat], 3));
        Assert.Equal((0, false), MinutesPairs.Find([Member, Chair, Chair, Chair, Department], 4));
        Assert.Null(MinutesPairs.Find([Member, Chair, Chair, Chair, Chair, Department], 5));
        Assert.Null(MinutesPairs.Find([Chair, Secretariat], 0));
    }
}
