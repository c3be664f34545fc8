using Mamori.Core.Features.Register;
using Mamori.Tests.Infrastructure;

namespace Mamori.Bench;

/// <summary>A municipality's register of published files, written straight into the database.</summary>
public static class RegisterSeed
{
    public static Task SeedAsync(MamoriFactory factory, TestTenant tenant, int files) =>
        factory.AsSystemAsync(async (_, db) =>
        {
            for (var i = 1; i <= files; i++)
            {
                var file = new PersonalInfoFile
                {
                    MunicipalityId = tenant.MunicipalityId,
                    DepartmentId = i % 2 == 0 ? tenant.OwnDepartmentId : tenant.OtherDepartmentId,
                    FileNumber = $"B-{i:D4}",
                    Name = $"{(i % 3 == 0 ? "住民基本台帳" : "国民健康保険")}ファイル{i}",
                    Purpose = "事務の執行のため",
                    RecordItems = "氏名\n住所\n生年月日\n電話番号",
                    RecordScope = "区内に住所を有する者",
                    CollectionMethods = "本人から",
                    SubjectCount = i * 300,
                    IsSpecificPersonalInfo = i % 5 == 0,
                    HasSensitive = i % 7 == 0,
                    SensitiveKinds = i % 7 == 0 ? "病歴" : null,
                    Status = RegisterStatus.Published,
                    HasUnpublishedChanges = false,
                };
                db.PersonalInfoFiles.Add(file);
                db.PersonalInfoFileVersions.Add(new PersonalInfoFileVersion
                {
                    MunicipalityId = tenant.MunicipalityId,
                    FileId = file.Id,
                    Number = 1,
                    RevisedOn = new DateOnly(2024, 4, 1),
                    Reason = "新規登録",
                    Snapshot = RegisterContent.Of(file, "区民部 / 戸籍住民課").ToJson(),
                    PublishedAt = DateTime.UtcNow,
                });
            }
            await db.SaveChangesAsync();
            return 0;
        });
}
