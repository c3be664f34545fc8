using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Systems;

namespace Mamori.Core.Tests.Features.Systems;

/// <summary>The exact rules of the account check: the leave threshold and its first day, retirement, moves, unknown and unused accounts, the 7 days to close.</summary>
public sealed class AccountCheckTests
{
    private static readonly DateOnly Today = new(2026, 4, 10);
    private static readonly Guid Own = Guid.NewGuid();
    private static readonly Guid Elsewhere = Guid.NewGuid();
    private static readonly Dictionary<Guid, string> Labels = new() { [Own] = "障害者施策課", [Elsewhere] = "税務課" };

    private static CheckedAccount Account(StaffStatus status = StaffStatus.Active, DateOnly? end = null, Guid? department = null, DateOnly? lastUsed = null,
        bool disabled = false, params (DateOnly Start, DateOnly? End)[] absences) =>
        new("u1", "山田 太郎", disabled, lastUsed, new StaffSituationOnSystem(Guid.NewGuid(), "山田 太郎", status, end, department ?? Own, absences));

    private static AccountIssue? Check(CheckedAccount account, DateOnly? today = null, int unusedDays = 90) =>
        AccountCheck.Run([account], new HashSet<Guid> { Own }, unusedDays, today ?? Today, Labels).SingleOrDefault();

    [Fact]
    public void LeaveEnteredInAdvance_IsListedOnItsFirstDay_NotTheDayBefore()
    {
        var start = Today.AddDays(1);
        var account = Account(absences: (start, start.AddDays(364)));
        Assert.Null(Check(account));
        var onFirstDay = Check(account, start);
        Assert.Equal(ListingKind.LongLeave, onFirstDay!.Kind);
        Assert.Equal(start, onFirstDay.Since);
        Assert.Contains("365日間の休職・休業中", onFirstDay.Reason);
    }

    [Fact]
    public void PlannedLeave_OfNinetyDaysIsListed_OfEightyNineIsNot()
    {
        Assert.Equal(ListingKind.LongLeave, Check(Account(absences: (Today, Today.AddDays(89))))!.Kind);
        Assert.Null(Check(Account(absences: (Today, Today.AddDays(88)))));
    }

    [Fact]
    public void OpenLeave_IsListedOnceItHasLastedNinetyDays()
    {
        Assert.Null(Check(Account(absences: (Today.AddDays(-89), null))));
        var listed = Check(Account(absences: (Today.AddDays(-90), null)));
        Assert.Equal(Today.AddDays(-90), listed!.Since);
    }

    [Fact]
    public void Leave_ThatEnded_IsNotListed() =>
        Assert.Null(Check(Account(absences: (Today.AddDays(-200), Today.AddDays(-1)))));

    [Fact]
    public void Retired_IsListedFromTheRetirementDay_AndOutweighsALeave()
    {
        Assert.Null(Check(Account(end: Today.AddDays(1))));
        var retired = Check(Account(StaffStatus.Retired, Today.AddDays(-30), absences: (Today.AddDays(-200), null)));
        Assert.Equal((ListingKind.Retired, Today.AddDays(-30)), (retired!.Kind, retired.Since));
        Assert.Equal(ListingKind.Retired, Check(Account(end: Today))!.Kind);
    }

    [Fact]
    public void Moved_ToADepartmentThatDoesNotUseTheSystem_IsListedWithThatDepartment()
    {
        var moved = Check(Account(department: Elsewhere));
        Assert.Equal(ListingKind.Moved, moved!.Kind);
        Assert.Contains("税務課", moved.Reason);
        Assert.Null(AccountCheck.Run([Account(department: Elsewhere)], new HashSet<Guid> { Own, Elsewhere }, 90, Today, Labels).SingleOrDefault());
    }

    [Fact]
    public void Unknown_AccountIsListed_AndAStoppedOneIsNot()
    {
        var unknown = new CheckedAccount("vendor", "保守業者", false, null, null);
        Assert.Equal(ListingKind.Unknown, AccountCheck.Run([unknown], new HashSet<Guid> { Own }, 90, Today, Labels).Single().Kind);
        Assert.Empty(AccountCheck.Run([unknown with { IsDisabled = true }], new HashSet<Guid> { Own }, 90, Today, Labels));
        Assert.Null(Check(Account(StaffStatus.Retired, Today.AddDays(-5), disabled: true)));
    }

    [Fact]
    public void Unused_ForTheSystemsNumberOfDays_IsListed_OneDayLessIsNot()
    {
        Assert.Null(Check(Account(lastUsed: Today.AddDays(-59)), unusedDays: 60));
        var unused = Check(Account(lastUsed: Today.AddDays(-60)), unusedDays: 60);
        Assert.Equal((ListingKind.Unused, Today), (unused!.Kind, unused.Since));
        Assert.Contains("60日間利用なし", unused.Reason);
    }

    [Fact]
    public void Listing_IsOverdueTheEighthDayAfterItWasListed_UnlessClosed()
    {
        var listing = new AccountListing { Login = "u1", Reason = "退職", ListedOn = Today };
        Assert.Equal(Today.AddDays(7), listing.DueOn);
        Assert.False(listing.IsOverdue(Today.AddDays(7)));
        Assert.True(listing.IsOverdue(Today.AddDays(8)));
        listing.Action = ListingAction.Continued;
        Assert.False(listing.IsOverdue(Today.AddDays(30)));
    }

    [Fact]
    public void MamorisOwnCheck_UsesTheSameLeaveRule()
    {
        var start = Today.AddDays(1);
        var staff = new StaffSituation("山田 太郎", StaffStatus.Active, null, [(start, start.AddDays(364))]);
        var account = new AccountActivity("id", "yamada", "山田 太郎", DateTime.UtcNow, DateTime.UtcNow, staff);
        Assert.DoesNotContain(LongAbsenceCheck.Find([account], Today), c => c.Reasons.Any(r => r.Contains("休職", StringComparison.Ordinal)));
        Assert.Contains(LongAbsenceCheck.Find([account with { LastLoginAtUtc = start.ToDateTime(TimeOnly.MinValue) }], start).Single().Reasons,
            r => r.Contains("365日間の休職・休業中", StringComparison.Ordinal));
    }
}
