namespace Mamori.Hosting;

/// <summary>
/// Headers on every response: a CSP that allows only the app's own scripts and styles (no inline
/// script; one inline style block carrying the request's nonce: the print header of the page, which
/// CSS can only put on every printed page from an @page rule), no framing, no MIME sniffing, and no
/// referrer to other sites.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string NonceKey = "mamori.style-nonce";

    private static string Csp(string nonce) =>
        $"default-src 'self'; script-src 'self'; style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>The nonce of this request's inline style block.</summary>
    public static string StyleNonce(HttpContext context) => (string)context.Items[NonceKey]!;

    public Task InvokeAsync(HttpContext context)
    {
        var nonce = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            // Downloads (uploaded materials, exports) are sandboxed too, should a browser ever render one.
            var attachment = h.ContentDisposition.ToString().StartsWith("attachment", StringComparison.OrdinalIgnoreCase);
            h.ContentSecurityPolicy = attachment ? Csp(nonce) + "; sandbox" : Csp(nonce);
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
