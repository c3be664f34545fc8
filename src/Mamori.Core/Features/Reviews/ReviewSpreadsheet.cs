using Mamori.Core.Japanese;
using MiniExcelLibs;

namespace Mamori.Core.Features.Reviews;

/// <summary>One dated step of a review round's schedule.</summary>
public sealed record ScheduleStep(DateOnly Date, string Step);

/// <summary>The round report and its 別表 as an .xlsx workbook (sheets 案件 and 別表), and the counts per type.</summary>
public static class ReviewSpreadsheet
{
    public static byte[] RoundToXlsx(RoundReport report)
    {
        static string Lines(IEnumerable<CaseEntry> entries, EntryKind kind) =>
            string.Join('\n', entries.Where(e => e.Kind == kind).OrderBy(e => e.At).Select(e => "・" + e.Text + (e.ByOffice ? "（事務局）" : "")));
        var cases = report.Cases.Select(c => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["案件番号"] = c.Number,
            ["事務の名称"] = c.Title,
            ["所管課"] = c.DepartmentsLabel,
            ["状態"] = c.Status.JapaneseName(),
            ["取扱類型"] = string.Join("、", c.Inspections.OrderBy(i => i.Type).Select(i => i.Type.JapaneseName())),
            ["要配慮個人情報"] = c.Inspections.Any(i => i.HasSensitive) ? "あり" : "",
            ["条例要配慮個人情報"] = c.Inspections.Any(i => i.OrdinanceSensitive is not null) ? "あり" : "",
            ["自己点検の概要"] = c.Summary,
            ["部会点検の要点"] = c.Points,
            ["質問"] = Lines(c.Entries, EntryKind.Question),
            ["回答"] = Lines(c.Entries, EntryKind.Answer),
            ["意見"] = Lines(c.Entries, EntryKind.Opinion),
            ["結果"] = c.ResultText,
            ["部会後の処理"] = Lines(c.Entries, EntryKind.FollowUp),
        }).ToList();
        var matrix = ReviewReports.Matrix(report.Cases);
        var rows = matrix.Rows.Select(r =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal) { ["区分"] = r.Group, ["類型"] = r.Label };
            foreach (var n in matrix.CaseNumbers)
            {
                row[n.ToString(System.Globalization.CultureInfo.InvariantCulture)] = r.Cases.Contains(n) ? "○" : "";
            }
            return row;
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["案件"] = cases.Count > 0 ? cases : [new Dictionary<string, object?> { ["案件番号"] = null }],
            ["別表"] = rows,
            ["日程"] = Schedule(report.Round).Select(s => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["日付"] = WarekiDate.FormatWithWeekday(s.Date),
                ["内容"] = s.Step,
            }).ToList(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    /// <summary>The schedule of the round in order: 案件募集通知 → 締切 → 事前協議 → 部会 → 報告 (dates not yet set are left out).</summary>
    public static List<ScheduleStep> Schedule(ReviewRound round)
    {
        var steps = new List<(DateOnly? Date, string Step)> { (round.NoticeOn, "案件募集通知発出"), (round.DeadlineOn, "案件提出締切") };
        steps.AddRange(round.PreConsultations.Select((d, i) => ((DateOnly?)d, round.PreConsultations.Count > 1 ? $"事前協議{i + 1}回目" : "事前協議")));
        steps.Add((round.MeetingOn, "部会開催"));
        steps.Add((round.ReportOn, round.ReportTo is null ? "報告" : $"{round.ReportTo}に部会開催の報告"));
        return steps.Where(s => s.Date is not null).Select(s => new ScheduleStep(s.Date!.Value, s.Step)).ToList();
    }

    public static byte[] CountsToXlsx(TypeCounts counts)
    {
        var rows = counts.Types.Select(t => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["取扱類型"] = t.Type.JapaneseName(),
            ["件数"] = t.Count,
            ["うち要配慮個人情報"] = t.Sensitive,
            ["うち条例要配慮個人情報"] = t.OrdinanceSensitive,
        }).ToList();
        rows.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["取扱類型"] = "合計",
            ["件数"] = counts.Types.Sum(t => t.Count),
            ["うち要配慮個人情報"] = counts.Types.Sum(t => t.Sensitive),
            ["うち条例要配慮個人情報"] = counts.Types.Sum(t => t.OrdinanceSensitive),
        });
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "取扱類型別件数");
        return stream.ToArray();
    }
}
