using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mamori.Core.Data;

/// <summary>Stores every <see cref="DateTime"/> as UTC and reads it back marked as UTC, on both providers.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
