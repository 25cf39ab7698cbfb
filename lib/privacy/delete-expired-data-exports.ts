import type { Services } from "../services";
import { DATA_EXPORTS } from "./data-export";

/**
 * Deletes each export archive, then its record, once its 7 days have passed: the file
 * first, so a crash in between leaves a record that the next run finishes deleting.
 */
export async function deleteExpiredDataExports(options: { services: Services }): Promise<number> {
  const { db, blobs, clock } = options.services;
  const expired = await db.query({
    collection: DATA_EXPORTS,
    where: [{ field: "expiresAt", op: "<=", value: clock.now().toISOString() }],
  });
  for (const { id, data } of expired) {
    if (data.fileKey) await blobs.delete(data.fileKey);
    await db.runTransaction(async (tx) => tx.delete(DATA_EXPORTS, id));
  }
  return expired.length;
}
