using Mamori.Core.Japanese;
using MimeKit;

namespace Mamori.Core.Features.Notices;

/// <summary>
/// The mail of a notice, or of a day's digest: a Japanese subject and a plain-text body with the record's title,
/// its due date in 和暦 and a link back to Mamori. Nothing but what the notice's title already says: never
/// residents' data (a record's title and number only).
/// </summary>
public static class NoticeMail
{
    /// <summary>What one mail says about one notice.</summary>
    public sealed record Line(Guid NoticeId, NoticeRule Rule, string Title);

    /// <summary>Who sends and to whom.</summary>
    public sealed record Envelope(string SenderName, string SenderAddress, string RecipientName, string RecipientAddress, string MunicipalityName, string SiteUrl);

    public const string SubjectPrefix = "【Mamori】";

    public static MimeMessage OneNotice(Envelope to, Line notice, DateOnly today)
    {
        var body = $"""
            {to.RecipientName} 様

            {notice.Rule.JapaneseName()}のお知らせです。

            {notice.Title}

            次のページで確認してください。
            {Link(to, notice.NoticeId)}

            """ + Footer(to, today);
        return Message(to, SubjectPrefix + notice.Title, body);
    }

    public static MimeMessage Digest(Envelope to, IReadOnlyList<Line> notices, DateOnly today)
    {
        var lines = string.Join("\n\n", notices.Select((n, i) => $"{i + 1}. 【{n.Rule.JapaneseName()}】{n.Title}\n   {Link(to, n.NoticeId)}"));
        var body = $"""
            {to.RecipientName} 様

            {WarekiDate.FormatWithWeekday(today)}までのお知らせが{notices.Count}件あります。

            """ + lines + "\n\n" + Footer(to, today);
        return Message(to, $"{SubjectPrefix}お知らせ{notices.Count}件（{WarekiDate.FormatWithWeekday(today)}のまとめ）", body);
    }

    public static MimeMessage Test(Envelope to, DateOnly today) => Message(to, $"{SubjectPrefix}テストメール",
        $"""
        {to.RecipientName} 様

        Mamori からのテストメールです。このメールが届いていれば、通知メールの設定は正しく動いています。

        {to.SiteUrl.TrimEnd('/')}/organization/notices

        """ + Footer(to, today));

    /// <summary>
    /// The mail with a one-time link to set a new password. Sent straight away, never stored as a notice: the link is a
    /// secret (the link's token is single use and expires after <paramref name="minutes"/> minutes).
    /// </summary>
    public static MimeMessage PasswordReset(Envelope to, string link, int minutes, DateOnly today) => Message(to, $"{SubjectPrefix}パスワードの再設定",
        $"""
        {to.RecipientName} 様

        Mamori のパスワードの再設定を受け付けました。次のリンクを開き、新しいパスワードを設定してください。
        リンクは{minutes}分間、1回だけ使えます。

        {link}

        お心当たりがない場合は、このメールを削除してください。パスワードは変わりません。
        何度も届く場合は、管理者に連絡してください。

        """ + Footer(to, today));

    /// <summary>The link opens the notice in the inbox (marking it read), which leads on to the record.</summary>
    public static string Link(Envelope to, Guid noticeId) => $"{to.SiteUrl.TrimEnd('/')}/inbox/{noticeId}";

    private static string Footer(Envelope to, DateOnly today) => $"""
        ──────────
        このメールは{to.MunicipalityName}の Mamori（個人情報保護事務）から自動で送信しています（{WarekiDate.Format(today)}）。返信はできません。
        お知らせの受け取り方（1件ずつ・1日1回まとめて・受け取らない）は次のページで変えられます。
        {to.SiteUrl.TrimEnd('/')}/account/notices
        """;

    private static MimeMessage Message(Envelope to, string subject, string body)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(to.SenderName, to.SenderAddress));
        message.To.Add(new MailboxAddress(to.RecipientName, to.RecipientAddress));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body.Replace("\r\n", "\n").Replace("\n", "\r\n") };
        return message;
    }
}
