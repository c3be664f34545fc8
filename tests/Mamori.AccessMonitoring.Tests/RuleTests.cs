namespace Mamori.AccessMonitoring.Tests;

/// <summary>Every rule of the v1 pack fires on a small hand-made case and stays quiet on the one next to it.</summary>
public sealed class RuleTests
{
    private static void Fires(Scenario s, string rule, string user, string day = "2024-04-10", string? severity = null)
    {
        var alerts = s.Alerts(rule);
        var alert = Assert.Single(alerts);
        Assert.Equal((user, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)), (alert.UserId, alert.Day));
        if (severity is not null)
        {
            Assert.Equal(severity, alert.Severity);
        }
    }

    private static void Quiet(Scenario s, string rule) => Assert.Empty(s.Alerts(rule));

    [Fact]
    public void R01_OwnRecord_Fires_AnotherResident_DoesNot()
    {
        using var s = new Scenario();
        s.Access("u1", "S1").Access("u1", "S1", "2024-04-10 11:00:00");
        Fires(s, "R01", "u1", severity: "high");
        Assert.Equal(2, s.Alerts("R01")[0].Count);
        using var quiet = new Scenario();
        quiet.Access("u1", "S2");
        Quiet(quiet, "R01");
    }

    [Fact]
    public void R02_SameHousehold_Fires_OwnRecordIsR01Only()
    {
        using var s = new Scenario();
        s.Access("u1", "F1");
        Fires(s, "R02", "u1");
        using var own = new Scenario();
        own.Access("u1", "S1");
        Quiet(own, "R02");
    }

    [Fact]
    public void R03_SameSurnameUnexplained_Fires_WithACase_DoesNot()
    {
        using var s = new Scenario();
        s.Access("u1", "Y9");
        Fires(s, "R03", "u1");
        using var explained = new Scenario();
        explained.Access("u1", "Y9").Case("Y9", "戸籍住民課", "2024-04-01");
        Quiet(explained, "R03");
        using var household = new Scenario(); // a household member is R02, not R03
        household.Access("u1", "F1");
        Quiet(household, "R03");
    }

    [Fact]
    public void R04_Coworker_Fires_ButNotForPayrollWork()
    {
        using var s = new Scenario();
        s.Access("u1", "S3");
        Fires(s, "R04", "u1");
        using var payroll = new Scenario();
        payroll.Access("hr1", "S3", terminal: "T9", terminalDept: "人事課", business: "KYUYO");
        Quiet(payroll, "R04");
    }

    [Fact]
    public void R05_ProtectedUnexplained_IsCritical_WithACaseInTheAllowedDepartment_IsNot()
    {
        using var s = new Scenario();
        s.Access("u1", "P1").Access("u2", "W1");
        var alerts = s.Alerts("R05");
        Assert.Equal(["u1", "u2"], alerts.Select(a => a.UserId));
        Assert.All(alerts, a => Assert.Equal("critical", a.Severity));

        using var explained = new Scenario();
        explained.Access("u1", "P1").Case("P1", "戸籍住民課", "2024-04-09");
        Quiet(explained, "R05");
        // With a list of departments allowed protected records, a case elsewhere is not enough.
        var settings = Scenario.Settings with { ProtectedDepartments = ["支援措置担当"] };
        Assert.Single(explained.Alerts("R05", settings));
    }

    [Fact]
    public void R06_TheFifthUnexplainedResident_Fires_FourDoNot()
    {
        using var four = new Scenario();
        for (var i = 1; i <= 4; i++)
        {
            four.Access("u1", Scenario.Resident(i));
        }
        four.Access("u1", Scenario.Resident(5)).Case(Scenario.Resident(5), "戸籍住民課", "2024-04-10"); // explained
        Quiet(four, "R06");
        using var five = new Scenario();
        for (var i = 1; i <= 5; i++)
        {
            five.Access("u1", Scenario.Resident(i), op: i == 5 ? "PRINT" : "VIEW");
        }
        Fires(five, "R06", "u1");
    }

    [Fact]
    public void R07_BusinessOutsideTheRole_OrAnotherDepartmentsTerminal_Fires_RoamingRoleDoesNot()
    {
        using var s = new Scenario();
        s.Access("u1", Scenario.Resident(1), business: "ZEI");
        Fires(s, "R07", "u1");
        using var terminal = new Scenario();
        terminal.Access("u3", Scenario.Resident(1), business: "ZEI", terminalDept: "戸籍住民課");
        Fires(terminal, "R07", "u3");
        using var roaming = new Scenario();
        roaming.Access("hr1", Scenario.Resident(1), business: "JINJI", terminalDept: "戸籍住民課");
        Quiet(roaming, "R07");
    }

    [Theory]
    [InlineData("2024-04-10 07:29:59", true)]
    [InlineData("2024-04-10 07:30:00", false)]
    [InlineData("2024-04-10 19:00:00", false)]
    [InlineData("2024-04-10 19:00:01", true)]
    [InlineData("2024-04-13 10:00:00", true)] // Saturday
    [InlineData("2024-05-06 10:00:00", true)] // 振替休日 (5/5 was a Sunday)
    [InlineData("2024-05-07 10:00:00", false)]
    [InlineData("2023-12-29 10:00:00", true)] // 年末
    [InlineData("2024-01-04 10:00:00", false)]
    public void R08_OffHours(string at, bool fires)
    {
        using var s = new Scenario();
        s.Access("u1", Scenario.Resident(1), at).Access("u1", Scenario.Resident(2), at);
        if (fires)
        {
            Fires(s, "R08", "u1", at[..10]);
        }
        else
        {
            Quiet(s, "R08");
        }
    }

    [Fact]
    public void R09_SpikeAgainstDepartmentAndOwnHistory_Fires_UsualVolumeDoesNot()
    {
        using var s = new Scenario();
        // Twelve working days of about ten residents a day for both clerks, then 60 in a day for u1.
        var day = new DateOnly(2024, 4, 1);
        var worked = 0;
        while (worked < 12)
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                for (var i = 0; i < 10; i++)
                {
                    s.Access("u1", Scenario.Resident(i + 1), $"{day:yyyy-MM-dd} 10:{i:00}:00");
                    s.Access("u2", Scenario.Resident(i + 11), $"{day:yyyy-MM-dd} 11:{i:00}:00");
                }
                worked++;
            }
            day = day.AddDays(1);
        }
        var spike = new DateOnly(2024, 4, 22);
        for (var i = 0; i < 60; i++)
        {
            s.Access("u1", Scenario.Resident(i + 100), $"{spike:yyyy-MM-dd} {9 + i / 30}:{i % 30 * 2:00}:00");
        }
        Fires(s, "R09", "u1", "2024-04-22");

        using var usual = new Scenario();
        for (var i = 0; i < 49; i++)
        {
            usual.Access("u1", Scenario.Resident(i + 100), $"2024-04-22 {9 + i / 30}:{i % 30 * 2:00}:00");
        }
        Quiet(usual, "R09");
    }

    [Fact]
    public void R10_ThirtyResidentsWithinTenMinutes_Fires_SpreadOverElevenDoesNot()
    {
        using var s = new Scenario();
        for (var i = 0; i < 30; i++)
        {
            s.Access("u1", Scenario.Resident(i + 1), $"2024-04-10 10:{i / 3:00}:{i % 3 * 20:00}");
        }
        Fires(s, "R10", "u1");
        using var spread = new Scenario();
        for (var i = 0; i < 30; i++)
        {
            // 29 within 10 minutes, the 30th eleven minutes after the first.
            spread.Access("u1", Scenario.Resident(i + 1), i == 29 ? "2024-04-10 10:11:00" : $"2024-04-10 10:{i / 3:00}:{i % 3 * 20:00}");
        }
        Quiet(spread, "R10");
        using var repeated = new Scenario();
        for (var i = 0; i < 40; i++)
        {
            // 40 accesses within ten minutes, to 29 residents.
            repeated.Access("u1", Scenario.Resident(i % 29 + 1), $"2024-04-10 10:{i / 5:00}:{i % 5 * 10:00}");
        }
        Quiet(repeated, "R10");
    }

    [Fact]
    public void R11_SameResidentOnThreeDaysWithin30_Fires_OnTheThirdDay()
    {
        using var s = new Scenario();
        s.Access("u1", Scenario.Resident(7), "2024-04-01 10:00:00").Access("u1", Scenario.Resident(7), "2024-04-15 10:00:00").Access("u1", Scenario.Resident(7), "2024-04-30 10:00:00");
        Fires(s, "R11", "u1", "2024-04-30");
        using var apart = new Scenario();
        apart.Access("u1", Scenario.Resident(7), "2024-04-01 10:00:00").Access("u1", Scenario.Resident(7), "2024-04-15 10:00:00").Access("u1", Scenario.Resident(7), "2024-05-01 10:00:00");
        Quiet(apart, "R11");
    }

    [Fact]
    public void R12_ThreeNameSearchesFollowedByViews_Fires_TwoDoNot()
    {
        using var s = new Scenario();
        using var two = new Scenario();
        for (var i = 0; i < 3; i++)
        {
            var hour = 10 + i;
            s.Access("u1", "", $"2024-04-10 {hour}:00:00", op: "SEARCH", searchMethod: "NAME").Access("u1", Scenario.Resident(i + 1), $"2024-04-10 {hour}:04:59");
            if (i < 2)
            {
                two.Access("u1", "", $"2024-04-10 {hour}:00:00", op: "SEARCH", searchMethod: "NAME").Access("u1", Scenario.Resident(i + 1), $"2024-04-10 {hour}:04:59");
            }
        }
        two.Access("u1", "", "2024-04-10 15:00:00", op: "SEARCH", searchMethod: "NAME").Access("u1", Scenario.Resident(9), "2024-04-10 15:05:01"); // too late
        Fires(s, "R12", "u1");
        Quiet(two, "R12");
    }

    [Fact]
    public void R13_AfterTheEndDate_IsCritical_DuringLeaveHigh_AfterLongIdleMedium()
    {
        using var s = new Scenario();
        s.Staff[0] = "u1,S1,H1,ヤマダ,戸籍住民課,CLERK,2015-04-01,2024-03-31,";
        s.Staff[1] = "u2,S2,H2,スズキ,戸籍住民課,CLERK,2018-04-01,,2024-04-08/2024-04-12";
        s.Access("u1", Scenario.Resident(1)).Access("u2", Scenario.Resident(2)).Access("ghost", Scenario.Resident(3));
        var alerts = s.Alerts("R13").ToDictionary(a => a.UserId, a => a.Severity);
        Assert.Equal(new Dictionary<string, string> { ["u1"] = "critical", ["u2"] = "high", ["ghost"] = "critical" }, alerts);

        using var idle = new Scenario();
        idle.Access("u3", Scenario.Resident(1), "2024-01-05 10:00:00", business: "ZEI", terminalDept: "税務課")
            .Access("u3", Scenario.Resident(1), "2024-04-04 10:00:00", business: "ZEI", terminalDept: "税務課") // 90 days later
            .Access("u3", Scenario.Resident(1), "2024-04-05 10:00:00", business: "ZEI", terminalDept: "税務課");
        Fires(idle, "R13", "u3", "2024-04-04", "medium");
    }

    [Fact]
    public void R14_TwoTerminalsWithinFiveMinutes_Fires_SixMinutesApartDoesNot()
    {
        using var s = new Scenario();
        s.Access("u1", Scenario.Resident(1), "2024-04-10 10:00:00").Access("u1", Scenario.Resident(2), "2024-04-10 10:05:00", terminal: "T2");
        Fires(s, "R14", "u1");
        using var apart = new Scenario();
        apart.Access("u1", Scenario.Resident(1), "2024-04-10 10:00:00").Access("u1", Scenario.Resident(2), "2024-04-10 10:06:00", terminal: "T2");
        Quiet(apart, "R14");
    }

    [Fact]
    public void R15_PrintOfAHundred_Fires_NinetyNineDoesNot()
    {
        using var s = new Scenario();
        s.Access("u1", "", op: "EXPORT", results: 100);
        Fires(s, "R15", "u1");
        using var less = new Scenario();
        less.Access("u1", "", op: "PRINT", results: 99).Access("u1", "", op: "SEARCH", results: 500);
        Quiet(less, "R15");
    }

    [Fact]
    public void Allowlist_SuppressesUntilItExpires()
    {
        using var s = new Scenario();
        s.Access("u1", "S1", "2024-04-10 10:00:00").Access("u1", "S1", "2024-04-11 10:00:00");
        var settings = Scenario.Settings with { Allowlist = [new AllowlistEntry("R01", "u1", "S1", "課長 佐藤", new DateOnly(2024, 4, 10))] };
        Assert.Equal([new DateOnly(2024, 4, 11)], s.Alerts("R01", settings).Select(a => a.Day));
    }

    [Fact]
    public void Case_OpenedSevenDaysAfterTheAccess_Explains_EightDoesNot()
    {
        using var seven = new Scenario();
        seven.Access("u1", "Y9").Case("Y9", "戸籍住民課", "2024-04-17");
        Quiet(seven, "R03");
        using var eight = new Scenario();
        eight.Access("u1", "Y9").Case("Y9", "戸籍住民課", "2024-04-18");
        Fires(eight, "R03", "u1");
        using var closed = new Scenario(); // closed 31 days before the access
        closed.Access("u1", "Y9").Case("Y9", "戸籍住民課", "2024-01-01", "2024-03-10");
        Fires(closed, "R03", "u1");
    }
}
