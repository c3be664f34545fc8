using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Reviews;

/// <summary>The 自己点検表 templates of a municipality: the current version per type, and changes by 事務局.</summary>
public static class InspectionTemplates
{
    /// <summary>The questions a municipality starts with, per type. 事務局 changes them on the templates page.</summary>
    public static IReadOnlyList<InspectionQuestion> Defaults(HandlingType type)
    {
        static InspectionQuestion Y(string key, string text) => new(key, text, AnswerKind.YesNo, true);
        static InspectionQuestion T(string key, string text, bool required = true) => new(key, text, AnswerKind.Text, required);
        return type switch
        {
            HandlingType.Holding =>
            [
                T("H1", "個人情報を保有する目的（法令等の根拠を含む）"),
                Y("H2", "保有する個人情報は、利用目的の達成に必要な範囲に限られているか"),
                T("H3", "保有期間と、期間経過後の廃棄方法"),
                T("H4", "記録の形態（電子・紙）と保管場所"),
                Y("H5", "個人情報ファイル簿への記載（又は記載の変更）を行ったか"),
            ],
            HandlingType.Outsourcing or HandlingType.DesignatedManagement or HandlingType.WorkerDispatch =>
            [
                T("O1", "委託等をする業務の内容と、委託先が取り扱う個人情報の項目"),
                Y("O2", "委託先の選定に当たり、個人情報の安全管理措置が講じられることを確認したか"),
                Y("O3", "契約書に個人情報の取扱いに関する特記事項を定めるか"),
                Y("O4", "委託先における取扱状況を定期的に確認（報告・実地確認）するか"),
                T("O5", "業務終了時の個人情報の返還・廃棄の方法"),
            ],
            HandlingType.OutOfPurposeUse or HandlingType.ExternalProvision =>
            [
                T("P1", "利用・提供の目的"),
                Y("P2", "法令の根拠に基づく利用・提供であるか"),
                Y("P3", "提供先に安全確保の措置（目的外利用の禁止、漏えい防止等）を求めるか"),
                T("P4", "利用・提供の方法（書面、電子媒体、システム等）"),
            ],
            HandlingType.ComputerInput =>
            [
                T("C1", "電算処理を行う目的と入力する項目"),
                Y("C2", "アクセス権限を業務に必要な職員に限っているか"),
                Y("C3", "操作ログを記録し、定期的に確認するか"),
                Y("C4", "不在・異動・退職した職員のアカウントを速やかに停止するか"),
            ],
            HandlingType.ExternalConnection =>
            [
                T("E1", "結合の目的と、結合により送受信する項目"),
                Y("E2", "不正アクセスを防止する措置（認証、暗号化、通信の制限等）を講じているか"),
                Y("E3", "結合先の安全管理措置を確認したか"),
                T("E4", "障害・事故が発生したときの連絡体制と役割分担"),
            ],
            _ => [],
        };
    }

    /// <summary>
    /// The current template of a type for reading: the stored one, or version 1 of the defaults (not saved,
    /// so that reading never writes — an auditor's visit leaves no trace but its own).
    /// </summary>
    public static async Task<InspectionTemplate> PeekAsync(AppDbContext db, HandlingType type, CancellationToken ct) =>
        await db.InspectionTemplates.AsNoTracking().Where(t => t.Type == type).OrderByDescending(t => t.Number).FirstOrDefaultAsync(ct)
        ?? new InspectionTemplate { Type = type, Number = 1, QuestionsJson = InspectionTemplate.Serialize(Defaults(type)), CreatedBy = "初期設定" };

    /// <summary>The current template of a type, creating version 1 from the defaults when the municipality has none yet.</summary>
    public static async Task<InspectionTemplate> CurrentAsync(AppDbContext db, HandlingType type, CancellationToken ct)
    {
        var current = await db.InspectionTemplates.Where(t => t.Type == type).OrderByDescending(t => t.Number).FirstOrDefaultAsync(ct);
        if (current is not null)
        {
            return current;
        }
        var first = new InspectionTemplate { Type = type, Number = 1, QuestionsJson = InspectionTemplate.Serialize(Defaults(type)), CreatedAt = DateTime.UtcNow, CreatedBy = "初期設定" };
        db.InspectionTemplates.Add(first);
        await db.SaveChangesAsync(ct);
        return first;
    }

    /// <summary>
    /// Saves the questions of a type as a new version (when they differ from the current one). Keys of
    /// existing questions stay; a new question gets the next free key. Existing self-inspections keep the
    /// version they were answered against.
    /// </summary>
    public static async Task<Outcome<InspectionTemplate>> SaveAsync(AppDbContext db, HandlingType type, IReadOnlyList<InspectionQuestion> questions,
        string? by, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var kept = questions.Where(q => !string.IsNullOrWhiteSpace(q.Text)).ToList();
        if (kept.Count == 0)
        {
            errors.Add("Questions", "質問を1つ以上入力してください。");
        }
        foreach (var (q, i) in kept.Select((q, i) => (q, i)))
        {
            errors.MaxLength("Questions", q.Text, 1000, $"{i + 1}番目の質問");
        }
        if (kept.Select(q => q.Key).Where(k => !string.IsNullOrEmpty(k)).GroupBy(k => k).Any(g => g.Count() > 1))
        {
            errors.Add("Questions", "同じ質問が2回含まれています。画面を開き直してください。");
        }
        if (errors.Any)
        {
            return errors.Fail<InspectionTemplate>();
        }

        var current = await CurrentAsync(db, type, ct);
        var defaults = Defaults(type);
        var prefix = defaults.Count > 0 ? defaults[0].Key[..1] : "Q";
        var used = current.Questions.Select(q => q.Key).Concat(kept.Select(q => q.Key)).Where(k => !string.IsNullOrEmpty(k)).ToHashSet();
        var next = 1;
        var final = new List<InspectionQuestion>();
        foreach (var q in kept)
        {
            var key = q.Key;
            if (string.IsNullOrEmpty(key))
            {
                while (used.Contains($"{prefix}{next}"))
                {
                    next++;
                }
                key = $"{prefix}{next}";
                used.Add(key);
            }
            final.Add(q with { Key = key, Text = q.Text.Trim() });
        }
        if (final.SequenceEqual(current.Questions))
        {
            return Outcome<InspectionTemplate>.Success(current);
        }
        var version = new InspectionTemplate
        {
            Type = type,
            Number = current.Number + 1,
            QuestionsJson = InspectionTemplate.Serialize(final),
            CreatedAt = DateTime.UtcNow,
            CreatedBy = by,
        };
        db.InspectionTemplates.Add(version);
        await db.SaveChangesAsync(ct);
        return Outcome<InspectionTemplate>.Success(version);
    }
}
