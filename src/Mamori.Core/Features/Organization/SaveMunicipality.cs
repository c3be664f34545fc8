using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Organization;

/// <summary>The municipality's own settings as 管理者 types them: its name, the 条例要配慮個人情報, and the incident report's thresholds.</summary>
public sealed record MunicipalitySettings(string? Name, string? OrdinanceSensitiveCategories, int? IncidentPreliminaryDays, int? IncidentPeopleThreshold);

/// <summary>Saves the signed-in municipality's settings (for the page and the API alike).</summary>
public static class SaveMunicipality
{
    public static async Task<Outcome<Municipality>> RunAsync(AppDbContext db, MunicipalitySettings input, CancellationToken ct)
    {
        var m = await db.Municipalities.FirstOrDefaultAsync(ct);
        if (m is null)
        {
            return Outcome<Municipality>.NotFound("団体が見つかりません。");
        }
        var errors = new FieldErrors();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(nameof(MunicipalitySettings.Name), "団体名を入力してください。");
        }
        else if (name.Length > 100)
        {
            errors.Add(nameof(MunicipalitySettings.Name), $"団体名は100文字以内で入力してください（今は{name.Length}文字）。");
        }
        if (input.IncidentPreliminaryDays is not (>= 1 and <= 5))
        {
            errors.Add(nameof(MunicipalitySettings.IncidentPreliminaryDays), "速報の期限は1から5までの日数（開庁日）で入力してください。個人情報保護委員会の目安は3～5日です。");
        }
        if (input.IncidentPeopleThreshold is not (>= 1 and <= 100_000))
        {
            errors.Add(nameof(MunicipalitySettings.IncidentPeopleThreshold), "報告対象となる本人の数は1以上の数字で入力してください（行政機関等は100人）。");
        }
        if (errors.Any)
        {
            return errors.Fail<Municipality>();
        }
        m.Name = name!;
        m.IncidentPreliminaryDays = input.IncidentPreliminaryDays!.Value;
        m.IncidentPeopleThreshold = input.IncidentPeopleThreshold!.Value;
        m.OrdinanceSensitiveCategories = string.Join('\n', Register.RegisterContent.Lines(input.OrdinanceSensitiveCategories).Distinct());
        await db.SaveChangesAsync(ct);
        return Outcome<Municipality>.Success(m);
    }
}
