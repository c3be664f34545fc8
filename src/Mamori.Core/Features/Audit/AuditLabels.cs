using System.Reflection;
using Mamori.Core.Features.Accounts;

namespace Mamori.Core.Features.Audit;

/// <summary>
/// Japanese names for the audit trail, read from the <see cref="LabelAttribute"/> each entity and field declares beside
/// itself (and from <see cref="IdentityLabels"/> for the framework's rows). A stored entry names its entity by CLR type
/// name, so entries written before a rename still show their stored name rather than nothing.
/// </summary>
public static class AuditLabels
{
    private static readonly Lazy<IReadOnlyDictionary<string, Type>> Labelled = new(() =>
        typeof(AuditLabels).Assembly.GetTypes()
            .Where(t => t.IsClass && t.GetCustomAttributes<LabelAttribute>(inherit: false).Any(a => a.Field is null))
            .Concat(IdentityLabels.Types.Keys)
            .ToDictionary(t => t.Name, StringComparer.Ordinal));

    public static string JapaneseName(this AuditAction action) => action switch
    {
        AuditAction.Insert => "作成",
        AuditAction.Update => "更新",
        AuditAction.Delete => "削除",
        _ => "不明（記録が書き換えられています）",
    };

    /// <summary>The entity's own label, or null when it declares none.</summary>
    public static string? EntityLabel(Type type) =>
        IdentityLabels.Types.TryGetValue(type, out var identity)
            ? identity.Entity
            : type.GetCustomAttributes<LabelAttribute>(inherit: false).FirstOrDefault(a => a.Field is null)?.Text;

    /// <summary>
    /// The field's label: on the property itself, on the class for an inherited framework field, or on an ownership
    /// interface (団体, 部署); the key is always ID. Null when none is declared.
    /// </summary>
    public static string? FieldLabel(Type type, string field)
    {
        if (field == "Id")
        {
            return "ID";
        }
        if (IdentityLabels.Types.TryGetValue(type, out var identity))
        {
            return identity.Fields.GetValueOrDefault(field);
        }
        var property = type.GetProperty(field, BindingFlags.Public | BindingFlags.Instance);
        return property?.GetCustomAttribute<LabelAttribute>()?.Text
            ?? type.GetCustomAttributes<LabelAttribute>(inherit: false).FirstOrDefault(a => a.Field == field)?.Text
            ?? type.GetInterfaces().Select(i => i.GetProperty(field)?.GetCustomAttribute<LabelAttribute>()?.Text).FirstOrDefault(t => t is not null);
    }

    /// <summary>What the stored entity type is called on screen.</summary>
    public static string EntityName(string entityType) =>
        Labelled.Value.TryGetValue(entityType, out var type) ? EntityLabel(type) ?? entityType : entityType;

    /// <summary>The Japanese name of a recorded field of a stored entity type.</summary>
    public static string FieldName(string entityType, string field) =>
        Labelled.Value.TryGetValue(entityType, out var type) ? FieldLabel(type, field) ?? field : field;

    /// <summary>Keys and normalized copies that say nothing new to a reader of the list.</summary>
    public static bool IsInternal(string field) => field is "Id" or "MunicipalityId" or "NormalizedUserName" or "NormalizedEmail";

    /// <summary>Every labelled entity type by stored name, in the order of their Japanese names (for the audit filter).</summary>
    public static IReadOnlyList<string> KnownEntityTypes { get; } =
        [.. Labelled.Value.OrderBy(t => t.Value.Namespace, StringComparer.Ordinal).ThenBy(t => EntityName(t.Key), StringComparer.Ordinal).Select(t => t.Key)];
}
