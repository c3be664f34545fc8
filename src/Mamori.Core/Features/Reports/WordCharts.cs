using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Mamori.Core.Features.Reports;

/// <summary>
/// The report's charts in Word as Word's own charts (DrawingML): the figures of the page's SVG drawn by Word with its
/// fonts, at 10pt, editable by the office like any chart it makes itself (see ADR 0022). Stacked columns for counts
/// (入退室), horizontal clustered bars for rates (申請率・交付率).
/// </summary>
internal static class WordCharts
{
    private const long WidthEmu = 5_760_000; // 16 cm
    private const uint CategoryAxisId = 48_650_112;
    private const uint ValueAxisId = 48_672_768;

    /// <summary>Adds the chart part and returns the paragraph that shows it.</summary>
    public static W.Paragraph Add(MainDocumentPart main, PrintBlock chart, uint drawingId)
    {
        var (caption, categories, series, horizontal, stacked, percent) = chart switch
        {
            PrintBarChart bars => (bars.Caption, bars.Categories, bars.Series.Select(s => (s.Name, s.Values.Select(v => (decimal)v).ToList())).ToList(), false, true, false),
            PrintRateChart rates => (rates.Caption, rates.Categories, rates.Series.Select(s => (s.Name + "（%）", s.Values.ToList())).ToList(), true, false, true),
            _ => throw new InvalidOperationException(chart.GetType().Name),
        };
        var part = main.AddNewPart<ChartPart>();
        var relationshipId = main.GetIdOfPart(part);
        part.ChartSpace = Space(caption, categories, series, horizontal, stacked, percent);
        part.ChartSpace.Save();
        // Rate charts list every municipality: taller, so that each name keeps its line.
        var heightEmu = horizontal ? Math.Max(2_880_000L, 228_600L * categories.Count * Math.Max(1, series.Count) / 2 + 900_000L) : 3_240_000L;
        var inline = new DW.Inline(
            new DW.Extent { Cx = WidthEmu, Cy = heightEmu },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = drawingId, Name = $"グラフ {drawingId}", Description = caption },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = relationshipId }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        };
        return new W.Paragraph(new W.ParagraphProperties(new W.Justification { Val = W.JustificationValues.Center }), new W.Run(new W.Drawing(inline)));
    }

    private static C.ChartSpace Space(string caption, IReadOnlyList<string> categories, List<(string Name, List<decimal> Values)> series,
        bool horizontal, bool stacked, bool percent)
    {
        var plot = new C.BarChart(
            new C.BarDirection { Val = horizontal ? C.BarDirectionValues.Bar : C.BarDirectionValues.Column },
            new C.BarGrouping { Val = stacked ? C.BarGroupingValues.Stacked : C.BarGroupingValues.Clustered },
            new C.VaryColors { Val = false });
        string[] fills = ["0031D8", "8FA7F0", "D9E2FB"];
        for (var i = 0; i < series.Count; i++)
        {
            var (name, values) = series[i];
            plot.Append(new C.BarChartSeries(
                new C.Index { Val = (uint)i },
                new C.Order { Val = (uint)i },
                new C.SeriesText(new C.NumericValue(name)),
                new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = fills[i % fills.Length] }),
                    new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "0031D8" })) { Width = 6350 }),
                new C.InvertIfNegative { Val = false },
                Labels(percent && !stacked),
                new C.CategoryAxisData(Strings(categories)),
                new C.Values(Numbers(values, percent ? "0.0" : "#,##0"))));
        }
        if (stacked)
        {
            plot.Append(new C.GapWidth { Val = 60 }, new C.Overlap { Val = 100 });
        }
        else
        {
            plot.Append(new C.GapWidth { Val = 40 });
        }
        plot.Append(new C.AxisId { Val = CategoryAxisId }, new C.AxisId { Val = ValueAxisId });
        var categoryAxis = new C.CategoryAxis(
            new C.AxisId { Val = CategoryAxisId },
            // Horizontal bars read top-down in the table's order.
            new C.Scaling(new C.Orientation { Val = horizontal ? C.OrientationValues.MaxMin : C.OrientationValues.MinMax }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = horizontal ? C.AxisPositionValues.Left : C.AxisPositionValues.Bottom },
            new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
            new C.MajorTickMark { Val = C.TickMarkValues.None },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = ValueAxisId },
            new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.AutoLabeled { Val = true },
            new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
            new C.LabelOffset { Val = 100 },
            new C.NoMultiLevelLabels { Val = false });
        var scaling = new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax });
        if (percent)
        {
            scaling.Append(new C.MaxAxisValue { Val = 100 }, new C.MinAxisValue { Val = 0 });
        }
        var valueAxis = new C.ValueAxis(
            new C.AxisId { Val = ValueAxisId },
            scaling,
            new C.Delete { Val = false },
            new C.AxisPosition { Val = horizontal ? C.AxisPositionValues.Top : C.AxisPositionValues.Left },
            new C.MajorGridlines(new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "D8D8D8" })) { Width = 6350 })),
            new C.NumberingFormat { FormatCode = percent ? "0\"%\"" : "#,##0", SourceLinked = false },
            new C.MajorTickMark { Val = C.TickMarkValues.Outside },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = CategoryAxisId },
            new C.Crosses { Val = horizontal ? C.CrossesValues.Maximum : C.CrossesValues.AutoZero },
            new C.CrossBetween { Val = C.CrossBetweenValues.Between });
        var chart = new C.Chart(
            new C.Title(new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(),
                new A.Paragraph(new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = 1100, Bold = true }), new A.Run(new A.RunProperties { Language = "ja-JP", FontSize = 1100, Bold = true }, new A.Text(caption))))),
                new C.Overlay { Val = false }),
            new C.AutoTitleDeleted { Val = false },
            new C.PlotArea(new C.Layout(), plot, categoryAxis, valueAxis),
            new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
            new C.PlotVisibleOnly { Val = true },
            new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });
        return new C.ChartSpace(
            new C.EditingLanguage { Val = "ja-JP" },
            new C.RoundedCorners { Val = false },
            chart,
            new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = "FFFFFF" }), new A.Outline(new A.NoFill())),
            // 10pt for every label of the chart: readable on paper.
            new C.TextProperties(new A.BodyProperties(), new A.ListStyle(),
                new A.Paragraph(new A.ParagraphProperties(new A.DefaultRunProperties(new A.LatinFont { Typeface = "ＭＳ 明朝" }, new A.EastAsianFont { Typeface = "ＭＳ 明朝" }) { FontSize = 1000 }),
                    new A.EndParagraphRunProperties { Language = "ja-JP" })));
    }

    /// <summary>Values beside the bars (rates), none on stacked counts (the table under the chart has them).</summary>
    private static C.DataLabels Labels(bool show) => new(
        new C.NumberingFormat { FormatCode = "0.0", SourceLinked = false },
        new C.ShowLegendKey { Val = false },
        new C.ShowValue { Val = show },
        new C.ShowCategoryName { Val = false },
        new C.ShowSeriesName { Val = false },
        new C.ShowPercent { Val = false },
        new C.ShowBubbleSize { Val = false });

    private static C.StringLiteral Strings(IReadOnlyList<string> values)
    {
        var literal = new C.StringLiteral(new C.PointCount { Val = (uint)values.Count });
        for (var i = 0; i < values.Count; i++)
        {
            literal.Append(new C.StringPoint(new C.NumericValue(values[i])) { Index = (uint)i });
        }
        return literal;
    }

    private static C.NumberLiteral Numbers(List<decimal> values, string format)
    {
        var literal = new C.NumberLiteral(new C.FormatCode(format), new C.PointCount { Val = (uint)values.Count });
        for (var i = 0; i < values.Count; i++)
        {
            literal.Append(new C.NumericPoint(new C.NumericValue(values[i].ToString(CultureInfo.InvariantCulture))) { Index = (uint)i });
        }
        return literal;
    }
}
