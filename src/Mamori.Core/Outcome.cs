namespace Mamori.Core;

/// <summary>Why a use case refused: the web maps each kind to one status (400, 404, 409).</summary>
public enum FailureKind
{
    None,

    /// <summary>The input breaks a rule; the messages name the fields to correct.</summary>
    Invalid,

    /// <summary>The record is not there, or not visible to this user (scoping answers the same).</summary>
    NotFound,

    /// <summary>The record changed since the form was opened, or its state refuses the change.</summary>
    Conflict,
}

/// <summary>
/// The result of a use case: a value, or Japanese messages keyed by the field they concern
/// (an empty key for the whole request) with the kind of failure. Expected failures are values, not exceptions.
/// </summary>
public sealed record Outcome<T>(T? Value, IReadOnlyDictionary<string, string[]> Errors, FailureKind Kind = FailureKind.None)
{
    public bool Ok => Errors.Count == 0;

    public static Outcome<T> Success(T value) => new(value, new Dictionary<string, string[]>());

    public static Outcome<T> Fail(string field, string message) => new(default, new Dictionary<string, string[]> { [field] = [message] }, FailureKind.Invalid);

    public static Outcome<T> Fail(IReadOnlyDictionary<string, string[]> errors) => new(default, errors, FailureKind.Invalid);

    /// <summary>The record the request names is not there (or is outside the user's scope).</summary>
    public static Outcome<T> NotFound(string message) => new(default, new Dictionary<string, string[]> { [""] = [message] }, FailureKind.NotFound);

    /// <summary>A stale edit, or a state that refuses the change (e.g. 提出済み); the message says what to do instead.</summary>
    public static Outcome<T> Conflict(string message) => new(default, new Dictionary<string, string[]> { [""] = [message] }, FailureKind.Conflict);

    /// <summary>The value turned into another (a response), or the same failure.</summary>
    public Outcome<TOut> Map<TOut>(Func<T, TOut> map) => Ok ? Outcome<TOut>.Success(map(Value!)) : Refused<TOut>();

    /// <summary>The same failure as the result of another use case step.</summary>
    public Outcome<TOther> Refused<TOther>() => new(default, Errors, Kind);

    /// <summary>All messages on one line each, for the command line.</summary>
    public string Describe() => string.Join('\n', Errors.SelectMany(e => e.Value));
}

/// <summary>Collects field errors while validating input.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
    }

    /// <summary>Adds "入力してください" for a blank required field and returns whether it was present.</summary>
    public bool Required(string field, string? value, string label)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        Add(field, $"{label}を入力してください。");
        return false;
    }

    /// <summary>Adds a message when <paramref name="value"/> is longer than <paramref name="max"/> characters.</summary>
    public void MaxLength(string field, string? value, int max, string label)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, $"{label}は{max}文字以内で入力してください（今は{value.Length}文字）。");
        }
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public Outcome<T> Fail<T>() => Outcome<T>.Fail(ToDictionary());
}
