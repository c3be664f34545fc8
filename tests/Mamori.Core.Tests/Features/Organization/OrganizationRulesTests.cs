using Mamori.Core.Features.Organization;

namespace Mamori.Core.Tests.Features.Organization;

public sealed class OrganizationRulesTests
{
    [Theory]
    [InlineData("13104", 1)]
    [InlineData("13115", 6)]
    [InlineData("11208", 9)]
    [InlineData("01100", 2)]
    public void MunicipalityCode_CheckDigit_MatchesThePublishedCodes(string five, int expected) =>
        Assert.Equal(expected, MunicipalityCode.CheckDigit(five));

    [Fact]
    public void MunicipalityCode_Normalize_AcceptsFullWidth_AndExplainsAWrongCheckDigit()
    {
        Assert.Equal("131041", MunicipalityCode.Normalize("１３１０４１", out var none));
        Assert.Null(none);
        Assert.Null(MunicipalityCode.Normalize("131049", out var wrong));
        Assert.Contains("131041 ではありませんか", wrong);
        Assert.Null(MunicipalityCode.Normalize("13104", out var shortCode));
        Assert.Contains("6桁", shortCode);
    }

    private static readonly DateOnly Today = new(2026, 11, 22);

    private static DateTime Utc(DateOnly date) => date.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc);

    private static AccountActivity Account(string name, DateOnly? lastLogin, StaffSituation? staff = null, DateOnly? created = null) =>
        new(name, name, name + " 表示", Utc(created ?? Today.AddDays(-400)), lastLogin is { } l ? Utc(l) : null, staff);

    [Fact]
    public void LongAbsence_ListsRetiredAbsentAndIdleAccounts_AndNothingElse()
    {
        var accounts = new[]
        {
            Account("active", Today.AddDays(-1), new StaffSituation("在職 太郎", StaffStatus.Active, null, [])),
            Account("idle89", Today.AddDays(-89)),
            Account("idle90", Today.AddDays(-90)),
            Account("never", null, created: Today.AddDays(-120)),
            Account("newbie", null, created: Today.AddDays(-10)),
            Account("leave", Today.AddDays(-2), new StaffSituation("休職 花子", StaffStatus.OnLeave, null, [(Today.AddDays(-100), null)])),
            Account("shortleave", Today.AddDays(-2), new StaffSituation("短期 次郎", StaffStatus.OnLeave, null, [(Today.AddDays(-30), null)])),
            Account("backfromleave", Today.AddDays(-2), new StaffSituation("復職 三郎", StaffStatus.Active, null, [(Today.AddDays(-200), Today.AddDays(-5))])),
            Account("retired", Today.AddDays(-3), new StaffSituation("退職 四郎", StaffStatus.Retired, Today.AddDays(-3), [])),
            Account("leaving", Today.AddDays(-1), new StaffSituation("異動 五郎", StaffStatus.Active, Today.AddDays(10), [])),
        };
        var result = LongAbsenceCheck.Find(accounts, Today);
        Assert.Equal(["never", "leave", "idle90", "retired"], result.Select(r => r.Account.UserName));
        Assert.Equal(120, result[0].Days);
        Assert.Contains("作成から120日間ログインなし", result[0].Reasons);
        Assert.Contains(result[1].Reasons, r => r.StartsWith("休職・休業が100日継続", StringComparison.Ordinal));
        Assert.Contains(result[3].Reasons, r => r.StartsWith("職員が退職済み", StringComparison.Ordinal));
    }

    [Fact]
    public void LongAbsence_CombinesReasons()
    {
        var both = Account("both", Today.AddDays(-150), new StaffSituation("両方", StaffStatus.OnLeave, null, [(Today.AddDays(-95), null)]));
        var result = Assert.Single(LongAbsenceCheck.Find([both], Today));
        Assert.Equal(2, result.Reasons.Count);
        Assert.Equal(150, result.Days);
    }

    [Theory]
    [InlineData(0, 89, true)]
    [InlineData(0, 88, false)]
    [InlineData(-1, 88, true)]
    [InlineData(1, 200, false)]
    [InlineData(-30, 59, true)]
    [InlineData(-30, 58, false)]
    public void LongAbsence_ALeaveRecordedToLast90Days_IsListedFromItsFirstDay(int startsIn, int endsIn, bool listed)
    {
        // A childcare leave entered in advance: listed on its first day, not 90 days later, and not before it starts.
        var account = Account("ikukyu", Today.AddDays(-1), new StaffSituation("育休 花子", StaffStatus.Active, null, [(Today.AddDays(startsIn), Today.AddDays(endsIn))]));
        var result = LongAbsenceCheck.Find([account], Today);
        Assert.Equal(listed, result.Count == 1);
        if (listed)
        {
            Assert.Contains($"{endsIn - startsIn + 1}日間の休職・休業中", result[0].Reasons[0]);
            Assert.Equal(-startsIn, result[0].Days);
        }
    }

    [Theory]
    [InlineData(89, false)]
    [InlineData(90, true)]
    public void LongAbsence_ALeaveWithoutAnEnd_IsListedAfter90Days(int daysSoFar, bool listed)
    {
        var account = Account("kyushoku", Today.AddDays(-1), new StaffSituation("休職 次郎", StaffStatus.OnLeave, null, [(Today.AddDays(-daysSoFar), null)]));
        Assert.Equal(listed, LongAbsenceCheck.Find([account], Today).Count == 1);
    }
}
