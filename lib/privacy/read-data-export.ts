import { AppError } from "../errors/app-error";
import type { Services } from "../services";
import { DATA_EXPORTS } from "./data-export";

export interface ReadDataExportOptions {
  services: Services;
  uid: string;
  exportId: string;
}

/** The member's own archive while its 7 days last; anyone else's, or one expired or not ready, is not found. */
export async function readDataExport(options: ReadDataExportOptions): Promise<{ bytes: Buffer; fileName: string }> {
  const { db, blobs, clock } = options.services;
  const found = await db.get(DATA_EXPORTS, options.exportId);
  const data = found?.data;
  if (
    !data ||
    data.uid !== options.uid ||
    data.status !== "ready" ||
    !data.fileKey ||
    !data.expiresAt ||
    data.expiresAt <= clock.now().toISOString()
  )
    throw new AppError("NOT_FOUND", "request.notFound");
  const blob = await blobs.get(data.fileKey);
  if (!blob) throw new AppError("NOT_FOUND", "request.notFound");
  return { bytes: blob.bytes, fileName: `imagesfactory-data-${options.exportId}.zip` };
}
