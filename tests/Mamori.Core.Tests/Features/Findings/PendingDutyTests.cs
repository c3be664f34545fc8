using Mamori.Core.Features.Findings;

namespace Mamori.Core.Tests.Features.Findings;

/// <summary>When a report still owed turns the home card into an alert: due today up to three days ahead.</summary>
public sealed class PendingDutyTests
{
    private static readonly DateOnly Thursday = new(2026, 11, 26);

    private static PendingDuty Due(DateOnly? on) => new(Guid.NewGuid(), 1, "誤送付", Guid.NewGuid(), "速報", on);

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    [InlineData(-1, false)]
    public void IsDueSoon_WithinThreeDaysOnly(int daysAhead, bool soon)
    {
        var duty = Due(Thursday.AddDays(daysAhead));
        Assert.Equal(soon, duty.IsDueSoon(Thursday));
        Assert.Equal(daysAhead < 0, duty.IsOverdue(Thursday));
    }

    [Fact]
    public void IsDueSoon_WithoutADueDate_IsNeverSoonNorOverdue()
    {
        Assert.False(Due(null).IsDueSoon(Thursday));
        Assert.False(Due(null).IsOverdue(Thursday));
        Assert.Equal("速やかに", Due(null).Remaining(Thursday));
    }
}
