namespace Mamori.Core;

/// <summary>Free text as typed into a form field.</summary>
public static class InputText
{
    /// <summary>The trimmed text, or null for a field left blank.</summary>
    public static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
