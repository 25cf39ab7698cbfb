/** The JSON shapes the HTTP API answers with, as the browser sees them. */

export interface Me {
  uid: string;
  email: string | null;
  name: string;
  emailVerified: boolean;
  points: number;
  marketingOptIn: boolean;
}

export interface CatalogModel {
  id: string;
  name: string;
  sizes: string[];
  pointsPerImage: Partial<Record<string, number>>;
}

export interface CatalogPackage {
  id: string;
  points: number;
  bonusPercent: number;
  totalPoints: number;
  priceKrw: number;
  priceUsd: number;
}

export interface Catalog {
  models: CatalogModel[];
  packages: CatalogPackage[];
  maxImagesPerGeneration: number;
  paymentProviders: string[];
}

export type GenerationStatus = "queued" | "running" | "succeeded" | "partial" | "failed";

export interface GenerationView {
  id: string;
  status: GenerationStatus;
  prompt: string;
  model: string;
  size: string;
  count: number;
  imagesDone: number;
  imagesFailed: number;
  images: { id: string; url: string; thumbnailUrl: string }[];
  pointsReserved: number;
  pointsCharged: number | null;
  errorCode: string | null;
  createdAt: string;
}

export interface SubmittedGeneration {
  id: string;
  status: GenerationStatus;
  pointsReserved: number;
}

export interface ImageListItem {
  id: string;
  generationId: string;
  prompt: string;
  model: string;
  size: string;
  createdAt: string;
  expiresAt: string;
  url: string;
  thumbnailUrl: string;
}

export type PointEntryKind = "purchase" | "reserve" | "release" | "refund" | "adjustment";

export interface PointEntryView {
  id: string;
  kind: PointEntryKind;
  amount: number;
  balanceAfter: number;
  reason: string;
  generationId: string | null;
  orderId: string | null;
  createdAt: string;
}

export interface OrderView {
  orderId: string;
  packageId: string;
  provider: string;
  points: number;
  amount: number;
  currency: "KRW" | "USD";
  status: "pending" | "paid" | "canceled";
  createdAt: string;
  paidAt: string | null;
}

export function isFinished(status: GenerationStatus): boolean {
  return status === "succeeded" || status === "partial" || status === "failed";
}
