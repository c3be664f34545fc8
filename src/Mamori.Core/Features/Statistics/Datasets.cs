namespace Mamori.Core.Features.Statistics;

/// <summary>The datasets Mamori ships, and the rounding of rates.</summary>
public static class Datasets
{
    /// <summary>A share as a percentage rounded half-up to one decimal: 1 of 16 → 6.3.</summary>
    public static decimal Percent(long part, long whole) =>
        whole == 0 ? throw new DivideByZeroException() : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);

    private static StatColumn Total(params string[] operands) => new("total", "合計", StatColumnKind.Sum) { Operands = operands };

    public static DatasetDefinition MyNumberCards { get; } = new(
        "mynumber-cards", "マイナンバーカード交付状況", "団体ごとの人口・申請数・交付数と、申請率・交付率（人口に対する割合、小数第1位で四捨五入）。",
        PeriodKind.AsOfDate, "団体", ["区名", "市区町村名", "団体名", "団体", "市町村名"],
        [
            new("population", "人口"),
            new("applications", "申請数"),
            new("issued", "交付数"),
            new("applicationRate", "申請率", StatColumnKind.Rate) { Operands = ["applications", "population"], Digits = 1 },
            new("issuanceRate", "交付率", StatColumnKind.Rate) { Operands = ["issued", "population"], Digits = 1 },
        ]);

    public static DatasetDefinition Convenience { get; } = new(
        "convenience", "コンビニ交付", "年度ごとのコンビニエンスストアでの証明書の交付件数（住民票の写し、印鑑登録証明書、税証明書）と合計。",
        PeriodKind.FiscalYear, "年度", ["年度"],
        [new("residentRecord", "住民票"), new("sealRegistration", "印鑑登録証明"), new("taxCertificate", "税証明"), Total("residentRecord", "sealRegistration", "taxCertificate")]);

    public static DatasetDefinition ResidentNetwork { get; } = new(
        "juki-net", "住基ネット実績", "年度ごとの住基ネットの利用実績（特例転出入、住基カード等の継続利用、住民票の写しの広域交付）と合計。",
        PeriodKind.FiscalYear, "年度", ["年度"],
        [new("specialMoves", "特例転出入"), new("continuedUse", "継続利用"), new("wideAreaIssuance", "広域交付"), Total("specialMoves", "continuedUse", "wideAreaIssuance")]);

    public static IReadOnlyList<DatasetDefinition> All { get; } = [MyNumberCards, Convenience, ResidentNetwork];

    /// <summary>A built-in dataset by key (the office's own are found with <see cref="StatDatasets.FindAsync"/>).</summary>
    public static DatasetDefinition? Find(string? key) => All.FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.OrdinalIgnoreCase));
}
