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

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: "入力内容に誤りがあります。errors の各項目のメッセージに従って直してください。", title: "入力内容を確認してください");
}
