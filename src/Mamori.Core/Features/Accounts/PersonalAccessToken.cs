using System.Security.Cryptography;
using System.Text;
using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Accounts;

/// <summary>
/// A personal access token for the API. Only the SHA-256 of the token is stored; the token itself
/// is shown once, when it is issued.
/// </summary>
[Label("API トークン")]
public sealed class PersonalAccessToken : IMunicipalityOwned
{
    /// <summary>Every token starts with this, so that secret scanners can recognize a leaked one.</summary>
    public const string Prefix = "mmr_";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("アカウント")]
    public required string UserId { get; init; }

    [Label("用途")]
    public required string Name { get; init; }

    [Label("トークン")]
    public required string TokenHash { get; init; }

    [Label("作成日時")]
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    [Label("有効期限")]
    public DateTime ExpiresAt { get; init; }

    [Label("失効日時")]
    public DateTime? RevokedAt { get; set; }

    /// <summary>読み取りのみ, or 読み書き; a read token is refused on any request that changes something.</summary>
    [Label("権限")]
    public TokenScope Scope { get; init; } = TokenScope.Read;

    /// <summary>The modules the token reaches (<see cref="ApiModules"/> keys, comma-separated); empty for every module.</summary>
    [Label("対象の機能")]
    public string Modules { get; init; } = string.Empty;

    /// <summary>When the token last called the API (written at most once a minute).</summary>
    [Label("最終利用")]
    public DateTime? LastUsedAt { get; set; }

    /// <summary>A new random token and its stored hash.</summary>
    public static (string Token, string Hash) Generate()
    {
        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, Hash(token));
    }

    /// <summary>The stored form of a token.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>What an API token may do.</summary>
public enum TokenScope
{
    /// <summary>読み取りのみ: GET and HEAD.</summary>
    Read,

    /// <summary>読み書き: every request the account may make.</summary>
    Write,
}

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> b)
    {
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.Property(t => t.Scope).HasConversion<string>().HasMaxLength(10);
        b.Property(t => t.Modules).HasMaxLength(300);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
