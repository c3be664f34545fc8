using System.CommandLine;
using Mamori.Cli;
using Mamori.Core.Features.Assessments;

namespace Mamori.Features.Assessments;

/// <summary><c>pia threshold</c>: しきい値判断 from the command line.</summary>
public static class AssessmentCommands
{
    public static Command Create()
    {
        var subjects = new Option<long>("--subjects") { Description = "対象人数（特定個人情報ファイルに記録される本人の数）", Required = true };
        var handlers = new Option<int>("--handlers") { Description = "取扱者数（職員と委託先の従業者）", Required = true };
        var incident = new Option<bool>("--serious-incident") { Description = "過去1年以内に特定個人情報に関する重大事故があった" };
        var threshold = new Command("threshold", "しきい値判断：必要な特定個人情報保護評価を判定する") { subjects, handlers, incident };
        threshold.SetAction((parse, ct) => CliSession.RunAsync(parse, (_, _) =>
        {
            var (s, h) = (parse.GetValue(subjects), parse.GetValue(handlers));
            if (s < 0 || h < 0)
            {
                return Task.FromResult(CliResult.Rejected("--subjects と --handlers は0以上の数で指定してください。"));
            }
            var judgment = PiaThreshold.Judge(s, h, parse.GetValue(incident));
            return Task.FromResult(CliResult.Ok($"{judgment.Reason}\n実施する評価：{(judgment.Evaluations.Count == 0 ? "なし" : string.Join("、", judgment.Evaluations))}",
                ToJson(judgment)));
        }, ct, migrateFirst: false));
        return new Command("pia", "特定個人情報保護評価") { threshold };
    }

    /// <summary>The JSON of CLI.md (level, evaluations) with the reasoning.</summary>
    public static object ToJson(ThresholdJudgment j) => new { level = j.Level.Code(), evaluations = j.Evaluations, reason = j.Reason };
}
