using Mamori.Core.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Hosting;

/// <summary>
/// Maps what escaped the handlers to ProblemDetails with a Japanese <c>detail</c> for the API, and
/// to the error page for people: scope violations answer 404 (as if the row did not exist),
/// concurrency conflicts 409, unreadable requests 400, anything else 500 without internals.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>What a person or program is told about an exception.</summary>
    public static (int Status, string Title, string Detail) Describe(Exception exception) => exception switch
    {
        ScopeViolationException => (StatusCodes.Status404NotFound, "見つかりません", "指定された記録は見つかりません。"),
        DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "更新が競合しました", "他の人が先にこの記録を更新しました。最新の内容を読み込み直してから、もう一度操作してください。"),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, "データが大きすぎます", "送信されたデータが大きすぎます。ファイルを分けて送ってください。"),
        BadHttpRequestException bad => (bad.StatusCode, "リクエストが正しくありません", "リクエストの形式が正しくありません。JSON の書き方と項目の型（数値・日付・文字列）を確かめてください。"),
        _ => (StatusCodes.Status500InternalServerError, "システムエラー", "処理中にエラーが発生しました。時間をおいてもう一度お試しください。続く場合は管理者に連絡してください。"),
    };

    /// <summary>The Japanese explanation of a bare status code.</summary>
    public static (string Title, string Detail) DescribeStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("リクエストが正しくありません", "送信された内容を確かめてください。"),
        StatusCodes.Status401Unauthorized => ("ログインが必要です", "ログインするか、有効なアクセストークンを Authorization: Bearer で送ってください。"),
        StatusCodes.Status403Forbidden => ("権限がありません", "この操作はあなたの役割では行えません。必要な場合は管理者に依頼してください。"),
        StatusCodes.Status404NotFound => ("見つかりません", "指定されたページまたは記録は見つかりません。アドレスを確かめてください。"),
        StatusCodes.Status405MethodNotAllowed => ("この方法では操作できません", "この URL はこの HTTP メソッドに対応していません。"),
        StatusCodes.Status409Conflict => ("更新が競合しました", "最新の内容を読み込み直してから、もう一度操作してください。"),
        StatusCodes.Status413PayloadTooLarge => ("データが大きすぎます", "送信されたデータが大きすぎます。"),
        StatusCodes.Status415UnsupportedMediaType => ("形式が違います", "JSON（Content-Type: application/json）で送ってください。"),
        _ => ("エラー", "処理できませんでした。"),
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var context = httpContext;
        // The middleware has already pointed Request.Path at the error page; the feature keeps the original.
        var originalPath = new PathString(context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value);
        var (status, title, detail) = Describe(exception);
        if (status == StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, exception.GetType().Name, originalPath);
        }
        if (!originalPath.StartsWithSegments("/api"))
        {
            // People get the error page, re-executed by the exception handler middleware.
            return false;
        }
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>Answers a request with <paramref name="status"/> and a Japanese ProblemDetails body, before any endpoint runs.</summary>
    public static async Task WriteProblemAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>Gives a bodiless API error response (401, 403, 404 …) a Japanese ProblemDetails body.</summary>
    public static async Task WriteStatusProblemAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var (title, detail) = DescribeStatus(http.Response.StatusCode);
        var service = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = http.Response.StatusCode, Title = title, Detail = detail },
        });
    }

    // Only the exception type and path: messages may carry personal data.
    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled {ExceptionType} on {Path}")]
    private static partial void LogUnhandled(ILogger logger, string exceptionType, PathString path);
}
