/**
 * Wraps a Database so that every write is checked against the data inventory at run
 * time too. The compiler already ties each collection's record type to the fields the
 * inventory describes; this catches what types cannot: a handle made outside the
 * inventory, or a record built from a wider object whose extra fields slipped past
 * the type checker. Personal data the privacy policy does not mention cannot be stored.
 */
import { databaseError } from "./database-error";
import { isInventoried } from "../privacy/data-inventory";
import type { Collection, StoredRecord } from "./collection";
import type { Database, Transaction, WriteBatch } from "./database";

export function assertDeclaredInInventory<T extends StoredRecord<T>>(
  collection: Collection<T>,
  data: Partial<T>,
): void {
  if (!isInventoried(collection)) {
    throw databaseError("DATABASE_REFUSED", `Collection "${collection.name}" is not declared in the data inventory.`);
  }
  const undeclared = Object.keys(data).filter((field) => !Object.hasOwn(collection.fields, field));
  if (undeclared.length > 0) {
    throw databaseError(
      "DATABASE_REFUSED",
      `Fields ${undeclared.join(", ")} of "${collection.name}" are not declared in the data inventory.`,
    );
  }
}

type Writer = Pick<Transaction, "create" | "set" | "update" | "delete">;

function guardWrites(target: Writer): Writer {
  return {
    create: (collection, id, data) => {
      assertDeclaredInInventory(collection, data);
      target.create(collection, id, data);
    },
    set: (collection, id, data) => {
      assertDeclaredInInventory(collection, data);
      target.set(collection, id, data);
    },
    update: (collection, id, data) => {
      assertDeclaredInInventory(collection, data);
      target.update(collection, id, data);
    },
    delete: (collection, id) => {
      assertDeclaredInInventory(collection, {});
      target.delete(collection, id);
    },
  };
}

export function withInventoryGuard(db: Database): Database {
  return {
    get: (collection, id) => db.get(collection, id),
    query: (query) => db.query(query),
    runTransaction: (fn) =>
      db.runTransaction((tx) =>
        fn({
          ...guardWrites(tx),
          get: (collection, id) => tx.get(collection, id),
          query: (query) => tx.query(query),
        }),
      ),
    batch: (): WriteBatch => {
      const batch = db.batch();
      return { ...guardWrites(batch), commit: () => batch.commit() };
    },
    close: () => db.close(),
  };
}
