namespace Mamori.AccessMonitoring.Tests;

/// <summary>
/// Each threshold and window of the rule pack on both sides of its edge, so that moving the edge by one
/// (a second, a resident, a day, <c>&lt;</c> for <c>&lt;=</c>) fails a test named after the rule.
/// </summary>
public sealed class RuleEdgeTests
{
    private static int Count(Scenario s, string rule) => s.Alerts(rule).Count;

    private static Scenario Burst(string lastAt)
    {
        var s = new Scenario();
        for (var i = 0; i < 29; i++)
        {
            s.Access("u1", Scenario.Resident(i + 1), $"2024-04-10 10:00:{i:00}");
        }
        return s.Access("u1", Scenario.Resident(30), lastAt);
    }

    [Fact]
    public void R10_ThirtyResidents_Within9Minutes59Seconds_Fires_AndOver10MinutesExactly_DoesNot()
    {
        using var inside = Burst("2024-04-10 10:09:59");
        Assert.Equal(1, Count(inside, "R10"));
        using var edge = Burst("2024-04-10 10:10:00");
        Assert.Equal(0, Count(edge, "R10"));
    }

    [Fact]
    public void R10_TheTenMinuteEdge_HoldsAlsoForAUserWhoBurstOnAnotherDay()
    {
        // A clerk with a genuine burst on Tuesday is past the pre-filter; Wednesday's 30 residents over exactly
        // ten minutes are still not within ten minutes.
        using var s = Burst("2024-04-10 10:10:00");
        for (var i = 0; i < 30; i++)
        {
            s.Access("u1", Scenario.Resident(i + 100), $"2024-04-09 10:00:{i:00}");
        }
        Assert.Equal([new DateOnly(2024, 4, 9)], s.Alerts("R10").Select(a => a.Day));
    }

    [Fact]
    public void R10_TwentyNineResidents_InOneMinute_DoesNotFire()
    {
        using var s = new Scenario();
        for (var i = 0; i < 29; i++)
        {
            s.Access("u1", Scenario.Resident(i + 1), $"2024-04-10 10:00:{i:00}");
        }
        Assert.Equal(0, Count(s, "R10"));
    }

    private static Scenario NameSearches(string viewAfter)
    {
        var s = new Scenario();
        for (var i = 0; i < 3; i++)
        {
            var hour = 10 + i;
            s.Access("u1", "", $"2024-04-10 {hour}:00:00", op: "SEARCH", searchMethod: "NAME")
                .Access("u1", Scenario.Resident(i + 1), $"2024-04-10 {hour}:{viewAfter}");
        }
        return s;
    }

    [Fact]
    public void R12_ViewsExactlyFiveMinutesAfterEachNameSearch_Fire_OneSecondLater_DoNot()
    {
        using var atFive = NameSearches("05:00");
        Assert.Equal(1, Count(atFive, "R12"));
        using var late = NameSearches("05:01");
        Assert.Equal(0, Count(late, "R12"));
    }

    private static Scenario OneDay(int residents)
    {
        var s = new Scenario();
        for (var i = 0; i < residents; i++)
        {
            s.Access("u1", Scenario.Resident(i + 1), $"2024-04-22 {9 + i / 30}:{i % 30 * 2:00}:00");
        }
        return s;
    }

    [Fact]
    public void R09_WithoutHistory_FiftyResidentsInADay_Fire_FortyNineDoNot()
    {
        using var fifty = OneDay(50);
        Assert.Equal(1, Count(fifty, "R09"));
        using var fortyNine = OneDay(49);
        Assert.Equal(0, Count(fortyNine, "R09"));
    }

    [Fact]
    public void Explained_ACaseClosedExactly30DaysBeforeTheAccess_Explains_31DaysDoesNot()
    {
        // The access is on 2024-04-10; a case explains accesses until 30 days after it closed.
        using var thirty = new Scenario();
        thirty.Access("u1", "Y9").Case("Y9", "戸籍住民課", "2024-01-01", "2024-03-11");
        Assert.Equal(0, Count(thirty, "R03"));
        using var thirtyOne = new Scenario();
        thirtyOne.Access("u1", "Y9").Case("Y9", "戸籍住民課", "2024-01-01", "2024-03-10");
        Assert.Equal(1, Count(thirtyOne, "R03"));
    }

    [Fact]
    public void Explained_ACaseOfAnotherDepartment_DoesNotExplain()
    {
        using var s = new Scenario();
        s.Access("u1", "Y9").Case("Y9", "税務課", "2024-04-01");
        Assert.Equal(1, Count(s, "R03"));
    }
}
