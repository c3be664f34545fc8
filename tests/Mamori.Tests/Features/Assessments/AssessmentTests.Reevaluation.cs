using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Assessments;
using Mamori.Core.Features.Council;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Mamori.Tests.Features.Council.CouncilPages;

namespace Mamori.Tests.Features.Assessments;

/// <summary>Re-evaluation over time: changes before and after, a serious incident, and the move to the government cloud.</summary>
public sealed partial class AssessmentTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Changes_WithAFakeClock_PriorReopensAnEvaluation_PosteriorDoesNot_AndAnIncidentRaisesTheLevel(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var today = new DateOnly(2026, 11, 22);
        var clock = new TestClock(today);
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetUser("test", "テスト", tenant.MunicipalityId, null, false);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var business = (await AssessmentWorkflow.SaveBusinessAsync(db, null, new AssessedBusinessInput
        {
            Name = "介護保険に関する事務",
            DepartmentId = tenant.OwnDepartmentId,
            SubjectCount = 150_000,
            StaffHandlers = 300,
            ContractorHandlers = 0,
            FileIds = [],
        }, clock, default)).Value!;
        db.Assessments.Add(new Assessment
        {
            DepartmentId = tenant.OwnDepartmentId,
            BusinessId = business.Id,
            Kind = AssessmentKind.Initial,
            Level = PiaLevel.Focused,
            StartedOn = today.AddYears(-5).AddMonths(-3),
            DraftDoneOn = today.AddYears(-5).AddMonths(-2),
            MeetingDoneOn = today.AddYears(-5).AddMonths(-1),
            SubmittedOn = today.AddYears(-5).AddDays(20),
            PublishedOn = today.AddYears(-5).AddDays(30),
        });
        await db.SaveChangesAsync();

        var dashboard = await AssessmentQueries.DashboardAsync(db, today, default);
        var row = Assert.Single(dashboard);
        var five = Assert.Single(row.Position.Obligations, o => o.What.StartsWith("公表から5年を経過する前の再評価", StringComparison.Ordinal));
        Assert.Equal(today.AddDays(30), five.DueOn);
        Assert.Equal(ObligationState.DueSoon, five.State);
        // No yearly review was recorded since the publication, so that one is overdue and comes first.
        Assert.StartsWith("定期的な見直し", row.Position.Next!.What, StringComparison.Ordinal);
        Assert.Equal(ObligationState.Overdue, row.Position.Next.State);

        var posterior = await AssessmentWorkflow.RecordChangeAsync(db, business.Id, new ChangeInput(today.AddDays(90), "窓口の移転", "Ⅰ 基本情報 ５．個人番号の利用：事後"), clock, default);
        Assert.True(posterior.Ok, posterior.Describe());
        Assert.Null(posterior.Value!.AssessmentId);
        var refused = await AssessmentWorkflow.RecordChangeAsync(db, business.Id, new ChangeInput(today.AddDays(90), "ガバメントクラウドへの移行", "Ⅱ ファイルの概要"), clock, default);
        Assert.Equal("1行目「Ⅱ ファイルの概要」：「項目名：事前」または「項目名：事後」の形で書いてください。", refused.Errors["Sections"][0]);

        var prior = await AssessmentWorkflow.RecordChangeAsync(db, business.Id, new ChangeInput(today.AddDays(180), "ガバメントクラウドへの移行",
            "Ⅱ ファイルの概要 ６．特定個人情報の保管・消去：事前\nⅠ 基本情報 ４．システム：事後"), clock, default);
        Assert.True(prior.Ok, prior.Describe());
        var reopened = await db.Assessments.AsNoTracking().SingleAsync(a => a.Id == prior.Value!.AssessmentId);
        Assert.Equal(AssessmentKind.Reevaluation, reopened.Kind);
        Assert.Equal(PiaLevel.Focused, reopened.Level);
        Assert.Equal(today.AddDays(179), reopened.PublicationDueOn);
        Assert.Equal("重要な変更（事前）：ガバメントクラウドへの移行", reopened.Trigger);
        row = Assert.Single(await AssessmentQueries.DashboardAsync(db, today, default));
        Assert.Equal("再実施の評価：評価書作成", row.Position.Next!.What);

        // A serious incident a month ago: 15万人 with an incident calls for 全項目評価.
        var incident = await AssessmentWorkflow.SaveBusinessAsync(db, business.Id, new AssessedBusinessInput
        {
            Name = business.Name,
            DepartmentId = tenant.OwnDepartmentId,
            SubjectCount = 150_000,
            StaffHandlers = 300,
            ContractorHandlers = 0,
            SeriousIncidentOn = today.AddMonths(-1),
            SeriousIncidentNote = "委託先による特定個人情報の漏えい",
            FileIds = [],
            Version = business.Version,
        }, clock, default);
        Assert.True(incident.Ok, incident.Describe());
        row = Assert.Single(await AssessmentQueries.DashboardAsync(db, today, default));
        Assert.Equal(PiaLevel.Full, row.Position.Level);
        Assert.Contains("過去1年以内の重大事故ありのため全項目評価", row.Position.Judgment.Reason);
        Assert.Equal(PiaLevel.Focused, (await AssessmentQueries.DashboardAsync(db, today.AddYears(1), default))[0].Position.Level);
        Assert.Equal("重大事故の発生日に未来の日付は入力できません。", (await AssessmentWorkflow.SaveBusinessAsync(db, business.Id, new AssessedBusinessInput
        {
            Name = business.Name,
            DepartmentId = tenant.OwnDepartmentId,
            SubjectCount = 150_000,
            StaffHandlers = 300,
            ContractorHandlers = 0,
            SeriousIncidentOn = today.AddDays(1),
            SeriousIncidentNote = "x",
            FileIds = [],
        }, clock, default)).Errors["SeriousIncidentOn"][0]);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task GovernmentCloudMove_FourBusinessesAreReevaluatedWithTheRightLevelStepsAndDeadlines(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var clock = new TestClock(Today);
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetUser("test", "テスト", tenant.MunicipalityId, null, false);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var council = new AdvisoryCouncil { MunicipalityId = tenant.MunicipalityId, Name = "情報公開・個人情報保護審議会" };
        db.Councils.Add(council);
        await db.SaveChangesAsync();
        var cases = new (string Name, long Subjects, int Staff, int Contractors)[]
        {
            ("住民基本台帳に関する事務", 940_000, 400, 50),
            ("特別区民税・都民税の賦課徴収に関する事務", 700_000, 350, 80),
            ("介護保険に関する事務", 220_000, 420, 150),
            ("国民健康保険に関する事務", 250_000, 380, 160),
        };
        var move = Today.AddDays(200);
        var ids = new List<Guid>();
        foreach (var (name, subjects, staff, contractors) in cases)
        {
            var b = await AssessmentWorkflow.SaveBusinessAsync(db, null, new AssessedBusinessInput
            {
                Name = name,
                DepartmentId = tenant.OwnDepartmentId,
                SubjectCount = subjects,
                StaffHandlers = staff,
                ContractorHandlers = contractors,
                FileIds = [],
            }, clock, default);
            Assert.True(b.Ok, b.Describe());
            Assert.Equal(PiaLevel.Full, b.Value!.EffectiveLevel(Today));
            db.Assessments.Add(new Assessment
            {
                DepartmentId = tenant.OwnDepartmentId,
                BusinessId = b.Value.Id,
                Kind = AssessmentKind.Initial,
                Level = PiaLevel.Full,
                StartedOn = Today.AddYears(-3),
                SubmittedOn = Today.AddYears(-3).AddMonths(5),
                PublishedOn = Today.AddYears(-3).AddMonths(6),
            });
            await db.SaveChangesAsync();
            var change = await AssessmentWorkflow.RecordChangeAsync(db, b.Value.Id, new ChangeInput(move, "ガバメントクラウド（標準準拠システム）への移行",
                "Ⅱ ファイルの概要 ６．特定個人情報の保管・消去：事前\nⅢ リスク対策 ７．特定個人情報の保管・消去：事前"), clock, default);
            Assert.True(change.Ok, change.Describe());
            ids.Add(change.Value!.AssessmentId!.Value);
        }
        var dashboard = await AssessmentQueries.DashboardAsync(db, Today, default);
        Assert.Equal(4, dashboard.Count);
        Assert.All(dashboard, r =>
        {
            Assert.Equal(PiaLevel.Full, r.Position.Level);
            Assert.Equal("再実施の評価：評価書作成", r.Position.Next!.What);
            Assert.Equal(move.AddDays(-1 - 180), r.Position.Next.DueOn);
        });

        var numbers = new List<int>();
        foreach (var id in ids)
        {
            async Task Ok(StepInput input)
            {
                var outcome = await AssessmentWorkflow.SaveStepAsync(db, id, input, clock, default);
                Assert.True(outcome.Ok, outcome.Describe());
            }
            await Ok(new StepInput
            {
                Step = AssessmentStep.Draft,
                DoneOn = Today.AddDays(-70),
            });
            await Ok(new StepInput
            {
                Step = AssessmentStep.InternalMeeting,
                DoneOn = Today.AddDays(-60),
                MeetingName = "マイナンバー制度セキュリティ会議",
            });
            await Ok(new StepInput
            {
                Step = AssessmentStep.PublicComment,
                CommentStartOn = Today.AddDays(-50),
                CommentEndOn = Today.AddDays(-21),
                CommentOpinions = 0,
            });
            var consulted = await AssessmentWorkflow.ConsultAsync(db, id, council.Id, clock, default);
            Assert.True(consulted.Ok, consulted.Describe());
            var item = await db.AgendaItems.AsNoTracking().SingleAsync(i => i.Id == consulted.Value!.ConsultationItemId);
            numbers.Add(item.Number!.Value);
            var refused = await AssessmentWorkflow.SaveStepAsync(db, id, new StepInput
            {
                Step = AssessmentStep.Submission,
                DoneOn = Today.AddDays(-2),
            }, clock, default);
            Assert.Contains("審議会の答申がまだありません。答申を受けてから提出してください。", refused.Errors.SelectMany(e => e.Value));
            var toshin = await CouncilWorkflow.SaveToshinAsync(db, null, new ToshinInput(item.Id, null, Today.AddDays(-10), null, "おおむね問題ありません。"), default);
            Assert.True(toshin.Ok, toshin.Describe());
            await Ok(new StepInput
            {
                Step = AssessmentStep.Submission,
                DoneOn = Today.AddDays(-2),
            });
            await Ok(new StepInput
            {
                Step = AssessmentStep.Publication,
                DoneOn = Today.AddDays(-1),
                PublishedUrl = "https://www.city.example.lg.jp/mynumber/pia",
            });
        }
        Assert.Equal([1, 2, 3, 4], numbers);
        dashboard = await AssessmentQueries.DashboardAsync(db, Today, default);
        Assert.All(dashboard, r =>
        {
            Assert.Equal(AssessmentKind.Reevaluation, r.Position.Last!.Kind);
            Assert.Equal(Today.AddDays(-1), r.Position.Last.CompletedOn);
            Assert.Empty(r.Position.Open);
            Assert.Equal(ObligationState.Planned, r.Position.Next!.State);
        });
    }
}
