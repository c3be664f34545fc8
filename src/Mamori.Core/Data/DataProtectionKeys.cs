using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mamori.Core.Data;

/// <summary>
/// The keys that protect sign-in cookies, antiforgery tokens, reset links and the relay password, kept in the
/// database so that every instance of the app on it reads and writes the same ring (ADR 0025): a user signed in
/// through one instance stays signed in on the next. With <c>Mamori:DataProtection:Certificate</c> (a PFX file,
/// password in <c>Mamori:DataProtection:CertificatePassword</c>) the keys are stored encrypted with that
/// certificate, so whoever reads the database alone cannot forge a cookie.
/// </summary>
public static class DataProtectionKeys
{
    /// <summary>The folder the keys were kept in before they moved to the database; read once, when the database has none.</summary>
    public static string LegacyFolder(DatabaseSettings settings) => Path.Combine(settings.DataDirectory, "keys");

    public static IServiceCollection AddMamoriDataProtection(this IServiceCollection services, IConfiguration config)
    {
        var builder = services.AddDataProtection().SetApplicationName("Mamori");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        if (config["Mamori:DataProtection:Certificate"] is { Length: > 0 } path)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(Path.GetFullPath(path), config["Mamori:DataProtection:CertificatePassword"],
                X509KeyStorageFlags.EphemeralKeySet);
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        return services;
    }

    /// <summary>
    /// Copies the keys of the old key folder into the database when it has none yet, so that an upgraded
    /// installation keeps its sign-ins and its encrypted relay password. Returns how many were copied.
    /// </summary>
    public static async Task<int> ImportLegacyAsync(AppDbContext db, DatabaseSettings settings, CancellationToken ct)
    {
        var folder = LegacyFolder(settings);
        if (!Directory.Exists(folder) || await db.DataProtectionKeys.AnyAsync(ct))
        {
            return 0;
        }
        var files = Directory.GetFiles(folder, "key-*.xml").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = Path.GetFileNameWithoutExtension(file), Xml = await File.ReadAllTextAsync(file, ct) });
        }
        await db.SaveChangesAsync(ct);
        return files.Count;
    }

    /// <summary>The key ring in the <c>DataProtectionKeys</c> table, read and written as the system.</summary>
    private sealed class DatabaseKeyRepository(IServiceScopeFactory scopes) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var scope = Scope(out var db);
            return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable()
                .Where(x => !string.IsNullOrEmpty(x)).Select(x => XElement.Parse(x!)).ToList();
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var scope = Scope(out var db);
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
            db.SaveChanges();
        }

        private IServiceScope Scope(out AppDbContext db)
        {
            var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetSystem("データ保護鍵");
            db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return scope;
        }
    }
}
