using System.Security.Cryptography;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Infrastructure;

/// <summary>
/// A municipality made for one test: two 部 with one 課 each, and one account per role (the 所管課
/// account in 戸籍住民課). Codes and user names are random, so tests never see each other's data.
/// </summary>
public sealed class TestTenant
{
    public const string Password = "correct-horse-battery-staple";

    public required Guid MunicipalityId { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required Guid OwnDepartmentId { get; init; }
    public required Guid OtherDepartmentId { get; init; }
    public required IReadOnlyDictionary<UserRole, string> UserNames { get; init; }

    public string UserName(UserRole role) => UserNames[role];

    /// <summary>The login form's fields for an account of this municipality (the deployment serves several, so the code is asked).</summary>
    public Dictionary<string, string> LoginFields(string userName, string password = Password) =>
        new() { ["Input.MunicipalityCode"] = Code, ["Input.UserName"] = userName, ["Input.Password"] = password };

    /// <summary>A random valid 全国地方公共団体コード.</summary>
    public static string RandomCode()
    {
        var five = RandomNumberGenerator.GetInt32(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return five + MunicipalityCode.CheckDigit(five);
    }

    /// <summary>A random code no municipality of this database has yet (the tests share one database, so a random code can repeat).</summary>
    public static Task<string> UnusedCodeAsync(MamoriFactory factory) =>
        factory.AsSystemAsync(async (_, db) =>
        {
            while (true)
            {
                var code = RandomCode();
                if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Municipalities, m => m.Code == code))
                {
                    return code;
                }
            }
        });

    public static async Task<TestTenant> CreateAsync(MamoriFactory factory, string? name = null)
    {
        return await factory.AsSystemAsync(async (services, db) =>
        {
            Municipality municipality;
            while (true)
            {
                var outcome = await CreateMunicipality.RunAsync(db, RandomCode(), name ?? "テスト市", default);
                if (outcome.Ok)
                {
                    municipality = outcome.Value!;
                    break;
                }
            }
            var general = new Department { MunicipalityId = municipality.Id, Name = "総務部", SortOrder = 1 };
            var citizens = new Department { MunicipalityId = municipality.Id, Name = "区民部", SortOrder = 2 };
            var info = new Department { MunicipalityId = municipality.Id, Name = "情報管理課", ParentId = general.Id };
            var registry = new Department { MunicipalityId = municipality.Id, Name = "戸籍住民課", ParentId = citizens.Id };
            db.Departments.AddRange(general, citizens, info, registry);
            await db.SaveChangesAsync();

            var users = services.GetRequiredService<UserManager<AppUser>>();
            var names = new Dictionary<UserRole, string>();
            var suffix = Guid.NewGuid().ToString("N")[..10];
            foreach (var role in UserRoles.All)
            {
                var userName = $"{role.ToString().ToLowerInvariant()}-{suffix}";
                var created = await CreateAccount.RunAsync(db, users,
                    new NewAccount(municipality.Id, userName, $"{role.JapaneseName()} 太郎", role,
                        role == UserRole.Department ? registry.Id : null, null, Password), default);
                Assert.True(created.Ok, created.Describe());
                names[role] = userName;
            }
            return new TestTenant
            {
                MunicipalityId = municipality.Id,
                Code = municipality.Code,
                Name = municipality.Name,
                OwnDepartmentId = registry.Id,
                OtherDepartmentId = info.Id,
                UserNames = names,
            };
        });
    }

    /// <summary>A second 所管課 account, in the other department (for flows two departments take part in).</summary>
    public async Task<string> OtherDepartmentUserAsync(MamoriFactory factory) =>
        await factory.AsSystemAsync(async (services, db) =>
        {
            var userName = "dept2-" + Guid.NewGuid().ToString("N")[..10];
            var created = await CreateAccount.RunAsync(db, services.GetRequiredService<UserManager<AppUser>>(),
                new NewAccount(MunicipalityId, userName, "税務 花子", UserRole.Department, OtherDepartmentId, null, Password), default);
            Assert.True(created.Ok, created.Describe());
            return userName;
        });
}
