using Mamori.Core.Data;
using Mamori.Core.Features.Audit;
using Mamori.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Features.Audit;

/// <summary>Every audited entity and field is shown to the reader of the audit trail by its Japanese name.</summary>
public sealed class AuditLabelTests(AppFixture app)
{
    private async Task<List<Microsoft.EntityFrameworkCore.Metadata.IEntityType>> AuditedTypesAsync()
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        using var scope = factory.Services.CreateScope();
        return [.. scope.ServiceProvider.GetRequiredService<AppDbContext>().Model.GetEntityTypes().Where(t => t.ClrType != typeof(AuditEntry))];
    }

    [Fact]
    public async Task EveryAuditedEntityAndField_DeclaresItsJapaneseLabel()
    {
        var missing = new List<string>();
        foreach (var type in await AuditedTypesAsync())
        {
            if (AuditLabels.EntityLabel(type.ClrType) is null)
            {
                missing.Add(type.ClrType.Name);
            }
            missing.AddRange(type.GetProperties().Where(p => AuditInterceptor.Records(p.Name) && AuditLabels.FieldLabel(type.ClrType, p.Name) is null)
                .Select(p => $"{type.ClrType.Name}.{p.Name}"));
        }
        Assert.True(missing.Count == 0, "ラベル（[Label]）のない監査対象：" + string.Join("、", missing));
    }

    [Fact]
    public async Task EveryAuditedEntity_IsInTheFilter_UnderALabelOfItsOwn()
    {
        var types = await AuditedTypesAsync();
        var names = types.Select(t => t.ClrType.Name).ToList();
        Assert.Empty(names.Except(AuditLabels.KnownEntityTypes));
        var shared = types.GroupBy(t => AuditLabels.EntityLabel(t.ClrType)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(shared.Count == 0, "同じ名前の対象：" + string.Join("、", shared));
    }

    [Fact]
    public void SameFieldName_OnDifferentEntities_ReadsAsWhatItIs()
    {
        Assert.Equal("利用目的", AuditLabels.FieldName("PersonalInfoFile", "Purpose"));
        Assert.Equal("検索の目的", AuditLabels.FieldName("AccessSearch", "Purpose"));
        Assert.Equal("会議", AuditLabels.EntityName("Meeting"));
        Assert.Equal("開催通知の文書番号", AuditLabels.FieldName("Meeting", "NoticeNumber"));
        Assert.Equal("団体", AuditLabels.FieldName("Staff", "MunicipalityId"));
        Assert.Equal("ユーザー名", AuditLabels.FieldName("AppUser", "UserName"));
        Assert.Equal("認証方式", AuditLabels.FieldName("IdentityUserToken`1", "LoginProvider"));
        Assert.Equal("RenamedLongAgo", AuditLabels.EntityName("RenamedLongAgo"));
    }
}
