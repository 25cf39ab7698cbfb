import { randomUUID } from "node:crypto";
import { MEMBERS } from "../accounts/members";
import { AppError } from "../errors/app-error";
import type { Services } from "../services";
import { DATA_EXPORTS, type DataExport } from "./data-export";

export interface RequestDataExportOptions {
  services: Services;
  uid: string;
}

/**
 * Asks for an archive of everything held about the member; the worker prepares it
 * (prepare-data-exports.ts). One at a time: while one is being prepared, asking again
 * answers that one. Giving members their own data is not refused under a restriction
 * (it is one of their rights), so no restriction check is made here.
 */
export async function requestDataExport(options: RequestDataExportOptions): Promise<{ id: string } & DataExport> {
  const { db, clock } = options.services;
  const newId = randomUUID();
  return db.runTransaction(async (tx) => {
    if (!(await tx.get(MEMBERS, options.uid))) throw new AppError("ACCOUNT_INCOMPLETE", "account.incomplete");
    const mine = await tx.query({ collection: DATA_EXPORTS, where: [{ field: "uid", op: "==", value: options.uid }] });
    const preparing = mine.find((doc) => doc.data.status === "preparing");
    if (preparing) return { id: preparing.id, ...preparing.data };
    const record: DataExport = {
      uid: options.uid,
      status: "preparing",
      fileKey: null,
      bytes: null,
      requestedAt: clock.now().toISOString(),
      readyAt: null,
      expiresAt: null,
    };
    tx.create(DATA_EXPORTS, newId, record);
    return { id: newId, ...record };
  });
}
