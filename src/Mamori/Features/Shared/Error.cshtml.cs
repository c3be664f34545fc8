using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Shared;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : MamoriPageModel
{
    public string Heading { get; private set; } = "エラー";
    public string Message { get; private set; } = string.Empty;

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (exception is not null)
        {
            var (status, title, detail) = Hosting.ProblemExceptionHandler.Describe(exception);
            Response.StatusCode = status;
            (Heading, Message) = (title, detail);
        }
        else
        {
            var status = code ?? Response.StatusCode;
            (Heading, Message) = Hosting.ProblemExceptionHandler.DescribeStatus(status);
        }
        SetTitle(Heading);
    }
}
