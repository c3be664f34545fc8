using Mamori.AccessMonitoring;
using Mamori.Core.Data;

namespace Mamori.Core.Features.AccessMonitoring;

/// <summary>An uploaded file: the name the user chose, and its content.</summary>
public sealed record UploadedFile(string FileName, Func<Stream> Open)
{
    /// <summary>Copies the content into <paramref name="dir"/> under <paramref name="name"/>, streamed (never held in memory); returns its path.</summary>
    public async Task<string> SaveToAsync(string dir, string name, CancellationToken ct)
    {
        var path = Path.Combine(dir, name);
        await using var target = File.Create(path);
        await using var source = Open();
        await source.CopyToAsync(target, ct);
        return path;
    }
}

/// <summary>
/// Replaces the masters given (and the column mapping) after reading all four as an analysis would — the new files
/// with the stored ones for the rest —; a bad row changes nothing. The replacement is recorded as a job (and so
/// audited, without the files' content).
/// </summary>
public static class ReplaceMasters
{
    public sealed record Request(IReadOnlyDictionary<string, UploadedFile> Masters, UploadedFile? Mapping, bool RemoveMapping);

    /// <summary>What was registered, in Japanese; a refusal names the file, row and column that could not be read.</summary>
    public static async Task<Outcome<string>> RunAsync(AppDbContext db, AccessLogFolders folders, Guid municipalityId, Request request, string actor,
        DateTime now, CancellationToken ct)
    {
        if (request.Masters.Count == 0 && request.Mapping is null && !request.RemoveMapping)
        {
            return Outcome<string>.Fail("Staff", "登録するマスタのファイルを選んでください。");
        }
        foreach (var upload in request.Masters.Values.Append(request.Mapping).OfType<UploadedFile>())
        {
            if (Files.UploadRules.NameProblem(upload.FileName) is { } problem)
            {
                return Outcome<string>.Fail("Masters", problem + " マスタは何も変えていません。");
            }
        }
        var staging = Directory.CreateTempSubdirectory("mamori-masters-").FullName;
        try
        {
            var paths = await StageAsync(folders, municipalityId, request, staging, ct);
            // Without staff or residents every access would look unexplained: a master of headings only is refused.
            foreach (var kind in new[] { AccessLogFolders.Staff, AccessLogFolders.Residents })
            {
                if (request.Masters.TryGetValue(kind, out var upload) && !File.ReadLines(paths[kind]).Skip(1).Any(l => l.Trim().Trim(',').Length > 0))
                {
                    return Outcome<string>.Fail("Masters", $"{Path.GetFileName(upload.FileName)} にデータの行がありません（見出しだけです）。マスタは何も変えていません。");
                }
            }
            var mappingPath = request.Mapping is { } mapping ? await mapping.SaveToAsync(staging, "mapping.json", ct)
                : !request.RemoveMapping && File.Exists(folders.MappingPath(municipalityId)) ? folders.MappingPath(municipalityId) : null;
            try
            {
                if (paths.Count == AccessLogFolders.Masters.Count)
                {
                    LogAnalyzer.CheckMasters(new LogInputs([], paths[AccessLogFolders.Staff], paths[AccessLogFolders.Residents], paths[AccessLogFolders.Cases],
                        paths[AccessLogFolders.Roles], mappingPath is null ? null : ColumnMapping.Load(mappingPath)));
                }
            }
            catch (LogInputException ex)
            {
                return Outcome<string>.Fail("Masters", ex.Message + " マスタは何も変えていません。");
            }
            var (replaced, fileNames) = Replace(folders, municipalityId, request, paths, mappingPath);
            var result = $"{string.Join("、", replaced)}を登録しました。";
            await AccessJobRequests.RecordMastersAsync(db, municipalityId, fileNames, result, actor, now, ct);
            return Outcome<string>.Success(result + (paths.Count < AccessLogFolders.Masters.Count ? " 分析には4つのマスタがすべて必要です。" : ""));
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Each upload staged under the name the user chose (so that a problem names their file), the stored masters for the rest.</summary>
    private static async Task<Dictionary<string, string>> StageAsync(AccessLogFolders folders, Guid municipalityId, Request request, string staging, CancellationToken ct)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (kind, _) in AccessLogFolders.Masters)
        {
            if (request.Masters.TryGetValue(kind, out var upload))
            {
                paths[kind] = await upload.SaveToAsync(Directory.CreateDirectory(Path.Combine(staging, kind)).FullName, Path.GetFileName(upload.FileName), ct);
            }
            else if (File.Exists(folders.MasterPath(municipalityId, kind)))
            {
                paths[kind] = folders.MasterPath(municipalityId, kind);
            }
        }
        return paths;
    }

    private static (List<string> Replaced, List<string> FileNames) Replace(AccessLogFolders folders, Guid municipalityId, Request request,
        Dictionary<string, string> paths, string? mappingPath)
    {
        var replaced = new List<string>();
        var fileNames = new List<string>();
        foreach (var (kind, name) in AccessLogFolders.Masters.Where(m => request.Masters.ContainsKey(m.Kind)))
        {
            File.Copy(paths[kind], folders.MasterPath(municipalityId, kind), overwrite: true);
            replaced.Add(name);
            fileNames.Add($"{name}: {Path.GetFileName(request.Masters[kind].FileName)}");
        }
        if (request.Mapping is { } mapping)
        {
            File.Copy(mappingPath!, folders.MappingPath(municipalityId), overwrite: true);
            replaced.Add("列の対応づけ");
            fileNames.Add($"列の対応づけ: {Path.GetFileName(mapping.FileName)}");
        }
        else if (request.RemoveMapping && File.Exists(folders.MappingPath(municipalityId)))
        {
            File.Delete(folders.MappingPath(municipalityId));
            replaced.Add("列の対応づけ（削除）");
            fileNames.Add("列の対応づけ: 削除");
        }
        return (replaced, fileNames);
    }
}
