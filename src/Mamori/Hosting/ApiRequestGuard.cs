using System.Text;
using Microsoft.Net.Http.Headers;

namespace Mamori.Hosting;

/// <summary>
/// Two checks on <c>/api</c> before anything reads the body: a JSON body must be UTF-8 (another charset is
/// answered 415 with what to do, never a 500), and a change sent by a browser from another site is refused
/// (ASVS 4.2.2: an Origin or Sec-Fetch-Site that is not this site, on a request that is not a plain read).
/// </summary>
public sealed class ApiRequestGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.Charset.HasValue
            && !IsUtf8(type.Charset.Value))
        {
            await ProblemExceptionHandler.WriteProblemAsync(context, StatusCodes.Status415UnsupportedMediaType, "文字コードが UTF-8 ではありません。",
                $"送られた文字コード「{type.Charset.Value}」は使えません。本文を UTF-8 で送ってください（Content-Type: application/json; charset=utf-8）。");
            return;
        }
        if (!IsRead(request.Method) && IsCrossSite(request))
        {
            await ProblemExceptionHandler.WriteProblemAsync(context, StatusCodes.Status403Forbidden, "別のサイトからの変更は受け付けません。",
                "Mamori の画面から操作するか、API トークン（Authorization: Bearer）で送ってください。");
            return;
        }
        await next(context);
    }

    /// <summary>A method that only reads (GET, HEAD, OPTIONS).</summary>
    public static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    private static bool IsUtf8(string charset)
    {
        try
        {
            return Encoding.GetEncoding(charset.Trim('"')).CodePage == Encoding.UTF8.CodePage;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A browser says where a request comes from; programs with a token send neither header.</summary>
    private static bool IsCrossSite(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site")
        {
            return true;
        }
        var origin = request.Headers.Origin.ToString();
        // The host only: behind a TLS proxy the browser's https may reach the app as http.
        return origin.Length > 0 && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
