using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Hosting;

/// <summary>Whether first-run setup has been done; remembered once true so that requests do not keep asking.</summary>
public sealed class SetupState
{
    private volatile bool _done;

    public async Task<bool> IsDoneAsync(AppDbContext db, CancellationToken ct)
    {
        if (!_done && await db.Users.AnyAsync(ct))
        {
            _done = true;
        }
        return _done;
    }

    public void MarkDone() => _done = true;
}

/// <summary>Until the first account exists, every page leads to the one-time setup page.</summary>
public sealed class SetupGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SetupState state, AppDbContext db)
    {
        var path = context.Request.Path;
        var exempt = path.StartsWithSegments("/setup") || path.StartsWithSegments("/health") || path.StartsWithSegments("/css")
            || path.StartsWithSegments("/js") || path.StartsWithSegments("/lib") || path.StartsWithSegments("/api")
            || path.StartsWithSegments("/error") || path.StartsWithSegments("/favicon.ico");
        if (!exempt && !await state.IsDoneAsync(db, context.RequestAborted))
        {
            context.Response.Redirect("/setup");
            return;
        }
        await next(context);
    }
}
