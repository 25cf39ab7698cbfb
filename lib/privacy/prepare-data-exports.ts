import { type Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import yazl from "yazl";
import { addDays } from "../clock/clock";
import { exportImageFile } from "../images/export-image-file";
import { IMAGES } from "../images/image-record";
import { enqueueMail } from "../mail/mail-outbox";
import { findMember } from "../accounts/members";
import { DEFAULT_LOCALE } from "../i18n/locales";
import { errorFields, logger } from "../observability/logger";
import type { Services } from "../services";
import { DATA_EXPORT_DAYS, DATA_EXPORTS, dataExportFileKey } from "./data-export";
import { getAccountData } from "./get-account-data";

/**
 * One machine-readable archive of everything held about the member: `<kind>.json` per
 * inventory kind (its title, purpose, field descriptions and every record, in the
 * member's language) and every image file as `images/<generation>-<n>.png`, as the
 * exported copy a download gives (visible mark and provenance).
 */
async function buildArchive(services: Services, uid: string): Promise<Buffer> {
  const member = await findMember(services.db, uid);
  const data = await getAccountData({ services, uid, locale: member?.locale ?? DEFAULT_LOCALE, complete: true });
  const zip = new yazl.ZipFile();
  const madeAt = new Date(data.generatedAt);
  for (const section of data.sections)
    zip.addBuffer(Buffer.from(JSON.stringify(section, null, 2)), `${section.kind}.json`, { mtime: madeAt });
  const images = await services.db.query({ collection: IMAGES, where: [{ field: "uid", op: "==", value: uid }] });
  for (const image of images) {
    const file = await exportImageFile({ services, image: image.data });
    // PNGs are compressed already.
    if (file)
      zip.addBuffer(file, `images/${image.data.generationId}-${image.data.index + 1}.png`, {
        compress: false,
        mtime: new Date(image.data.createdAt),
      });
  }
  zip.end();
  return buffer(zip.outputStream as Readable);
}

/**
 * Prepares every export asked for (the worker calls this on each sweep): the archive
 * is stored first, then, in one transaction, the export is marked ready for 7 days and
 * its mail queued. A crash between the two leaves an export still preparing, done
 * again on the next sweep over the same file key.
 */
export async function prepareDataExports(options: { services: Services }): Promise<number> {
  const { services } = options;
  const { db, blobs, clock } = services;
  const waiting = await db.query({
    collection: DATA_EXPORTS,
    where: [{ field: "status", op: "==", value: "preparing" }],
    limit: 10,
  });
  let prepared = 0;
  for (const { id, data } of waiting) {
    try {
      const fileKey = dataExportFileKey(data.uid, id);
      const archive = await buildArchive(services, data.uid);
      await blobs.put(fileKey, archive, "application/zip");
      const readyAt = clock.now();
      await db.runTransaction(async (tx) => {
        const current = await tx.get(DATA_EXPORTS, id);
        if (current?.data.status !== "preparing") return;
        tx.update(DATA_EXPORTS, id, {
          status: "ready",
          fileKey,
          bytes: archive.length,
          readyAt: readyAt.toISOString(),
          expiresAt: addDays(readyAt, DATA_EXPORT_DAYS).toISOString(),
        });
        enqueueMail(tx, { uid: data.uid, template: "data-export-ready", refId: id, now: readyAt });
      });
      prepared += 1;
    } catch (error) {
      logger.error("data_export.failed", { exportId: id, ...errorFields(error) });
    }
  }
  return prepared;
}
