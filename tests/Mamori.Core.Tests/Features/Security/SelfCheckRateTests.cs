using Mamori.Core.Features.Security;

namespace Mamori.Core.Tests.Features.Security;

/// <summary>回答率: half-up to one decimal, as the office rounds by hand (not banker's rounding).</summary>
public sealed class SelfCheckRateTests
{
    [Theory]
    [InlineData(1, 16, "6.3")]   // 6.25: banker's rounding would give 6.2
    [InlineData(3, 16, "18.8")]  // 18.75
    [InlineData(5, 8, "62.5")]
    [InlineData(1, 3, "33.3")]
    [InlineData(2, 3, "66.7")]
    [InlineData(16, 16, "100.0")]
    [InlineData(0, 16, "0.0")]
    public void Rate_IsRoundedHalfUpToOneDecimal(int answered, int staff, string expected)
    {
        var progress = new DepartmentProgress(Guid.NewGuid(), "戸籍住民課", staff, answered, null);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), progress.Rate);
    }

    [Fact]
    public void Rate_WithNoStaffInPost_IsNotAPercentage()
    {
        Assert.Null(new DepartmentProgress(Guid.NewGuid(), "新設課", 0, 0, null).Rate);
    }
}
