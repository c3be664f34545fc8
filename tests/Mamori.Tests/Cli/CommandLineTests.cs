using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Tests.Cli;

/// <summary>The command line of CLI.md, run as a separate process against the test database.</summary>
public sealed class CommandLineTests(AppFixture app)
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task MunicipalityAndAdminCreate_WorkAndPrintJson(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var code = await TestTenant.UnusedCodeAsync(factory);
        var created = await CliProcess.RunAsync(["municipality", "create", "--code", code, "--name", "杉並区", "--json", .. factory.CliDatabaseArguments]);
        Assert.True(created.ExitCode == 0, created.Stderr);
        Assert.Equal(code, created.Json.GetProperty("code").GetString());
        Assert.Equal("杉並区", created.Json.GetProperty("name").GetString());
        Assert.Contains("\"杉並区\"", created.Stdout);

        var user = "cli-" + Guid.NewGuid().ToString("N")[..8];
        var admin = await CliProcess.RunAsync(["admin", "create", "--municipality", code, "--user", user, "--role", "管理者", "--password-stdin", "--json", .. factory.CliDatabaseArguments],
            stdin: "a-long-cli-password");
        Assert.True(admin.ExitCode == 0, admin.Stderr);
        Assert.Equal(user, admin.Json.GetProperty("user").GetString());
        Assert.Equal("Admin", admin.Json.GetProperty("role").GetString());

        using var browser = await Browser.SignInAsync(factory, code, user, "a-long-cli-password");
        Assert.Contains("杉並区", await browser.GetPageAsync("/"));

        var audited = await factory.AsSystemAsync((_, db) => db.AuditEntries.AnyAsync(e => e.EntityType == "Municipality" && e.ActorName == $"コマンドライン（OS ユーザー {Environment.UserName}）" && e.Changes.Contains(code)));
        Assert.True(audited);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task RejectedInput_ExitsOne_WithJapaneseMessage_AndWritesNothing(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var badCode = await CliProcess.RunAsync(["municipality", "create", "--code", "131042", "--name", "新宿区", .. factory.CliDatabaseArguments]);
        Assert.Equal(1, badCode.ExitCode);
        Assert.Contains("検査数字", badCode.Stderr);

        var tenant = await TestTenant.CreateAsync(factory);
        var badRoleUser = "x-" + Guid.NewGuid().ToString("N")[..6];
        var badRole = await CliProcess.RunAsync(["admin", "create", "--municipality", tenant.Code, "--user", badRoleUser, "--role", "社長", "--password-stdin", .. factory.CliDatabaseArguments], stdin: "a-long-cli-password");
        Assert.Equal(1, badRole.ExitCode);
        Assert.Contains("--role の値「社長」は使えません", badRole.Stderr);

        var weakUser = "weak-" + Guid.NewGuid().ToString("N")[..6];
        var weak = await CliProcess.RunAsync(["admin", "create", "--municipality", tenant.Code, "--user", weakUser, "--role", "Office", "--password-stdin", "--json", .. factory.CliDatabaseArguments], stdin: "short");
        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("12文字以上", weak.Json.GetProperty("error").GetString());

        Assert.False(await factory.AsSystemAsync((_, db) => db.Municipalities.AnyAsync(m => m.Code == "131042")));
        Assert.False(await factory.AsSystemAsync((_, db) => db.Users.AnyAsync(u => u.UserName == badRoleUser || u.UserName == weakUser)));
    }

    [Fact]
    public async Task UnknownOption_IsAUsageError()
    {
        var result = await CliProcess.RunAsync(["municipality", "create", "--code"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--help", result.Stderr);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task DbMigrate_OnAFreshDatabase_ListsWhatItApplied(DatabaseProvider provider)
    {
        await using var factory = new MamoriFactory(provider);
        var first = await CliProcess.RunAsync(["db", "migrate", "--json", .. factory.CliDatabaseArguments]);
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains(first.Json.GetProperty("applied").EnumerateArray(), m => m.GetString()!.EndsWith("_Initial", StringComparison.Ordinal));
        var second = await CliProcess.RunAsync(["db", "migrate", "--json", .. factory.CliDatabaseArguments]);
        Assert.Equal(0, second.Json.GetProperty("applied").GetArrayLength());
    }
}
