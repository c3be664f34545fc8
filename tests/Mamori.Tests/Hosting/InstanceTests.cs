using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Features.Accounts;
using Mamori.Hosting;
using Mamori.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Mamori.Tests.Hosting;

/// <summary>
/// What lets several instances share one database: the data-protection keys in the database (an upgraded
/// installation's key folder taken over, the keys encrypted when a certificate is given, never written to the audit
/// trail), the job worker's lease (a job left running by an instance that lost it is failed once, and that instance's
/// late save is refused), and the health endpoints a load balancer asks.
/// </summary>
public sealed class InstanceTests(AppFixture app)
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task HealthEndpoints_AnswerWithoutLogin_LiveAndReady(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var path in new[] { "/health/live", "/health/ready", "/health" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Readiness_FailsFromTheMomentTheInstanceIsAskedToStop()
    {
        using var stopping = new CancellationTokenSource();
        var check = new StoppingHealthCheck(new Lifetime(stopping.Token));
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        // SIGTERM: the load balancer is told to send nothing new while the requests in flight finish.
        await stopping.CancelAsync();
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    private sealed class Lifetime(CancellationToken stopping) : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => stopping;
        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AJobLeftRunningByAnInstanceThatLostTheLease_IsFailedOnce_AndItsLateSaveIsRefused(DatabaseProvider provider)
    {
        // An instance that does not run jobs by itself: its polls are made here, one at a time.
        await using var factory = new MamoriFactory(provider, settings: new Dictionary<string, string> { ["Mamori:Jobs:Run"] = "false" });
        var tenant = await TestTenant.CreateAsync(factory);
        var worker = factory.Services.GetServices<IHostedService>().OfType<AccessJobWorker>().Single();
        Assert.False(worker.Runs);
        const string other = "other-host:4242:0123456789abcdef";
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var (running, finished, queued) = await factory.AsSystemAsync(async (_, db) =>
        {
            AccessJob Job(AccessJobState state, string? holder, int minutesAgo) => new()
            {
                MunicipalityId = tenant.MunicipalityId,
                Kind = AccessJobKind.Analyze,
                State = state,
                LeaseHolder = holder,
                RequestedBy = "テスト",
                RequestedAt = now.AddMinutes(-minutesAgo),
                From = new DateOnly(2024, 4, 1),
                To = new DateOnly(2024, 4, 30),
            };
            var jobs = (Job(AccessJobState.Running, other, 3), Job(AccessJobState.Succeeded, other, 4), Job(AccessJobState.Queued, null, 2));
            db.AccessJobs.AddRange(jobs.Item1, jobs.Item2, jobs.Item3);
            await db.ServiceLeases.Where(l => l.Name == AccessJobWorker.LeaseName).ExecuteDeleteAsync();
            db.ServiceLeases.Add(new ServiceLease { Name = AccessJobWorker.LeaseName, Holder = other, ExpiresAt = now.AddMinutes(5) });
            await db.SaveChangesAsync();
            return (jobs.Item1.Id, jobs.Item2.Id, jobs.Item3.Id);
        });
        // The other instance's copy of its running job, as it was when it started it.
        await using var lateScope = factory.Services.CreateAsyncScope();
        lateScope.ServiceProvider.GetRequiredService<CurrentTenant>().SetSystem("別のインスタンス");
        var lateDb = lateScope.ServiceProvider.GetRequiredService<AppDbContext>();
        var late = await lateDb.AccessJobs.SingleAsync(j => j.Id == running);

        // While the other instance's lease runs, this one takes nothing over and runs nothing.
        Assert.Null(await worker.NextAsync(default));
        Assert.Equal(AccessJobState.Running, (await JobAsync(factory, running)).State);

        // Its lease expired: this instance takes it, fails the orphaned job once, leaves the finished one, and runs the queue.
        await factory.AsSystemAsync((_, db) => db.ServiceLeases.Where(l => l.Name == AccessJobWorker.LeaseName)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, now.AddSeconds(-1))));
        Assert.Equal(queued, await worker.NextAsync(default));
        var orphaned = await JobAsync(factory, running);
        Assert.Equal(AccessJobState.Failed, orphaned.State);
        Assert.Equal(AccessJobWorker.OrphanedMessage, orphaned.Result);
        Assert.Equal(worker.Holder, orphaned.LeaseHolder);
        Assert.Equal(AccessJobState.Succeeded, (await JobAsync(factory, finished)).State);
        // Taken over once: a second poll changes nothing more.
        Assert.Equal(queued, await worker.NextAsync(default));
        var failures = await factory.AsSystemAsync((_, db) => db.AuditEntries.CountAsync(e => e.EntityType == nameof(AccessJob) && e.EntityKey == running.ToString() && e.Changes.Contains(AccessJobWorker.OrphanedMessage)));
        Assert.Equal(1, failures);

        // The instance that lost the lease wakes up and saves its progress: refused, nothing of it written.
        late.Progress = 90;
        late.State = AccessJobState.Succeeded;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => lateDb.SaveChangesAsync());
        Assert.Equal(AccessJobState.Failed, (await JobAsync(factory, running)).State);
    }

    [Fact]
    public async Task DataProtectionKeys_LiveInTheDatabase_AnOldKeyFolderIsTakenOver_AndTheKeyIsNeverAudited()
    {
        await using var factory = new MamoriFactory(DatabaseProvider.Sqlite);
        // An installation from before: its key folder, and a relay password protected with that key.
        var legacy = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(factory.DataDirectory, "keys")), b => b.SetApplicationName("Mamori"));
        var protectedPassword = legacy.CreateProtector("Mamori.Notices.RelayPassword").Protect("relay-secret");
        var tenant = await TestTenant.CreateAsync(factory);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);

        var protection = factory.Services.GetRequiredService<IDataProtectionProvider>();
        Assert.Equal("relay-secret", protection.CreateProtector("Mamori.Notices.RelayPassword").Unprotect(protectedPassword));
        var keys = await factory.AsSystemAsync((_, db) => db.DataProtectionKeys.AsNoTracking().ToListAsync());
        var key = Assert.Single(keys);
        Assert.StartsWith("key-", key.FriendlyName, StringComparison.Ordinal);
        var audited = await factory.AsSystemAsync((_, db) => db.AuditEntries.Where(e => e.EntityType == "DataProtectionKey").Select(e => e.Changes).ToListAsync());
        var entry = Assert.Single(audited);
        Assert.Contains("（秘匿）", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", entry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithACertificate_TheKeysAreStoredEncrypted_AndStillSignIn()
    {
        var folder = Directory.CreateTempSubdirectory("mamori-keycert-").FullName;
        try
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=Mamori data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
            var path = Path.Combine(folder, "dataprotection.pfx");
            await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "pfx-password"));
            await using var factory = new MamoriFactory(DatabaseProvider.Sqlite, settings: new Dictionary<string, string>
            {
                ["Mamori:DataProtection:Certificate"] = path,
                ["Mamori:DataProtection:CertificatePassword"] = "pfx-password",
            });
            var tenant = await TestTenant.CreateAsync(factory);
            using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/")).StatusCode);
            var xml = Assert.Single(await factory.AsSystemAsync((_, db) => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync()));
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("X509Certificate", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task<AccessJob> JobAsync(MamoriFactory factory, Guid id) =>
        factory.AsSystemAsync((_, db) => db.AccessJobs.AsNoTracking().SingleAsync(j => j.Id == id));
}
