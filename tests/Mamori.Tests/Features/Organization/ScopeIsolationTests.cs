using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Audit;
using Mamori.Core.Features.Organization;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Features.Organization;

/// <summary>
/// The scoping rule for every entity of the model, found by reflection rather than listed: a row with a
/// municipality is invisible to another municipality, a row with a department is invisible to a 所管課 of
/// another department, and a row of a council is invisible to a 委員 who does not sit on it. Every page,
/// export and API reads through the same context, so a filter lost here is lost everywhere.
/// </summary>
public sealed class ScopeIsolationTests(AppFixture app)
{
    /// <summary>Entities with a department column that every department of the municipality may see, and why.</summary>
    private static readonly Dictionary<Type, string> SharedAcrossDepartments = new()
    {
        [typeof(Core.Features.Security.Terminal)] = "統合端末の設置課: セキュリティ担当の台帳で、所管課は読めない",
        [typeof(Core.Features.Security.ChecklistAssessment)] = "点検の対象課: セキュリティ担当の点検で、所管課は読めない",
        [typeof(Core.Features.Security.SelfCheckQuestionSet)] = "課ごとの設問: 全職員が回答するために読む",
        [typeof(Core.Features.Council.AgendaItem)] = "諮問の担当課: 審議会の記録で、所管課は読めない",
        [typeof(Core.Features.Findings.InspectionDepartment)] = "検査の対象課: 検査は団体のもので、対象課の一覧は全課が見る",
    };

    /// <summary>Entities read or written outside the scoping filters on purpose, and why.</summary>
    private static readonly Dictionary<Type, string> Unscoped = new()
    {
        [typeof(Municipality)] = "団体そのもの（Id で絞る専用のフィルター）",
        [typeof(AuditEntry)] = "監査ログ（専用のフィルターと改ざん検知の連鎖。ここで行を作ると連鎖が壊れる）",
        [typeof(AppUser)] = "ログインの前に団体をまたいで探すアカウント（ページ側で団体に絞る）",
    };

    private static bool Has(IEntityType type, string property) => type.FindProperty(property) is not null;

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task EveryOwnedEntity_IsInvisibleToAnotherMunicipality_AnotherDepartment_AndAnotherCouncilsMember(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var a = await TestTenant.CreateAsync(factory, "甲市");
        var b = await TestTenant.CreateAsync(factory, "乙町");
        var (aUser, bUser) = await factory.AsSystemAsync(async (_, db) => (
            await db.Users.Where(u => u.UserName == a.UserName(UserRole.Admin)).Select(u => u.Id).SingleAsync(),
            await db.Users.Where(u => u.UserName == b.UserName(UserRole.Admin)).Select(u => u.Id).SingleAsync()));

        var types = factory.Services.CreateScope().ServiceProvider.GetRequiredService<AppDbContext>().Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && Has(t, "MunicipalityId") && !Unscoped.ContainsKey(t.ClrType))
            .OrderBy(t => t.ClrType.Name).ToList();
        Assert.True(types.Count >= 40, $"団体の列を持つエンティティが {types.Count} 件しか見つかりません");

        var failures = new List<string>();
        foreach (var type in types)
        {
            // A row per municipality (settings) has no second row in the same municipality.
            var onePerMunicipality = type.GetIndexes().Any(i => i.IsUnique && i.Properties.Select(p => p.Name).SequenceEqual(["MunicipalityId"]));
            Guid own, other, foreign;
            try
            {
                own = await SeedAsync(factory, type, a.MunicipalityId, a.OwnDepartmentId, aUser);
                other = onePerMunicipality ? own : await SeedAsync(factory, type, a.MunicipalityId, a.OtherDepartmentId, aUser);
                foreign = await SeedAsync(factory, type, b.MunicipalityId, b.OwnDepartmentId, bUser);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
            {
                failures.Add($"{type.ClrType.Name}: 試験用の行を作れません: {ex.GetBaseException().Message}");
                continue;
            }
            Guid[] all = [.. new[] { own, other, foreign }.Distinct()];
            var name = type.ClrType.Name;
            var departmentScoped = Has(type, "DepartmentId") && !SharedAcrossDepartments.ContainsKey(type.ClrType);

            void Expect(string who, IReadOnlyCollection<Guid> seen, params Guid[] expected)
            {
                if (!seen.OrderBy(g => g).SequenceEqual(expected.Distinct().OrderBy(g => g)))
                {
                    string Label(Guid id) => id == own ? "自課" : id == other ? "他課" : "他団体";
                    failures.Add($"{name}: {who} に見える行 [{string.Join(", ", seen.Select(Label))}], 期待 [{string.Join(", ", expected.Select(Label))}]");
                }
            }

            Expect("甲市の管理者", await VisibleAsync(factory, type, all, t => t.SetUser(aUser, "甲", a.MunicipalityId, null, false)), own, other);
            Expect("乙町の管理者", await VisibleAsync(factory, type, all, t => t.SetUser(bUser, "乙", b.MunicipalityId, null, false)), foreign);
            Expect("甲市の所管課（自課）", await VisibleAsync(factory, type, all, t => t.SetUser(aUser, "甲", a.MunicipalityId, a.OwnDepartmentId, true)),
                departmentScoped ? [own] : [own, other]);
            if (Has(type, "CouncilId"))
            {
                Expect("他の審議会の委員", await VisibleAsync(factory, type, all, t =>
                {
                    t.SetUser(aUser, "甲", a.MunicipalityId, null, false);
                    t.RestrictToCouncils([Guid.NewGuid()]);
                }));
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static Task<Guid> SeedAsync(MamoriFactory factory, IEntityType type, Guid municipality, Guid department, string user) =>
        factory.AsSystemAsync(async (_, db) =>
        {
            var entityType = db.Model.FindEntityType(type.ClrType)!;
            return (Guid)await new ModelSeeder(db, municipality, department, user).CreateAsync(entityType);
        });

    private static async Task<IReadOnlyCollection<Guid>> VisibleAsync(MamoriFactory factory, IEntityType type, Guid[] ids, Action<CurrentTenant> actAs)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        actAs(scope.ServiceProvider.GetRequiredService<CurrentTenant>());
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var read = typeof(ScopeIsolationTests).GetMethod(nameof(VisibleOfAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type.ClrType);
        return await (Task<List<Guid>>)read.Invoke(null, [db, ids])!;
    }

    private static Task<List<Guid>> VisibleOfAsync<T>(AppDbContext db, Guid[] ids) where T : class =>
        db.Set<T>().Where(e => ids.Contains(EF.Property<Guid>(e, "Id"))).Select(e => EF.Property<Guid>(e, "Id")).ToListAsync();
}
