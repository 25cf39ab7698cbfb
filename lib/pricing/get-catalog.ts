import type { Currency, PaymentProviderId } from "../payments/payment-provider";
import type { Services } from "../services";
import {
  MAX_IMAGES_PER_GENERATION,
  MODELS,
  modelSizes,
  PACKAGES,
  packageCredit,
  type ImageFormat,
  type ImageProviderId,
  type ImageQuality,
} from "./price-table";

export interface CatalogModel {
  id: string;
  name: string;
  provider: ImageProviderId;
  /** The provider's quality tier, for models sold one entry per tier. */
  quality: ImageQuality | null;
  /** Pixel sizes ("1024x1536") or aspect ratios ("16:9"): what this model accepts. */
  sizes: ImageFormat[];
  pointsPerImage: Partial<Record<ImageFormat, number>>;
}

export interface Catalog {
  models: CatalogModel[];
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
  /** The configured providers with the currency each charges: what a buyer chooses between. */
  paymentOptions: PaymentOption[];
}

export interface PaymentOption {
  provider: PaymentProviderId;
  currency: Currency;
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
    paymentOptions: Object.values(paymentProviders).map((provider) => ({
      provider: provider.id,
      currency: provider.currency,
    })),
  };
}
