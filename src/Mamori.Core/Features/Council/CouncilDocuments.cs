using System.Text.RegularExpressions;
using Mamori.Core.Features.Reports;
using Mamori.Core.Japanese;

namespace Mamori.Core.Features.Council;

/// <summary>The council's official documents: 開催通知, 答申書 and the compiled written Q&amp;A (意見・質問と回答).</summary>
public static partial class CouncilDocuments
{
    /// <summary>午前10時00分 / 午後2時00分 / 正午, as notices print times (12:30 is 午後0時30分).</summary>
    public static string FormatTime(TimeOnly time) => time switch
    {
        { Hour: 12, Minute: 0 } => "正午",
        _ => $"{(time.Hour < 12 ? "午前" : "午後")}{time.Hour % 12}時{time.Minute:00}分",
    };

    /// <summary>令和4年11月17日（木）午後2時00分～午後4時00分.</summary>
    public static string When(Meeting meeting)
    {
        var date = WarekiDate.FormatWithWeekday(meeting.HeldOn);
        return meeting.StartsAt switch
        {
            null => date,
            { } from when meeting.EndsAt is { } to => $"{date}{FormatTime(from)}～{FormatTime(to)}",
            { } from => $"{date}{FormatTime(from)}から",
        };
    }

    /// <summary>対面: the place; オンライン: the address; 書面開催: the deadline.</summary>
    public static string Where(Meeting meeting) => meeting.Kind switch
    {
        MeetingKind.Written => meeting.ResponseDeadline is { } d ? $"書面開催（ご意見・ご質問の提出期限：{WarekiDate.FormatWithWeekday(d)}）" : "書面開催",
        MeetingKind.Online => $"オンライン開催{(meeting.Url is null ? string.Empty : $"（{meeting.Url}）")}",
        _ => meeting.Place ?? "（場所未定）",
    };

    /// <summary>The notice's sender: as the council set it (区長 or 会長 and the name), else the council and its chair.</summary>
    private static string ChairLine(MeetingView view) =>
        view.Council.NoticeSender ?? (view.Chair is { } chair
            ? $"{view.Council.Name}　{(chair.Role == MemberRole.CommitteeChair ? "委員長" : "会長")}　{chair.Name}"
            : view.Council.Name);

    /// <summary>開催通知 (e.g. 5豊政相発第307号): 記 with 日時, 会議形式, 議題 and 報告事項, 問合せ先.</summary>
    public static PrintDocument Notice(MeetingView view)
    {
        var m = view.Meeting;
        // "第3回（書面開催）" + council → "第3回守り区…審議会の書面開催について": the kind is said once, in the heading.
        var name = $"{KindNote().Replace(m.Title, string.Empty).Trim()}{view.Council.Name}";
        var blocks = new List<PrintBlock>();
        if (m.NoticeNumber is { } number)
        {
            blocks.Add(new PrintLine(number, LineAlign.Right));
        }
        blocks.Add(new PrintLine(m.NoticeOn is { } on ? WarekiDate.Format(on) : "令和　　年　　月　　日", LineAlign.Right));
        blocks.Add(new PrintLine(m.NoticeTo ?? "委員各位"));
        blocks.Add(new PrintLine(ChairLine(view), LineAlign.Right));
        blocks.Add(new PrintLine(string.Empty));
        blocks.Add(new PrintLine(m.Kind == MeetingKind.Written ? $"{name}の書面開催について（通知）" : $"{name}の開催について（通知）", LineAlign.Center, Bold: true, Large: true));
        blocks.Add(new PrintLine(string.Empty));
        blocks.Add(new PrintLine(m.Kind switch
        {
            MeetingKind.Written => $"　下記のとおり{view.Council.Name}を書面により開催します。お送りする資料をご確認のうえ、提出期限までにご意見・ご質問をお寄せください。",
            MeetingKind.Online => $"　下記のとおり{view.Council.Name}をオンラインにより開催しますので、ご参加くださいますようお願いいたします。",
            _ => $"　下記のとおり{view.Council.Name}を開催しますので、ご出席くださいますようお願いいたします。",
        }));
        blocks.Add(new PrintLine("記", LineAlign.Center));
        var n = 0;
        string Next() => $"{++n}　";
        blocks.Add(new PrintLine($"{Next()}日時　{When(m)}{(m.Kind == MeetingKind.Written ? "（開催とみなす日）" : string.Empty)}"));
        blocks.Add(new PrintLine($"{Next()}{(m.Kind == MeetingKind.InPerson ? "場所" : "会議形式")}　{Where(m)}"));
        // 諮問 under 審議事項, 報告 under 報告事項, anything else under その他 with the notice's own note; a section of one
        // item prints it without the （1）.
        foreach (var (heading, kind) in new[] { ("審議事項", ItemKind.Consultation), ("報告事項", ItemKind.Report), ("その他", ItemKind.Other) })
        {
            var lines = view.Agenda.Where(a => a.Item.Kind == kind).Select(ItemLine).ToList();
            if (kind == ItemKind.Other && m.NoticeNote is { } note)
            {
                lines.Add(note);
            }
            if (lines.Count == 0)
            {
                continue;
            }
            blocks.Add(new PrintLine($"{Next()}{heading}"));
            blocks.AddRange(lines.Select((line, i) => new PrintLine(lines.Count == 1 ? line : $"（{i + 1}）{line}", Indent: 2)));
        }
        if (view.Council.Contact is { } contact)
        {
            blocks.Add(new PrintLine($"{Next()}問合せ先"));
            blocks.Add(new PrintLine(contact, Indent: 2));
        }
        blocks.Add(new PrintLine("以上", LineAlign.Right));
        return new PrintDocument($"{name} 開催通知", blocks);
    }

    /// <summary>An item's title, with its number when it has one: 「…について（諮問第5号）」; an unnumbered report is its title.</summary>
    private static string ItemLine(AgendaLine a) =>
        a.Item.Kind == ItemKind.Other || a.Item.Number is null ? a.Item.Title : $"{a.Item.Title}（{a.Item.Label()}）";

    /// <summary>
    /// The subject of a 答申 or a notice title: the item's title with 「について」 once (「…の評価について」 stays as it is;
    /// 「…の評価」 gets it; a trailing 「（諮問）」 is dropped).
    /// </summary>
    public static string About(string title)
    {
        var t = SubjectNote().Replace(title.Trim(), string.Empty).TrimEnd();
        // 「…について（手続の追加）」: the 「について」 comes before a closing note.
        var body = ClosingNote().Replace(t, string.Empty).TrimEnd();
        return body.EndsWith("について", StringComparison.Ordinal) || body.EndsWith("に係る件", StringComparison.Ordinal) ? t : t + "について";
    }

    /// <summary>答申書: 答申第N号, the date, addressee, the council and chair, and the text.</summary>
    public static PrintDocument Answer(Toshin toshin, AgendaItem item, AdvisoryCouncil council, CouncilMember? chair, string municipalityName)
    {
        var blocks = new List<PrintBlock>
        {
            new PrintLine(CouncilNames.ToshinLabel(toshin.Number), LineAlign.Right),
            new PrintLine(toshin.AnsweredOn is { } on ? WarekiDate.Format(on) : "令和　　年　　月　　日", LineAlign.Right),
            new PrintLine(toshin.Addressee ?? $"{Organization.MunicipalityHead.Of(municipalityName)}　様"),
            new PrintLine(council.Name, LineAlign.Right),
            new PrintLine(chair is null ? "会長" : $"会長　{chair.Name}", LineAlign.Right),
            new PrintLine(string.Empty),
            new PrintLine($"{About(item.Title)}（答申）", LineAlign.Center, Bold: true, Large: true),
            new PrintLine(string.Empty),
            new PrintLine(item.SubmittedOn is { } asked
                ? $"　{WarekiDate.Format(asked)}付け{item.Label()}で諮問のあった標記の件について、次のとおり答申します。"
                : $"　{item.Label()}で諮問のあった標記の件について、次のとおり答申します。"),
            new PrintLine("記", LineAlign.Center),
        };
        blocks.AddRange(toshin.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(p => new PrintLine(p.Length == 0 || p.StartsWith('　') ? p : "　" + p)));
        blocks.Add(new PrintLine("以上", LineAlign.Right));
        return new PrintDocument($"{CouncilNames.ToshinLabel(toshin.Number)} {About(item.Title)}（答申）", blocks);
    }

    /// <summary>The compiled table of a written meeting: 議題, 記載箇所 | 委員からのご意見・ご質問 | 区の回答.</summary>
    public static PrintDocument Answers(MeetingView view, string municipalityName)
    {
        var own = CouncilNames.OwnWord(municipalityName);
        var blocks = new List<PrintBlock>
        {
            new PrintLine($"{view.Council.Name}（{view.Meeting.Title}）", LineAlign.Center, Bold: true, Large: true),
            new PrintLine("委員からのご意見・ご質問と回答", LineAlign.Center, Bold: true),
            new PrintLine($"開催日：{WarekiDate.Format(view.Meeting.HeldOn)}（{view.Meeting.Kind.JapaneseName()}）", LineAlign.Right),
        };
        foreach (var line in view.Agenda)
        {
            var rows = view.Opinions.Where(o => o.Opinion.ItemId == line.Item.Id).ToList();
            blocks.Add(new PrintLine($"{(line.Placement.Label is { } label ? label + "　" : string.Empty)}{ItemLine(line)}", Bold: true));
            if (rows.Count == 0)
            {
                blocks.Add(new PrintLine("ご意見・ご質問はありませんでした。", Indent: 1));
                continue;
            }
            blocks.Add(new PrintTable(
                ["番号", "記載箇所", "委員からのご意見・ご質問", $"{own}の回答"],
                rows.Select((o, i) => (IReadOnlyList<string>)
                [
                    (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    o.Opinion.Location ?? "全般",
                    $"【{o.Opinion.Kind.JapaneseName()}】{o.Opinion.Text}",
                    o.Opinion.Answer ?? "（回答準備中）",
                ]).ToList(),
                [6, 16, 39, 39]));
        }
        return new PrintDocument($"{view.Council.Name} {view.Meeting.Title} ご意見・ご質問と回答", blocks);
    }

    [GeneratedRegex(@"[（(](書面|書面開催|オンライン|オンライン開催|対面)[）)]")]
    private static partial Regex KindNote();

    [GeneratedRegex(@"[（(](諮問|答申|報告)[）)]$")]
    private static partial Regex SubjectNote();

    [GeneratedRegex(@"[（(][^（()）]*[）)]$")]
    private static partial Regex ClosingNote();
}
