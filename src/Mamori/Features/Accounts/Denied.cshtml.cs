using Mamori.Features.Shared;
using Microsoft.AspNetCore.Authorization;

namespace Mamori.Features.Accounts;

[AllowAnonymous]
public sealed class DeniedModel : MamoriPageModel
{
    public void OnGet()
    {
        SetTitle("権限がありません");
        Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
