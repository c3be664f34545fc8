using Mamori.Cli;
using Mamori.Features.AccessMonitoring;
using Mamori.Features.Accounts;
using Mamori.Features.Advisories;
using Mamori.Features.Assessments;
using Mamori.Features.Audit;
using Mamori.Features.Contracts;
using Mamori.Features.Council;
using Mamori.Features.Findings;
using Mamori.Features.Minutes;
using Mamori.Features.MyNumber;
using Mamori.Features.Notices;
using Mamori.Features.Organization;
using Mamori.Features.Register;
using Mamori.Features.Reports;
using Mamori.Features.Reviews;
using Mamori.Features.Security;
using Mamori.Features.Standardization;
using Mamori.Features.Statistics;
using Mamori.Features.Systems;
using Mamori.Hosting;

return CommandLine.IsCommand(args) ? await CommandLine.RunAsync(args) : await Program.ServeAsync(args);

public partial class Program
{
    /// <summary>Runs the web application until it is stopped.</summary>
    internal static async Task<int> ServeAsync(string[] args)
    {
        await using var app = CreateWebApp(args);
        await app.RunAsync();
        return 0;
    }

    /// <summary>
    /// A published build (its wwwroot beside the executable) finds its settings and static files in its own folder,
    /// whatever the working directory; during development (<c>dotnet run</c>) the default, the project folder, stays.
    /// </summary>
    internal static string? PublishedContentRoot() =>
        Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot")) ? AppContext.BaseDirectory : null;

    /// <summary>The web application: pages for people, /api/v1 for programs, /health for monitoring.</summary>
    internal static WebApplication CreateWebApp(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = PublishedContentRoot() });
        builder.AddMamoriWeb();

        var app = builder.Build();
        app.UseMamoriWeb();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages();
        app.MapMamoriHealth();
        app.MapOpenApi("/api/v1/openapi.json").AllowAnonymous();
        app.MapCalendarFeed();

        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.SignedIn);
        api.MapAccountEndpoints();
        api.MapOrganizationEndpoints();
        api.MapRegisterEndpoints();
        api.MapReviewEndpoints();
        api.MapMinutesEndpoints();
        api.MapMinutesImportEndpoints();
        api.MapAssessmentEndpoints();
        api.MapSecurityEndpoints();
        api.MapFindingsEndpoints();
        api.MapSystemsEndpoints();
        api.MapContractsEndpoints();
        api.MapCouncilEndpoints();
        api.MapIncidentsEndpoints();
        api.MapAccessEndpoints();

        api.MapStatisticsEndpoints();
        api.MapReportsEndpoints();
        api.MapAdvisoriesEndpoints();
        api.MapStandardizationEndpoints();
        api.MapMyNumberEndpoints();
        api.MapAuditEndpoints();
        api.MapNoticeEndpoints();
        return app;
    }
}
