using System.Security.Cryptography;
using System.Text;
using Mamori.AccessMonitoring;
using Mamori.Core.Data;
using Microsoft.Extensions.Configuration;

namespace Mamori.Core.Features.AccessMonitoring;

/// <summary>
/// Where the access-log module keeps its files, per municipality, under the data folder:
/// <c>access-logs/{municipality}/store</c> (the monthly Parquet), <c>…/masters</c> (the four masters and the
/// optional column mapping), <c>…/uploads</c> (uploads until the job has stored them); and the inbox a
/// server-side transfer drops log files into (<c>AccessMonitoring:Inbox</c>, default <c>access-logs/inbox/{団体コード}</c>).
/// The pseudonym key comes from <c>AccessMonitoring:PseudonymKey</c>; without one, a random key is made once and
/// kept in <c>access-logs/pseudonym.key</c>. <c>AccessMonitoring:Pseudonymise=false</c> stores resident ids as they are.
/// </summary>
public sealed class AccessLogFolders
{
    public const string Staff = "staff", Residents = "residents", Cases = "cases", Roles = "roles";

    /// <summary>The four masters, with their Japanese names.</summary>
    public static IReadOnlyList<(string Kind, string Name)> Masters { get; } =
        [(Staff, "職員マスタ"), (Residents, "住民マスタ"), (Cases, "案件（事務の記録）"), (Roles, "役割と業務")];

    private readonly string _root;
    private readonly string _inbox;
    private readonly byte[]? _key;

    public AccessLogFolders(DatabaseSettings database, IConfiguration config)
    {
        _root = Path.Combine(database.DataDirectory, "access-logs");
        _inbox = config["AccessMonitoring:Inbox"] is { Length: > 0 } inbox ? Path.GetFullPath(inbox) : Path.Combine(_root, "inbox");
        if (!string.Equals(config["AccessMonitoring:Pseudonymise"], "false", StringComparison.OrdinalIgnoreCase))
        {
            _key = config["AccessMonitoring:PseudonymKey"] is { Length: > 0 } configured ? Encoding.UTF8.GetBytes(configured) : KeyFile();
        }
    }

    private byte[] KeyFile()
    {
        PrivateFiles.CreateDirectory(_root);
        var path = Path.Combine(_root, "pseudonym.key");
        if (!File.Exists(path))
        {
            try
            {
                PrivateFiles.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process made it first; use theirs.
            }
        }
        return Encoding.UTF8.GetBytes(File.ReadAllText(path).Trim());
    }

    public bool Pseudonymised => _key is not null;

    private string Municipality(Guid municipalityId) => Path.Combine(_root, municipalityId.ToString("N"));

    public LogStore Store(Guid municipalityId) => new(Path.Combine(Municipality(municipalityId), "store"), _key);

    /// <summary>
    /// The last day each user id appears in the municipality's stored access log (empty when none is stored), read on
    /// first use: the account check asks only when it checks a system whose log is monitored.
    /// </summary>
    public Lazy<IReadOnlyDictionary<string, DateOnly>> LastAccess(Guid municipalityId) => new(() =>
        Directory.Exists(Path.Combine(Municipality(municipalityId), "store")) ? Store(municipalityId).LastAccessByUser() : new Dictionary<string, DateOnly>());

    public string MastersDirectory(Guid municipalityId) => Directory.CreateDirectory(Path.Combine(Municipality(municipalityId), "masters")).FullName;

    public string MasterPath(Guid municipalityId, string kind) => Path.Combine(MastersDirectory(municipalityId), kind + ".csv");

    public string MappingPath(Guid municipalityId) => Path.Combine(MastersDirectory(municipalityId), "mapping.json");

    public ColumnMapping? Mapping(Guid municipalityId) => File.Exists(MappingPath(municipalityId)) ? ColumnMapping.Load(MappingPath(municipalityId)) : null;

    /// <summary>The stored masters as engine inputs, or null while one of them is missing.</summary>
    public LogInputs? MasterInputs(Guid municipalityId) =>
        Masters.All(m => File.Exists(MasterPath(municipalityId, m.Kind)))
            ? new LogInputs([], MasterPath(municipalityId, Staff), MasterPath(municipalityId, Residents), MasterPath(municipalityId, Cases), MasterPath(municipalityId, Roles), Mapping(municipalityId))
            : null;

    public string UploadsDirectory(Guid municipalityId) => Directory.CreateDirectory(Path.Combine(Municipality(municipalityId), "uploads")).FullName;

    /// <summary>The inbox of a municipality (by 団体コード), created when missing.</summary>
    public string Inbox(string municipalityCode) => Directory.CreateDirectory(Path.Combine(_inbox, municipalityCode)).FullName;

    /// <summary>The CSV files waiting in the inbox, oldest first.</summary>
    public IReadOnlyList<FileInfo> InboxFiles(string municipalityCode) =>
        new DirectoryInfo(Inbox(municipalityCode)).EnumerateFiles("*.csv").OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
}
