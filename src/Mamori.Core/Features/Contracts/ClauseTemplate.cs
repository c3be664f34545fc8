using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Contracts;

/// <summary>
/// 特記事項のひな形: the clauses the municipality requires in every contract for handling personal information, as the
/// office keeps them. Until the office edits it, the list of 事務対応ガイド 4-8 (<see cref="ReviewRules.ContractClauses"/>).
/// </summary>
[Label("特記事項のひな形")]
public sealed class ClauseTemplate : IMunicipalityOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("必須の特記事項")]
    public List<string> Required { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The municipality's required clauses (the default list when none is saved).</summary>
    public static async Task<IReadOnlyList<string>> RequiredAsync(AppDbContext db, CancellationToken ct) =>
        await db.ClauseTemplates.AsNoTracking().Select(t => t.Required).FirstOrDefaultAsync(ct) is { Count: > 0 } saved ? saved : ReviewRules.ContractClauses;

    /// <summary>The required clauses a contract does not contain, compared without spaces and width differences.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> required, IEnumerable<string> contained)
    {
        var have = contained.Select(Key).ToHashSet(StringComparer.Ordinal);
        return required.Where(r => !have.Contains(Key(r))).ToList();
    }

    private static string Key(string clause) => string.Concat(clause.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Saves the list (one clause per line, blanks and repeats dropped).</summary>
    public static async Task<Outcome<ClauseTemplate>> SaveAsync(AppDbContext db, IEnumerable<string> clauses, Guid? version, CancellationToken ct)
    {
        var list = clauses.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var errors = new FieldErrors();
        if (list.Count == 0)
        {
            errors.Add("Required", "必須の特記事項を1行に1つずつ入力してください。");
        }
        foreach (var c in list.Where(c => c.Length > 100))
        {
            errors.Add("Required", $"「{c[..20]}…」は100文字以内にしてください。");
        }
        if (errors.Any)
        {
            return errors.Fail<ClauseTemplate>();
        }
        var template = await db.ClauseTemplates.FirstOrDefaultAsync(ct);
        if (template is null)
        {
            template = new ClauseTemplate();
            db.ClauseTemplates.Add(template);
        }
        else if (version is { } v && v != template.Version)
        {
            return Outcome<ClauseTemplate>.Conflict(OptimisticSave.ConflictMessage);
        }
        template.Required = list;
        return await OptimisticSave.SaveAsync(db, template, ct);
    }
}

internal sealed class ClauseTemplateConfiguration : IEntityTypeConfiguration<ClauseTemplate>
{
    public void Configure(EntityTypeBuilder<ClauseTemplate> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.MunicipalityId).IsUnique();
    }
}
