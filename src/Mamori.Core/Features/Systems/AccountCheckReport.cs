using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Reports;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Mamori.Core.Features.Systems;

/// <summary>One system's line of the status table.</summary>
public sealed record SystemStatusRow(BusinessSystem System, string Department, int Accounts, int Unmatched, int Listed, int Closed, int Open, int Overdue);

/// <summary>
/// アカウント点検の状況: per system, the accounts, the listings and what was done about them — the table the office
/// shows the PPC or the council (A4 print, Word and .xlsx from the same content), with each system's listings below.
/// </summary>
public sealed record AccountCheckReport(DateOnly Today, IReadOnlyList<SystemStatusRow> Systems, IReadOnlyList<AccountListing> Listings)
{
    /// <summary>The systems the user sees (a 所管課 its own), or only <paramref name="systemId"/>.</summary>
    public static async Task<AccountCheckReport> BuildAsync(AppDbContext db, DateOnly today, Guid? systemId, CancellationToken ct)
    {
        var systems = await db.BusinessSystems.AsNoTracking().Where(s => systemId == null || s.Id == systemId).OrderBy(s => s.Name).ToListAsync(ct);
        var ids = systems.Select(s => s.Id).ToList();
        var accounts = await db.SystemAccounts.AsNoTracking().Where(a => ids.Contains(a.SystemId))
            .GroupBy(a => a.SystemId).Select(g => new { g.Key, Count = g.Count(), Unmatched = g.Count(a => a.StaffId == null) }).ToListAsync(ct);
        var listings = await db.AccountListings.AsNoTracking().Where(l => ids.Contains(l.SystemId)).ToListAsync(ct);
        var labels = (await DepartmentTree.LoadAsync(db, ct)).ToDictionary(d => d.Id, d => d.Label);
        var rows = systems.Select(s =>
        {
            var a = accounts.FirstOrDefault(x => x.Key == s.Id);
            var mine = listings.Where(l => l.SystemId == s.Id).ToList();
            return new SystemStatusRow(s, labels.GetValueOrDefault(s.DepartmentId, ""), a?.Count ?? 0, a?.Unmatched ?? 0, mine.Count,
                mine.Count(l => l.IsClosed), mine.Count(l => !l.IsClosed), mine.Count(l => l.IsOverdue(today)));
        }).ToList();
        return new AccountCheckReport(today, rows,
            listings.OrderBy(l => l.IsClosed).ThenBy(l => l.ListedOn).ThenBy(l => l.Login, StringComparer.Ordinal).ToList());
    }

    public static readonly string[] StatusHeaders = ["システム名", "所管課", "稼働環境", "特定個人情報", "アカウント数", "照合できない", "最終取込", "点検結果", "対応済", "未対応", "うち期限超過"];

    public static readonly string[] ListingHeaders = ["ログインID", "氏名", "区分", "理由", "該当日", "掲載日", "対応", "対応日", "対応の内容", "対応者", "証跡"];

    private IEnumerable<IReadOnlyList<string>> StatusCells() => Systems.Select(r => (IReadOnlyList<string>)
    [
        r.System.Name, r.Department, r.System.Hosting.JapaneseName(), r.System.HoldsMyNumber ? "保有" : "－", r.Accounts.ToString("N0"), r.Unmatched.ToString("N0"),
        r.System.LastImportedAt is { } at ? WarekiDate.Format(DateOnly.FromDateTime(JapanTime.FromUtc(at))) : "未取込",
        r.Listed.ToString("N0"), r.Closed.ToString("N0"), r.Open.ToString("N0"), r.Overdue.ToString("N0"),
    ]);

    /// <summary>The cells of a listing as printed and exported.</summary>
    public IReadOnlyList<string> ListingCells(AccountListing l) =>
    [
        l.Login, l.Name ?? "", l.Kind.JapaneseName(), l.Reason, WarekiDate.Format(l.Since), WarekiDate.Format(l.ListedOn),
        l.StateText(Today),
        l.ClosedOn is { } c ? WarekiDate.Format(c) : "", l.Note ?? "", l.ClosedBy ?? "", l.EvidenceName ?? "",
    ];

    private static readonly string[] PrintedListingHeaders = ["ログインID・氏名", "区分・理由", "該当日・掲載日", "対応", "対応の内容・証跡"];

    /// <summary>A listing in five columns, so that it reads on a sheet of paper: the same content as <see cref="ListingCells"/>.</summary>
    private IReadOnlyList<string> PrintedCells(AccountListing l)
    {
        var c = ListingCells(l);
        return
        [
            $"{c[0]}\n{c[1]}".Trim(), $"{c[2]}\n{c[3]}", $"{c[4]}\n（掲載 {c[5]}）", $"{c[6]}\n{c[7]}".Trim(),
            string.Join("\n", new[] { c[8], c[9], c[10].Length > 0 ? "証跡：" + c[10] : "" }.Where(x => x.Length > 0)),
        ];
    }

    /// <summary>The A4 document: the status table, then each system's listings.</summary>
    public PrintDocument ToDocument()
    {
        var blocks = new List<PrintBlock>
        {
            new PrintLine("情報システムのアカウント点検の状況", LineAlign.Center, Bold: true, Large: true),
            new PrintLine($"{WarekiDate.Format(Today)}現在", LineAlign.Right),
            new PrintTable(StatusHeaders, StatusCells().ToList(), [16, 12, 8, 7, 7, 7, 11, 7, 7, 7, 11]),
        };
        foreach (var r in Systems.Where(r => Listings.Any(l => l.SystemId == r.System.Id)))
        {
            blocks.Add(new PrintLine(""));
            blocks.Add(new PrintLine($"{r.System.Name}（{r.Department}）", Bold: true));
            blocks.Add(new PrintTable(PrintedListingHeaders, Listings.Where(l => l.SystemId == r.System.Id).Select(PrintedCells).ToList(), [16, 30, 16, 16, 22]));
        }
        return new PrintDocument("アカウント点検の状況", blocks);
    }

    /// <summary>Two sheets: the status per system and every listing.</summary>
    public byte[] ToXlsx()
    {
        var status = StatusCells().Select(c => StatusHeaders.Select((h, i) => (h, c[i])).ToDictionary(x => x.h, x => (object?)x.Item2)).ToList();
        var names = Systems.ToDictionary(r => r.System.Id, r => r.System.Name);
        var listings = Listings.Select(l =>
        {
            var row = new Dictionary<string, object?> { ["システム名"] = names.GetValueOrDefault(l.SystemId, "") };
            var cells = ListingCells(l);
            for (var i = 0; i < ListingHeaders.Length; i++)
            {
                row[ListingHeaders[i]] = cells[i];
            }
            return row;
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["点検の状況"] = status.Count > 0 ? status : [StatusHeaders.ToDictionary(h => h, _ => (object?)null)],
            ["点検結果"] = listings.Count > 0 ? listings : [ListingHeaders.Prepend("システム名").ToDictionary(h => h, _ => (object?)null)],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }
}
