/** The database port's factory: SQLite on this machine, Firestore in production. */
import { readFileSync } from "node:fs";
import type { ServerConfig } from "../config/env";
import type { Database } from "./database";
import { createFirestoreDatabase } from "./firestore/firestore-database";
import type { IndexFile } from "./index-rules";
import { SqliteDatabase } from "./sqlite/sqlite-database";
import { withInventoryGuard } from "./with-inventory-guard";

/** The composite indexes deployed to Firestore, which the SQLite adapter enforces alike. */
export function loadIndexFile(path: string): IndexFile {
  return JSON.parse(readFileSync(path, "utf8")) as IndexFile;
}

export function createDatabase(config: ServerConfig): Database {
  switch (config.DATABASE) {
    case "sqlite":
      return withInventoryGuard(
        new SqliteDatabase({ file: config.sqliteFile, indexes: loadIndexFile(config.FIRESTORE_INDEXES_FILE) }),
      );
    case "firestore":
      return withInventoryGuard(createFirestoreDatabase(config.FIREBASE_PROJECT_ID));
  }
}
