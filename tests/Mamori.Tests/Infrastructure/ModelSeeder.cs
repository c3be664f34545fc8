using System.Security.Cryptography;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Mamori.Tests.Infrastructure;

/// <summary>
/// Makes a row of any entity type from the EF model alone: required text, numbers and dates filled in,
/// required references made the same way (recursively) in the same municipality and department; required text
/// starts with a prefix the test can look for in pages. Used by
/// tests that must hold for every entity, present and future, without a hand-written fixture per type.
/// </summary>
public sealed class ModelSeeder(AppDbContext db, Guid municipalityId, Guid departmentId, string userId, string textPrefix = "範囲確認", string principalPrefix = "範囲確認")
{
    private readonly Dictionary<Type, object> _principals = [];

    /// <summary>Adds and saves one row of <paramref name="type"/> and returns its key.</summary>
    public async Task<object> CreateAsync(IEntityType type, CancellationToken ct = default)
    {
        var entity = Build(type, textPrefix);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return Key(type, entity);
    }

    private object Build(IEntityType type, string prefix)
    {
        var entity = Activator.CreateInstance(type.ClrType, nonPublic: true)!;
        foreach (var property in type.GetProperties())
        {
            if (property.PropertyInfo is not { CanWrite: true } info)
            {
                continue;
            }
            var value = info.GetValue(entity);
            if (property.Name == "MunicipalityId")
            {
                info.SetValue(entity, municipalityId);
            }
            else if (property.Name == "DepartmentId")
            {
                info.SetValue(entity, departmentId);
            }
            else if (property.GetContainingForeignKeys().FirstOrDefault(fk => !fk.IsOwnership) is { } fk)
            {
                if (!property.IsNullable)
                {
                    info.SetValue(entity, Principal(fk.PrincipalEntityType));
                }
            }
            else if (!property.IsPrimaryKey() || IsEmpty(value))
            {
                Fill(property, info, entity, value, prefix);
            }
        }
        if (entity is PersonalInfoFileVersion version)
        {
            // A published version is read back from its snapshot: the register's own JSON, with the row's text.
            typeof(PersonalInfoFileVersion).GetProperty(nameof(version.Snapshot))!.SetValue(version,
                RegisterContent.Of(new PersonalInfoFile { FileNumber = prefix + "-1", Name = prefix + "ファイル" }, "").ToJson());
        }
        db.Add(entity);
        return entity;
    }

    private object Principal(IEntityType principal)
    {
        var clr = principal.ClrType;
        if (clr == typeof(Municipality))
        {
            return municipalityId;
        }
        if (clr == typeof(Department))
        {
            return departmentId;
        }
        if (clr == typeof(AppUser))
        {
            return userId;
        }
        if (!_principals.TryGetValue(clr, out var key))
        {
            key = Key(principal, Build(principal, principalPrefix));
            _principals[clr] = key;
        }
        return key;
    }

    private static object Key(IEntityType type, object entity) =>
        type.FindPrimaryKey()!.Properties.Single().PropertyInfo!.GetValue(entity)!;

    private static bool IsEmpty(object? value) => value is null || value is Guid g && g == Guid.Empty || value is string { Length: 0 };

    private static void Fill(IProperty property, System.Reflection.PropertyInfo info, object entity, object? value, string prefix)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (property.IsNullable && value is null)
        {
            return;
        }
        // JSON columns get JSON and years a year, so that pages can show the row at all.
        object? filled = type switch
        {
            _ when type == typeof(string) && property.Name.EndsWith("Json", StringComparison.Ordinal) => IsEmpty(value) ? "[]" : null,
            _ when type == typeof(string) && property.Name == "Snapshot" => IsEmpty(value) ? "{}" : null,
            _ when type == typeof(int) && property.Name.Contains("Year", StringComparison.Ordinal) => 2020 + RandomNumberGenerator.GetInt32(10),
            _ when type == typeof(string) => IsEmpty(value) ? prefix + RandomNumberGenerator.GetInt32(1_000_000) : null,
            _ when type == typeof(Guid) => IsEmpty(value) ? Guid.NewGuid() : null,
            _ when type == typeof(int) => RandomNumberGenerator.GetInt32(1, 1_000_000),
            _ when type == typeof(long) => (long)RandomNumberGenerator.GetInt32(1, 1_000_000),
            _ when type == typeof(DateOnly) => new DateOnly(2024, 4, 1).AddDays(RandomNumberGenerator.GetInt32(3000)),
            _ when type == typeof(DateTime) => (DateTime)value! == default ? DateTime.UtcNow : null,
            _ when type == typeof(byte[]) => value ?? new byte[] { 1, 2, 3 },
            _ => null,
        };
        // PostgreSQL enforces the column's length (SQLite does not): short codes keep what fits.
        if (filled is string text && property.GetMaxLength() is { } max && text.Length > max)
        {
            filled = text[..max];
        }
        if (filled is not null)
        {
            info.SetValue(entity, filled);
        }
    }
}
