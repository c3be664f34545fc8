using Mamori.Core;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mamori.Hosting;

/// <summary>Turns a use case's field errors into a ValidationProblem with camelCase keys and a Japanese detail.</summary>
public static class ApiResults
{
    public static ValidationProblem Invalid<T>(Outcome<T> outcome) =>
        Invalid(outcome.Errors.ToDictionary(e => e.Key.Length == 0 ? "" : char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => e.Value));

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

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: "入力内容に誤りがあります。errors の各項目のメッセージに従って直してください。", title: "入力内容を確認してください");
}
