using System.Numerics;
using System.Text;
using Mamori.Core.Csv;
using Mamori.Core.Features.Statistics;

namespace Mamori.Core.Tests.Features.Statistics;

public sealed class StatFormulaTests
{
    private static CsvTable Csv(string text) => TableFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "table.csv");

    [Theory]
    [InlineData(1, 16, 1, StatRounding.HalfUp, "6.3")] // 6.25
    [InlineData(1, 16, 1, StatRounding.Down, "6.2")]
    [InlineData(1, 16, 1, StatRounding.Up, "6.3")]
    [InlineData(1, 20, 0, StatRounding.Up, "5")] // exactly 5: nothing to round up
    [InlineData(1, 3, 2, StatRounding.Up, "33.34")]
    [InlineData(1, 3, 2, StatRounding.HalfUp, "33.33")]
    [InlineData(2, 3, 0, StatRounding.Down, "66")]
    [InlineData(1, 2000, 1, StatRounding.HalfUp, "0.1")] // 0.05
    [InlineData(1, 2001, 1, StatRounding.HalfUp, "0.0")] // 0.04997…
    [InlineData(1, 2001, 1, StatRounding.Up, "0.1")]
    public void Rate_RoundsAsTheColumnSays(long part, long whole, int digits, StatRounding rounding, string expected)
    {
        var rate = new StatColumn("r", "率", StatColumnKind.Rate) { Operands = ["a", "b"], Digits = digits, Rounding = rounding };
        var value = StatFormulas.Evaluate(rate, k => k == "a" ? part : whole);
        Assert.Equal(expected, value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Difference_BelowZero_RoundsAwayAndTowardZero_AndADivisorOfZeroIsNoFigure()
    {
        var down = new StatColumn("d", "差", StatColumnKind.Ratio) { Operands = ["a", "b"], Digits = 1, Rounding = StatRounding.Down };
        Assert.Equal(-0.3m, StatFormulas.Evaluate(down, k => k == "a" ? -1 : 3)); // -0.333… toward zero
        Assert.Equal(-0.4m, StatFormulas.Evaluate(down with { Rounding = StatRounding.Up }, k => k == "a" ? -1 : 3));
        Assert.Null(StatFormulas.Evaluate(down, k => k == "a" ? 1 : 0));
        Assert.Null(StatFormulas.Evaluate(down, k => k == "a" ? 1 : null));
    }

    /// <summary>The plain definition: exact fractions, rounded by integer arithmetic.</summary>
    private static (BigInteger Num, BigInteger Den)? Plain(StatColumn c, Func<string, (BigInteger Num, BigInteger Den)?> value)
    {
        var ops = c.Operands.Select(value).ToList();
        if (ops.Any(o => o is null))
        {
            return null;
        }
        (BigInteger, BigInteger)? exact = c.Kind switch
        {
            StatColumnKind.Sum => ops.Aggregate((BigInteger.Zero, BigInteger.One), (acc, o) => (acc.Item1 * o!.Value.Den + o.Value.Num * acc.Item2, acc.Item2 * o.Value.Den)),
            StatColumnKind.Difference => (ops[0]!.Value.Num * ops[1]!.Value.Den - ops[1]!.Value.Num * ops[0]!.Value.Den, ops[0]!.Value.Den * ops[1]!.Value.Den),
            StatColumnKind.Rate when ops[1]!.Value.Num != 0 => (ops[0]!.Value.Num * ops[1]!.Value.Den * 100, ops[0]!.Value.Den * ops[1]!.Value.Num),
            StatColumnKind.Ratio when ops[1]!.Value.Num != 0 => (ops[0]!.Value.Num * ops[1]!.Value.Den, ops[0]!.Value.Den * ops[1]!.Value.Num),
            _ => null,
        };
        if (exact is not { } e)
        {
            return null;
        }
        var (num, den) = e.Item2 < 0 ? (-e.Item1, -e.Item2) : (e.Item1, e.Item2);
        var scale = BigInteger.Pow(10, c.Digits);
        var sign = num.Sign;
        var abs = BigInteger.Abs(num) * scale;
        var rounded = c.Rounding switch
        {
            StatRounding.Down => abs / den,
            StatRounding.Up => (abs + den - 1) / den,
            _ => (abs * 2 + den) / (den * 2),
        };
        return (sign * rounded, scale);
    }

    [Fact]
    public void Compute_MatchesThePlainDefinition_ForRandomDefinitionsAndRows()
    {
        var random = new Random(20261205);
        var kinds = new[] { StatColumnKind.Sum, StatColumnKind.Difference, StatColumnKind.Rate, StatColumnKind.Ratio };
        for (var round = 0; round < 400; round++)
        {
            var inputs = random.Next(1, 5);
            var columns = Enumerable.Range(0, inputs).Select(i => new StatColumn($"i{i}", $"入力{i}")).ToList();
            for (var j = 0; j < random.Next(1, 6); j++)
            {
                var kind = kinds[random.Next(kinds.Length)];
                var count = kind == StatColumnKind.Sum ? random.Next(2, 4) : 2;
                columns.Add(new StatColumn($"c{j}", $"計算{j}", kind)
                {
                    Operands = Enumerable.Range(0, count).Select(_ => columns[random.Next(columns.Count)].Key).ToList(),
                    Digits = random.Next(0, 4),
                    Rounding = (StatRounding)random.Next(3),
                });
            }
            var definition = new DatasetDefinition("t", "試験", "", PeriodKind.AsOfDate, "団体", ["団体"], columns);
            for (var row = 0; row < 20; row++)
            {
                // Small figures often, so that exact halves (1 of 16 = 6.25 %) come up and the rounding is tried at its edge.
                var values = columns.Where(c => c.IsInput).ToDictionary(c => c.Key, _ => random.Next(4) switch
                {
                    0 => 0L,
                    1 => (long)random.Next(1, 100_000),
                    _ => (long)random.Next(1, 41),
                });
                var computed = definition.Compute(values);
                var plain = values.ToDictionary(v => v.Key, v => ((BigInteger, BigInteger)?)(new BigInteger(v.Value), BigInteger.One));
                foreach (var c in definition.Computed)
                {
                    var expected = Plain(c, k => plain.GetValueOrDefault(k));
                    plain[c.Key] = expected;
                    if (expected is { } e)
                    {
                        Assert.True(computed.ContainsKey(c.Key), $"{c.Key} ({c.Kind}) を計算していません");
                        Assert.Equal((decimal)e.Item1 / (decimal)e.Item2, computed[c.Key]);
                    }
                    else
                    {
                        Assert.False(computed.ContainsKey(c.Key), $"{c.Key} ({c.Kind}) は 0 で割るので値がないはず");
                    }
                }
            }
        }
    }

    private static readonly DatasetDefinition Cards = new("u-cards", "カード", "", PeriodKind.AsOfDate, "区名", ["区名"],
    [
        new("c1", "人口"),
        new("c2", "申請数"),
        new("c3", "交付数"),
        new("c4", "未交付数", StatColumnKind.Difference) { Operands = ["c2", "c3"] },
        new("c5", "交付率", StatColumnKind.Rate) { Operands = ["c3", "c1"], Digits = 1 },
    ]);

    [Fact]
    public void Read_SuppliedTotalsAndRates_AreCheckedPerRowAndColumn_AtTheColumnsDigits()
    {
        var (rows, problems) = StatisticsTables.Read(Cards, Csv("区名,人口,申請数,交付数,未交付数,交付率（%）\n甲区,16,5,1,4,6.25\n乙区,16,5,1,999,6.3%\n丙区,\"1,000\",6,3,,0.3\n丁区,10,1,1,0,11\n"), new DateOnly(2023, 10, 31));
        Assert.Empty(problems);
        Assert.Equal(6.25m, rows[0].Supplied["c5"]);
        var mismatches = StatisticsTables.Mismatches(Cards, rows);
        // 6.25 given for a rate of one digit is 6.3 (matches); 999 is not 5 − 1; a blank is not given; 11 is not 10.0.
        Assert.Equal([(3, "乙区", "未交付数", 999m, (decimal?)4m), (5, "丁区", "交付率（%）", 11m, (decimal?)10.0m)],
            mismatches.Select(m => (m.RowNumber, m.Label, m.Column, m.Supplied, m.Computed)));
        var (_, bad) = StatisticsTables.Read(Cards, Csv("区名,人口,申請数,交付数,未交付数\n甲区,16,5,1,多い\n"), new DateOnly(2023, 10, 31));
        Assert.Equal((2, "未交付数"), (bad.Single().Row, bad.Single().Column));
    }

    [Theory]
    [InlineData("令和5年度(10/31時点)", "2023", "令和5年度（10月31日時点）")]
    [InlineData("令和５年度（１０月３１日時点）", "2023", "令和5年度（10月31日時点）")]
    [InlineData("2023年度 10/31現在", "2023", "令和5年度（10月31日現在）")]
    [InlineData("2022", "2022", "令和4年度")]
    public void Read_AYearCountedToADay_KeepsTheDayInItsName(string label, string period, string name)
    {
        var (rows, problems) = StatisticsTables.Read(Datasets.Convenience, Csv($"年度,住民票,印鑑登録証明,税証明\n{label},1,2,3\n"), null);
        Assert.Empty(problems);
        Assert.Equal((period, name), (rows[0].Period, rows[0].Label));
    }

    private static StatColumnInput Col(string name, StatColumnKind kind = StatColumnKind.Input, string? operands = null, int digits = 0, string? key = null) =>
        new() { Name = name, Kind = kind, Operands = operands, Digits = digits, Key = key };

    [Fact]
    public void Validate_NamesTheColumnRowAndWhatToCorrect()
    {
        StatDatasetInput Def(params StatColumnInput[] columns) => new() { Name = "独自の統計", PeriodKind = PeriodKind.AsOfDate, LabelName = "区名", Columns = columns };
        var (ok, none) = StatDatasets.Validate(Def(Col("人口"), Col("交付数"), Col(""), Col("交付率", StatColumnKind.Rate, "交付数、人口", 3)), []);
        Assert.False(none.Any);
        Assert.Equal(["c1", "c2", "c3"], ok.Select(c => c.Key));
        Assert.Equal(["c2", "c1"], ok[2].Operands);
        // An operand that comes later, a rate of three columns, four digits, a repeated heading, no input at all.
        Assert.Contains("列1「率」: 計算に使う列「交付数」が、この列より前にありません", StatDatasets.Validate(Def(Col("率", StatColumnKind.Rate, "交付数、人口"), Col("交付数"), Col("人口")), []).Errors.ToDictionary()["Columns[0]"][0]);
        Assert.Contains("2つ書いてください", string.Concat(StatDatasets.Validate(Def(Col("a"), Col("b"), Col("c"), Col("r", StatColumnKind.Rate, "a、b、c")), []).Errors.ToDictionary()["Columns[3]"]));
        Assert.Contains("0から3", string.Concat(StatDatasets.Validate(Def(Col("a"), Col("b"), Col("r", StatColumnKind.Rate, "a、b", 4)), []).Errors.ToDictionary()["Columns[2]"]));
        Assert.Contains("同じ見出し", string.Concat(StatDatasets.Validate(Def(Col("a"), Col("a")), []).Errors.ToDictionary()["Columns[1]"]));
        Assert.Contains("Columns", StatDatasets.Validate(Def(Col("合計", StatColumnKind.Sum, "")), []).Errors.ToDictionary().Keys);
        // A renamed column keeps its key (its stored figures); a new one gets the next.
        var (renamed, _) = StatDatasets.Validate(Def(Col("総人口", key: "c1"), Col("新しい列")), [new StatColumn("c1", "人口"), new StatColumn("c2", "旧")]);
        Assert.Equal(["c1", "c3"], renamed.Select(c => c.Key));
    }
}
