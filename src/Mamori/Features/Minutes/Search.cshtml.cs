using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Minutes;
using Mamori.Features.Council;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Minutes;

/// <summary>会議録の検索: words (AND, "phrase", -exclude) with council, speaker, 区分, date and agenda filters.</summary>
[Authorize(Policy = Policies.CouncilRead)]
public sealed class SearchModel(AppDbContext db, CurrentTenant tenant, MinutesIndex index, IAuthorizationService authz) : MamoriPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Council { get; set; }
    [BindProperty(SupportsGet = true)] public string? Speaker { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agenda { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<AdvisoryCouncil> Councils { get; private set; } = [];
    public MinutesResultPage? Result { get; private set; }
    public bool ByDate { get; private set; }
    public bool CanImport { get; private set; }
    public int PageCount => Result is null ? 0 : (Result.Total + MinutesSearching.PageSize - 1) / MinutesSearching.PageSize;

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetTitle("会議録の検索", CouncilCrumbs.Top);
        CanImport = await AllowedAsync(authz, Policies.CouncilManage);
        Councils = await db.Councils.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        var filters = MinutesFilters.Read(Speaker, Role, From, To, Agenda);
        foreach (var (field, message) in filters.Errors)
        {
            ModelState.AddModelError(field, message);
        }
        var hasWords = !string.IsNullOrWhiteSpace(Q);
        ByDate = Sort == "date" || Sort is null or "" && !hasWords;
        if (filters.Errors.Count > 0 || !hasWords && !filters.HasFilter)
        {
            return;
        }
        PageNumber = Math.Max(1, PageNumber);
        Result = await MinutesSearching.RunAsync(db, tenant, index, filters, Q, Council, ByDate,
            (PageNumber - 1) * MinutesSearching.PageSize, MinutesSearching.PageSize, ct);
    }

    /// <summary>The link to another page of the same search.</summary>
    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["council"] = Council?.ToString(),
            ["speaker"] = Speaker,
            ["role"] = Role,
            ["from"] = From,
            ["to"] = To,
            ["agenda"] = Agenda,
            ["sort"] = Sort,
            ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/council/minutes/search",
            query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
