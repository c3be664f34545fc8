namespace Mamori.Hosting;

/// <summary>
/// Headers on every response: a CSP that allows only the app's own scripts and styles (no inline
/// script), no framing, no MIME sniffing, and no referrer to other sites.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            // Downloads (uploaded materials, exports) are sandboxed too, should a browser ever render one.
            var attachment = h.ContentDisposition.ToString().StartsWith("attachment", StringComparison.OrdinalIgnoreCase);
            h.ContentSecurityPolicy = attachment ? Csp + "; sandbox" : Csp;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
