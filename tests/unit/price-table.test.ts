import { describe, expect, it } from "vitest";
import {
  findModel,
  findPackage,
  generationCost,
  MODELS,
  modelSizes,
  PACKAGES,
  packageCredit,
  type ImageSize,
} from "../../lib/pricing/price-table";

describe("the model price table", () => {
  it.each(MODELS.map((model) => [model.id, model] as const))(
    "%s offers at least one size, each at a positive whole number of points",
    (_id, model) => {
      const sizes = modelSizes(model);
      expect(sizes.length).toBeGreaterThan(0);
      for (const size of sizes) {
        const points = model.pointsPerImage[size];
        expect(Number.isSafeInteger(points), `${model.id} ${size}`).toBe(true);
        expect(points).toBeGreaterThan(0);
      }
    },
  );

  it("has unique model ids", () => {
    expect(new Set(MODELS.map((model) => model.id)).size).toBe(MODELS.length);
  });

  it("prices a generation as points per image times the count", () => {
    const sketch = findModel("local-sketch")!;
    expect(generationCost(sketch, "512x512", 1)).toBe(10);
    expect(generationCost(sketch, "512x512", 3)).toBe(30);
    expect(generationCost(sketch, "1024x1024", 4)).toBe(80);
    const poster = findModel("local-poster")!;
    expect(generationCost(poster, "1536x1024", 2)).toBe(120);
  });

  it("has no price for a size the model does not offer", () => {
    const sketch = findModel("local-sketch")!;
    expect(generationCost(sketch, "1536x1024", 1)).toBeUndefined();
    expect(generationCost(sketch, "nonsense" as ImageSize, 1)).toBeUndefined();
  });

  it("finds nothing for an unknown model", () => {
    expect(findModel("gpt-image-99")).toBeUndefined();
    expect(findModel("")).toBeUndefined();
  });
});

describe("the points packages", () => {
  it.each([
    ["points-1000", 1_000, 15_000, 1_000],
    ["points-5000", 5_250, 75_000, 5_000],
    ["points-10000", 11_000, 150_000, 10_000],
    ["points-30000", 34_500, 450_000, 30_000],
  ])("%s credits %i points for %i KRW or %i US cents", (id, credit, krw, usdCents) => {
    const pkg = findPackage(id)!;
    expect(pkg).toBeDefined();
    expect(packageCredit(pkg)).toBe(credit);
    expect(pkg.priceKrw).toBe(krw);
    expect(pkg.priceUsdCents).toBe(usdCents);
  });

  it("sells exactly the four packages", () => {
    expect(PACKAGES.map((pkg) => pkg.id)).toEqual(["points-1000", "points-5000", "points-10000", "points-30000"]);
  });

  it("prices every package at 15,000 KRW and 10 USD per 1,000 base points", () => {
    for (const pkg of PACKAGES) {
      expect(pkg.priceKrw).toBe((pkg.points / 1_000) * 15_000);
      expect(pkg.priceUsdCents).toBe((pkg.points / 1_000) * 1_000);
    }
  });

  it("rounds a fractional bonus down", () => {
    expect(packageCredit({ id: "odd", points: 999, bonusPercent: 5, priceKrw: 1, priceUsdCents: 1 })).toBe(999 + 49);
  });

  it("finds nothing for an unknown package", () => {
    expect(findPackage("points-1")).toBeUndefined();
    expect(findPackage("")).toBeUndefined();
  });
});
