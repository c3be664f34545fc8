using Mamori.Core.Features.Council;
using Mamori.Core.Features.Minutes.Documents;

namespace Mamori.Core.Tests.Features.Council;

/// <summary>A written meeting's table of questions and answers reads the same in every shape it is published in.</summary>
public sealed class WrittenAnswerSheetTests
{
    public static TheoryData<int, OpinionSheets.Shape> Cases()
    {
        var data = new TheoryData<int, OpinionSheets.Shape>();
        foreach (var shape in Enum.GetValues<OpinionSheets.Shape>())
        {
            for (var seed = 1; seed <= 40; seed++)
            {
                data.Add(seed, shape);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryShape_ReadsBackTheSameRows(int seed, OpinionSheets.Shape shape)
    {
        var (rows, columns) = OpinionSheets.Generate(seed);
        var file = OpinionSheets.Render(rows, columns, shape, seed);
        var source = MinutesDocument.Read(file, "sheet");
        Assert.True(source.Ok, source.Describe());
        Assert.True(WrittenAnswerSheet.Looks(source.Value!.Text));
        var read = WrittenAnswerSheet.Read(source.Value.Text, "sheet");
        Assert.True(read.Ok, read.Describe());
        Assert.Equal(string.Join("\n---\n", rows.Select(r => OpinionSheets.Expected(r, columns))),
            string.Join("\n---\n", read.Value!.Select(r => (r.Number, r.Member, r.Item, r.Location, r.Text, r.Answer))));
    }

    [Theory]
    [InlineData("保存期間は何年ですか。", OpinionKind.Question)]
    [InlineData("再委託の承認手続はどうなっていますか？", OpinionKind.Question)]
    [InlineData("記録項目の「電話番号」は必要か。", OpinionKind.Question)]
    [InlineData("委託先の管理体制を確認すべきである。", OpinionKind.Opinion)]
    [InlineData("本人同意の取り方を明確にしてほしい。", OpinionKind.Opinion)]
    public void AQuestion_IsToldFromAnOpinion(string text, OpinionKind kind) =>
        Assert.Equal(kind, new SheetRow(1, null, null, null, null, text, null).Kind);

    [Fact]
    public void ATableWithoutAnAnswerColumn_IsNotTaken_AndSaysWhatIsMissing()
    {
        const string Text = "記載箇所\tご意見・ご質問\n資料1\t保存期間は何年ですか。\n";
        Assert.False(WrittenAnswerSheet.Looks(Text));
        var read = WrittenAnswerSheet.Read(Text, "sheet.txt");
        Assert.False(read.Ok);
        Assert.Contains("sheet.txt に「ご意見・ご質問」と「回答」の見出しのある表が見つかりません", read.Describe(), StringComparison.Ordinal);
    }
}
