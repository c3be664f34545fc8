using Mamori.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Mamori.Tests.Infrastructure;

/// <summary>
/// The real application on a database of its own: a temporary SQLite file, or a fresh PostgreSQL
/// database that is dropped afterwards. Migrations run at start-up as they do in production.
/// </summary>
public sealed class MamoriFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "mamori-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgresDatabase;

    private readonly IReadOnlyDictionary<string, string> _settings;

    public MamoriFactory(DatabaseProvider provider, TestClock? clock = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        Provider = provider;
        _settings = settings ?? new Dictionary<string, string>();
        Clock = clock ?? new TestClock(TestClock.DefaultToday);
        Directory.CreateDirectory(_dataDirectory);
        if (provider == DatabaseProvider.Postgres)
        {
            _postgresDatabase = "mamori_test_" + Guid.NewGuid().ToString("N")[..16];
            ConnectionString = new NpgsqlConnectionStringBuilder(TestDatabases.PostgresServer!) { Database = _postgresDatabase }.ConnectionString;
        }
        else
        {
            ConnectionString = $"Data Source={Path.Combine(_dataDirectory, "mamori.db")}";
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The application's clock: "today" is <see cref="TestClock.Today"/>, whatever the real date.</summary>
    public TestClock Clock { get; }

    public DateOnly Today => Clock.Today;
    public string ConnectionString { get; }
    public string DataDirectory => _dataDirectory;

    /// <summary>What the application logged as errors while this factory ran.</summary>
    public ServerErrorLog ServerErrors { get; } = new();

    /// <summary>The command-line arguments that point the CLI at this factory's database.</summary>
    public string[] CliDatabaseArguments => Provider == DatabaseProvider.Postgres
        ? ["--db-provider", "postgres", "--connection", ConnectionString, "--data", _dataDirectory]
        : ["--connection", ConnectionString, "--data", _dataDirectory];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Mamori", ConnectionString);
        builder.UseSetting("Mamori:DataDirectory", _dataDirectory);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(ServerErrors));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(new FailingCommands()));
        });
    }

    /// <summary>
    /// A second instance of the app on this one's database and data folder, with a search index of its own: as two
    /// instances behind a load balancer, on one time (the servers' clocks are kept in step; a second test clock
    /// started later would lag this one by minutes, and leases and login waits written by one would look far ahead).
    /// </summary>
    public MamoriFactory AnotherInstance() => new(Provider, Clock, settings: new Dictionary<string, string>
    {
        ["ConnectionStrings:Mamori"] = ConnectionString,
        ["Mamori:DataDirectory"] = _dataDirectory,
        ["Mamori:IndexDirectory"] = Path.Combine(_dataDirectory, "index-" + Guid.NewGuid().ToString("N")),
    });

    /// <summary>Runs <paramref name="work"/> in a scope acting as the system (no tenant filter).</summary>
    public async Task<T> AsSystemAsync<T>(Func<IServiceProvider, AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetSystem("テスト");
        return await work(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(TestDatabases.PostgresServer);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the folder is under the temp directory.
        }
    }
}

/// <summary>Which databases the HTTP tests run on. PostgreSQL comes from MAMORI_TEST_POSTGRES (set by scripts/test.sh).</summary>
public static class TestDatabases
{
    public static string? PostgresServer => Environment.GetEnvironmentVariable("MAMORI_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    public static IEnumerable<DatabaseProvider> Providers
    {
        get
        {
            yield return DatabaseProvider.Sqlite;
            if (PostgresServer is not null)
            {
                yield return DatabaseProvider.Postgres;
            }
            else if (Environment.GetEnvironmentVariable("MAMORI_REQUIRE_POSTGRES") == "1")
            {
                throw new InvalidOperationException("MAMORI_REQUIRE_POSTGRES=1 ですが MAMORI_TEST_POSTGRES が設定されていません。scripts/test.sh から実行してください。");
            }
        }
    }

    /// <summary>Theory data: one row per provider.</summary>
    public static TheoryData<DatabaseProvider> All
    {
        get
        {
            var data = new TheoryData<DatabaseProvider>();
            foreach (var p in Providers)
            {
                data.Add(p);
            }
            return data;
        }
    }
}

/// <summary>One running application per provider for the whole test assembly; tests isolate themselves by creating their own municipality.</summary>
public sealed class AppFixture : IAsyncDisposable
{
    private readonly Dictionary<DatabaseProvider, MamoriFactory> _factories = [];
    private readonly SemaphoreSlim _lock = new(1, 1);

    public async Task<MamoriFactory> GetAsync(DatabaseProvider provider)
    {
        await _lock.WaitAsync();
        try
        {
            if (!_factories.TryGetValue(provider, out var factory))
            {
                factory = new MamoriFactory(provider);
                // Starting the server applies the migrations.
                _ = factory.Server;
                _factories[provider] = factory;
            }
            return factory;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var f in _factories.Values)
        {
            await f.DisposeAsync();
        }
        _lock.Dispose();
    }
}
