/**
 * Records of display and advertising (표시·광고에 관한 기록, kept 6 months): which
 * prices and offers were shown, where and on which day. They record the offer, not
 * the viewer: one record per surface, day and price table (its hash), written by the
 * first view of that day; later views cost nothing in this process and a read in another.
 */
import { createHash } from "node:crypto";
import { koreanDate } from "../clock/korean-calendar";
import { isAppError } from "../errors/app-error";
import { logger } from "../observability/logger";
import { DISPLAY_RECORDS } from "../privacy/data-inventory";
import type { Services } from "../services";
import type { Catalog } from "./get-catalog";

export { DISPLAY_RECORDS };

export type DisplaySurface = "landing" | "points" | "catalog-api";

// Types, not interfaces: stored records must be plain JSON, which an interface cannot promise.
export type DisplayedPackage = {
  id: string;
  points: number;
  bonusPercent: number;
  totalPoints: number;
  priceKrw: number;
  priceUsd: number;
};
export type DisplayedModel = { id: string; pointsPerImage: { [format: string]: number } };

export interface DisplayRecord {
  surface: DisplaySurface;
  /** YYYY-MM-DD, UTC. */
  day: string;
  offerHash: string;
  packages: DisplayedPackage[];
  models: DisplayedModel[];
  firstShownAt: string;
}

const recorded = new Set<string>();
const MAX_REMEMBERED = 1_000;

function offersOf(catalog: Catalog): Pick<DisplayRecord, "packages" | "models"> {
  return {
    packages: catalog.packages.map((pkg) => ({ ...pkg })),
    models: catalog.models.map((model) => ({ id: model.id, pointsPerImage: { ...model.pointsPerImage } })),
  };
}

export function displayRecordId(surface: DisplaySurface, day: string, offerHash: string): string {
  return `${day}_${surface}_${offerHash}`;
}

/**
 * Records that `surface` showed the catalog's prices today. A failure is logged and
 * swallowed: a page is not refused for its record, and the next view tries again.
 */
export async function recordDisplay(options: {
  services: Services;
  surface: DisplaySurface;
  catalog: Catalog;
}): Promise<void> {
  const { services, surface } = options;
  const now = services.clock.now();
  const offers = offersOf(options.catalog);
  const offerHash = createHash("sha256").update(JSON.stringify(offers)).digest("hex").slice(0, 16);
  const day = koreanDate(now);
  const id = displayRecordId(surface, day, offerHash);
  if (recorded.has(id)) return;
  const record: DisplayRecord = { surface, day, offerHash, ...offers, firstShownAt: now.toISOString() };
  try {
    await services.db.runTransaction(async (tx) => {
      if (!(await tx.get(DISPLAY_RECORDS, id))) tx.create(DISPLAY_RECORDS, id, record);
    });
  } catch (error) {
    if (!isAppError(error, "ALREADY_EXISTS")) {
      logger.warn("display_record.failed", { surface, code: isAppError(error) ? error.code : "UNKNOWN" });
      return;
    }
  }
  if (recorded.size >= MAX_REMEMBERED) recorded.clear();
  recorded.add(id);
}
