import type { Collection, StoredRecord } from "../db/collection";
import type { Doc } from "../db/database";
import type { Services } from "../services";
import { WITHDRAWALS } from "../withdrawal/withdrawal";
import { LEGAL_HOLD } from "./legal-hold-record";

export interface PurgeLegalHoldsOutcome {
  legalHolds: number;
  withdrawals: number;
}

/** Deletes page after page of what `nextPage` finds, until a page comes back short. */
async function deleteAll<T extends StoredRecord<T>>(
  services: Services,
  collection: Collection<T>,
  nextPage: () => Promise<Doc<T>[]>,
  limit: number,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const page = await nextPage();
    if (page.length > 0) {
      const batch = services.db.batch();
      for (const { id } of page) batch.delete(collection, id);
      await batch.commit();
    }
    deleted += page.length;
    if (page.length < limit) return deleted;
  }
}

/**
 * Destroys held records whose legal period has ended, and the records of finished
 * withdrawals a year on. Separate from the other retention rules because a held
 * record's date is its own (the period of the kind it came from), not its collection's.
 */
export async function purgeExpiredLegalHolds(options: {
  services: Services;
  pageSize?: number;
}): Promise<PurgeLegalHoldsOutcome> {
  const { services } = options;
  const now = services.clock.now().toISOString();
  const limit = options.pageSize ?? 200;
  const legalHolds = await deleteAll(
    services,
    LEGAL_HOLD,
    () => services.db.query({ collection: LEGAL_HOLD, where: [{ field: "holdUntil", op: "<=", value: now }], limit }),
    limit,
  );
  const withdrawals = await deleteAll(
    services,
    WITHDRAWALS,
    () => services.db.query({ collection: WITHDRAWALS, where: [{ field: "expiresAt", op: "<=", value: now }], limit }),
    limit,
  );
  return { legalHolds, withdrawals };
}
