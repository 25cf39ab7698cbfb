/**
 * Wraps a Database so that every write is checked against the data inventory: a
 * collection or top-level field the inventory does not declare is refused. Personal
 * data the privacy policy does not mention cannot be stored by accident.
 */
import { AppError } from "../errors/app-error";
import { declaredFields } from "../privacy/data-inventory";
import type { Database, DocumentData, Transaction, WriteBatch } from "./database";

export function assertDeclaredInInventory(collection: string, data: DocumentData): void {
  const fields = declaredFields(collection);
  if (!fields) {
    throw new AppError("DATABASE_REFUSED", `Collection "${collection}" is not declared in the data inventory.`);
  }
  const undeclared = Object.keys(data).filter((field) => !fields.has(field));
  if (undeclared.length > 0) {
    throw new AppError(
      "DATABASE_REFUSED",
      `Fields ${undeclared.join(", ")} of "${collection}" are not declared in the data inventory.`,
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
    delete: (collection, id) => target.delete(collection, id),
  };
}

function bindWriter(target: Writer): Writer {
  return {
    create: target.create.bind(target),
    set: target.set.bind(target),
    update: target.update.bind(target),
    delete: target.delete.bind(target),
  };
}

export function withInventoryGuard(db: Database): Database {
  return {
    get: (collection, id) => db.get(collection, id),
    query: (query) => db.query(query),
    runTransaction: (fn) =>
      db.runTransaction((tx) => fn({ ...guardWrites(bindWriter(tx)), get: tx.get.bind(tx), query: tx.query.bind(tx) })),
    batch: (): WriteBatch => {
      const batch = db.batch();
      return { ...guardWrites(bindWriter(batch)), commit: () => batch.commit() };
    },
    close: () => db.close(),
  };
}
