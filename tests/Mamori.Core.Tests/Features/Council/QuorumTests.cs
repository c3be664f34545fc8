using Mamori.Core.Features.Council;

namespace Mamori.Core.Tests.Features.Council;

public sealed class QuorumTests
{
    private static readonly DateOnly MeetingDay = new(2022, 11, 17);

    private static List<CouncilMember> Members(int count) =>
        Enumerable.Range(1, count).Select(i => new CouncilMember
        {
            Name = $"委員{i}",
            TermStart = new DateOnly(2021, 4, 1),
            TermEnd = new DateOnly(2023, 3, 31),
        }).ToList();

    private static Dictionary<Guid, AttendanceStatus> Present(IEnumerable<CouncilMember> members, AttendanceStatus status = AttendanceStatus.Present) =>
        members.ToDictionary(m => m.Id, _ => status);

    [Fact]
    public void Evaluate_TenInOfficeSixPresent_IsMetAndSaysWhy()
    {
        var members = Members(10);
        var result = Quorum.Evaluate(QuorumRule.MoreThanHalf, MeetingKind.InPerson, MeetingDay, members, Present(members.Take(6)));
        Assert.True(result.Met);
        Assert.Equal("委員10名中6名出席、過半数を満たす", result.Explanation);
    }

    [Fact]
    public void Evaluate_TenInOfficeFivePresent_IsNotMet()
    {
        var members = Members(10);
        var result = Quorum.Evaluate(QuorumRule.MoreThanHalf, MeetingKind.InPerson, MeetingDay, members, Present(members.Take(5)));
        Assert.False(result.Met);
        Assert.Equal(6, result.Required);
        Assert.Equal("委員10名中5名出席、過半数に達しない（6名以上が必要）", result.Explanation);
    }

    [Fact]
    public void Evaluate_TermEndedTheDayBefore_DoesNotCount()
    {
        var members = Members(11);
        members[10].TermEnd = MeetingDay.AddDays(-1);
        // The member whose term ended is marked present by mistake: neither in office nor counted.
        var result = Quorum.Evaluate(QuorumRule.MoreThanHalf, MeetingKind.InPerson, MeetingDay, members, Present(members.Skip(5)));
        Assert.Equal(10, result.InOffice);
        Assert.Equal(5, result.Counted);
        Assert.False(result.Met);
    }

    [Fact]
    public void Evaluate_TermEndsOnTheMeetingDay_StillCounts()
    {
        var members = Members(10);
        members[0].TermEnd = MeetingDay;
        Assert.True(members[0].InOfficeOn(MeetingDay));
        Assert.Equal(10, Quorum.Evaluate(QuorumRule.MoreThanHalf, MeetingKind.InPerson, MeetingDay, members, Present(members)).InOffice);
    }

    [Fact]
    public void Evaluate_LeftBeforeTheMeeting_DoesNotCount()
    {
        var members = Members(10);
        members[0].LeftOn = MeetingDay.AddDays(-10);
        Assert.Equal(9, Quorum.Evaluate(QuorumRule.MoreThanHalf, MeetingKind.InPerson, MeetingDay, members, Present(members)).InOffice);
    }

    [Fact]
    public void Evaluate_WrittenMeeting_MembersMarkedPresent_DoNotCountTowardQuorum()
    {
        // A written meeting has no one in the room: 出席 entered by mistake is not an answer in writing.
        var members = Members(10);
        var attendance = Present(members.Take(5), AttendanceStatus.Written);
        attendance[members[5].Id] = AttendanceStatus.Present;
        attendance[members[6].Id] = AttendanceStatus.Present;
        var result = Quorum.Evaluate(QuorumRule.MoreThanHalf, MeetingKind.Written, MeetingDay, members, attendance);
        Assert.Equal(5, result.Counted);
        Assert.False(result.Met);
        Assert.Equal("委員10名中5名が書面で回答、過半数に達しない（6名以上が必要）", result.Explanation);
        Assert.False(Quorum.Evaluate(QuorumRule.MoreThanHalf, MeetingKind.Written, MeetingDay, members, Present(members)).Met);
    }

    [Fact]
    public void Evaluate_WrittenMeeting_CountsWrittenResponsesOnly()
    {
        var members = Members(10);
        var attendance = Present(members.Take(6), AttendanceStatus.Written);
        var written = Quorum.Evaluate(QuorumRule.MoreThanHalf, MeetingKind.Written, MeetingDay, members, attendance);
        Assert.True(written.Met);
        Assert.Equal("委員10名中6名が書面で回答、過半数を満たす", written.Explanation);
        // At a meeting held in person, written answers are not attendance.
        Assert.False(Quorum.Evaluate(QuorumRule.MoreThanHalf, MeetingKind.InPerson, MeetingDay, members, attendance).Met);
    }

    [Theory]
    [InlineData(QuorumRule.MoreThanHalf, 10, 6)]
    [InlineData(QuorumRule.MoreThanHalf, 9, 5)]
    [InlineData(QuorumRule.HalfOrMore, 10, 5)]
    [InlineData(QuorumRule.HalfOrMore, 9, 5)]
    [InlineData(QuorumRule.TwoThirds, 9, 6)]
    [InlineData(QuorumRule.TwoThirds, 10, 7)]
    public void Required_FollowsTheRule(QuorumRule rule, int inOffice, int required) =>
        Assert.Equal(required, Quorum.Required(rule, inOffice));

    [Fact]
    public void Evaluate_NobodyInOffice_IsNotMet() =>
        Assert.False(Quorum.Evaluate(QuorumRule.MoreThanHalf, MeetingKind.InPerson, MeetingDay, [], new Dictionary<Guid, AttendanceStatus>()).Met);
}
