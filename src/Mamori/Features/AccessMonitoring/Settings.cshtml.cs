using Mamori.AccessMonitoring;
using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.AccessMonitoring;

/// <summary>
/// 設定: R04's exempt business codes, the departments allowed protected records (R05) and the rules' thresholds
/// and hours; a blank parameter takes the rule pack's default. Takes effect from the next analysis.
/// </summary>
[Authorize(Policy = Policies.AccessWrite)]
public sealed class SettingsModel(AppDbContext db, CurrentTenant tenant, AccessLogFolders folders) : MamoriPageModel
{
    [BindProperty] public string? ExemptBusinessCodes { get; set; }
    [BindProperty] public string? ProtectedDepartments { get; set; }

    /// <summary>"R06.min_residents" → the value typed (blank = default).</summary>
    [BindProperty] public Dictionary<string, string?> Parameters { get; set; } = [];

    [BindProperty] public Guid? Version { get; set; }

    public IReadOnlyList<Rule> Rules => RulePack.Default.Rules;
    public bool Pseudonymised { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var stored = await AccessAlerts.SettingsAsync(db, tenant.MunicipalityId!.Value, ct);
        ExemptBusinessCodes = stored.ExemptBusinessCodes;
        ProtectedDepartments = stored.ProtectedDepartments;
        Parameters = AccessAlerts.ParseParameters(stored.Parameters)
            .SelectMany(r => r.Value.Select(p => (Key: $"{r.Key}.{p.Key}", p.Value))).ToDictionary(p => p.Key, p => (string?)p.Value);
        Version = stored.Version;
        Load();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Load();
        var saved = await SaveAccessSettings.RunAsync(db, tenant.MunicipalityId!.Value, ExemptBusinessCodes, ProtectedDepartments, Parameters, Version, ct);
        if (!saved.Ok)
        {
            AddErrors(saved, "");
            return Page();
        }
        Flash("アクセスログ監視の設定を保存しました。次の分析から使います。");
        return Redirect("/access/settings");
    }

    private void Load()
    {
        SetTitle("アクセスログ監視の設定", AccessPages.Root);
        Pseudonymised = folders.Pseudonymised;
    }
}
