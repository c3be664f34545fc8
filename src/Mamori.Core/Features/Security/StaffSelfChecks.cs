using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Security;

public static class StaffSelfChecks
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly string[] DefaultOptions = ["はい", "いいえ"];

    /// <summary>The questions a new campaign starts with.</summary>
    public const string DefaultQuestions =
        "離席するときは端末の画面をロックしている\n" +
        "パスワードを他人に教えたり、付箋等に書いて貼ったりしていない\n" +
        "業務に必要のない住民の情報を閲覧していない\n" +
        "個人情報を含む書類や電子媒体を、許可なく庁外に持ち出していない\n" +
        "不審なメールを受け取ったときの連絡先を知っている｜知っている／知らない";

    /// <summary>
    /// Reads questions typed one per line; answers other than はい／いいえ follow a ｜ and are separated by ／
    /// ("連絡先を知っている｜知っている／知らない").
    /// </summary>
    public static Outcome<List<SelfCheckQuestion>> ParseQuestions(string? text)
    {
        var errors = new FieldErrors();
        var questions = new List<SelfCheckQuestion>();
        foreach (var (line, n) in (text ?? "").Split('\n').Select((l, i) => (l.Trim(), i + 1)).Where(x => x.Item1.Length > 0))
        {
            var parts = line.Split(['｜', '|'], 2);
            var question = parts[0].Trim();
            var options = parts.Length > 1
                ? parts[1].Split(['／', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray()
                : DefaultOptions;
            if (question.Length == 0)
            {
                errors.Add("Questions", $"{n}行目に質問の文がありません。");
            }
            else if (question.Length > 500)
            {
                errors.Add("Questions", $"{n}行目の質問は500文字以内にしてください。");
            }
            if (options.Length < 2)
            {
                errors.Add("Questions", $"{n}行目の回答の選択肢は、｜のあとに「はい／いいえ」のように2つ以上並べてください。");
            }
            questions.Add(new SelfCheckQuestion($"Q{questions.Count + 1}", question, options));
        }
        if (questions.Count == 0 && !errors.Any)
        {
            errors.Add("Questions", "質問を1行に1つずつ入力してください。");
        }
        return errors.Any ? errors.Fail<List<SelfCheckQuestion>>() : Outcome<List<SelfCheckQuestion>>.Success(questions);
    }

    /// <summary>The questions as the form shows them.</summary>
    public static string FormatQuestions(IEnumerable<SelfCheckQuestion> questions) =>
        string.Join('\n', questions.Select(q => q.Options.SequenceEqual(DefaultOptions) ? q.Text : $"{q.Text}｜{string.Join("／", q.Options)}"));

    public static async Task<Outcome<SelfCheckCampaign>> SaveCampaignAsync(AppDbContext db, Guid municipalityId, Guid? id, string? title,
        DateOnly? startOn, DateOnly? endOn, string? note, Guid? version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (errors.Required("Title", title, "名称"))
        {
            errors.MaxLength("Title", title, 200, "名称");
        }
        if (startOn is null)
        {
            errors.Add("StartOn", "回答期間の初日を入力してください。");
        }
        if (endOn is null)
        {
            errors.Add("EndOn", "回答期間の最終日を入力してください。");
        }
        if (startOn is { } s && endOn is { } e && e < s)
        {
            errors.Add("EndOn", "最終日が初日より前になっています。");
        }
        errors.MaxLength("Note", note, 4000, "職員への案内");
        if (errors.Any)
        {
            return errors.Fail<SelfCheckCampaign>();
        }
        SelfCheckCampaign campaign;
        if (id is { } existing)
        {
            var (found, failure) = await OptimisticSave.LoadAsync(db.SelfCheckCampaigns, existing, version, "セルフチェックが見つかりません。", ct);
            if (found is null)
            {
                return failure!;
            }
            campaign = found;
            campaign.Title = title!.Trim();
        }
        else
        {
            campaign = new SelfCheckCampaign { MunicipalityId = municipalityId, Title = title!.Trim() };
            campaign.Sets.Add(new SelfCheckQuestionSet
            {
                MunicipalityId = municipalityId,
                Name = "全職員用",
                QuestionsJson = JsonSerializer.Serialize(ParseQuestions(DefaultQuestions).Value, Json),
            });
            db.SelfCheckCampaigns.Add(campaign);
        }
        campaign.StartOn = startOn!.Value;
        campaign.EndOn = endOn!.Value;
        campaign.Note = Optional(note);
        return await OptimisticSave.SaveAsync(db, campaign, ct);
    }

    /// <summary>Adds or changes a question set; a set that has been answered keeps its questions.</summary>
    public static async Task<Outcome<SelfCheckQuestionSet>> SaveSetAsync(AppDbContext db, Guid campaignId, Guid? setId, string? name, Guid? departmentId,
        string? questionsText, CancellationToken ct)
    {
        var campaign = await db.SelfCheckCampaigns.Include(c => c.Sets).FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return Outcome<SelfCheckQuestionSet>.NotFound("セルフチェックが見つかりません。");
        }
        var errors = new FieldErrors();
        if (errors.Required("Name", name, "対象"))
        {
            errors.MaxLength("Name", name, 100, "対象");
        }
        var parsed = ParseQuestions(questionsText);
        foreach (var (field, messages) in parsed.Errors)
        {
            foreach (var m in messages)
            {
                errors.Add(field, m);
            }
        }
        if (departmentId is { } d && !await db.Departments.AnyAsync(x => x.Id == d, ct))
        {
            errors.Add("DepartmentId", "部署が見つかりません。");
        }
        var set = setId is { } sid ? campaign.Sets.FirstOrDefault(s => s.Id == sid) : null;
        if (setId is not null && set is null)
        {
            return Outcome<SelfCheckQuestionSet>.NotFound("質問セットが見つかりません。");
        }
        if (set is not null && await db.SelfCheckResponses.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AnyAsync(r => r.QuestionSetId == set.Id, ct)
            && JsonSerializer.Serialize(parsed.Value, Json) != set.QuestionsJson)
        {
            errors.Add("Questions", "この質問セットにはすでに回答があるため、質問を変えられません。新しい質問セットを追加してください。");
        }
        if (errors.Any)
        {
            return errors.Fail<SelfCheckQuestionSet>();
        }
        if (set is null)
        {
            // Added explicitly: found only through the campaign's list, a new set with its id already given would be taken for an existing row.
            set = new SelfCheckQuestionSet { MunicipalityId = campaign.MunicipalityId, CampaignId = campaign.Id, Name = name!.Trim(), SortOrder = campaign.Sets.Count };
            db.SelfCheckQuestionSets.Add(set);
        }
        set.Name = name!.Trim();
        set.DepartmentId = departmentId;
        set.QuestionsJson = JsonSerializer.Serialize(parsed.Value, Json);
        await db.SaveChangesAsync(ct);
        return Outcome<SelfCheckQuestionSet>.Success(set);
    }

    /// <summary>The question sets a member of staff of <paramref name="departmentId"/> may answer.</summary>
    public static List<SelfCheckQuestionSet> SetsFor(SelfCheckCampaign campaign, Guid departmentId) =>
        campaign.Sets.Where(s => s.DepartmentId is null || s.DepartmentId == departmentId).OrderBy(s => s.SortOrder).ToList();

    /// <summary>Records (or replaces, until the period ends) a member of staff's answers.</summary>
    public static async Task<Outcome<SelfCheckResponse>> AnswerAsync(AppDbContext db, Guid campaignId, Guid staffId, Guid? setId,
        IReadOnlyDictionary<string, string?> answers, string? comment, TimeProvider clock, CancellationToken ct)
    {
        var campaign = await db.SelfCheckCampaigns.AsNoTracking().Include(c => c.Sets).FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        var staff = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == staffId, ct);
        if (campaign is null || staff is null)
        {
            return Outcome<SelfCheckResponse>.NotFound("セルフチェックが見つかりません。");
        }
        var today = JapanTime.Today(clock);
        if (!campaign.IsOpen(today))
        {
            return Outcome<SelfCheckResponse>.Conflict($"回答期間（{WarekiDate.Format(campaign.StartOn)}～{WarekiDate.Format(campaign.EndOn)}）の外のため回答できません。");
        }
        var set = SetsFor(campaign, staff.DepartmentId).FirstOrDefault(s => s.Id == setId);
        if (set is null)
        {
            return Outcome<SelfCheckResponse>.Fail("SetId", "あなたの区分（質問セット）を選んでください。");
        }
        var errors = new FieldErrors();
        var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (q, i) in set.Questions.Select((q, i) => (q, i + 1)))
        {
            var answer = answers.GetValueOrDefault(q.Key)?.Trim();
            if (string.IsNullOrEmpty(answer))
            {
                errors.Add($"Answers[{q.Key}]", $"質問{i}「{q.Text}」に回答してください。");
            }
            else if (!q.Options.Contains(answer))
            {
                errors.Add($"Answers[{q.Key}]", $"質問{i}の回答「{answer}」は選択肢にありません。");
            }
            else
            {
                chosen[q.Key] = answer;
            }
        }
        errors.MaxLength("Comment", comment, 2000, "自由記述");
        if (errors.Any)
        {
            return errors.Fail<SelfCheckResponse>();
        }
        var response = await db.SelfCheckResponses.IgnoreQueryFilters([AppDbContext.DepartmentFilter])
            .FirstOrDefaultAsync(r => r.CampaignId == campaignId && r.StaffId == staffId, ct);
        if (response is null)
        {
            response = new SelfCheckResponse { MunicipalityId = campaign.MunicipalityId, CampaignId = campaignId, StaffId = staffId, DepartmentId = staff.DepartmentId };
            db.SelfCheckResponses.Add(response);
        }
        response.QuestionSetId = set.Id;
        response.AnswersJson = JsonSerializer.Serialize(chosen, Json);
        response.Comment = Optional(comment);
        response.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome<SelfCheckResponse>.Success(response);
    }

    /// <summary>Saves a department's 振り返り.</summary>
    public static async Task<Outcome<SelfCheckReflection>> ReflectAsync(AppDbContext db, Guid campaignId, Guid departmentId, string? note,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (errors.Required("Note", note, "振り返り"))
        {
            errors.MaxLength("Note", note, 8000, "振り返り");
        }
        if (!await db.SelfCheckCampaigns.AnyAsync(c => c.Id == campaignId, ct) || !await db.Departments.AnyAsync(d => d.Id == departmentId, ct))
        {
            errors.Add("", "セルフチェックまたは部署が見つかりません。");
        }
        if (errors.Any)
        {
            return errors.Fail<SelfCheckReflection>();
        }
        var reflection = await db.SelfCheckReflections.FirstOrDefaultAsync(r => r.CampaignId == campaignId && r.DepartmentId == departmentId, ct);
        if (reflection is null)
        {
            reflection = new SelfCheckReflection { CampaignId = campaignId, DepartmentId = departmentId, Note = note!.Trim() };
            db.SelfCheckReflections.Add(reflection);
        }
        reflection.Note = note!.Trim();
        reflection.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        reflection.UpdatedBy = db.Tenant.ActorName;
        await db.SaveChangesAsync(ct);
        return Outcome<SelfCheckReflection>.Success(reflection);
    }

    /// <summary>Completion per department (staff in post against answers); a 所管課 user sees its own department only.</summary>
    public static async Task<List<DepartmentProgress>> ProgressAsync(AppDbContext db, Guid campaignId, CancellationToken ct)
    {
        var labels = await DepartmentTree.LabelsAsync(db, ct);
        var staff = await db.Staff.AsNoTracking().Where(s => s.Status == StaffStatus.Active)
            .GroupBy(s => s.DepartmentId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var answered = await db.SelfCheckResponses.AsNoTracking().Where(r => r.CampaignId == campaignId)
            .GroupBy(r => r.DepartmentId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var notes = await db.SelfCheckReflections.AsNoTracking().Where(r => r.CampaignId == campaignId).ToDictionaryAsync(r => r.DepartmentId, r => r.Note, ct);
        return staff.Select(s => s.Key).Union(answered.Select(a => a.Key))
            .Select(d => new DepartmentProgress(d, labels.GetValueOrDefault(d, "（不明な部署）"),
                staff.FirstOrDefault(s => s.Key == d)?.Count ?? 0, answered.FirstOrDefault(a => a.Key == d)?.Count ?? 0, notes.GetValueOrDefault(d)))
            .OrderBy(p => p.Department, StringComparer.Ordinal).ToList();
    }

    /// <summary>Results per question of each set: how many chose each answer.</summary>
    public static async Task<List<(SelfCheckQuestionSet Set, List<QuestionResult> Results)>> ResultsAsync(AppDbContext db, Guid campaignId, CancellationToken ct)
    {
        var sets = await db.SelfCheckQuestionSets.AsNoTracking().Where(s => s.CampaignId == campaignId).OrderBy(s => s.SortOrder).ToListAsync(ct);
        var responses = await db.SelfCheckResponses.AsNoTracking().Where(r => r.CampaignId == campaignId).ToListAsync(ct);
        return sets.Select(set =>
        {
            var answers = responses.Where(r => r.QuestionSetId == set.Id).Select(r => r.Answers).ToList();
            var results = set.Questions.Select(q => new QuestionResult(q,
                q.Options.Select(o => (o, answers.Count(a => a.GetValueOrDefault(q.Key) == o))).ToList())).ToList();
            return (set, results);
        }).ToList();
    }
}
