using System.IO.Compression;
using System.Net;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Findings;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Findings.FindingTests;

namespace Mamori.Tests.Features.Findings;

/// <summary>速報 and 確報 in the PPC's form: every item on the document, a missing one refused by name, each sent report kept as it went out.</summary>
public sealed class IncidentReportTests(AppFixture app)
{
    private static async Task<string> PageAsync(Browser browser, string url) =>
        System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(await browser.GetPageAsync(url)), @">\s+<", "><");

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Form(TestTenant tenant, DateOnly learned, Guid department, Dictionary<string, string>? more = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = "健診結果の誤送付",
            ["Input.DepartmentId"] = department.ToString(),
            ["Input.Kind"] = "Leak",
            ["Input.LearnedOn"] = Iso(learned),
            ["Input.OccurredOn"] = Iso(learned.AddDays(-2)),
            ["Input.Summary"] = "健診結果の通知12通を別の世帯に送付した。",
            ["Input.AffectedCount"] = "12",
            ["Input.HasSensitive"] = "true",
        };
        foreach (var (k, v) in more ?? [])
        {
            form[k] = v;
        }
        return form;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task PreliminaryAndFinal_CarryEveryItem_RefuseAMissingOneByName_AndStayAsSent(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var today = factory.Today;
        var learned = today.AddDays(-3);
        using var department = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        var id = await PostAsync(department, "/incidents/edit", Form(tenant, learned, tenant.OwnDepartmentId), "/incidents/edit");
        var preliminary = $"/incidents/{id}/report?kind=Preliminary";

        // The 速報 needs the items of the information concerned; what is not known yet reads 調査中.
        var preview = WebUtility.HtmlDecode(await department.GetPageAsync(preliminary));
        Assert.Contains("個人情報の漏えい等の報告（速報）", preview);
        Assert.Contains("漏えい等が発生し、又は発生したおそれがある保有個人情報の項目", preview);
        var refused = await RefusedAsync(department, preliminary, new() { ["SentOn"] = Iso(today.AddDays(-1)) }, preliminary);
        Assert.Contains("速報に必要な項目が入力されていません：漏えい等が発生し、又は発生したおそれがある保有個人情報の項目", refused);
        Assert.Empty(await factory.AsSystemAsync((_, db) => db.IncidentReports.Where(r => r.IncidentId == Guid.Parse(id)).ToListAsync()));

        await PostAsync(department, $"/incidents/edit/{id}", Form(tenant, learned, tenant.OwnDepartmentId, new() { ["Input.DataItems"] = "氏名、住所、健診結果" }), $"/incidents/edit/{id}");
        await PostAsync(department, preliminary, new() { ["SentOn"] = Iso(today.AddDays(-1)) }, preliminary);
        var stored = await factory.AsSystemAsync((_, db) => db.Incidents.FirstAsync(i => i.Id == Guid.Parse(id)));
        Assert.Equal(today.AddDays(-1), stored.PreliminaryReportedOn);
        Assert.Null(stored.FinalReportedOn);

        // The 確報 answers every item: refused with the names of those still empty.
        var final = $"/incidents/{id}/report?kind=Final";
        refused = await RefusedAsync(department, final, new() { ["SentOn"] = Iso(today) }, final);
        Assert.Contains("確報に必要な項目が入力されていません：発覚の経緯、原因、二次被害又はそのおそれの有無及びその内容、本人への対応の実施状況、公表の実施状況、再発防止のための措置", refused);
        var complete = new Dictionary<string, string>
        {
            ["Input.DataItems"] = "氏名、住所、健診結果",
            ["Input.Discovery"] = "受け取った住民からの電話で判明した。",
            ["Input.RootCause"] = "封入時に宛名と中身を照合していなかった。",
            ["Input.SecondaryHarm"] = "false",
            ["Input.PublicationNote"] = "区ホームページで公表した。",
            ["Input.Measures"] = "封入時の二人での照合を徹底する。",
        };
        await PostAsync(department, $"/incidents/edit/{id}", Form(tenant, learned, tenant.OwnDepartmentId, complete), $"/incidents/edit/{id}");
        await PostAsync(department, $"/incidents/{id}", new() { ["Input.PreliminaryReportedOn"] = Iso(today.AddDays(-1)), ["Input.NotifiedOn"] = Iso(today), ["Input.NotificationNote"] = "文書で通知" }, $"/incidents/{id}");
        await PostAsync(department, final, new() { ["SentOn"] = Iso(today) }, final);
        stored = await factory.AsSystemAsync((_, db) => db.Incidents.FirstAsync(i => i.Id == Guid.Parse(id)));
        Assert.Equal(today, stored.FinalReportedOn);

        // What was sent stays as it went out; the preview follows the record.
        await PostAsync(department, $"/incidents/edit/{id}", Form(tenant, learned, tenant.OwnDepartmentId,
            new(complete) { ["Input.Summary"] = "健診結果の通知13通を別の世帯に送付した。" }), $"/incidents/edit/{id}");
        var reports = await factory.AsSystemAsync((_, db) => db.IncidentReports.Where(r => r.IncidentId == Guid.Parse(id)).OrderBy(r => r.SentOn).ToListAsync());
        Assert.Equal([IncidentReportKind.Preliminary, IncidentReportKind.Final], reports.Select(r => r.Kind));
        var sent = await PageAsync(department, $"/incidents/{id}/report?kind=Final&sent={reports[1].Id}");
        Assert.Contains("健診結果の通知12通を別の世帯に送付した。", sent);
        foreach (var label in new[]
        {
            "事態の区分", "報告の対象となる事態", "発生日", "発覚日（認知日）", "概要", "漏えい等が発生し、又は発生したおそれがある保有個人情報の項目", "本人の数",
            "発覚の経緯", "原因", "二次被害又はそのおそれの有無及びその内容", "本人への対応の実施状況", "公表の実施状況", "再発防止のための措置", "その他参考となる事項",
        })
        {
            Assert.Contains($"<td class=\"pre\">{label}</td>", sent);
        }
        Assert.Contains("要配慮個人情報を含む", sent);
        Assert.Contains("12人", sent);
        Assert.Contains($"{Mamori.Core.Japanese.WarekiDate.Format(today)}に通知（文書で通知）", sent);
        Assert.Contains("健診結果の通知13通", WebUtility.HtmlDecode(await department.GetPageAsync(final)));
        var sentPreliminary = await PageAsync(department, $"/incidents/{id}/report?kind=Preliminary&sent={reports[0].Id}");
        Assert.Contains("<td class=\"pre\">原因</td><td class=\"pre\">調査中</td>", sentPreliminary);

        var docx = await department.GetAsync($"/incidents/{id}/report?handler=Docx&kind=Final&sent={reports[1].Id}");
        Assert.Equal("attachment", docx.Content.Headers.ContentDisposition?.DispositionType);
        using (var zip = new ZipArchive(await docx.Content.ReadAsStreamAsync()))
        {
            var xml = await new StreamReader(zip.GetEntry("word/document.xml")!.Open()).ReadToEndAsync();
            Assert.Contains("個人情報の漏えい等の報告（確報）", xml);
            Assert.Contains("封入時に宛名と中身を照合していなかった。", xml);
        }

        // Another department's incident is not this department's to see or report.
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var other = await PostAsync(office, "/incidents/edit", Form(tenant, learned, tenant.OtherDepartmentId), "/incidents/edit");
        Assert.Equal(HttpStatusCode.NotFound, (await department.GetAsync($"/incidents/{other}/report?kind=Preliminary")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await department.GetAsync($"/incidents/{id}/report?kind=Final&sent={Guid.NewGuid()}")).StatusCode);
    }
}
