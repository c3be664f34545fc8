using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mamori.Core.Data;
using Mamori.Core.Features.Register;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Register.Public;

/// <summary>
/// The public register pages change only when something is published or removed: each is rendered once per state of
/// the municipality's register and then served from the output cache, with an ETag that answers a browser's
/// If-None-Match with 304. The state is read from the database on every request (one small aggregate), so a publication
/// through any instance of the app is seen by all of them at once. Signed-in requests are never cached or served from
/// the cache (ASP.NET Core's default policy, which this one builds on).
/// </summary>
public sealed class PublishedPageCache : IOutputCachePolicy
{
    public const string Policy = "PublishedRegister";

    /// <summary>How long a rendered page is kept while nothing changes.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);

    /// <summary>The state of a municipality's published register: what is shown changes only when this does.</summary>
    public static async Task<string> StampAsync(AppDbContext db, string code, CancellationToken ct)
    {
        // One round trip: on PostgreSQL each query costs its planning as well, and this one runs on every request.
        var state = await db.Municipalities.IgnoreQueryFilters().AsNoTracking().Where(m => m.Code == code)
            .Select(m => new
            {
                m.Id,
                m.Name,
                Count = db.PersonalInfoFileVersions.IgnoreQueryFilters().Count(v => v.MunicipalityId == m.Id
                    && db.PersonalInfoFiles.IgnoreQueryFilters().Any(f => f.Id == v.FileId && f.Status != RegisterStatus.Removed)),
                Last = db.PersonalInfoFileVersions.IgnoreQueryFilters().Where(v => v.MunicipalityId == m.Id
                    && db.PersonalInfoFiles.IgnoreQueryFilters().Any(f => f.Id == v.FileId && f.Status != RegisterStatus.Removed)).Max(v => (DateTime?)v.PublishedAt),
            })
            .SingleOrDefaultAsync(ct);
        if (state is null)
        {
            return "none";
        }
        return string.Create(CultureInfo.InvariantCulture, $"{state.Id:N}:{state.Count}:{state.Last?.Ticks ?? 0}:{state.Name}");
    }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => StampRequestAsync(context, cancellation);

    private static async ValueTask StampRequestAsync(OutputCacheContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var code = http.GetRouteValue("code") as string ?? "";
        var stamp = await StampAsync(http.RequestServices.GetRequiredService<AppDbContext>(), code, ct);
        // Printed pages carry the day they were printed on.
        var day = Core.Japanese.JapanTime.Today(http.RequestServices.GetRequiredService<TimeProvider>()).ToString("O", CultureInfo.InvariantCulture);
        context.CacheVaryByRules.VaryByValues["register"] = stamp;
        context.CacheVaryByRules.VaryByValues["day"] = day;
        context.CacheVaryByRules.QueryKeys = "*";
        context.ResponseExpirationTimeSpan = Keep;
        // One tag per version of the page: the representation (path and query) under this state of the register.
        var tag = SHA256.HashData(Encoding.UTF8.GetBytes($"{stamp}\n{day}\n{http.Request.Path}{http.Request.QueryString}"));
        http.Response.Headers.ETag = $"\"{Convert.ToHexStringLower(tag)[..32]}\"";
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
