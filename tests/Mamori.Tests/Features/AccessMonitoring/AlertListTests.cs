using System.Text.RegularExpressions;
using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Features.Accounts;
using Mamori.Features.AccessMonitoring;
using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Features.AccessMonitoring;

/// <summary>
/// A month of a large city has thousands of alerts: the list shows them a hundred to a page, in one order across the
/// pages (open first, newest day first, most severe first), and the CSV has every alert that matches — none cut off.
/// </summary>
public sealed partial class AlertListTests(AppFixture app)
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ALongList_IsPagedInOneOrder_AndTheCsvHasEveryAlert(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        const int Count = 2 * AlertsModel.PageSize + 31;
        string[] severities = ["low", "medium", "high", "critical"];
        await factory.AsSystemAsync(async (_, db) =>
        {
            var analysis = new AccessAnalysis { MunicipalityId = tenant.MunicipalityId, From = new DateOnly(2024, 4, 1), To = new DateOnly(2024, 4, 30), RanBy = "テスト" };
            db.AccessAnalyses.Add(analysis);
            for (var i = 0; i < Count; i++)
            {
                db.AccessAlerts.Add(new AccessAlert
                {
                    MunicipalityId = tenant.MunicipalityId,
                    AnalysisId = analysis.Id,
                    Rule = $"R{i % 15 + 1:D2}",
                    UserId = $"u{i:D4}",
                    Day = new DateOnly(2024, 4, 1 + i % 30),
                    Severity = severities[i % 4],
                    Count = 1,
                    Status = i % 10 == 0 ? AlertStatus.Closed : AlertStatus.New,
                    Outcome = i % 10 == 0 ? AlertOutcome.Legitimate : null,
                });
            }
            return await db.SaveChangesAsync();
        });
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);

        var seen = new List<(bool Closed, int Day, int Severity, string User)>();
        for (var page = 1; page <= 3; page++)
        {
            var html = await security.GetPageAsync($"/access?Status=all&p={page}");
            var rows = Row().Matches(html).Select(m => (m.Groups["closed"].Success, int.Parse(m.Groups["month"].Value) * 100 + int.Parse(m.Groups["day"].Value),
                Array.IndexOf(["緊急", "高", "中", "低"], m.Groups["sev"].Value), m.Groups["user"].Value)).ToList();
            Assert.Equal(page < 3 ? AlertsModel.PageSize : Count - 2 * AlertsModel.PageSize, rows.Count);
            var first = (page - 1) * AlertsModel.PageSize + 1;
            Assert.Contains($"{Count} 件（{first}〜{first + rows.Count - 1} 件目）", html, StringComparison.Ordinal);
            Assert.Contains($"{page} / 3 ページ", html, StringComparison.Ordinal);
            seen.AddRange(rows);
        }
        Assert.Equal(Count, seen.Select(r => r.User).Distinct().Count());
        // One order across the pages: every open alert before every closed one, newest day first, most severe first.
        for (var i = 1; i < seen.Count; i++)
        {
            var (a, b) = (seen[i - 1], seen[i]);
            Assert.True((a.Closed ? 1 : 0, -a.Day, a.Severity).CompareTo((b.Closed ? 1 : 0, -b.Day, b.Severity)) <= 0, $"{i} 行目の前後の順序: {a} → {b}");
        }

        var csv = await security.GetAsync("/access?handler=Csv&Status=all");
        var text = System.Text.Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal(Count + 1, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [GeneratedRegex("<tr(?<closed> class=\"muted\")?>\\s*(?:<td><input[^>]*/><label[^>]*>[^<]*</label></td>\\s*)?<td class=\"nowrap\"><a href=\"/access/alerts/[0-9a-f-]+\">[^<]*?(?<month>\\d+)月(?<day>\\d+)日[^<]*</a></td>\\s*<td>[^<]*(?:<br /><span class=\"hint\">[^<]*</span>)?</td>\\s*<td><span class=\"[^\"]*\">(?<sev>[^<]+)</span></td>\\s*<td[^>]*>(?<user>[^<]+)</td>")]
    private static partial Regex Row();
}
