namespace Mamori.Core;

/// <summary>
/// The Japanese name a person reads for an entity or one of its fields (audit trail, its filter and exports).
/// Declared beside the entity so that a new entity or field cannot be added without one (the audit-label test
/// enumerates the EF model). On a class with <see cref="Field"/> set, it names a field inherited from a framework
/// base class that has no source of ours (e.g. <c>IdentityUser.UserName</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property | AttributeTargets.Interface, AllowMultiple = true)]
public sealed class LabelAttribute(string text) : Attribute
{
    public string Text { get; } = text;

    /// <summary>On a class: the inherited field this label names.</summary>
    public string? Field { get; init; }
}
