using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Cli;

/// <summary>
/// What one command needs: configuration from appsettings, environment and the global options, a
/// service scope acting as the system, and output in Japanese or as one JSON document.
/// </summary>
public sealed class CliSession : IAsyncDisposable
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new DateOnlyJsonConverter() },
    };

    private readonly ServiceProvider _root;
    private readonly AsyncServiceScope _scope;

    private CliSession(ParseResult parse)
    {
        IsJson = parse.GetValue(CommandLine.Json);
        // A published build's commands use the data folder of the app beside them, wherever they are started from;
        // during development (dotnet run) the working directory stays the root, as for the web app.
        var contentRoot = Program.PublishedContentRoot() is { } published
            ? new Dictionary<string, string?> { [Microsoft.Extensions.Hosting.HostDefaults.ContentRootKey] = published }
            : [];
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(contentRoot)
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. ConfigurationArguments(parse)])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging();
        services.AddMamoriData(config);
        services.AddMamoriIdentityCore();
        _root = services.BuildServiceProvider();
        _scope = _root.CreateAsyncScope();
        _scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetSystem($"コマンドライン（OS ユーザー {Environment.UserName}）");
    }

    /// <summary>True with --json.</summary>
    public bool IsJson { get; }

    public IServiceProvider Services => _scope.ServiceProvider;

    public AppDbContext Db => Services.GetRequiredService<AppDbContext>();

    /// <summary>The municipality of a 団体コード (full-width digits accepted), or null.</summary>
    public Task<Core.Features.Organization.Municipality?> FindMunicipalityAsync(string code, CancellationToken ct)
    {
        var normalized = code.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        return Db.Municipalities.FirstOrDefaultAsync(m => m.Code == normalized, ct);
    }

    /// <summary>The global options as configuration keys, for this process or the web host.</summary>
    public static IEnumerable<string> ConfigurationArguments(ParseResult parse)
    {
        if (parse.GetValue(CommandLine.Data) is { } data)
        {
            yield return $"--Mamori:DataDirectory={data}";
        }
        if (parse.GetValue(CommandLine.Provider) is { } provider)
        {
            yield return $"--Database:Provider={provider}";
        }
        if (parse.GetValue(CommandLine.Connection) is { } connection)
        {
            yield return $"--ConnectionStrings:Mamori={connection}";
        }
    }

    /// <summary>
    /// Runs a command body. Expected refusals are returned as <see cref="CliResult"/>; configuration
    /// errors exit 1 with their message; anything else exits 3 without internals.
    /// </summary>
    /// <remarks>
    /// Unless <paramref name="migrateFirst"/> is false (commands that do not touch the database, and
    /// <c>db migrate</c> itself), pending migrations are applied first, as the web app does at start-up
    /// (<c>Database:MigrateOnStartup=false</c> turns this off), so a fresh data folder works with any command.
    /// </remarks>
    public static async Task<int> RunAsync(ParseResult parse, Func<CliSession, CancellationToken, Task<CliResult>> body, CancellationToken ct, bool migrateFirst = true)
    {
        CliSession? session = null;
        try
        {
            session = new CliSession(parse);
            if (migrateFirst && session.Services.GetRequiredService<IConfiguration>().GetValue("Database:MigrateOnStartup", true))
            {
                await session.Db.Database.ApplyPendingAsync(ct);
            }
            var result = await body(session, ct);
            if (result.ExitCode == ExitCodes.Success || result.Json is not null)
            {
                if (session.IsJson && result.Json is not null)
                {
                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(result.Json, JsonOptions));
                }
                else if (result.Text is not null)
                {
                    await Console.Out.WriteLineAsync(result.Text);
                }
            }
            if (result.Error is not null)
            {
                await Console.Error.WriteLineAsync(result.Error);
                if (session.IsJson && result.Json is null)
                {
                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { error = result.Error }, JsonOptions));
                }
            }
            return result.ExitCode;
        }
        catch (InvalidOperationException ex) when (session is null)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return ExitCodes.InputRejected;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"処理に失敗しました（{ex.GetType().Name}: {ex.Message}）。データベースの設定と接続を確かめてください。");
            return ExitCodes.Failure;
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
    }

    private sealed class DateOnlyJsonConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateOnly.Parse(reader.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>The outcome of a command: exit code, text for people, the JSON document, or an error message.</summary>
public sealed record CliResult(int ExitCode, string? Text = null, object? Json = null, string? Error = null)
{
    public static CliResult Ok(string text, object json) => new(ExitCodes.Success, text, json);

    public static CliResult Rejected(string error) => new(ExitCodes.InputRejected, Error: error);

    /// <summary>An import refused as a whole: the file, how many problems, the first 50 of them by row and column.</summary>
    public static CliResult ImportRejected(string fileName, IReadOnlyList<Core.Csv.ImportProblem> problems)
    {
        var shown = problems.Take(50).Select(p => p.Describe(fileName));
        var more = problems.Count > 50 ? $"\nほか {problems.Count - 50} 件" : "";
        return Rejected($"{fileName} に {problems.Count} 件の問題があるため、何も取り込んでいません。\n{string.Join('\n', shown)}{more}");
    }
}
