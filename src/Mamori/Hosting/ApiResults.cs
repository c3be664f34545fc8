using Mamori.Core;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mamori.Hosting;

/// <summary>Turns a use case's refusal into ProblemDetails (400, 404 or 409 by its kind) with camelCase keys and a Japanese detail.</summary>
public static class ApiResults
{
    /// <summary>The one mapping from a failed <see cref="Outcome{T}"/> to an HTTP answer.</summary>
    public static Refusal Refused<T>(Outcome<T> outcome)
    {
        var errors = outcome.Errors.ToDictionary(e => e.Key.Length == 0 ? "" : char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => e.Value);
        var message = string.Join(" ", outcome.Errors.SelectMany(e => e.Value));
        return outcome.Kind switch
        {
            FailureKind.NotFound => new Refusal(StatusCodes.Status404NotFound, errors, "見つかりません",
                message + " 一覧から開き直すか、指定した id を確かめてください。"),
            FailureKind.Conflict => new Refusal(StatusCodes.Status409Conflict, errors, "今の状態では受け付けられません", message),
            _ => Invalid(errors),
        };
    }

    /// <summary>201 with the new record and its address, or the refusal.</summary>
    public static Results<Created<T>, Refusal> Created<T>(Outcome<T> outcome, Func<T, string> location) =>
        outcome.Ok ? TypedResults.Created(location(outcome.Value!), outcome.Value) : Refused(outcome);

    /// <summary>200 with the changed record (a PUT or a step on an existing record), or the refusal.</summary>
    public static Results<Ok<T>, Refusal> Changed<T>(Outcome<T> outcome) =>
        outcome.Ok ? TypedResults.Ok(outcome.Value!) : Refused(outcome);

    /// <summary>
    /// Parses an optional date field (和暦 or Gregorian); on failure records the Japanese message under
    /// <paramref name="field"/> in <paramref name="errors"/> and returns null.
    /// </summary>
    public static DateOnly? ParseDate(string? text, string field, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (Core.Japanese.WarekiDate.TryParse(text, out var date, out var error))
        {
            return date;
        }
        errors[field] = [error!];
        return null;
    }

    /// <summary>
    /// Reads an enum value given by its English or Japanese name (Outsourcing or 外部委託); on failure records a
    /// message listing the accepted names.
    /// </summary>
    public static T? ParseEnum<T>(string? text, string field, IDictionary<string, string[]> errors, Func<T, string> japanese) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var trimmed = text.Trim();
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(value.ToString(), trimmed, StringComparison.OrdinalIgnoreCase) || japanese(value) == trimmed)
            {
                return value;
            }
        }
        errors[field] = [$"{field}「{trimmed}」は使えません。次のいずれかです：{string.Join("、", Enum.GetValues<T>().Select(v => $"{japanese(v)}（{v}）"))}。"];
        return null;
    }

    /// <summary>A list of enum names (see <see cref="ParseEnum{T}"/>); unknown names are reported together.</summary>
    public static List<T> ParseEnums<T>(IEnumerable<string>? texts, string field, IDictionary<string, string[]> errors, Func<T, string> japanese) where T : struct, Enum
    {
        var result = new List<T>();
        foreach (var text in texts ?? [])
        {
            if (ParseEnum(text, field, errors, japanese) is { } value)
            {
                result.Add(value);
            }
        }
        return result;
    }

    /// <summary>An import stopped by its file's problems, each named by row and column under <c>file</c>; nothing was stored.</summary>
    public static Refusal ImportRefused(string fileName, IEnumerable<Core.Csv.ImportProblem> problems) =>
        Invalid(new Dictionary<string, string[]>
        {
            ["file"] = [.. problems.Select(p => p.Describe(fileName)), "何も取り込んでいません。直してからもう一度取り込んでください。"],
        });

    /// <summary>A file that could not be read as a table at all; nothing was stored.</summary>
    public static Refusal Unreadable(string message) => Invalid(new Dictionary<string, string[]> { ["file"] = [message + " 何も取り込んでいません。"] });

    public static Refusal Invalid(IDictionary<string, string[]> errors, string? detail = null) =>
        new(StatusCodes.Status400BadRequest, errors, "入力内容を確認してください", detail ?? "入力内容に誤りがあります。errors の各項目のメッセージに従って直してください。");
}

/// <summary>
/// A refused request as <c>application/problem+json</c> with <c>errors</c> keyed by field: 400 (input), 404 (no such
/// record in the caller's scope) or 409 (a stale edit or a state that refuses the change).
/// </summary>
public sealed class Refusal(int status, IDictionary<string, string[]> errors, string title, string detail)
    : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<HttpValidationProblemDetails>, Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider
{
    public int? StatusCode => status;

    public HttpValidationProblemDetails Value { get; } = new(errors) { Status = status, Title = title, Detail = detail };

    object? IValueHttpResult.Value => Value;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Problem(Value).ExecuteAsync(httpContext);

    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder)
    {
        foreach (var code in new[] { StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict })
        {
            builder.Metadata.Add(new ProducesResponseTypeMetadata(code, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
        }
    }
}

/// <summary>One page of a list: the items, which page, its size and how many there are in all.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>Paging of API lists: <c>?page=</c> from 1 and <c>?pageSize=</c> up to 500 (100 by default), over a stable order.</summary>
public static class ApiPaging
{
    public const int DefaultSize = 100;
    public const int MaxSize = 500;

    public static async Task<ApiPage<TOut>> PageAsync<TIn, TOut>(IQueryable<TIn> ordered, int? page, int? pageSize, Func<TIn, TOut> map, CancellationToken ct)
    {
        var size = Math.Clamp(pageSize ?? DefaultSize, 1, MaxSize);
        var number = Math.Max(page ?? 1, 1);
        var total = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(ordered, ct);
        var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(ordered.Skip((number - 1) * size).Take(size), ct);
        return new ApiPage<TOut>(rows.Select(map).ToList(), number, size, total);
    }
}
