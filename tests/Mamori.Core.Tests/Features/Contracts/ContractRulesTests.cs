using Mamori.Core.Features.Contracts;

namespace Mamori.Core.Tests.Features.Contracts;

/// <summary>The exact rules of contracts: clauses against the template, the end without 返還・廃棄, re-consignment started without approval, the checks before approval.</summary>
public sealed class ContractRulesTests
{
    private static readonly DateOnly Today = new(2026, 4, 10);

    private static Contract NewContract(DateOnly end, params string[] clauses) => new()
    {
        Title = "住民税当初課税業務委託",
        Contractor = "株式会社テスト",
        StartOn = end.AddYears(-1),
        EndOn = end,
        Clauses = [.. clauses],
    };

    [Fact]
    public void Missing_ComparesClausesWithoutSpacesOrWidth()
    {
        string[] required = ["秘密保持", "再委託の制限（事前承認）", "返還・廃棄"];
        Assert.Equal(["返還・廃棄"], ClauseTemplate.Missing(required, ["秘密 保持", "再委託の制限(事前承認)"]));
        Assert.Empty(ClauseTemplate.Missing(required, ["秘密保持", "再委託の制限（事前承認）", "返還・廃棄", "そのほか"]));
    }

    [Fact]
    public void Return_IsOverdueFromTheDayAfterTheLastDay_UnlessRecorded()
    {
        Assert.False(NewContract(Today).IsReturnOverdue(Today));
        Assert.True(NewContract(Today.AddDays(-1)).IsReturnOverdue(Today));
        var returned = NewContract(Today.AddDays(-30));
        returned.ReturnedOn = Today.AddDays(-29);
        Assert.False(returned.IsReturnOverdue(Today));
    }

    [Fact]
    public void Reconsignment_IsFlaggedFromItsStartDay_WhileNotApproved()
    {
        var r = new Reconsignment { Subcontractor = "株式会社下請", Work = "データ入力", StartOn = Today.AddDays(1) };
        Assert.False(r.IsUnapproved(Today));
        Assert.True(r.IsUnapproved(Today.AddDays(1)));
        r.Status = ReconsignmentStatus.Refused;
        Assert.True(r.IsUnapproved(Today.AddDays(1)));
        r.Status = ReconsignmentStatus.Approved;
        Assert.False(r.IsUnapproved(Today.AddDays(1)));
        Assert.False(new Reconsignment { Subcontractor = "x", Work = "y" }.IsUnapproved(Today));
    }

    [Fact]
    public void Approval_NeedsBothChecksAnsweredAndEachWithEvidence()
    {
        var r = new Reconsignment { Subcontractor = "株式会社下請", Work = "データ入力", Responsibility = "体制図のとおり", Measures = null };
        ContractDocument Doc(ContractDocumentKind kind) => new() { ReconsignmentId = r.Id, Kind = kind, FileName = "a.pdf", ContentType = "application/pdf" };
        Assert.Equal(["責任体制の証跡（体制図など）", "再委託先の安全管理措置の具体的取組の確認結果", "安全管理措置の証跡（規程・点検結果など）"],
            Reconsignments.MissingForApproval(r, []));
        r.Measures = "入退室管理、持出し禁止";
        Assert.Equal(["安全管理措置の証跡（規程・点検結果など）"], Reconsignments.MissingForApproval(r, [Doc(ContractDocumentKind.Responsibility)]));
        Assert.Empty(Reconsignments.MissingForApproval(r, [Doc(ContractDocumentKind.Responsibility), Doc(ContractDocumentKind.Measures)]));
        // Evidence of another re-consignment does not count.
        var other = Guid.NewGuid();
        Assert.NotEmpty(Reconsignments.MissingForApproval(r, [
            new ContractDocument { ReconsignmentId = other, Kind = ContractDocumentKind.Responsibility, FileName = "a.pdf", ContentType = "application/pdf" },
            new ContractDocument { ReconsignmentId = other, Kind = ContractDocumentKind.Measures, FileName = "b.pdf", ContentType = "application/pdf" },
        ]));
    }

    [Fact]
    public void Problems_ListEachKindOfGap_AndCertificationsOnlyWhileTheContractRuns()
    {
        var running = NewContract(Today.AddDays(100), "秘密保持");
        running.Certifications.Add(new ContractCertification { Name = "ISMS", ExpiresOn = Today.AddDays(-1) });
        running.Certifications.Add(new ContractCertification { Name = "プライバシーマーク", ExpiresOn = Today });
        var ended = NewContract(Today.AddDays(-1), "秘密保持", "返還・廃棄");
        ended.Certifications.Add(new ContractCertification { Name = "ISMAP", ExpiresOn = Today.AddDays(-5) });
        var started = new Reconsignment { ContractId = running.Id, Subcontractor = "株式会社下請", Work = "印刷", StartOn = Today };
        var overview = new ContractOverview(Today, ["秘密保持", "返還・廃棄"], [running, ended], [started], [], new Dictionary<Guid, string>());

        var problems = overview.Problems(running);
        Assert.Equal(3, problems.Count);
        Assert.Contains("特記事項の不足：返還・廃棄", problems);
        Assert.Contains(problems, p => p.StartsWith("承認のない再委託：株式会社下請", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("認証の期限切れ：ISMS", StringComparison.Ordinal));
        Assert.Equal([$"返還・廃棄の記録なし（令和8年4月9日に契約終了）"], overview.Problems(ended));
        Assert.Equal(2, overview.Exceptions.Count);
    }
}
