/**
 * The JSON shapes the HTTP API answers with, as the browser sees them: the types of
 * the use cases that produce them (type-only imports, so no server code reaches the
 * browser bundle).
 */
import type { Catalog } from "@/lib/pricing/get-catalog";
import type { GenerationStatus } from "@/lib/generation/generation-job";

/** GET /api/me: the member's summary, with the language and IANA time zone they chose (or were given at sign-up). */
export type { Me } from "@/lib/accounts/get-me";
export type { Catalog } from "@/lib/pricing/get-catalog";
export type { GenerationStatus } from "@/lib/generation/generation-job";
export type { GenerationView } from "@/lib/generation/get-generation";
export type { SubmittedGeneration } from "@/lib/generation/submit-generation";
export type { ImageListItem } from "@/lib/images/list-images";
export type { PointEntryView } from "@/lib/points/list-point-entries";
export type { EntryKind as PointEntryKind } from "@/lib/points/ledger";
export type { OrderView } from "@/lib/orders/order";
export type { OrderWithRefunds } from "@/lib/orders/get-order";
export type { RefundView } from "@/lib/refunds/refund";

export type CatalogModel = Catalog["models"][number];
export type CatalogPackage = Catalog["packages"][number];

export function isFinished(status: GenerationStatus): boolean {
  return status === "succeeded" || status === "partial" || status === "failed";
}
