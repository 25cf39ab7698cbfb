/**
 * Translation of a port Query into the calls that build a firebase-admin query.
 *
 * The plan is plain data, so the translation is tested without a server, and it
 * refuses the queries the SQLite adapter refuses, so a query that works locally is
 * one Firestore accepts. Ordering comes from effectiveOrder, as in the SQLite
 * adapter: the inequality field first, then the orderBy fields, then the document id
 * in the direction of the last of them.
 */
import { FieldPath, type Query as FirestoreQuery } from "firebase-admin/firestore";
import type { AppError } from "../../errors/app-error";
import { databaseError } from "../database-error";
import type { FilterOp, JsonValue, PlainFilter, PlainQuery, SortDirection } from "../database";
import { assertDocumentPath, assertFieldPath } from "../document-rules";
import { effectiveOrder } from "../index-rules";

/** Stands for FieldPath.documentId() in a plan, which holds no SDK objects. */
export const DOCUMENT_ID = "__name__";

/** Firestore's limit on the values of an "in" filter. */
const MAX_IN_VALUES = 30;

export type PlanStep =
  | { method: "where"; args: [field: string, op: FilterOp, value: JsonValue] }
  | { method: "orderBy"; args: [field: string, direction: SortDirection] }
  | { method: "startAfter"; args: JsonValue[] }
  | { method: "limit"; args: [limit: number] };

export type QueryPlan = PlanStep[];

const refuse = (message: string): AppError => databaseError("DATABASE_REFUSED", message);

type Scalar = string | number | boolean | null;

function isScalar(value: JsonValue): value is Scalar {
  return value === null || typeof value !== "object";
}

/** Arrays and maps as filter values are refused by the SQLite adapter, so here too. */
function assertScalar(value: JsonValue, where: string): void {
  if (!isScalar(value)) throw refuse(`${where}: filters and cursors on arrays or maps are not supported.`);
  if (typeof value === "number" && !Number.isFinite(value)) throw refuse(`${where}: numbers must be finite.`);
}

function assertFilter(filter: PlainFilter): void {
  assertFieldPath(filter.field);
  const where = `Filter on "${filter.field}"`;
  if (filter.field === DOCUMENT_ID)
    throw refuse(`${where}: filtering on the document id is not supported; read the document instead.`);
  switch (filter.op) {
    case "==":
    case "!=":
    case "array-contains":
      assertScalar(filter.value, where);
      return;
    case "<":
    case "<=":
    case ">":
    case ">=":
      if (filter.value === null) throw refuse(`${where}: a range filter needs a number, string or boolean.`);
      assertScalar(filter.value, where);
      return;
    case "in":
      if (!Array.isArray(filter.value) || filter.value.length === 0 || filter.value.length > MAX_IN_VALUES) {
        throw refuse(`${where}: "in" needs 1 to ${MAX_IN_VALUES} values.`);
      }
      for (const value of filter.value) assertScalar(value, where);
      return;
    default:
      throw refuse(`${where}: unsupported operator "${String(filter.op)}".`);
  }
}

export function planQuery(query: PlainQuery): QueryPlan {
  const steps: QueryPlan = [];
  for (const filter of query.where ?? []) {
    assertFilter(filter);
    steps.push({ method: "where", args: [filter.field, filter.op, filter.value] });
  }

  const order = effectiveOrder(query);
  for (const o of order) {
    assertFieldPath(o.field);
    steps.push({ method: "orderBy", args: [o.field, o.direction] });
  }

  const cursor = query.startAfter;
  if (cursor) {
    if (cursor.values.length !== order.length) throw refuse("The cursor does not match the query's ordering.");
    cursor.values.forEach((value) => assertScalar(value, "Cursor"));
    assertDocumentPath(query.collection, cursor.id);
    // Firestore orders ties by document id implicitly, but a cursor value can only
    // be given for an explicit orderBy; the same direction keeps the order unchanged.
    steps.push({ method: "orderBy", args: [DOCUMENT_ID, order[order.length - 1]?.direction ?? "asc"] });
    steps.push({ method: "startAfter", args: [...cursor.values, cursor.id] });
  }

  if (query.limit !== undefined) {
    if (!Number.isInteger(query.limit) || query.limit < 0) throw refuse("limit must be a non-negative integer.");
    steps.push({ method: "limit", args: [query.limit] });
  }
  return steps;
}

export function applyPlan(base: FirestoreQuery, plan: QueryPlan): FirestoreQuery {
  let query = base;
  for (const step of plan) {
    switch (step.method) {
      case "where":
        query = query.where(...step.args);
        break;
      case "orderBy": {
        const [field, direction] = step.args;
        query = query.orderBy(field === DOCUMENT_ID ? FieldPath.documentId() : field, direction);
        break;
      }
      case "startAfter":
        query = query.startAfter(...step.args);
        break;
      case "limit":
        query = query.limit(...step.args);
        break;
    }
  }
  return query;
}
