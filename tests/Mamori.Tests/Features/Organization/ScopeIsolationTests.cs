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
        [typeof(Core.Features.Accounts.DirectorySignIn.DirectoryGroupRule)] = "グループが与える部署: 管理者のログインの設定で、所管課は読めない（ログインの処理は団体で絞って読む）",
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
                // Text of rows a reader must not see starts with a word the page sweep below looks for.
                var hiddenFromDepartment = Has(type, "DepartmentId") && !SharedAcrossDepartments.ContainsKey(type.ClrType);
                own = await SeedAsync(factory, type, a.MunicipalityId, a.OwnDepartmentId, aUser, OwnText, Neutral);
                other = onePerMunicipality ? own : await SeedAsync(factory, type, a.MunicipalityId, a.OtherDepartmentId, aUser,
                    hiddenFromDepartment ? OtherDepartmentText : Neutral, Neutral);
                foreign = await SeedAsync(factory, type, b.MunicipalityId, b.OwnDepartmentId, bUser, ForeignText, ForeignText);
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
        await SweepAsync(factory, a, failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private const string OwnText = "自課行";
    private const string OtherDepartmentText = "他課秘密行";
    private const string ForeignText = "他団体秘密行";
    private const string Neutral = "範囲確認";

    private static Task<Guid> SeedAsync(MamoriFactory factory, IEntityType type, Guid municipality, Guid department, string user, string text, string principals) =>
        factory.AsSystemAsync(async (_, db) =>
        {
            var entityType = db.Model.FindEntityType(type.ClrType)!;
            return (Guid)await new ModelSeeder(db, municipality, department, user, text, principals).CreateAsync(entityType);
        });

    /// <summary>
    /// Every page, page handler (exports) and API a person opens without an id, read by 甲市's 所管課 and 管理者 after the
    /// seeding: no text of another department's or another municipality's rows, and no server error.
    /// </summary>
    private static async Task SweepAsync(MamoriFactory factory, TestTenant a, List<string> failures)
    {
        using var department = await Browser.SignInAsync(factory, a, UserRole.Department);
        using var admin = await Browser.SignInAsync(factory, a, UserRole.Admin);
        var readers = new[] { ("所管課", department, new[] { OtherDepartmentText, ForeignText }), ("管理者", admin, new[] { ForeignText }) };
        var ownSeen = 0;
        foreach (var url in await ReadableUrlsAsync(factory, a.Code))
        {
            foreach (var (who, browser, hidden) in readers)
            {
                var response = await browser.GetAsync(url);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{who} GET {url} → {(int)response.StatusCode}: {factory.ServerErrors.Errors.LastOrDefault()?.Split('\n').Skip(1).FirstOrDefault()}");
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    continue;
                }
                var text = await ResponseText.ReadAsync(response);
                foreach (var marker in hidden.Where(m => text.Contains(m, StringComparison.Ordinal)))
                {
                    failures.Add($"{who} GET {url} に{(marker == ForeignText ? "他の団体" : "他の所管課")}の行が見えます");
                }
                ownSeen += text.Contains(OwnText, StringComparison.Ordinal) ? 1 : 0;
            }
        }
        // The sweep read the seeded rows at all: 自課の行 appear on lists and exports.
        Assert.True(ownSeen >= 20, $"自課の行が見えたのは {ownSeen} 件の応答だけです");
    }

    private static readonly string[] NotSwept = ["/account/logout", "/setup", "/error/{code:int?}", "/{**path:file}"];

    private static async Task<List<string>> ReadableUrlsAsync(MamoriFactory factory, string code)
    {
        string Fill(string pattern) => System.Text.RegularExpressions.Regex.Replace(pattern.Replace("{code}", code, StringComparison.Ordinal)
            .Replace("{dataset}", "mynumber-cards", StringComparison.Ordinal), @"/\{[^}]+\?\}", "");
        var pages = (await PageCatalog.HandlersAsync(factory)).Where(h => h.Method == "GET" && !NotSwept.Contains(h.Route)).Select(h => h.Path);
        var apis = factory.Services.GetRequiredService<IEnumerable<Microsoft.AspNetCore.Routing.EndpointDataSource>>().SelectMany(s => s.Endpoints)
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(p => p.StartsWith("/api/", StringComparison.Ordinal));
        return [.. pages.Concat(apis).Select(Fill).Where(u => !u.Contains('{', StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal)];
    }

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
