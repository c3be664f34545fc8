using System.Net;
using Mamori.AccessMonitoring;
using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Findings;
using Mamori.Core.Japanese;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Mamori.Tests.Features.Council.CouncilPages;

namespace Mamori.Tests.Features.AccessMonitoring;

/// <summary>
/// The security officer's month: masters and a month of logs uploaded, stored by the background job, analysed;
/// the alerts equal the engine's on the CSV; one alert worked to 完了 as 違反 and registered as a finding; the
/// monthly report; the investigation search; the failures that change nothing.
/// </summary>
public sealed class AccessPagesTests(AppFixture app)
{
    private static readonly DateOnly April1 = new(2024, 4, 1);

    private static GeneratedLog Generate(string dir, int seed = 5) => LogGenerator.Generate(20_000, seed, dir, JapaneseCalendar.IsClosed, plant: true, start: April1);

    private static string Master(GeneratedLog log, string name) => Path.Combine(Path.GetDirectoryName(log.Inputs.Staff)!, name);

    private static async Task UploadMastersAsync(Browser security, GeneratedLog log)
    {
        var response = await security.PostFilesAsync("/access/data",
        [
            ("Staff", "staff.csv", await File.ReadAllBytesAsync(log.Inputs.Staff)),
            ("Residents", "residents.csv", await File.ReadAllBytesAsync(log.Inputs.Residents)),
            ("Cases", "cases.csv", await File.ReadAllBytesAsync(log.Inputs.Cases)),
            ("Roles", "roles.csv", await File.ReadAllBytesAsync(log.Inputs.Roles)),
        ], "/access/data?handler=Masters");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Errors(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Waits for the <paramref name="expectedJobs"/>-th background job (取込み・分析) of the municipality to finish and returns it.</summary>
    internal static async Task<AccessJob> WaitForJobAsync(MamoriFactory factory, Guid municipalityId, int expectedJobs)
    {
        // A busy machine can be many times slower than an idle one: the limit only ends a job that hangs.
        var until = DateTime.UtcNow.AddMinutes(15);
        while (DateTime.UtcNow < until)
        {
            var jobs = await factory.AsSystemAsync((_, db) => db.AccessJobs.AsNoTracking()
                .Where(j => j.MunicipalityId == municipalityId && j.Kind != AccessJobKind.Masters).OrderBy(j => j.RequestedAt).ToListAsync());
            if (jobs.Count >= expectedJobs && jobs[expectedJobs - 1].State is AccessJobState.Succeeded or AccessJobState.Failed)
            {
                return jobs[expectedJobs - 1];
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("アクセスログの処理が15分で終わりませんでした。");
    }

    private static async Task<AccessJob> AnalyzeAsync(MamoriFactory factory, Browser security, Guid municipalityId, int expectedJobs, string from = "2024-04-01", string to = "2024-04-30")
    {
        await PostAndFollowAsync(security, "/access/data", new() { ["From"] = from, ["To"] = to }, "/access/data?handler=Analyze");
        var job = await WaitForJobAsync(factory, municipalityId, expectedJobs);
        Assert.True(job.State == AccessJobState.Succeeded, job.Result);
        return job;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task MonthOfLogs_IsStoredAnalysedAndWorked_ToAFindingAndTheMonthlyReport(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        var dir = Directory.CreateTempSubdirectory("mamori-access-").FullName;
        try
        {
            var log = Generate(dir);
            var expected = LogAnalyzer.Analyze(log.Inputs, new MonitoringSettings { Holidays = Core.Japanese.JapaneseCalendar.AllHolidays() });

            await UploadMastersAsync(security, log);
            var data = await security.GetPageAsync("/access/data");
            Assert.DoesNotContain("未登録", data);

            var upload = await security.PostFilesAsync("/access/data", [("Logs", "2024-04.csv", await File.ReadAllBytesAsync(log.Inputs.Logs[0]))], "/access/data?handler=Upload");
            Assert.Equal("/access/jobs", upload.Headers.Location?.OriginalString);
            var ingest = await WaitForJobAsync(factory, tenant.MunicipalityId, 1);
            Assert.True(ingest.State == AccessJobState.Succeeded, ingest.Result);
            Assert.Equal(log.Rows, ingest.Rows);
            Assert.Contains("2024-04.csv", ingest.Result);
            Assert.Contains("令和6年4月", await security.GetPageAsync("/access/data"));
            Assert.Contains("完了", await security.GetPageAsync("/access/jobs"));

            // The same file again adds nothing.
            await security.PostFilesAsync("/access/data", [("Logs", "2024-04 (2).csv", await File.ReadAllBytesAsync(log.Inputs.Logs[0]))], "/access/data?handler=Upload");
            var again = await WaitForJobAsync(factory, tenant.MunicipalityId, 2);
            Assert.Equal(0, again.Rows);
            Assert.Contains("取込み済みのため読み飛ばし", again.Result);

            var analysis = await AnalyzeAsync(factory, security, tenant.MunicipalityId, 3);
            Assert.Equal(log.Rows, analysis.Rows);
            var alerts = await factory.AsSystemAsync((_, db) => db.AccessAlerts.AsNoTracking().Where(a => a.MunicipalityId == tenant.MunicipalityId).ToListAsync());
            Assert.Equal(expected.Alerts.Select(a => (a.Rule, a.UserId, a.Day, a.Severity, a.Count)).Order(), alerts.Select(a => (a.Rule, a.UserId, a.Day, a.Severity, a.Count)).Order());
            foreach (var planted in log.Planted)
            {
                Assert.Contains(alerts, a => a.Rule == planted.Rule && a.UserId == planted.UserId && a.Day == planted.Day);
            }
            Assert.All(alerts, a => Assert.Equal(AlertStatus.New, a.Status));
            Assert.All(alerts.Where(a => a.UserId.StartsWith('p')), a => Assert.Equal("戸籍住民課", a.UserDept));
            // Resident ids are kept as pseudonyms (64 hex characters), never as the ids in the log.
            var self = alerts.Single(a => a.Rule == "R01");
            Assert.Matches("^[0-9a-f]{64}$", self.ResidentId!);

            var list = await security.GetPageAsync("/access?Status=all");
            Assert.Contains($"{alerts.Count} 件", list);
            Assert.Contains("R01 本人の記録の参照", list);
            var byRule = await security.GetPageAsync("/access?Rule=R01");
            Assert.Contains($"/access/alerts/{self.Id}", byRule);
            Assert.DoesNotContain($"/access/alerts/{alerts.First(a => a.Rule == "R15").Id}", byRule);

            // The alert page shows the day's accesses from the stored log, the resident's rows marked.
            var detail = await security.GetPageAsync($"/access/alerts/{self.Id}");
            Assert.Contains("この日の利用者のアクセス", detail);
            Assert.Contains("class=\"hit\"", detail);
            // Residents read as 住民A (the alert's own), 住民B … on the page; no pseudonym is shown.
            Assert.DoesNotContain(self.ResidentId!, detail);
            Assert.DoesNotContain(self.ResidentId![..12], detail);
            var decoded = WebUtility.HtmlDecode(detail).Replace("\n", "", StringComparison.Ordinal);
            Assert.Matches("<dd id=\"resident\">住民A\\s*<span", decoded);
            Assert.Matches("<tr class=\"hit\">(?:(?!</tr>).)*<td>住民A</td>", decoded);
            // Why it fired, with the line as applied when found (kept on every alert), on the page and in the list.
            Assert.All(alerts, a => Assert.Equal(Core.Features.AccessMonitoring.AlertExplanation.Applied(new MonitoringSettings())[a.Rule], a.Applied));
            Assert.Contains($"職員本人の住民記録を{self.Count}回参照", WebUtility.HtmlDecode(detail));
            var burst = alerts.First(a => a.Rule == "R10");
            var burstPage = WebUtility.HtmlDecode(await security.GetPageAsync($"/access/alerts/{burst.Id}"));
            Assert.Contains("min_residents = 30、minutes = 10", burstPage);
            Assert.Contains("（検知したときの設定）", burstPage);
            Assert.Contains($"10分間に{burst.Count}人（基準30人）", WebUtility.HtmlDecode(await security.GetPageAsync("/access?Rule=R10")));

            // Triage: each step asks for what it needs, and changes nothing until it has it.
            await PostAndFollowAsync(security, $"/access/alerts/{self.Id}", new() { ["Input.To"] = "Investigating" }, $"/access/alerts/{self.Id}?handler=Move");
            var missing = await security.PostFormAsync($"/access/alerts/{self.Id}", new() { ["Input.To"] = "SupervisorReview", ["Input.Comment"] = "" }, $"/access/alerts/{self.Id}?handler=Move");
            Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
            Assert.Contains("確認した内容", Errors(await missing.Content.ReadAsStringAsync()));
            await PostAndFollowAsync(security, $"/access/alerts/{self.Id}", new() { ["Input.To"] = "SupervisorReview", ["Input.Comment"] = "本人に聞き取り。業務上の理由なし。" },
                $"/access/alerts/{self.Id}?handler=Move");
            var noOutcome = await security.PostFormAsync($"/access/alerts/{self.Id}", new() { ["Input.To"] = "Closed", ["Input.Comment"] = "確認した。" }, $"/access/alerts/{self.Id}?handler=Move");
            var noOutcomeErrors = Errors(await noOutcome.Content.ReadAsStringAsync());
            Assert.Contains("判定（違反・正当・誤検知）を選んでください", noOutcomeErrors);
            Assert.Contains("確認した所属長を入力してください", noOutcomeErrors);
            var skip = await security.PostFormAsync($"/access/alerts/{alerts.First(a => a.Rule == "R15").Id}", new() { ["Input.To"] = "Closed", ["Input.Outcome"] = "Legitimate", ["Input.Supervisor"] = "課長", ["Input.Comment"] = "x" },
                $"/access/alerts/{alerts.First(a => a.Rule == "R15").Id}?handler=Move");
            Assert.Contains("「新規」のアラートを「完了」にはできません", Errors(await skip.Content.ReadAsStringAsync()));
            await PostAndFollowAsync(security, $"/access/alerts/{self.Id}", new()
            {
                ["Input.To"] = "Closed",
                ["Input.Outcome"] = "Violation",
                ["Input.Supervisor"] = "戸籍住民課長 山田",
                ["Input.Comment"] = "本人の記録の私的な参照。指導した。",
            }, $"/access/alerts/{self.Id}?handler=Move");
            var closed = await factory.AsSystemAsync((_, db) => db.AccessAlerts.AsNoTracking().Include(a => a.Comments).SingleAsync(a => a.Id == self.Id));
            Assert.Equal((AlertStatus.Closed, AlertOutcome.Violation, "戸籍住民課長 山田"), (closed.Status, closed.Outcome, closed.Supervisor));
            Assert.Equal([AlertStatus.Investigating, AlertStatus.SupervisorReview, AlertStatus.Closed], closed.Comments.OrderBy(c => c.At).Select(c => c.To));
            Assert.NotNull(closed.ClosedAt);

            // 違反 → 指摘事項, once.
            var finding = await security.PostFormAsync($"/access/alerts/{self.Id}", new() { ["Finding.DepartmentId"] = tenant.OwnDepartmentId.ToString(), ["Finding.DueOn"] = "2024-06-30" },
                $"/access/alerts/{self.Id}?handler=Finding");
            Assert.True(finding.StatusCode == HttpStatusCode.Redirect, Errors(await finding.Content.ReadAsStringAsync()));
            var registered = await factory.AsSystemAsync((_, db) => db.Findings.AsNoTracking().Join(db.Inspections, f => f.InspectionId, i => i.Id, (f, i) => new { f, i })
                .SingleAsync(x => x.i.MunicipalityId == tenant.MunicipalityId && x.i.Source == FindingSource.AccessMonitoring));
            Assert.Equal((tenant.OwnDepartmentId, new DateOnly(2024, 6, 30), "アクセスログ監視（令和6年4月）"), (registered.f.DepartmentId, registered.f.DueOn, registered.i.Title));
            Assert.Contains("R01 本人の記録の参照", registered.f.Heading);
            var twice = await security.PostFormAsync($"/access/alerts/{self.Id}", new() { ["Finding.DepartmentId"] = tenant.OwnDepartmentId.ToString() }, $"/access/alerts/{self.Id}?handler=Finding");
            Assert.Contains("指摘事項に登録済み", Errors(await twice.Content.ReadAsStringAsync()));

            // Analysing the month again: no new alerts, the triage stays.
            var rerun = await AnalyzeAsync(factory, security, tenant.MunicipalityId, 4);
            Assert.Contains("新規 0 件", rerun.Result);
            var after = await factory.AsSystemAsync((_, db) => db.AccessAlerts.AsNoTracking().Where(a => a.MunicipalityId == tenant.MunicipalityId).ToListAsync());
            Assert.Equal(alerts.Count, after.Count);
            Assert.Equal(AlertStatus.Closed, after.Single(a => a.Id == self.Id).Status);

            // The monthly report: the figures of the stored days and alerts, on the page and in the workbook.
            var days = await factory.AsSystemAsync((_, db) => db.AccessDays.AsNoTracking().Where(d => d.MunicipalityId == tenant.MunicipalityId).ToListAsync());
            Assert.Equal(log.Rows, days.Sum(d => d.Rows));
            Assert.Equal(expected.Days.Sum(d => d.Explained), days.Sum(d => d.Explained));
            var report = await security.GetPageAsync("/access/report?Month=2024-04");
            Assert.Contains("アクセスログ監視 月次報告（令和6年4月）", report);
            Assert.Contains($"{log.Rows:N0}件", report);
            var share = Core.Features.Statistics.Datasets.Percent(expected.Days.Sum(d => d.Explained), expected.Days.Sum(d => d.ResidentRows));
            Assert.Contains($"{share:0.0}%", report);
            Assert.Contains($"{alerts.Count}件（完了 1件、未完了 {alerts.Count - 1}件）", report);
            var xlsx = await security.GetAsync("/access/report?handler=Xlsx&Month=2024-04");
            using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
            var summary = workbook.Query(useHeaderRow: true, sheetName: "概要").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(log.Rows, Convert.ToInt64(summary.Single(r => (string?)r["項目"] == "分析したアクセス")["値"], System.Globalization.CultureInfo.InvariantCulture));
            var rules = workbook.Query(useHeaderRow: true, sheetName: "ルール別").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(1, Convert.ToInt32(rules.Single(r => (string?)r["ルール"] == "R01")["違反"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(15, rules.Count);

            // Opened without a month it shows the last month analysed; the 違反 is listed with its finding, and twelve months lead up to it.
            var opened = WebUtility.HtmlDecode(await security.GetPageAsync("/access/report"));
            Assert.Contains("アクセスログ監視 月次報告（令和6年4月）", opened);
            Assert.Contains("違反と判定したアラート", opened);
            Assert.Contains(registered.f.Heading, opened);
            Assert.Contains("過去12か月のアラート", opened);
            var violations = workbook.Query(useHeaderRow: true, sheetName: "違反").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal((self.UserId, registered.f.Heading, "未着手"), ((string?)Assert.Single(violations)["利用者ID"], (string?)violations[0]["指摘事項"], (string?)violations[0]["指摘事項の状況"]));
            var twelve = workbook.Query(useHeaderRow: true, sheetName: "12か月").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(("2023-05", "2024-04"), ((string?)twelve[0]["月"], (string?)twelve[^1]["月"]));
            Assert.Equal(12, twelve.Count);
            int Cell(IDictionary<string, object?> row, string column) => Convert.ToInt32(row[column], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal((alerts.Count, 1, alerts.Count - 1), (Cell(twelve[^1], "合計"), Cell(twelve[^1], "違反"), Cell(twelve[^1], "未完了")));
            Assert.Equal(0, Cell(twelve[^2], "合計"));
            var exported = await factory.AsSystemAsync((_, db) => db.SecurityEvents.AsNoTracking()
                .Where(e => e.MunicipalityId == tenant.MunicipalityId && e.Kind == Core.Features.Audit.SecurityEventKind.Export).Select(e => e.Detail).ToListAsync());
            Assert.Contains(exported, d => d?.StartsWith("アクセスログ監視 月次報告 2024-04（Excel）", StringComparison.Ordinal) == true);

            // Every step is in the audit trail under the officer's name.
            var audited = await factory.AsSystemAsync((_, db) => db.AuditEntries.AsNoTracking()
                .Where(e => e.MunicipalityId == tenant.MunicipalityId && e.EntityType == "AccessAlert" && e.EntityKey == self.Id.ToString()).CountAsync());
            Assert.True(audited >= 4, $"監査ログ {audited} 件");

            // The alert page shows the user's other alerts of that day, and their twelve months.
            var sameDay = await factory.AsSystemAsync(async (_, db) =>
            {
                var extra = new AccessAlert
                {
                    MunicipalityId = tenant.MunicipalityId,
                    AnalysisId = self.AnalysisId,
                    Rule = "R08",
                    UserId = self.UserId,
                    Day = self.Day,
                    Severity = "medium",
                    Count = 4,
                    Applied = "day_end=19:00:00;day_start=07:30:00",
                };
                db.AccessAlerts.Add(extra);
                await db.SaveChangesAsync();
                return extra;
            });
            var mine = alerts.Count(a => a.UserId == self.UserId) + 1;
            var withOthers = WebUtility.HtmlDecode(await security.GetPageAsync($"/access/alerts/{self.Id}"));
            Assert.Contains($"この利用者の過去12か月のアラート（{mine} 件）", withOthers);
            Assert.Contains($"<a href=\"/access/alerts/{sameDay.Id}\">R08 時間外・閉庁日の操作</a>", withOthers);
            Assert.DoesNotContain($"<a href=\"/access/alerts/{self.Id}\">R01", withOthers);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task BadInputs_ChangeNothing_AndSayWhereTheProblemIs(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        var dir = Directory.CreateTempSubdirectory("mamori-access-").FullName;
        try
        {
            var log = Generate(dir, seed: 8);

            // Analysis without masters fails and says what is missing.
            await PostAndFollowAsync(security, "/access/data", new() { ["From"] = "2024-04-01", ["To"] = "2024-04-30" }, "/access/data?handler=Analyze");
            var noMasters = await WaitForJobAsync(factory, tenant.MunicipalityId, 1);
            Assert.Equal(AccessJobState.Failed, noMasters.State);
            Assert.Contains("マスタ（職員・住民・案件・役割）がそろっていません", noMasters.Result);

            // A bad master row: named with file, line and column; nothing registered.
            var staff = (await File.ReadAllLinesAsync(log.Inputs.Staff)).ToList();
            staff[3] = staff[3].Replace(",2", ",R2", StringComparison.Ordinal);
            var badMasters = await security.PostFilesAsync("/access/data",
            [
                ("Staff", "職員.csv", System.Text.Encoding.UTF8.GetBytes(string.Join('\n', staff))),
                ("Residents", "residents.csv", await File.ReadAllBytesAsync(log.Inputs.Residents)),
                ("Cases", "cases.csv", await File.ReadAllBytesAsync(log.Inputs.Cases)),
                ("Roles", "roles.csv", await File.ReadAllBytesAsync(log.Inputs.Roles)),
            ], "/access/data?handler=Masters");
            var badHtml = WebUtility.HtmlDecode(await badMasters.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, badMasters.StatusCode);
            Assert.Contains("職員.csv の 4 行目", badHtml);
            Assert.Contains("マスタは何も変えていません", badHtml);
            Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(badHtml, "未登録"));

            // A bad log row: the job fails naming the file, line and column, and stores nothing.
            var lines = (await File.ReadAllLinesAsync(log.Inputs.Logs[0])).ToList();
            lines[2] = lines[2].Replace(",VIEW,", ",LOOK,", StringComparison.Ordinal).Replace(",SEARCH,", ",LOOK,", StringComparison.Ordinal)
                .Replace(",UPDATE,", ",LOOK,", StringComparison.Ordinal).Replace(",PRINT,", ",LOOK,", StringComparison.Ordinal).Replace(",EXPORT,", ",LOOK,", StringComparison.Ordinal);
            await security.PostFilesAsync("/access/data", [("Logs", "4月分.csv", System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines)))], "/access/data?handler=Upload");
            var failed = await WaitForJobAsync(factory, tenant.MunicipalityId, 2);
            Assert.Equal(AccessJobState.Failed, failed.State);
            Assert.Contains("4月分.csv の 3 行目「op」", failed.Result);
            Assert.Contains("何も取り込んでいません", failed.Result);
            Assert.Contains("まだありません", await security.GetPageAsync("/access/data"));

            // Settings: a parameter that is not a number is refused with the rule and parameter named.
            var settings = await security.PostFormAsync("/access/settings", new() { ["Parameters[R06.min_residents]"] = "たくさん", ["ExemptBusinessCodes"] = "JINJI" }, "/access/settings");
            Assert.Contains("R06: min_residents には 0 以上の数を入力してください", Errors(await settings.Content.ReadAsStringAsync()));
            await PostAndFollowAsync(security, "/access/settings", new() { ["Parameters[R06.min_residents]"] = "8", ["Parameters[R08.day_start]"] = "08:00:00", ["ExemptBusinessCodes"] = "JINJI；KYUYO" }, "/access/settings");
            var stored = await factory.AsSystemAsync((_, db) => db.AccessMonitoringSettings.AsNoTracking().SingleAsync(s => s.MunicipalityId == tenant.MunicipalityId));
            Assert.Equal(("JINJI;KYUYO", "R06.min_residents=8\nR08.day_start=08:00:00"), (stored.ExemptBusinessCodes, stored.Parameters));

            // The allowlist refuses an expiry more than a year ahead; the resident id is stored as its pseudonym only.
            var tooLong = await security.PostFormAsync("/access/allowlist", new()
            {
                ["Input.Rule"] = "R04",
                ["Input.UserId"] = "u0005",
                ["Input.ResidentId"] = "S0001",
                ["Input.Reason"] = "共済組合事務",
                ["Input.ApprovedBy"] = "人事課長",
                ["Input.ExpiresOn"] = Iso(Today.AddYears(2)),
            }, "/access/allowlist");
            Assert.Contains("有効期限は1年以内", Errors(await tooLong.Content.ReadAsStringAsync()));
            await PostAndFollowAsync(security, "/access/allowlist", new()
            {
                ["Input.Rule"] = "R04",
                ["Input.UserId"] = "u0005",
                ["Input.ResidentId"] = "S0001",
                ["Input.Reason"] = "共済組合事務",
                ["Input.ApprovedBy"] = "人事課長",
                ["Input.ExpiresOn"] = Iso(Today.AddMonths(6)),
            }, "/access/allowlist");
            var entry = await factory.AsSystemAsync((_, db) => db.AccessAllowlist.AsNoTracking().SingleAsync(e => e.MunicipalityId == tenant.MunicipalityId));
            Assert.Matches("^[0-9a-f]{64}$", entry.ResidentId!);
            Assert.DoesNotContain("S0001", await security.GetPageAsync("/access/allowlist"));

            // The auditor reads alerts but cannot change settings.
            using var auditor = await Browser.SignInAsync(factory, tenant, UserRole.Auditor);
            Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/access")).StatusCode);
            Assert.DoesNotContain("許可を登録する", await auditor.GetPageAsync("/access/allowlist"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task InvestigationSearch_FindsAResidentsAccesses_AndIsRecordedWithItsPurpose(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        var other = await TestTenant.CreateAsync(factory, "他区");
        using var otherSecurity = await Browser.SignInAsync(factory, other, UserRole.Security);
        var dir = Directory.CreateTempSubdirectory("mamori-access-").FullName;
        try
        {
            var log = Generate(dir, seed: 9);
            await security.PostFilesAsync("/access/data", [("Logs", "log.csv", await File.ReadAllBytesAsync(log.Inputs.Logs[0]))], "/access/data?handler=Upload");
            Assert.Equal(AccessJobState.Succeeded, (await WaitForJobAsync(factory, tenant.MunicipalityId, 1)).State);

            // The accesses to one resident, counted independently from the CSV.
            var rows = (await File.ReadAllLinesAsync(log.Inputs.Logs[0])).Skip(1).Select(l => l.Split(',')).ToList();
            var resident = rows.GroupBy(r => r[6]).Where(g => g.Key.Length > 0).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
            var withoutPurpose = await security.PostFormAsync("/access/search", new() { ["Input.ResidentId"] = resident.Key, ["Input.From"] = "2024-04-01", ["Input.To"] = "2024-05-31" }, "/access/search");
            Assert.Contains("検索の目的", Errors(await withoutPurpose.Content.ReadAsStringAsync()));
            var response = await security.PostFormAsync("/access/search", new()
            {
                ["Input.ResidentId"] = resident.Key,
                ["Input.From"] = "2024-04-01",
                ["Input.To"] = "2024-05-31",
                ["Input.Purpose"] = "本人からの開示請求（令和6年第12号）",
            }, "/access/search");
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains($"{resident.Count():N0} 件", html);
            Assert.DoesNotContain(resident.Key + "<", html);
            var searches = await factory.AsSystemAsync((_, db) => db.AccessSearches.AsNoTracking().Where(s => s.MunicipalityId == tenant.MunicipalityId).ToListAsync());
            var recorded = Assert.Single(searches);
            Assert.Equal((resident.Count(), "本人からの開示請求（令和6年第12号）"), (recorded.Rows, recorded.Purpose));
            Assert.Matches("^[0-9a-f]{64}$", recorded.ResidentId!);
            Assert.True(await factory.AsSystemAsync((_, db) => db.AuditEntries.AnyAsync(e => e.MunicipalityId == tenant.MunicipalityId && e.EntityType == "AccessSearch")));

            // By user.
            var user = rows.Where(r => r[0].StartsWith("2024-04-10", StringComparison.Ordinal)).GroupBy(r => r[1]).OrderBy(g => g.Key, StringComparer.Ordinal).First();
            var byUser = await security.PostFormAsync("/access/search", new() { ["Input.UserId"] = user.Key, ["Input.From"] = "2024-04-10", ["Input.To"] = "2024-04-10", ["Input.Purpose"] = "アラートの調査" }, "/access/search");
            Assert.Contains($"{user.Count():N0} 件", await byUser.Content.ReadAsStringAsync());

            // Another municipality's store is another folder: its search finds nothing.
            var elsewhere = await otherSecurity.PostFormAsync("/access/search", new()
            {
                ["Input.ResidentId"] = resident.Key,
                ["Input.From"] = "2024-04-01",
                ["Input.To"] = "2024-05-31",
                ["Input.Purpose"] = "確認",
            }, "/access/search");
            Assert.Contains("0 件", await elsewhere.Content.ReadAsStringAsync());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
