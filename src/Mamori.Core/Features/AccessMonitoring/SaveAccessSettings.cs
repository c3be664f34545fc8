using Mamori.AccessMonitoring;
using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.AccessMonitoring;

/// <summary>
/// Saves the monitoring settings (for the page and the API alike): R04's exempt business codes, the departments allowed
/// protected records, and the rules' parameters ("R06.min_residents" → value; blank or the default value keeps the
/// default). Refusals are keyed ExemptBusinessCodes, ProtectedDepartments and Parameters[R06.min_residents].
/// </summary>
public static class SaveAccessSettings
{
    public static async Task<Outcome<AccessMonitoringSetting>> RunAsync(AppDbContext db, Guid municipalityId, string? exemptBusinessCodes,
        string? protectedDepartments, IReadOnlyDictionary<string, string?> parameters, Guid? version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var overrides = new List<(string Rule, string Name, string Value)>();
        foreach (var rule in RulePack.Default.Rules)
        {
            foreach (var name in rule.Parameters.Keys)
            {
                var key = $"{rule.Id}.{name}";
                if (parameters.GetValueOrDefault(key) is not { Length: > 0 } value || value.Trim() == RulePack.DefaultValue(rule, name))
                {
                    continue;
                }
                if (RulePack.CheckParameter(rule, name, value) is { } problem)
                {
                    errors.Add($"Parameters[{key}]", $"{rule.Id}: {problem}");
                    continue;
                }
                overrides.Add((rule.Id, name, value.Trim()));
            }
        }
        var known = RulePack.Default.Rules.SelectMany(r => r.Parameters.Keys.Select(n => $"{r.Id}.{n}")).ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in parameters.Keys.Where(k => !known.Contains(k)))
        {
            errors.Add($"Parameters[{unknown}]", $"「{unknown}」というルールの設定はありません。ルール番号と設定名（例：R06.min_residents）を確かめてください。");
        }
        var codes = AccessAlerts.Items(exemptBusinessCodes ?? "");
        var departments = AccessAlerts.Items(protectedDepartments ?? "");
        if (string.Join(";", codes).Length > 1000)
        {
            errors.Add("ExemptBusinessCodes", "業務コードは合わせて1000文字以内にしてください。");
        }
        if (string.Join(";", departments).Length > 1000)
        {
            errors.Add("ProtectedDepartments", "部署は合わせて1000文字以内にしてください。");
        }
        if (errors.Any)
        {
            return errors.Fail<AccessMonitoringSetting>();
        }
        var setting = await db.AccessMonitoringSettings.FirstOrDefaultAsync(ct);
        if (setting is null)
        {
            setting = new AccessMonitoringSetting { MunicipalityId = municipalityId };
            db.AccessMonitoringSettings.Add(setting);
        }
        else if (version is { } v && v != setting.Version)
        {
            return Outcome<AccessMonitoringSetting>.Conflict(OptimisticSave.ConflictMessage);
        }
        setting.ExemptBusinessCodes = string.Join(";", codes);
        setting.ProtectedDepartments = string.Join(";", departments);
        setting.Parameters = AccessAlerts.FormatParameters(overrides);
        return await OptimisticSave.SaveAsync(db, setting, ct);
    }
}
