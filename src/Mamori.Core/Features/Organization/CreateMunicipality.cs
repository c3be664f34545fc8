using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Organization;

/// <summary>Creates a municipality (tenant) after checking its code and that it does not exist yet.</summary>
public static class CreateMunicipality
{
    public static async Task<Outcome<Municipality>> RunAsync(AppDbContext db, string? code, string? name, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var normalized = MunicipalityCode.Normalize(code, out var codeError);
        if (codeError is not null)
        {
            errors.Add("Code", codeError);
        }
        if (errors.Required("Name", name, "団体名"))
        {
            errors.MaxLength("Name", name, 100, "団体名");
        }
        if (normalized is not null && await db.Municipalities.IgnoreQueryFilters().AnyAsync(m => m.Code == normalized, ct))
        {
            errors.Add("Code", $"団体コード {normalized} の団体は既に登録されています。");
        }
        if (errors.Any)
        {
            return errors.Fail<Municipality>();
        }

        var municipality = new Municipality { Code = normalized!, Name = name!.Trim() };
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync(ct);
        return Outcome<Municipality>.Success(municipality);
    }
}
