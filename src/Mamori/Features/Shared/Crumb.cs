namespace Mamori.Features.Shared;

/// <summary>One step of the breadcrumb trail; the last has no link.</summary>
public sealed record Crumb(string Title, string? Url = null);
