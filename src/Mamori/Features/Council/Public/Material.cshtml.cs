using Mamori.Core.Data;
using Mamori.Features.Register.Public;
using Mamori.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Council.Public;

/// <summary>Downloads a material marked public.</summary>
[AllowAnonymous]
public sealed class MaterialModel(AppDbContext db) : MamoriPageModel
{
    public async Task<IActionResult> OnGetAsync(string code, Guid id, CancellationToken ct) =>
        await PublicMunicipality.EnterAsync(db, code, ct) is null ? NotFound() : await MaterialDownload.ServeAsync(this, db, id, publicOnly: true, ct);
}
