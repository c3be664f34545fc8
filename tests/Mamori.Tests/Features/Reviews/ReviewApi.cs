using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Features.Reviews;

/// <summary>Small steps of the review API used by the tests: each asserts its status and returns the JSON.</summary>
internal static class ReviewApi
{
    public static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    public static string Id(this JsonElement e) => e.GetProperty("id").GetString()!;

    public static async Task<string> BusinessAsync(Browser who, Guid departmentId, string name, params string[] types) =>
        (await Json(await who.Client.PostAsJsonAsync("/api/v1/reviews/businesses", new { name, departmentId, types }), HttpStatusCode.Created)).Id();

    public static async Task<string> RoundAsync(Browser office, string title, int? firstCaseNumber = null) =>
        (await Json(await office.Client.PostAsJsonAsync("/api/v1/reviews/rounds", new
        {
            title,
            body = "デジタル・セキュリティ部会",
            noticeOn = "令和5年9月7日",
            deadlineOn = "令和５年９月２２日",
            preConsultations = new[] { "2023-10-06", "2023-10-20" },
            meetingOn = "2023-11-09",
            reportOn = "2023-11-17",
            reportTo = "デジタル化推進本部",
            firstCaseNumber,
        }), HttpStatusCode.Created)).Id();

    public static async Task<JsonElement> CaseAsync(Browser who, string roundId, string businessId, string summary, params string[] types) =>
        await Json(await who.Client.PostAsJsonAsync("/api/v1/reviews/cases", new { roundId, businessId, types, summary }), HttpStatusCode.Created);

    /// <summary>Details that make each type's form complete (再委託 allowed, both PPC checks done).</summary>
    public static object CompleteDetails(string type) => type switch
    {
        "Outsourcing" or "DesignatedManagement" or "WorkerDispatch" => new
        {
            contractor = "株式会社まもりシステム",
            periodFrom = "2024-04-01",
            periodTo = "2025-03-31",
            clauses = new[] { "秘密保持", "再委託の制限（事前承認）" },
            subcontractAllowed = true,
            subcontractor = "まもりサポート株式会社",
            subcontractResponsibilityChecked = true,
            subcontractSafetyChecked = true,
            certifications = new[] { "ISMAP" },
        },
        "OutOfPurposeUse" or "ExternalProvision" => new { recipient = "代表透析医療機関", legalBasis = "個人情報保護法第69条第2項第2号", items = "氏名\n連絡先" },
        "ExternalConnection" => new { connectedParty = "都道府県知事", line = "LGWAN", items = "附票本人確認情報" },
        "ComputerInput" => new { systemName = "住民情報系基幹業務システム", backupKinds = new[] { "差分バックアップ", "フルバックアップ" }, backupFrequency = "毎日（差分）、週1回（フル）" },
        _ => new { },
    };

    /// <summary>Answers every question of every form of the case, with sensitive flags where asked.</summary>
    public static async Task FillAllAsync(Browser who, string caseId, bool sensitive = false, string[]? ordinance = null)
    {
        var c = await Json(await who.GetAsync($"/api/v1/reviews/cases/{caseId}"), HttpStatusCode.OK);
        foreach (var inspection in c.GetProperty("inspections").EnumerateArray())
        {
            var type = inspection.GetProperty("type").GetString()!;
            var answers = inspection.GetProperty("questions").EnumerateArray()
                .ToDictionary(q => q.GetProperty("key").GetString()!, q => q.GetProperty("kind").GetString() == "YesNo" ? "はい" : "記述の回答");
            await Json(await who.Client.PutAsJsonAsync($"/api/v1/reviews/cases/{caseId}/inspections/{type}", new
            {
                answers,
                details = CompleteDetails(type),
                hasSensitive = sensitive,
                ordinanceSensitive = ordinance ?? [],
            }), HttpStatusCode.OK);
        }
    }

    public static async Task<JsonElement> SubmitAsync(Browser who, string caseId) =>
        await Json(await who.Client.PostAsync($"/api/v1/reviews/cases/{caseId}/submit", null), HttpStatusCode.OK);

    public static async Task<string> EntryAsync(Browser who, string caseId, object entry)
    {
        var c = await Json(await who.Client.PostAsJsonAsync($"/api/v1/reviews/cases/{caseId}/entries", entry), HttpStatusCode.OK);
        return c.GetProperty("entries").EnumerateArray().Last().Id();
    }

    public static async Task StatusAsync(Browser office, string roundId, string status) =>
        await Json(await office.Client.PostAsJsonAsync($"/api/v1/reviews/rounds/{roundId}/status", new { status }), HttpStatusCode.OK);
}
