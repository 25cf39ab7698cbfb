/**
 * The one price table. The server decides every amount from it; the catalog API and
 * the UI only read it. Nothing from the browser sets a price.
 */

export type ImageSize = "512x512" | "1024x1024" | "1024x1536" | "1536x1024";
export type ImageProviderId = "local";

export interface ModelPrice {
  id: string;
  name: string;
  provider: ImageProviderId;
  /** Points per image for each size the model offers. */
  pointsPerImage: Partial<Record<ImageSize, number>>;
}

export interface PointsPackage {
  id: string;
  points: number;
  /** Bonus in percent of `points`, credited on top. */
  bonusPercent: number;
  priceKrw: number;
  /** In cents. */
  priceUsdCents: number;
}

export const MAX_IMAGES_PER_GENERATION = 4;

export const MODELS: readonly ModelPrice[] = [
  {
    id: "local-sketch",
    name: "Local Sketch",
    provider: "local",
    pointsPerImage: { "512x512": 10, "1024x1024": 20 },
  },
  {
    id: "local-poster",
    name: "Local Poster",
    provider: "local",
    pointsPerImage: { "1024x1024": 40, "1024x1536": 60, "1536x1024": 60 },
  },
];

export const PACKAGES: readonly PointsPackage[] = [
  { id: "points-1000", points: 1_000, bonusPercent: 0, priceKrw: 15_000, priceUsdCents: 1_000 },
  { id: "points-5000", points: 5_000, bonusPercent: 5, priceKrw: 75_000, priceUsdCents: 5_000 },
  { id: "points-10000", points: 10_000, bonusPercent: 10, priceKrw: 150_000, priceUsdCents: 10_000 },
  { id: "points-30000", points: 30_000, bonusPercent: 15, priceKrw: 450_000, priceUsdCents: 30_000 },
];

export function findModel(modelId: string): ModelPrice | undefined {
  return MODELS.find((model) => model.id === modelId);
}

export function findPackage(packageId: string): PointsPackage | undefined {
  return PACKAGES.find((pkg) => pkg.id === packageId);
}

export function modelSizes(model: ModelPrice): ImageSize[] {
  return Object.keys(model.pointsPerImage) as ImageSize[];
}

/** Points credited for a package: its points plus the bonus, rounded down. */
export function packageCredit(pkg: PointsPackage): number {
  return pkg.points + Math.floor((pkg.points * pkg.bonusPercent) / 100);
}

/** Points a generation costs, or undefined when the model does not offer the size. */
export function generationCost(model: ModelPrice, size: ImageSize, count: number): number | undefined {
  const perImage = model.pointsPerImage[size];
  return perImage === undefined ? undefined : perImage * count;
}
