/**
 * The one price table. The server decides every amount from it; the catalog API and
 * the UI only read it. Nothing from the browser sets a price.
 */

export type ImageProviderId = "local" | "openai" | "replicate";

/** A size in pixels, for models that take one (GPT image, the local models). */
export type ImageSize = "512x512" | "1024x1024" | "1024x1536" | "1536x1024";
/** A width:height ratio, for models that take one (FLUX, Stable Diffusion 3.5). */
export type AspectRatio = "1:1" | "16:9" | "9:16" | "4:3" | "3:4" | "3:2" | "2:3";
/** What a model is asked for. The API and job field keeps the name `size`. */
export type ImageFormat = ImageSize | AspectRatio;

export type ImageQuality = "low" | "medium" | "high";

export interface ModelPrice {
  /** Our catalog id: what the API, jobs and images name. */
  id: string;
  name: string;
  provider: ImageProviderId;
  /** The provider's own model name, the one place it lives: a retirement is a one-line change here. */
  providerModel: string;
  /** The provider's quality tier, for models sold one catalog entry per tier (GPT image). */
  quality?: ImageQuality;
  /** Points per image for each format the model offers. */
  pointsPerImage: Partial<Record<ImageFormat, number>>;
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

// --- Replicate ------------------------------------------------------------------
// Replicate bills these official models per output image (replicate.com/pricing and
// each model's page, checked 2026-11). A point sells for 15 KRW or US$0.01 (PACKAGES);
// after 10% VAT, the payment fee (about 3.5%) and the largest package bonus (15%) it
// brings in about US$0.0076, so each price below covers the cost with a margin of a
// third or more. Replicate charges only for images it returns: so do we.
const REPLICATE_ASPECT_RATIOS = ["1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3"] as const;

/** The same price for every aspect ratio: Replicate's price does not depend on it. */
function everyAspectRatio(points: number): Partial<Record<ImageFormat, number>> {
  return Object.fromEntries(REPLICATE_ASPECT_RATIOS.map((ratio) => [ratio, points]));
}

const REPLICATE_MODELS: readonly ModelPrice[] = [
  {
    id: "flux-schnell",
    name: "FLUX.1 [schnell]",
    provider: "replicate",
    providerModel: "black-forest-labs/flux-schnell",
    // US$0.003 per image (replicate.com/black-forest-labs/flux-schnell): 2 points, US$0.015 net.
    pointsPerImage: everyAspectRatio(2),
  },
  {
    id: "flux-dev",
    name: "FLUX.1 [dev]",
    provider: "replicate",
    providerModel: "black-forest-labs/flux-dev",
    // US$0.025 per image (replicate.com/black-forest-labs/flux-dev): 5 points, US$0.038 net.
    pointsPerImage: everyAspectRatio(5),
  },
  {
    id: "flux-1.1-pro",
    name: "FLUX1.1 [pro]",
    provider: "replicate",
    providerModel: "black-forest-labs/flux-1.1-pro",
    // US$0.04 per image (replicate.com/black-forest-labs/flux-1.1-pro): 8 points, US$0.061 net.
    pointsPerImage: everyAspectRatio(8),
  },
  {
    id: "sd-3.5-large",
    name: "Stable Diffusion 3.5 Large",
    provider: "replicate",
    providerModel: "stability-ai/stable-diffusion-3.5-large",
    // US$0.065 per image (replicate.com/stability-ai/stable-diffusion-3.5-large): 12 points, US$0.091 net.
    pointsPerImage: everyAspectRatio(12),
  },
];
// --- end Replicate ----------------------------------------------------------------

export const MODELS: readonly ModelPrice[] = [
  {
    id: "local-sketch",
    name: "Local Sketch",
    provider: "local",
    providerModel: "local-sketch",
    pointsPerImage: { "512x512": 10, "1024x1024": 20 },
  },
  {
    id: "local-poster",
    name: "Local Poster",
    provider: "local",
    providerModel: "local-poster",
    pointsPerImage: { "1024x1024": 40, "1024x1536": 60, "1536x1024": 60 },
  },
  // OpenAI gpt-image-2 (current GPT image model; dall-e-3 and gpt-image-1 are retired).
  // Its documented sizes: 1024x1024, 1536x1024, 1024x1536 (and custom multiples of 16 we
  // do not offer; 512x512 is under its minimum). Billed by tokens: image output $30 per
  // 1M tokens, text input $5 per 1M (openai.com/api/pricing, 2026-11). OpenAI's
  // per-image figures for 1024x1024: low $0.006, medium $0.053, high $0.211; the
  // portrait and landscape sizes take 1.5 times the output tokens. A 1,000-character
  // prompt adds at most about $0.002. One point sells for $0.01 (1,000 for $10 or
  // ₩15,000), about $0.0087 after 10% VAT and card fees; each price is at least twice
  // the cost in those net points, rounded up.
  {
    id: "gpt-image-2-low",
    name: "GPT Image 2 (low)",
    provider: "openai",
    providerModel: "gpt-image-2",
    quality: "low",
    // Cost $0.008 (square), $0.011 (portrait/landscape).
    pointsPerImage: { "1024x1024": 2, "1024x1536": 3, "1536x1024": 3 },
  },
  {
    id: "gpt-image-2-medium",
    name: "GPT Image 2 (medium)",
    provider: "openai",
    providerModel: "gpt-image-2",
    quality: "medium",
    // Cost $0.055 (square), $0.082 (portrait/landscape).
    pointsPerImage: { "1024x1024": 13, "1024x1536": 19, "1536x1024": 19 },
  },
  {
    id: "gpt-image-2-high",
    name: "GPT Image 2 (high)",
    provider: "openai",
    providerModel: "gpt-image-2",
    quality: "high",
    // Cost $0.213 (square), $0.319 (portrait/landscape).
    pointsPerImage: { "1024x1024": 49, "1024x1536": 74, "1536x1024": 74 },
  },
  ...REPLICATE_MODELS,
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

export function modelSizes(model: ModelPrice): ImageFormat[] {
  return Object.keys(model.pointsPerImage) as ImageFormat[];
}

/** Whether a format is square, taller than wide or wider than tall: how the form names it. */
export function formatShape(format: ImageFormat): "square" | "portrait" | "landscape" {
  const [width, height] = format.split(/[x:]/).map(Number) as [number, number];
  return width === height ? "square" : width < height ? "portrait" : "landscape";
}

/** Points credited for a package: its points plus the bonus, rounded down. */
export function packageCredit(pkg: PointsPackage): number {
  return pkg.points + Math.floor((pkg.points * pkg.bonusPercent) / 100);
}

/** Points a generation costs, or undefined when the model does not offer the size. */
export function generationCost(model: ModelPrice, size: ImageFormat, count: number): number | undefined {
  const perImage = model.pointsPerImage[size];
  return perImage === undefined ? undefined : perImage * count;
}
