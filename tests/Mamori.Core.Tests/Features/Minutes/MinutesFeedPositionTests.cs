using Mamori.Core.Features.Minutes;

namespace Mamori.Core.Tests.Features.Minutes;

/// <summary>
/// How far an instance has read the minutes change feed: numbers are read in any order, a missing number is waited
/// for (a save that has its number but has not committed) for exactly the gap wait, and a run of missing numbers is
/// waited for once, not once per number.
/// </summary>
public sealed class MinutesFeedPositionTests
{
    private static readonly DateTime T0 = new(2026, 11, 26, 1, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(2);

    [Fact]
    public void NumbersReadInOrder_MoveTheFloor()
    {
        var position = new MinutesFeedPosition();
        position.Start(10);
        Assert.True(position.IsRead(10));
        Assert.False(position.IsRead(11));
        position.Read([11, 12, 13], T0, Wait);
        Assert.Equal(13, position.Floor);
    }

    [Fact]
    public void AMissingNumber_IsWaitedForUntilTheGapWaitHasPassed_ThenPassed()
    {
        var position = new MinutesFeedPosition();
        position.Start(0);
        position.Read([1, 3, 4], T0, Wait);
        Assert.Equal(1, position.Floor);
        Assert.True(position.IsRead(3));
        Assert.False(position.IsRead(2));

        // One tick short of the wait: still waiting.
        position.Read([3, 4], T0 + Wait - TimeSpan.FromTicks(1), Wait);
        Assert.Equal(1, position.Floor);

        // The late save commits within the wait: read, and the floor moves over it.
        var late = new MinutesFeedPosition();
        late.Start(0);
        late.Read([1, 3], T0, Wait);
        late.Read([2, 3], T0 + TimeSpan.FromSeconds(5), Wait);
        Assert.Equal(3, late.Floor);

        // At the wait exactly: the number is taken for a rolled-back save.
        position.Read([3, 4], T0 + Wait, Wait);
        Assert.Equal(4, position.Floor);
    }

    [Fact]
    public void ARunOfMissingNumbers_IsWaitedForOnce()
    {
        var position = new MinutesFeedPosition();
        position.Start(0);
        position.Read([1, 10], T0, Wait);
        Assert.Equal(1, position.Floor);
        position.Read([10], T0 + Wait, Wait);
        Assert.Equal(10, position.Floor);
    }

    [Fact]
    public void NothingRead_LeavesTheFloor()
    {
        var position = new MinutesFeedPosition();
        position.Start(7);
        position.Read([], T0 + TimeSpan.FromDays(1), Wait);
        Assert.Equal(7, position.Floor);
        // Numbers at or below the floor are the past: read already.
        position.Read([5, 6], T0, Wait);
        Assert.Equal(7, position.Floor);
    }
}
