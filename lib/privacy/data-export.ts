/**
 * An archive of everything held about a member (portability, PIPA art. 35-2): asked for
 * on My page, prepared by the worker, announced by mail, downloadable by that member
 * only, and deleted with its record 7 days after it was ready.
 */
import { DATA_EXPORT_DAYS, DATA_EXPORTS } from "./data-inventory";

export { DATA_EXPORT_DAYS, DATA_EXPORTS };

export interface DataExport {
  uid: string;
  status: "preparing" | "ready";
  fileKey: string | null;
  bytes: number | null;
  requestedAt: string;
  readyAt: string | null;
  /** Set once ready; until then the export is kept while it is being prepared. */
  expiresAt: string | null;
}

export function dataExportFileKey(uid: string, exportId: string): string {
  return `exports/${uid}/${exportId}.zip`;
}
