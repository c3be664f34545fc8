namespace Mamori.Hosting;

/// <summary>
/// A sign-in with a password 管理者 issued (a new account, a reset) goes to the password page until it is changed:
/// only that page, signing out and the static files are open meanwhile (ASVS 2.1.x: an issued password is used once).
/// </summary>
public sealed class PasswordChangeGate(RequestDelegate next)
{
    private static readonly string[] Open = ["/account/password", "/account/logout", "/account/login", "/error", "/css/", "/js/", "/lib/", "/favicon"];

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (context.User.Identity?.IsAuthenticated == true && context.User.HasClaim(c => c.Type == MamoriClaims.MustChangePassword)
            && !Open.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            if (path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "パスワードの変更が必要です",
                    detail: "管理者が発行したパスワードのままです。画面でログインし、パスワードを変更してから API を使ってください。").ExecuteAsync(context);
            }
            context.Response.Redirect("/account/password?required=1");
            return Task.CompletedTask;
        }
        return next(context);
    }
}
