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
        // Set before the page runs, so that a page kept in the output cache keeps the policy (and the nonce) it was
        // rendered with: answered from the cache, its stored headers replace these.
        var h = context.Response.Headers;
        Set(h, nonce);
        context.Response.OnStarting(() =>
        {
            // An error page starts from cleared headers.
            if (string.IsNullOrEmpty(h.ContentSecurityPolicy))
            {
                Set(h, nonce);
            }
            // Downloads (uploaded materials, exports) are sandboxed too, should a browser ever render one.
            var attachment = h.ContentDisposition.ToString().StartsWith("attachment", StringComparison.OrdinalIgnoreCase);
            if (attachment && !h.ContentSecurityPolicy.ToString().EndsWith("; sandbox", StringComparison.Ordinal))
            {
                h.ContentSecurityPolicy = h.ContentSecurityPolicy + "; sandbox";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static void Set(IHeaderDictionary h, string nonce)
    {
        h.ContentSecurityPolicy = Csp(nonce);
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "same-origin";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
    }
}
