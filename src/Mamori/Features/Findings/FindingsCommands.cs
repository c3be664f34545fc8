using System.CommandLine;
using Mamori.Cli;
using Mamori.Core.Features.Findings;
using Mamori.Core.Japanese;

namespace Mamori.Features.Findings;

/// <summary>
/// <c>findings due</c>: what is late or due — for the nightly job that mails the office, so that a reporting
/// deadline is never missed silently. Exit code 0 either way; the JSON says what is pending.
/// </summary>
public static class FindingsCommands
{
    public static Command Create()
    {
        var findings = new Command("findings", "指摘事項・定期的な取組・漏えい等事案の期限");
        var municipality = new Option<string>("--municipality") { Description = "団体コード", Required = true };
        var due = new Command("due", "期限超過の指摘事項、未実施の定期的な取組、未了の速報・確報・本人通知を表示する") { municipality };
        due.SetAction((parse, ct) => CliSession.RunAsync(parse, async (s, token) =>
        {
            var m = await s.FindMunicipalityAsync(parse.GetValue(municipality)!, token);
            if (m is null)
            {
                return CliResult.Rejected($"団体コード {parse.GetValue(municipality)} の団体はありません。");
            }
            var today = JapanTime.Today(s.Services.GetRequiredService<TimeProvider>());
            var overview = await FindingsOverview.BuildAsync(s.Db, m.Id, today, token);
            var lines = new List<string> { $"{m.Name}　{WarekiDate.Format(today)}現在" };
            lines.Add(overview.IncidentDuties.Count == 0 ? "未了の報告・通知：なし" : $"未了の報告・通知：{overview.IncidentDuties.Count}件");
            lines.AddRange(overview.IncidentDuties.Select(d => $"  第{d.Number}号 {d.Title}　{d.Duty}　{(d.DueOn is { } x ? WarekiDate.Format(x) : "速やかに")}　{d.Remaining(today)}"));
            lines.Add(overview.OverdueFindings.Count == 0 ? "期限超過の指摘事項：なし" : $"期限超過の指摘事項：{overview.OverdueFindings.Count}件");
            lines.AddRange(overview.OverdueFindings.Select(f => $"  {f.Inspection}　{f.Heading}　期限 {WarekiDate.Format(f.DueOn)}　{f.Status.JapaneseName()}"));
            lines.Add(overview.MissedTasks.Count == 0 ? "未実施の定期的な取組：なし" : $"未実施の定期的な取組：{overview.MissedTasks.Count}回");
            lines.AddRange(overview.MissedTasks.Select(t => $"  {t.Title}　期限 {WarekiDate.Format(t.DueOn)}"));
            lines.Add($"事務局の確認待ち：{overview.AwaitingCheck}件");
            return CliResult.Ok(string.Join('\n', lines), FindingsEndpoints.ToResponse(overview, today));
        }, ct));
        findings.Subcommands.Add(due);
        return findings;
    }
}
