using Mamori.Core.Features.Reports;

namespace Mamori.Core.Tests.Features.Reports;

public sealed class SectionEditTests
{
    private static readonly IReadOnlyList<ReportSection> Sections = BuiltInReportTemplates.ResidentNetwork.Sections;

    private static SectionInput Input(ReportSection s) => new()
    {
        Heading = s.Heading,
        Source = s.Source,
        PeriodKind = s.Period?.Kind ?? ReportPeriodKind.FiscalYear,
        YearsBefore = s.Period?.YearsBefore ?? 0,
        Month = s.Period?.Month,
        Day = s.Period?.Day,
        Dataset = s.Dataset,
        Chart = s.Chart,
        Text = s.Text,
    };

    [Fact]
    public void Apply_MovesAddsAndRemoves_KeepingEachSectionsKey()
    {
        var up = SectionEdit.Apply(Sections, SectionAction.MoveUp, Sections[2].Key, null).Value!;
        Assert.Equal([Sections[0].Key, Sections[2].Key, Sections[1].Key], up.Take(3).Select(s => s.Key));
        // The first cannot go up, the last cannot go down: the list stays as it was.
        Assert.Equal(Sections.Select(s => s.Key), SectionEdit.Apply(Sections, SectionAction.MoveUp, Sections[0].Key, null).Value!.Select(s => s.Key));
        Assert.Equal(Sections.Select(s => s.Key), SectionEdit.Apply(Sections, SectionAction.MoveDown, Sections[^1].Key, null).Value!.Select(s => s.Key));
        var added = SectionEdit.Apply(Sections, SectionAction.Add, null, new SectionInput { Source = ReportSource.Terminals }).Value!;
        Assert.Equal(Sections.Count + 1, added.Count);
        Assert.Equal(("統合端末の設置状況", ReportPeriodKind.AsOf), (added[^1].Heading, added[^1].Period!.Kind));
        var removed = SectionEdit.Apply(Sections, SectionAction.Remove, Sections[1].Key, null).Value!;
        Assert.DoesNotContain(removed, s => s.Key == Sections[1].Key);
        Assert.Equal(FailureKind.Conflict, SectionEdit.Apply(removed, SectionAction.Update, Sections[1].Key, Input(Sections[1])).Kind);
    }

    [Fact]
    public void Apply_Update_ChecksTheFields_AndKeepsTheCarriedWords()
    {
        var carried = Sections.Select(s => s.IsNarrative ? s with { CarriedText = s.Text } : s).ToList();
        var opening = carried[0];
        Assert.True(opening.Unchanged);
        var changed = SectionEdit.Apply(carried, SectionAction.Update, opening.Key, Input(opening) with { Text = "書き直した文" }).Value![0];
        Assert.False(changed.Unchanged);
        Assert.Equal(opening.CarriedText, changed.CarriedText);
        // Written back to the same words, the section reads as carried over again.
        Assert.True(SectionEdit.Apply(carried, SectionAction.Update, opening.Key, Input(opening) with { Text = opening.Text + "\r\n" }).Value![0].Unchanged);

        var cards = carried.Single(s => s.Dataset == "mynumber-cards");
        Assert.Contains("Heading", SectionEdit.Apply(carried, SectionAction.Update, cards.Key, Input(cards) with { Heading = " " }).Errors.Keys);
        Assert.Contains("Dataset", SectionEdit.Apply(carried, SectionAction.Update, cards.Key, Input(cards) with { Dataset = "unknown" }).Errors.Keys);
        Assert.Contains("YearsBefore", SectionEdit.Apply(carried, SectionAction.Update, cards.Key, Input(cards) with { YearsBefore = 11 }).Errors.Keys);
        Assert.True(SectionEdit.Apply(carried, SectionAction.Update, cards.Key, Input(cards) with { YearsBefore = 10 }).Ok);
        Assert.Contains("Month", SectionEdit.Apply(carried, SectionAction.Update, cards.Key, Input(cards) with { Month = 13 }).Errors.Keys);
        Assert.Contains("Month", SectionEdit.Apply(carried, SectionAction.Update, cards.Key, Input(cards) with { Month = null, Day = 5 }).Errors.Keys);
        Assert.Contains("Day", SectionEdit.Apply(carried, SectionAction.Update, cards.Key, Input(cards) with { Month = 1, Day = 32 }).Errors.Keys);
        // A month and a day only belong to a 基準日 or a partial year.
        var year = SectionEdit.Apply(carried, SectionAction.Update, cards.Key, Input(cards) with { PeriodKind = ReportPeriodKind.FiscalYear, Month = 10, Day = 31 }).Value!;
        Assert.Equal(new ReportPeriod(ReportPeriodKind.FiscalYear), year.Single(s => s.Key == cards.Key).Period);
    }

    [Fact]
    public void CarryOver_TakesLastYearsWordsBySectionKey_AndTheTemplatesWhenThereAreNone()
    {
        var lastYear = Sections.Select(s => s.IsNarrative ? s with { Text = "昨年の" + s.Heading } : s).ToList();
        lastYear[^1] = lastYear[^1] with { Text = "  " }; // left empty last year: the template's words come back
        var carried = AnnualReports.CarryOver(Sections, lastYear);
        Assert.Equal("昨年のはじめに", carried[0].Text);
        Assert.True(carried[0].Unchanged);
        Assert.Equal(Sections[^1].Text, carried[^1].Text);
        Assert.False(carried[^1].Unchanged);
        Assert.All(AnnualReports.CarryOver(Sections, null), s => Assert.Null(s.CarriedText));
    }

    [Fact]
    public void SectionsJson_RoundTrips()
    {
        Assert.Equal(Sections, ReportSections.FromJson(ReportSections.ToJson(Sections)));
    }
}
