/** Translation of a port Query into SQL over the JSON documents table. */
import { databaseError } from "../database-error";
import type { JsonValue, PlainFilter, PlainQuery, SortDirection } from "../database";
import { assertFieldPath } from "../document-rules";
import { effectiveOrder } from "../index-rules";

type SqlParam = string | number | null;

export interface SqlQuery {
  sql: string;
  params: SqlParam[];
}

/** Firestore orders values of different types by type first: null < boolean < number < string < array < map. */
const TYPE_RANK = `CASE json_type(data, ?) WHEN 'null' THEN 0 WHEN 'false' THEN 1 WHEN 'true' THEN 1 WHEN 'integer' THEN 2 WHEN 'real' THEN 2 WHEN 'text' THEN 3 WHEN 'array' THEN 4 ELSE 5 END`;

function jsonPath(field: string): string {
  return (
    "$." +
    assertFieldPath(field)
      .map((segment) => `"${segment}"`)
      .join(".")
  );
}

interface Fragment {
  sql: string;
  params: SqlParam[];
}

const raw = (sql: string, ...params: SqlParam[]): Fragment => ({ sql, params });

function typeCondition(type: Fragment, value: JsonValue): Fragment {
  if (value === null) return raw(`${type.sql} = 'null'`, ...type.params);
  if (typeof value === "boolean") return raw(`${type.sql} = '${value ? "true" : "false"}'`, ...type.params);
  if (typeof value === "number") return raw(`${type.sql} IN ('integer', 'real')`, ...type.params);
  if (typeof value === "string") return raw(`${type.sql} = 'text'`, ...type.params);
  throw databaseError("DATABASE_REFUSED", "Filters on arrays or maps are not supported.");
}

/** The rank TYPE_RANK gives a value of this type. */
function typeRank(value: JsonValue): number {
  if (value === null) return 0;
  if (typeof value === "boolean") return 1;
  if (typeof value === "number") return 2;
  if (typeof value === "string") return 3;
  return Array.isArray(value) ? 4 : 5;
}

function comparableParam(value: JsonValue): SqlParam {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number" || typeof value === "string" || value === null) return value;
  throw databaseError("DATABASE_REFUSED", "Filters on arrays or maps are not supported.");
}

/** Equality as Firestore has it: values of different types are never equal. */
function equals(value: Fragment, type: Fragment, literal: JsonValue): Fragment {
  const sameType = typeCondition(type, literal);
  if (literal === null || typeof literal === "boolean") return sameType;
  return raw(`(${sameType.sql} AND ${value.sql} = ?)`, ...sameType.params, ...value.params, comparableParam(literal));
}

function filterSql(filter: PlainFilter): Fragment {
  const path = jsonPath(filter.field);
  const value = raw("json_extract(data, ?)", path);
  const type = raw("json_type(data, ?)", path);
  switch (filter.op) {
    case "==":
      return equals(value, type, filter.value);
    case "!=": {
      const equal = equals(value, type, filter.value);
      // Firestore's != leaves out null values as well as missing fields.
      return raw(
        `(${type.sql} IS NOT NULL AND ${type.sql} <> 'null' AND NOT ${equal.sql})`,
        ...type.params,
        ...type.params,
        ...equal.params,
      );
    }
    case "<":
    case "<=":
    case ">":
    case ">=": {
      if (filter.value === null || typeof filter.value === "object") {
        throw databaseError("DATABASE_REFUSED", `Range filter on "${filter.field}" needs a number, string or boolean.`);
      }
      // true and false are one type to a range filter (false < true).
      const sameType =
        typeof filter.value === "boolean"
          ? raw(`${type.sql} IN ('true', 'false')`, ...type.params)
          : typeCondition(type, filter.value);
      return raw(
        `(${sameType.sql} AND ${value.sql} ${filter.op} ?)`,
        ...sameType.params,
        ...value.params,
        comparableParam(filter.value),
      );
    }
    case "in": {
      if (!Array.isArray(filter.value) || filter.value.length === 0 || filter.value.length > 30) {
        throw databaseError("DATABASE_REFUSED", `"in" on "${filter.field}" needs 1 to 30 values.`);
      }
      const parts = filter.value.map((literal) => equals(value, type, literal));
      return raw(`(${parts.map((p) => p.sql).join(" OR ")})`, ...parts.flatMap((p) => p.params));
    }
    case "array-contains": {
      const match = equals(raw("element.value"), raw("element.type"), filter.value);
      // json_each also yields a scalar itself, which Firestore never matches.
      return raw(
        `(${type.sql} = 'array' AND EXISTS (SELECT 1 FROM json_each(data, ?) AS element WHERE ${match.sql}))`,
        ...type.params,
        path,
        ...match.params,
      );
    }
    default:
      throw databaseError("DATABASE_REFUSED", `Unsupported filter operator "${String(filter.op)}".`);
  }
}

function orderTerms(field: string, direction: SortDirection, params: SqlParam[]): string {
  const path = jsonPath(field);
  const dir = direction === "asc" ? "ASC" : "DESC";
  params.push(path, path);
  return `${TYPE_RANK} ${dir}, json_extract(data, ?) ${dir}`;
}

function cursorSql(query: PlainQuery, params: SqlParam[]): string {
  const cursor = query.startAfter;
  if (!cursor) return "";
  const order = effectiveOrder(query);
  if (cursor.values.length !== order.length) {
    throw databaseError("DATABASE_REFUSED", "The cursor does not match the query's ordering.");
  }
  const idDirection = order[order.length - 1]?.direction ?? "asc";
  // (a, b, id) strictly after (va, vb, vid) in the query's order, as a chain of ORs.
  const keys: { field: string | null; direction: SortDirection }[] = [
    ...order,
    { field: null, direction: idDirection },
  ];
  const values: JsonValue[] = [...cursor.values, cursor.id];
  const disjuncts: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const parts: string[] = [];
    for (let j = 0; j <= i; j++) {
      const key = keys[j]!;
      const value = values[j] ?? null;
      const op = j < i ? "=" : key.direction === "asc" ? ">" : "<";
      if (key.field === null) {
        params.push(cursor.id);
        parts.push(`id ${op} ?`);
      } else {
        // Compare as ORDER BY does, type rank first: a bare comparison is never true for
        // a null cursor value and puts booleans (0 and 1 in SQL) among the numbers.
        const path = jsonPath(key.field);
        const param = comparableParam(value);
        const rank = typeRank(value);
        if (op === "=") {
          params.push(path, rank, path, param);
          parts.push(`(${TYPE_RANK} = ? AND json_extract(data, ?) IS ?)`);
        } else {
          params.push(path, rank, path, rank, path, param);
          parts.push(`(${TYPE_RANK} ${op} ? OR (${TYPE_RANK} = ? AND json_extract(data, ?) ${op} ?))`);
        }
      }
    }
    disjuncts.push(`(${parts.join(" AND ")})`);
  }
  return ` AND (${disjuncts.join(" OR ")})`;
}

export function toSql(query: PlainQuery): SqlQuery {
  const params: SqlParam[] = [query.collection];
  let sql = "SELECT id, data FROM documents WHERE collection = ?";
  for (const filter of query.where ?? []) {
    const fragment = filterSql(filter);
    sql += ` AND ${fragment.sql}`;
    params.push(...fragment.params);
  }
  const order = effectiveOrder(query);
  for (const o of order) {
    // Firestore leaves out documents that lack an orderBy field.
    params.push(jsonPath(o.field));
    sql += " AND json_type(data, ?) IS NOT NULL";
  }
  sql += cursorSql(query, params);
  const terms = order.map((o) => orderTerms(o.field, o.direction, params));
  const idDirection = order[order.length - 1]?.direction === "desc" ? "DESC" : "ASC";
  terms.push(`id ${idDirection}`);
  sql += ` ORDER BY ${terms.join(", ")}`;
  if (query.limit !== undefined) {
    if (!Number.isInteger(query.limit) || query.limit < 0)
      throw databaseError("DATABASE_REFUSED", "limit must be a non-negative integer.");
    params.push(query.limit);
    sql += " LIMIT ?";
  }
  return { sql, params };
}
