using Mamori.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Core.Data;

/// <summary>The database providers Mamori runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded SQLite file under the data folder (the default).</summary>
    Sqlite,

    /// <summary>PostgreSQL for production.</summary>
    Postgres,
}

/// <summary>
/// Where the data lives: <c>Database:Provider</c> (Sqlite | Postgres), <c>ConnectionStrings:Mamori</c>
/// and <c>Mamori:DataDirectory</c> (default ./data), from appsettings, environment or the command line.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    /// <summary>
    /// Where this instance keeps its search index: <c>Mamori:IndexDirectory</c>, default <c>{DataDirectory}/index</c>.
    /// With several instances sharing one data folder, each names a folder of its own on local disk.
    /// </summary>
    public string IndexDirectory { get; init; } = Path.Combine(DataDirectory, "index");

    /// <summary>Reads the settings; for SQLite without a connection string, the database is data/mamori.db.</summary>
    public static DatabaseSettings From(IConfiguration config)
    {
        // A relative folder is under the content root (the published app's own folder), not wherever it was started from.
        var root = config[Microsoft.Extensions.Hosting.HostDefaults.ContentRootKey] is { Length: > 0 } contentRoot ? contentRoot : Directory.GetCurrentDirectory();
        var dataDirectory = Path.GetFullPath(config["Mamori:DataDirectory"] is { Length: > 0 } d ? d : "data", root);
        var providerText = config["Database:Provider"];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            provider = DatabaseProvider.Sqlite;
        }
        else if (!Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException($"Database:Provider の値「{providerText}」は使えません。Sqlite か Postgres を指定してください。");
        }

        var connectionString = config.GetConnectionString("Mamori");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("PostgreSQL を使うには ConnectionStrings:Mamori（または --connection）に接続文字列を指定してください。");
            }
            connectionString = $"Data Source={Path.Combine(dataDirectory, "mamori.db")}";
        }
        connectionString = provider == DatabaseProvider.Sqlite ? WaitingForLocks(connectionString) : Pooled(connectionString);
        // The database, keys, uploads and index live here: readable by the application's account only.
        PrivateFiles.CreateDirectory(dataDirectory);
        var settings = new DatabaseSettings(provider, connectionString, dataDirectory);
        return config["Mamori:IndexDirectory"] is { Length: > 0 } index ? settings with { IndexDirectory = Path.GetFullPath(index, root) } : settings;
    }

    /// <summary>How long a SQLite write waits for another writer (another request, the command line) before it fails.</summary>
    public const int SqliteLockWaitSeconds = 60;

    /// <summary>
    /// A SQLite connection string whose commands wait up to <see cref="SqliteLockWaitSeconds"/> for a lock held by another
    /// connection (SQLITE_BUSY is retried for the command timeout) unless the connection string sets its own.
    /// </summary>
    private static string WaitingForLocks(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.DefaultTimeout = SqliteLockWaitSeconds;
        }
        return builder.ToString();
    }

    /// <summary>
    /// How many connections one instance keeps to PostgreSQL at most, unless the connection string says otherwise.
    /// Npgsql's own default (100) is PostgreSQL's whole default <c>max_connections</c>: under 200 concurrent requests an
    /// instance took every connection and requests failed with "too many clients". Thirty keep a 2-core server busy
    /// (a request waits for a free connection instead), and three instances and the operator's tools still fit in 100.
    /// </summary>
    public const int PostgresPoolSize = 30;

    private static string Pooled(string connectionString)
    {
        // The keys as written (Npgsql's own builder answers every key with its default).
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (written.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaximumPoolSize", StringComparison.OrdinalIgnoreCase)
                                                 || k.Equals("MaxPoolSize", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = PostgresPoolSize }.ConnectionString;
    }

    /// <summary>Points EF Core at the provider and its migrations assembly.</summary>
    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly("Mamori.Migrations.Postgres"));
        }
        else
        {
            options.UseSqlite(ConnectionString, o => o.MigrationsAssembly("Mamori.Migrations.Sqlite"));
        }
    }
}

/// <summary>Registration of the database for the web host and the command line alike.</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>Adds <see cref="AppDbContext"/>, the per-scope <see cref="CurrentTenant"/> and the audit interceptor.</summary>
    public static IServiceCollection AddMamoriData(this IServiceCollection services, IConfiguration config)
    {
        var settings = DatabaseSettings.From(config);
        services.AddSingleton(settings);
        Csv.ImportLimits.Configure(config);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<CurrentTenant>();
        services.AddSingleton(AuditSettings.From(config, settings.DataDirectory));
        services.AddSingleton<AuditKeys>();
        services.AddSingleton<AuditAnchors>();
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<Features.Minutes.MinutesSearchSync>();
        services.AddSingleton<Features.Notices.NoticeSignal>();
        services.AddScoped<Features.Notices.NoticeTrigger>();
        // Keys that protect cookies and tokens live in the database: sign-ins survive a restart and hold on every instance.
        services.AddMamoriDataProtection(config);
        // The minutes search index lives on the instance's own disk; writers open it only while they write.
        services.AddSingleton(_ => Features.Minutes.MinutesIndex.Open(settings.IndexDirectory));
        services.AddDbContext<AppDbContext>((sp, o) =>
        {
            settings.Configure(o);
            o.AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<Features.Minutes.MinutesSearchSync>(),
                sp.GetRequiredService<Features.Notices.NoticeTrigger>());
        });
        return services;
    }
}
