using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Mamori.Migrations.Sqlite;

/// <summary>Lets dotnet ef build the model for this provider's migrations without starting the app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var tenant = new CurrentTenant();
        tenant.SetSystem("dotnet ef");
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design-time.db", Path.GetTempPath());
        var options = new DbContextOptionsBuilder<AppDbContext>();
        settings.Configure(options);
        return new AppDbContext(options.Options, tenant);
    }
}
