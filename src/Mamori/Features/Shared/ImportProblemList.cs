using Mamori.Core.Csv;

namespace Mamori.Features.Shared;

/// <summary>The problems that stopped an import, for the <c>_ImportProblems</c> partial: file, rows and what was (not) done.</summary>
public sealed record ImportProblemList(string FileName, IReadOnlyList<ImportProblem> Problems, string NothingDone = "何も取り込んでいません")
{
    /// <summary>How many rows the page lists; the rest are counted.</summary>
    public const int Shown = 200;
}
