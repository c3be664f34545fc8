namespace Mamori.Core.Features.Reports;

/// <summary>A section as typed on the editor: every field of one section.</summary>
public sealed record SectionInput
{
    public string? Heading { get; init; }
    public ReportSource Source { get; init; }
    public ReportPeriodKind PeriodKind { get; init; }
    public int YearsBefore { get; init; }
    public int? Month { get; init; }
    public int? Day { get; init; }
    public string? Dataset { get; init; }
    public bool Chart { get; init; }
    public string? Note { get; init; }
    public string? Text { get; init; }
}

/// <summary>What the editor does to the list of sections: add one, change one, remove one, move one up or down.</summary>
public enum SectionAction
{
    Add,
    Update,
    Remove,
    MoveUp,
    MoveDown,
}

/// <summary>The section list of a template or a report, edited the same way for both.</summary>
public static class SectionEdit
{
    public const int MaxSections = 40;

    /// <summary>
    /// The list after the edit (<paramref name="datasets"/>: the statistics a section may show; the built-in ones when not given), or the messages naming what to correct (the list unchanged). A section the list no
    /// longer has (another person removed it) is a conflict for the caller to report.
    /// </summary>
    public static Outcome<IReadOnlyList<ReportSection>> Apply(IReadOnlyList<ReportSection> sections, SectionAction action, Guid? key, SectionInput? input,
        IReadOnlyCollection<string>? datasets = null)
    {
        var list = sections.ToList();
        var index = key is { } k ? list.FindIndex(s => s.Key == k) : -1;
        if (action != SectionAction.Add && index < 0)
        {
            return Outcome<IReadOnlyList<ReportSection>>.Conflict("この章は見つかりません。ほかの人が削除した可能性があります。画面を開き直してください。");
        }
        switch (action)
        {
            case SectionAction.Add:
                if (list.Count >= MaxSections)
                {
                    return Outcome<IReadOnlyList<ReportSection>>.Fail("", $"章は{MaxSections}までです。");
                }
                var source = input?.Source ?? ReportSource.Narrative;
                list.Add(new ReportSection
                {
                    Key = Guid.NewGuid(),
                    Heading = string.IsNullOrWhiteSpace(input?.Heading) ? source.JapaneseName() : input.Heading.Trim(),
                    Source = source,
                    Period = source == ReportSource.Narrative ? null : ReportSections.DefaultPeriod(source),
                    Dataset = source == ReportSource.Statistics ? input?.Dataset : null,
                });
                break;
            case SectionAction.Update:
                var errors = Validate(input!, datasets ?? Statistics.Datasets.All.Select(d => d.Key).ToList());
                if (errors.Any)
                {
                    return Outcome<IReadOnlyList<ReportSection>>.Fail(errors.ToDictionary());
                }
                var old = list[index];
                list[index] = old with
                {
                    Heading = input!.Heading!.Trim(),
                    Source = input.Source,
                    Period = input.Source == ReportSource.Narrative ? null
                        : new ReportPeriod(input.PeriodKind, input.YearsBefore, HasDay(input.PeriodKind) ? input.Month : null, HasDay(input.PeriodKind) ? input.Day : null),
                    Dataset = input.Source == ReportSource.Statistics ? input.Dataset : null,
                    Chart = input.Source == ReportSource.Statistics && input.Chart,
                    Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
                    Text = input.Source == ReportSource.Narrative ? input.Text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() : null,
                    CarriedText = input.Source == ReportSource.Narrative ? old.CarriedText : null,
                };
                break;
            case SectionAction.Remove:
                list.RemoveAt(index);
                break;
            case SectionAction.MoveUp when index > 0:
                (list[index - 1], list[index]) = (list[index], list[index - 1]);
                break;
            case SectionAction.MoveDown when index < list.Count - 1:
                (list[index + 1], list[index]) = (list[index], list[index + 1]);
                break;
        }
        return Outcome<IReadOnlyList<ReportSection>>.Success(list);
    }

    private static bool HasDay(ReportPeriodKind kind) => kind is ReportPeriodKind.AsOf or ReportPeriodKind.FiscalYearToDate;

    private static FieldErrors Validate(SectionInput input, IReadOnlyCollection<string> datasets)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Heading))
        {
            errors.Add(nameof(SectionInput.Heading), "章の見出しを入力してください。");
        }
        else if (input.Heading.Trim().Length > 100)
        {
            errors.Add(nameof(SectionInput.Heading), "章の見出しは100文字以内で入力してください。");
        }
        if (!Enum.IsDefined(input.Source))
        {
            errors.Add(nameof(SectionInput.Source), "章の内容を選んでください。");
        }
        if (input.Source != ReportSource.Narrative)
        {
            if (!Enum.IsDefined(input.PeriodKind))
            {
                errors.Add(nameof(SectionInput.PeriodKind), "期間の種類を選んでください。");
            }
            if (input.YearsBefore is < 0 or > 10)
            {
                errors.Add(nameof(SectionInput.YearsBefore), "何年度前かは0から10の数で入力してください。");
            }
            if (HasDay(input.PeriodKind))
            {
                if (input.Month is not null and (< 1 or > 12))
                {
                    errors.Add(nameof(SectionInput.Month), "月は1から12で入力してください。");
                }
                if (input.Day is not null and (< 1 or > 31))
                {
                    errors.Add(nameof(SectionInput.Day), "日は1から31で入力してください。");
                }
                if (input.Day is not null && input.Month is null)
                {
                    errors.Add(nameof(SectionInput.Month), "日を入れるときは月も入力してください。");
                }
            }
        }
        if (input.Source == ReportSource.Statistics && (input.Dataset is null || !datasets.Contains(input.Dataset)))
        {
            errors.Add(nameof(SectionInput.Dataset), "統計のデータセットを選んでください。");
        }
        if (input.Text is { Length: > 20_000 })
        {
            errors.Add(nameof(SectionInput.Text), "文章は20,000文字以内で入力してください。");
        }
        return errors;
    }
}
