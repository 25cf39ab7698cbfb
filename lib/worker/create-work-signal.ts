/** The work signal port's factory: it follows the database, where the work is queued. */
import { join } from "node:path";
import type { ServerConfig } from "../config/env";
import { FileWorkSignal } from "./file-work-signal";
import { FirestoreWorkSignal } from "./firestore-work-signal";
import type { WorkSignal } from "./work-signal";

export function createWorkSignal(config: ServerConfig): WorkSignal {
  switch (config.DATABASE) {
    case "sqlite":
      return new FileWorkSignal(join(config.DATA_DIR, "work-signals"));
    case "firestore":
      return new FirestoreWorkSignal(config.FIREBASE_PROJECT_ID);
  }
}
