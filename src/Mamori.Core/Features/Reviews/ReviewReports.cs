using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Reviews;

/// <summary>One row of the 別表: a classification and the case numbers it applies to.</summary>
public sealed record MatrixRow(string Group, string Label, IReadOnlySet<int> Cases);

/// <summary>別表：質問・意見等の類型一覧 — rows are classifications, columns are case numbers, ○ where it applies.</summary>
public sealed record ReviewMatrix(IReadOnlyList<int> CaseNumbers, IReadOnlyList<MatrixRow> Rows)
{
    public const string QuestionGroup = "質問・意見の類型";
    public const string OtherGroup = "その他の内容";
    public const string ResponseGroup = "意見等に対する対応の類型";
    public const string ImprovementGroup = "主改善の主体";
}

/// <summary>Counts of one 取扱類型 over a period: how many self-inspections, and how many involve sensitive data.</summary>
public sealed record TypeCount(HandlingType Type, int Count, int Sensitive, int OrdinanceSensitive);

/// <summary>The counts per type for a period, with the numbers of businesses (cases) behind them.</summary>
public sealed record TypeCounts(DateOnly From, DateOnly To, int Cases, int Inspections, int WithdrawnCases, int WithdrawnInspections, IReadOnlyList<TypeCount> Types);

/// <summary>A round and its cases as the report prints them.</summary>
public sealed record RoundReport(ReviewRound Round, IReadOnlyList<ReviewCase> Cases, int Businesses, int Inspections, int WithdrawnBusinesses, int WithdrawnInspections);

/// <summary>The round report, the 別表 and the counts per type.</summary>
public static class ReviewReports
{
    /// <summary>
    /// The cases of a round the caller may read: everything for 事務局; for a 所管課 its own cases, and
    /// every case once the round is reported.
    /// </summary>
    private static IQueryable<ReviewCase> CasesOf(AppDbContext db, ReviewRound round)
    {
        var cases = round.Status == RoundStatus.Reported ? db.ReviewCases.IgnoreQueryFilters([AppDbContext.DepartmentFilter]) : db.ReviewCases;
        return cases.Where(c => c.RoundId == round.Id);
    }

    public static async Task<RoundReport?> RoundAsync(AppDbContext db, Guid roundId, CancellationToken ct)
    {
        var round = await db.ReviewRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return null;
        }
        // For a reported round the department filter is lifted for the whole query, its includes too.
        var cases = await CasesOf(db, round).AsNoTracking().Where(c => c.Status != CaseStatus.Draft)
            .Include(c => c.Inspections).Include(c => c.Entries).AsSplitQuery().ToListAsync(ct);
        var ordered = cases.OrderBy(c => c.Number).ToList();
        var active = ordered.Where(c => c.Status != CaseStatus.Withdrawn).ToList();
        var withdrawn = ordered.Where(c => c.Status == CaseStatus.Withdrawn).ToList();
        return new RoundReport(round, ordered, active.Count, active.Sum(c => c.Inspections.Count), withdrawn.Count, withdrawn.Sum(c => c.Inspections.Count));
    }

    /// <summary>Builds the 別表 from the classifications entered on the cases and their questions, opinions and answers.</summary>
    public static ReviewMatrix Matrix(IEnumerable<ReviewCase> cases)
    {
        var columns = cases.Where(c => c.Status is CaseStatus.Submitted or CaseStatus.Decided && c.Number is not null).OrderBy(c => c.Number).ToList();
        var rows = new List<MatrixRow>();
        HashSet<int> Where(Func<ReviewCase, bool> applies) => columns.Where(applies).Select(c => c.Number!.Value).ToHashSet();
        static bool Asks(CaseEntry e) => e.Kind is EntryKind.Question or EntryKind.Opinion;

        foreach (var category in Enum.GetValues<QuestionCategory>())
        {
            rows.Add(new MatrixRow(ReviewMatrix.QuestionGroup, category.JapaneseName(),
                Where(c => c.Entries.Any(e => Asks(e) && e.Categories.Contains(category)))));
        }
        var topics = columns.SelectMany(c => c.Entries.OrderBy(e => e.At)).Where(e => Asks(e) && e.OtherTopic is not null)
            .Select(e => e.OtherTopic!).Distinct().ToList();
        foreach (var topic in topics)
        {
            rows.Add(new MatrixRow(ReviewMatrix.OtherGroup, topic, Where(c => c.Entries.Any(e => Asks(e) && e.OtherTopic == topic))));
        }
        foreach (var response in Enum.GetValues<ResponseCategory>())
        {
            rows.Add(new MatrixRow(ReviewMatrix.ResponseGroup, response.JapaneseName(),
                Where(c => ReviewNames.FromMask<ResponseCategory>(c.ResponseMask).Contains(response) || c.Entries.Any(e => e.Response == response))));
        }
        foreach (var by in Enum.GetValues<ImprovementBy>())
        {
            rows.Add(new MatrixRow(ReviewMatrix.ImprovementGroup, by.JapaneseName(),
                Where(c => c.ImprovementBy == by || c.Entries.Any(e => e.ImprovementBy == by))));
        }
        return new ReviewMatrix(columns.Select(c => c.Number!.Value).ToList(), rows);
    }

    /// <summary>
    /// 取扱類型ごとの件数 for the rounds whose 部会 (or, without a date, whose deadline) falls in the period.
    /// A case with several types counts once for each of them; sensitive counts come from each form's flags.
    /// </summary>
    public static async Task<TypeCounts> CountsAsync(AppDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rounds = await db.ReviewRounds.AsNoTracking()
            .Where(r => (r.MeetingOn ?? r.DeadlineOn) >= from && (r.MeetingOn ?? r.DeadlineOn) <= to).Select(r => r.Id).ToListAsync(ct);
        var cases = await db.ReviewCases.AsNoTracking().Where(c => rounds.Contains(c.RoundId) && c.Status != CaseStatus.Draft)
            .Select(c => new { c.Status, Inspections = c.Inspections.Select(i => new { i.Type, i.HasSensitive, i.OrdinanceSensitive }).ToList() })
            .ToListAsync(ct);
        var active = cases.Where(c => c.Status != CaseStatus.Withdrawn).ToList();
        var withdrawn = cases.Where(c => c.Status == CaseStatus.Withdrawn).ToList();
        var inspections = active.SelectMany(c => c.Inspections).ToList();
        var types = Enum.GetValues<HandlingType>().Select(t =>
        {
            var of = inspections.Where(i => i.Type == t).ToList();
            return new TypeCount(t, of.Count, of.Count(i => i.HasSensitive), of.Count(i => !string.IsNullOrEmpty(i.OrdinanceSensitive)));
        }).ToList();
        return new TypeCounts(from, to, active.Count, inspections.Count, withdrawn.Count, withdrawn.Sum(c => c.Inspections.Count), types);
    }

    /// <summary>"外部委託 35件（うち要配慮 4件、条例要配慮 4件）" — the line of a council report.</summary>
    public static string Describe(TypeCount count) =>
        $"{count.Type.JapaneseName()} {count.Count}件（うち要配慮個人情報 {count.Sensitive}件、条例要配慮個人情報 {count.OrdinanceSensitive}件）";
}
