namespace Mamori.Tests.Infrastructure;

/// <summary>
/// The real documents in ../shared/corpus beside the repository. Tests that use them skip when the
/// folder is absent (a clone on its own); the texts are read, never copied into the repository.
/// </summary>
public static class Corpus
{
    public static string? Directory { get; } = Find();

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "corpus");
            if (System.IO.Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }
        return null;
    }

    /// <summary>The text of a corpus file, or null (and the test should skip) when it is not there.</summary>
    public static string? Read(string name)
    {
        var path = Directory is null ? null : Path.Combine(Directory, name);
        return path is not null && File.Exists(path) ? File.ReadAllText(path) : null;
    }
}
