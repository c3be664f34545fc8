using System.Security.Cryptography;
using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Files;

/// <summary>
/// The bytes of an uploaded file, kept in the database beside the record that refers to it (so a backup
/// holds both and a failed save leaves nothing behind). The audit trail records the referring record
/// and this row's hash, never the content.
/// </summary>
[Label("添付ファイル")]
public sealed class StoredFile : IMunicipalityOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("内容")]
    public required byte[] Content { get; set; }

    [Label("サイズ")]
    public long Size { get; set; }

    /// <summary>SHA-256 of the content, hex.</summary>
    [Label("SHA-256")]
    public required string Sha256 { get; set; }

    public static StoredFile From(byte[] content) => new()
    {
        Content = content,
        Size = content.LongLength,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
    };
}

/// <summary>An upload that passed <see cref="UploadRules"/>: its safe name, type and bytes.</summary>
public sealed record CheckedUpload(string FileName, string ContentType, byte[] Content);

/// <summary>
/// What may be uploaded: documents and images members read (PDF, Word, Excel, PowerPoint, text, CSV,
/// PNG, JPEG) up to 20 MB, whose first bytes match the extension. Anything a browser would run (HTML,
/// SVG, scripts) is refused, and every file is served as a download.
/// </summary>
public static class UploadRules
{
    public const long MaxBytes = 20 * 1024 * 1024;

    private static readonly byte[] Pdf = "%PDF"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    private static readonly Dictionary<string, (string Type, byte[]? Magic)> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", Pdf),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", Zip),
        [".doc"] = ("application/msword", Ole),
        [".xls"] = ("application/vnd.ms-excel", Ole),
        [".ppt"] = ("application/vnd.ms-powerpoint", Ole),
        [".png"] = ("image/png", Png),
        [".jpg"] = ("image/jpeg", Jpeg),
        [".jpeg"] = ("image/jpeg", Jpeg),
        [".txt"] = ("text/plain", null),
        [".csv"] = ("text/csv", null),
    };

    /// <summary>The extensions accepted, for the form's hint and accept attribute.</summary>
    public static string Extensions => string.Join(",", Allowed.Keys);

    /// <summary>
    /// What is wrong with an uploaded file's name, or null: empty, "." or "..", longer than 200 characters, or holding
    /// a control character (NUL included). The name is only shown and stored as text; files are saved under new names.
    /// </summary>
    public static string? NameProblem(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/')).Trim();
        return name.Length == 0 || name is "." or ".." ? "ファイル名がありません。名前を付けたファイルを選んでください。"
            : name.Length > 200 ? $"ファイル名が{name.Length}文字あります。200文字以内の名前にしてください。"
            : name.Any(char.IsControl) ? "ファイル名に使えない文字（制御文字）が含まれています。名前を付け直してください。"
            : null;
    }

    /// <summary>Checks name, size and content; the message says what to fix.</summary>
    public static Outcome<CheckedUpload> Check(string? fileName, byte[] content)
    {
        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        if (name.Length == 0 || content.Length == 0)
        {
            return Outcome<CheckedUpload>.Fail("File", "ファイルを選んでください（空のファイルは登録できません）。");
        }
        if (content.LongLength > MaxBytes)
        {
            return Outcome<CheckedUpload>.Fail("File", $"「{name}」は{content.LongLength / 1024 / 1024}MBあります。20MB以下のファイルにしてください。");
        }
        if (NameProblem(fileName) is { } problem)
        {
            return Outcome<CheckedUpload>.Fail("File", problem);
        }
        var extension = Path.GetExtension(name);
        if (!Allowed.TryGetValue(extension, out var rule))
        {
            return Outcome<CheckedUpload>.Fail("File",
                $"「{name}」の形式（{(extension.Length == 0 ? "拡張子なし" : extension)}）は登録できません。PDF、Word、Excel、PowerPoint、テキスト、CSV、PNG、JPEG のいずれかにしてください。");
        }
        var matches = rule.Magic is { } magic
            ? content.AsSpan().StartsWith(magic)
            : !content.AsSpan(0, Math.Min(content.Length, 8192)).Contains((byte)0) && !LooksLikeMarkup(content);
        if (!matches)
        {
            return Outcome<CheckedUpload>.Fail("File", $"「{name}」の中身が拡張子（{extension}）の形式と一致しません。元のファイルを選び直してください。");
        }
        return Outcome<CheckedUpload>.Success(new CheckedUpload(name, rule.Type, content));
    }

    /// <summary>Text that a browser would render as a page if it were ever sniffed.</summary>
    private static bool LooksLikeMarkup(byte[] content)
    {
        var head = System.Text.Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 512)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith('<');
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.Property(x => x.Content).HasMaxLength((int)UploadRules.MaxBytes);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
