/**
 * Which queries Firestore can answer without a composite index, and whether a
 * declared composite index (firestore.indexes.json) serves a query. The local store
 * checks every query with this, so a missing index fails in tests, not in production.
 */
import { databaseError } from "./database-error";
import type { PlainQuery, SortDirection } from "./database";

export interface IndexField {
  fieldPath: string;
  order?: "ASCENDING" | "DESCENDING";
  arrayConfig?: "CONTAINS";
}

export interface CompositeIndex {
  collectionGroup: string;
  queryScope?: "COLLECTION" | "COLLECTION_GROUP";
  fields: IndexField[];
}

export interface IndexFile {
  indexes: CompositeIndex[];
  fieldOverrides?: unknown[];
}

const RANGE_OPS = new Set(["<", "<=", ">", ">=", "!="]);

/** The orderings a query really uses: its inequality field first, then its orderBy. */
export function effectiveOrder(query: PlainQuery): { field: string; direction: SortDirection }[] {
  const rangeFields = [...new Set((query.where ?? []).filter((f) => RANGE_OPS.has(f.op)).map((f) => f.field))];
  if (rangeFields.length > 1) {
    throw databaseError(
      "DATABASE_REFUSED",
      `Inequality filters on more than one field (${rangeFields.join(", ")}) are not supported.`,
    );
  }
  // The document id always breaks ties last, in the direction of the field before it;
  // any other order on it would be dropped silently below, so it is refused.
  (query.orderBy ?? []).forEach((o, i, all) => {
    if (o.field === "__name__" && (i !== all.length - 1 || o.direction !== (all[i - 1]?.direction ?? "asc"))) {
      throw databaseError(
        "DATABASE_REFUSED",
        "Ordering by document id is only supported last, in the direction of the orderBy before it.",
      );
    }
  });
  const orderBy = (query.orderBy ?? []).filter((o) => o.field !== "__name__");
  const rangeField = rangeFields[0];
  if (rangeField === undefined) return orderBy;
  if (orderBy.length > 0 && orderBy[0]?.field !== rangeField) {
    throw databaseError("DATABASE_REFUSED", `The first orderBy must be the inequality field "${rangeField}".`);
  }
  return orderBy.length > 0 ? orderBy : [{ field: rangeField, direction: "asc" }];
}

export function requiredIndex(query: PlainQuery): IndexField[] | null {
  const order = effectiveOrder(query);
  const orderFields = new Set(order.map((o) => o.field));
  const equality = (query.where ?? []).filter((f) => !RANGE_OPS.has(f.op) && !orderFields.has(f.field));
  if (order.length === 0 || order.length + equality.length <= 1) {
    return null;
  }
  return [
    ...equality.map((f): IndexField =>
      f.op === "array-contains"
        ? { fieldPath: f.field, arrayConfig: "CONTAINS" }
        : { fieldPath: f.field, order: "ASCENDING" },
    ),
    ...order.map((o): IndexField => ({
      fieldPath: o.field,
      order: o.direction === "asc" ? "ASCENDING" : "DESCENDING",
    })),
  ];
}

function servesQuery(index: CompositeIndex, collection: string, needed: IndexField[], equalityCount: number): boolean {
  if (index.collectionGroup !== collection || (index.queryScope ?? "COLLECTION") !== "COLLECTION") return false;
  const fields = index.fields.filter((f) => f.fieldPath !== "__name__");
  if (fields.length !== needed.length) return false;
  const declaredEquality = fields.slice(0, equalityCount);
  const neededEquality = needed.slice(0, equalityCount);
  const equalityMatches = neededEquality.every((n) =>
    declaredEquality.some(
      (d) => d.fieldPath === n.fieldPath && (n.arrayConfig ? d.arrayConfig === "CONTAINS" : d.order !== undefined),
    ),
  );
  const orderMatches = needed
    .slice(equalityCount)
    .every(
      (n, i) => fields[equalityCount + i]?.fieldPath === n.fieldPath && fields[equalityCount + i]?.order === n.order,
    );
  return equalityMatches && orderMatches;
}

export function assertIndexed(query: PlainQuery, indexes: IndexFile): void {
  const needed = requiredIndex(query);
  if (needed === null) return;
  const equalityCount = needed.length - effectiveOrder(query).length;
  if (indexes.indexes.some((index) => servesQuery(index, query.collection, needed, equalityCount))) return;
  const shape = needed.map((f) => `${f.fieldPath} ${f.arrayConfig ?? f.order}`).join(", ");
  throw databaseError(
    "DATABASE_REFUSED",
    `The query on "${query.collection}" needs a composite index (${shape}); declare it in firestore.indexes.json.`,
  );
}
