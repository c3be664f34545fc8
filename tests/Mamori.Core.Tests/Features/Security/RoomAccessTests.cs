using System.Globalization;
using System.Text;
using Mamori.Core.Csv;
using Mamori.Core.Features.Security;
using Mamori.Core.Japanese;

namespace Mamori.Core.Tests.Features.Security;

public sealed class RoomAccessTests
{
    [Theory]
    [InlineData("2022/04/05 10:12")]
    [InlineData("2022/4/5 10:12")]
    [InlineData("2022-04-05T10:12")]
    [InlineData("2022-04-05T10:12:00")]
    [InlineData("2022-04-05 10:12")]
    [InlineData("令和4年4月5日 10:12")]
    [InlineData("令和４年４月５日　１０：１２")]
    [InlineData("令和4年4月5日10時12分")]
    [InlineData("R4.4.5 10:12")]
    public void TryParseDateTime_EveryWayLogsWriteIt_GivesTheSameMoment(string text)
    {
        Assert.True(RoomAccess.TryParseDateTime(text, out var value, out var error), error);
        Assert.Equal(new DateTime(2022, 4, 5, 10, 12, 0), value);
    }

    [Theory]
    [InlineData("2022/04/05", "読めません")]
    [InlineData("2022/02/30 10:00", "存在しない日付")]
    [InlineData("2022/04/05 25:10", "時刻が正しくありません")]
    [InlineData("きのう 10:00", "読めません")]
    [InlineData("", "入力してください")]
    public void TryParseDateTime_Unreadable_SaysWhatToFix(string text, string expected)
    {
        Assert.False(RoomAccess.TryParseDateTime(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    private static string Line(DateTime at, string format, RoomEntryKind kind) =>
        string.Join(',', format switch
        {
            "slash" => at.ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture),
            "short" => at.ToString("yyyy/M/d H:mm", CultureInfo.InvariantCulture),
            "iso" => at.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            _ => $"{WarekiDate.Format(DateOnly.FromDateTime(at))} {at:HH:mm}",
        }, "", kind.JapaneseName(), kind == RoomEntryKind.Staff ? "情報管理課" : "保守株式会社", kind == RoomEntryKind.Staff ? "山田 太郎" : "", "点検");

    [Fact]
    public void Tabulate_GeneratedLogInEveryDateFormat_MatchesADirectCount()
    {
        // A fixed-seed log around two fiscal-year boundaries, each row in one of the four date styles.
        var random = new Random(20221);
        var formats = new[] { "slash", "short", "iso", "wareki" };
        var rows = new List<(DateTime At, RoomEntryKind Kind)>();
        var csv = new StringBuilder("入室日時,退室日時,区分,所属・会社名,氏名,入室理由\n");
        for (var i = 0; i < 3000; i++)
        {
            var at = new DateTime(2021, 3, 25).AddMinutes(random.Next(0, 60 * 24 * 380));
            var kind = random.Next(3) == 0 ? RoomEntryKind.Staff : RoomEntryKind.Vendor;
            rows.Add((at, kind));
            csv.Append(Line(at, formats[i % 4], kind)).Append('\n');
        }
        var (entries, problems) = RoomAccess.ReadEntries(CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()))));
        Assert.Empty(problems);
        var table = RoomAccess.Tabulate(new FiscalYear(2021), entries.Select(e => (e.EnteredJst!.Value, e.Kind!.Value)));
        foreach (var month in table.Months)
        {
            bool InMonth(DateTime d) => d.Year == month.Month.Year && d.Month == month.Month.Month;
            Assert.Equal(rows.Count(r => InMonth(r.At) && r.Kind == RoomEntryKind.Staff), month.Staff);
            Assert.Equal(rows.Count(r => InMonth(r.At) && r.Kind == RoomEntryKind.Vendor), month.Vendor);
        }
        Assert.Equal(rows.Count(r => r.At >= new DateTime(2021, 4, 1) && r.At < new DateTime(2022, 4, 1)), table.Total);
    }

    [Fact]
    public void Tabulate_LastMinuteOfMarchAndFirstOfApril_FallInTheirOwnFiscalYears()
    {
        var entries = new[]
        {
            (new DateTime(2022, 3, 31, 23, 59, 0), RoomEntryKind.Staff),
            (new DateTime(2022, 4, 1, 0, 0, 0), RoomEntryKind.Vendor),
            (new DateTime(2021, 4, 1, 0, 0, 0), RoomEntryKind.Vendor),
        };
        var fy2021 = RoomAccess.Tabulate(new FiscalYear(2021), entries);
        var fy2022 = RoomAccess.Tabulate(new FiscalYear(2022), entries);
        Assert.Equal(2, fy2021.Total);
        Assert.Equal(1, fy2021.Months[11].Staff);
        Assert.Equal("2022-03", fy2021.Months[11].Key);
        Assert.Equal(1, fy2021.Months[0].Vendor);
        Assert.Equal(1, fy2022.Total);
        Assert.Equal(1, fy2022.Months[0].Vendor);
        Assert.Equal("2022-04", fy2022.Months[0].Key);
    }

    [Fact]
    public void ReadEntries_BadRows_NameRowAndColumn()
    {
        var csv = "入室日時,退室日時,区分,所属・会社名,氏名,入室理由\n"
            + "2022/04/05 10:12,2022/04/05 11:00,職員,情報管理課,佐藤 花子,点検\n"
            + "2022/13/05 10:12,,職員,情報管理課,佐藤 花子,点検\n"
            + "2022/04/06 10:12,2022/04/06 09:00,業者A,保守株式会社,,\n"
            + "2022/04/07 10:12,,職員,情報管理課,,点検\n";
        var (_, problems) = RoomAccess.ReadEntries(CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv))));
        Assert.Contains(problems, p => p.Row == 3 && p.Column == "入室日時" && p.Message.Contains("存在しない日付", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Row == 4 && p.Column == "区分" && p.Message.Contains("業者A", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Row == 4 && p.Column == "退室日時");
        Assert.Contains(problems, p => p.Row == 4 && p.Column == "入室理由");
        Assert.Contains(problems, p => p.Row == 5 && p.Column == "氏名");
        Assert.DoesNotContain(problems, p => p.Row == 2);
    }

    [Fact]
    public void ReadEntries_ExitAsATimeAlone_MeansTheSameDay()
    {
        var csv = "入室日時,退室日時,区分,所属・会社名,氏名,入室理由\n2022/04/05 10:12,16:05,ベンダー等,保守株式会社,,点検\n";
        var (entries, problems) = RoomAccess.ReadEntries(CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv))));
        Assert.Empty(problems);
        Assert.Equal(new DateTime(2022, 4, 5, 16, 5, 0), entries[0].ExitedJst);
    }
}
