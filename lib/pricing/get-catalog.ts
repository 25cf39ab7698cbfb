import type { Services } from "../services";
import {
  MAX_IMAGES_PER_GENERATION,
  MODELS,
  modelSizes,
  PACKAGES,
  packageCredit,
  type ImageFormat,
} from "./price-table";

export interface Catalog {
  models: { id: string; name: string; sizes: ImageFormat[]; pointsPerImage: Partial<Record<ImageFormat, number>> }[];
  packages: {
    id: string;
    points: number;
    bonusPercent: number;
    totalPoints: number;
    priceKrw: number;
    priceUsd: number;
  }[];
  maxImagesPerGeneration: number;
  paymentProviders: string[];
}

/**
 * What can be bought and generated in this deployment, read from the one price table:
 * only the models whose provider is configured (IMAGE_PROVIDERS).
 */
export function getCatalog(options: { services: Services }): Catalog {
  const { imageProviders, paymentProviders } = options.services;
  return {
    models: MODELS.filter((model) => imageProviders[model.provider] !== undefined).map((model) => ({
      id: model.id,
      name: model.name,
      provider: model.provider,
      quality: model.quality ?? null,
      sizes: modelSizes(model),
      pointsPerImage: model.pointsPerImage,
    })),
    packages: PACKAGES.map((pkg) => ({
      id: pkg.id,
      points: pkg.points,
      bonusPercent: pkg.bonusPercent,
      totalPoints: packageCredit(pkg),
      priceKrw: pkg.priceKrw,
      priceUsd: pkg.priceUsdCents / 100,
    })),
    maxImagesPerGeneration: MAX_IMAGES_PER_GENERATION,
    paymentProviders: Object.keys(paymentProviders),
  };
}
