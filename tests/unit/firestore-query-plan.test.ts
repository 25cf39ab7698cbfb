import { FieldPath, Firestore } from "firebase-admin/firestore";
import { afterAll, describe, expect, it } from "vitest";
import type { FilterOp, JsonValue, PlainQuery } from "../../lib/db/database";
import { applyPlan, DOCUMENT_ID, planQuery, type PlanStep } from "../../lib/db/firestore/firestore-query-plan";
import { expectAppError } from "../support/app-error-thrown";

const collection = "items";

describe("planQuery", () => {
  it.each<[FilterOp, JsonValue]>([
    ["==", "a"],
    ["==", null],
    ["in", [1, "1", true]],
    ["array-contains", "red"],
  ])("turns %s into a where step and adds no ordering", (op, value) => {
    expect(planQuery({ collection, where: [{ field: "f", op, value }] })).toEqual([
      { method: "where", args: ["f", op, value] },
    ]);
  });

  it.each<[FilterOp, JsonValue]>([
    ["!=", 1],
    ["<", 1],
    ["<=", "b"],
    [">", false],
    [">=", 2.5],
  ])("turns %s into a where step followed by the implicit ascending order on its field", (op, value) => {
    expect(planQuery({ collection, where: [{ field: "f", op, value }] })).toEqual([
      { method: "where", args: ["f", op, value] },
      { method: "orderBy", args: ["f", "asc"] },
    ]);
  });

  it("keeps filters in order and orders by the fields given, dotted paths included", () => {
    const plan = planQuery({
      collection,
      where: [
        { field: "uid", op: "==", value: "u1" },
        { field: "meta.kind", op: "==", value: "x" },
      ],
      orderBy: [
        { field: "createdAt", direction: "desc" },
        { field: "meta.size", direction: "asc" },
      ],
    });
    expect(plan).toEqual<PlanStep[]>([
      { method: "where", args: ["uid", "==", "u1"] },
      { method: "where", args: ["meta.kind", "==", "x"] },
      { method: "orderBy", args: ["createdAt", "desc"] },
      { method: "orderBy", args: ["meta.size", "asc"] },
    ]);
  });

  it("keeps an explicit order on the inequality field, in its direction", () => {
    const plan = planQuery({
      collection,
      where: [{ field: "n", op: ">", value: 1 }],
      orderBy: [{ field: "n", direction: "desc" }],
    });
    expect(plan).toEqual<PlanStep[]>([
      { method: "where", args: ["n", ">", 1] },
      { method: "orderBy", args: ["n", "desc"] },
    ]);
  });

  it("puts a cursor on the orderBy values and the document id, ordering by id in the last direction", () => {
    const plan = planQuery({
      collection,
      orderBy: [
        { field: "a", direction: "asc" },
        { field: "b", direction: "desc" },
      ],
      startAfter: { values: [1, "x"], id: "doc7" },
      limit: 10,
    });
    expect(plan).toEqual<PlanStep[]>([
      { method: "orderBy", args: ["a", "asc"] },
      { method: "orderBy", args: ["b", "desc"] },
      { method: "orderBy", args: [DOCUMENT_ID, "desc"] },
      { method: "startAfter", args: [1, "x", "doc7"] },
      { method: "limit", args: [10] },
    ]);
  });

  it("puts a cursor after the implicit order of an inequality filter", () => {
    const plan = planQuery({
      collection,
      where: [{ field: "v", op: ">=", value: 2 }],
      startAfter: { values: [2], id: "p2" },
    });
    expect(plan).toEqual<PlanStep[]>([
      { method: "where", args: ["v", ">=", 2] },
      { method: "orderBy", args: ["v", "asc"] },
      { method: "orderBy", args: [DOCUMENT_ID, "asc"] },
      { method: "startAfter", args: [2, "p2"] },
    ]);
  });

  it("pages by document id alone when there is no order", () => {
    expect(planQuery({ collection, startAfter: { values: [], id: "doc3" } })).toEqual<PlanStep[]>([
      { method: "orderBy", args: [DOCUMENT_ID, "asc"] },
      { method: "startAfter", args: ["doc3"] },
    ]);
  });

  it("orders by document id only when a cursor needs it", () => {
    const plan = planQuery({ collection, orderBy: [{ field: "a", direction: "desc" }], limit: 0 });
    expect(plan).toEqual<PlanStep[]>([
      { method: "orderBy", args: ["a", "desc"] },
      { method: "limit", args: [0] },
    ]);
  });

  it("drops an explicit document-id order that repeats the implicit one", () => {
    const plan = planQuery({
      collection,
      orderBy: [
        { field: "a", direction: "desc" },
        { field: DOCUMENT_ID, direction: "desc" },
      ],
    });
    expect(plan).toEqual<PlanStep[]>([{ method: "orderBy", args: ["a", "desc"] }]);
  });

  it.each<[string, PlainQuery]>([
    [
      "inequalities on two fields",
      {
        collection,
        where: [
          { field: "a", op: ">", value: 1 },
          { field: "b", op: "<", value: 2 },
        ],
      },
    ],
    [
      "a first orderBy other than the inequality field",
      { collection, where: [{ field: "a", op: "!=", value: 1 }], orderBy: [{ field: "b", direction: "asc" }] },
    ],
    [
      "a cursor with too few values",
      { collection, orderBy: [{ field: "a", direction: "asc" }], startAfter: { values: [], id: "x" } },
    ],
    ["a cursor with too many values", { collection, startAfter: { values: [1], id: "x" } }],
    [
      "a cursor on an array value",
      { collection, orderBy: [{ field: "a", direction: "asc" }], startAfter: { values: [[1]], id: "x" } },
    ],
    ["a cursor id that is a path", { collection, startAfter: { values: [], id: "a/b" } }],
    ["an empty in", { collection, where: [{ field: "a", op: "in", value: [] }] }],
    [
      "an in with 31 values",
      { collection, where: [{ field: "a", op: "in", value: Array.from({ length: 31 }, (_, i) => i) }] },
    ],
    ["an in whose value is not a list", { collection, where: [{ field: "a", op: "in", value: 1 }] }],
    ["an in listing a map", { collection, where: [{ field: "a", op: "in", value: [{ b: 1 }] }] }],
    ["a range on null", { collection, where: [{ field: "a", op: "<", value: null }] }],
    ["a range on an array", { collection, where: [{ field: "a", op: ">=", value: [1] }] }],
    ["equality with a map", { collection, where: [{ field: "a", op: "==", value: { b: 1 } }] }],
    ["array-contains with an array", { collection, where: [{ field: "a", op: "array-contains", value: ["x"] }] }],
    ["a number that is not finite", { collection, where: [{ field: "a", op: "==", value: Number.NaN }] }],
    ["an unsupported operator", { collection, where: [{ field: "a", op: "not-in" as FilterOp, value: [1] }] }],
    ["a filter on the document id", { collection, where: [{ field: DOCUMENT_ID, op: "==", value: "x" }] }],
    ["an invalid field path", { collection, where: [{ field: "a..b", op: "==", value: 1 }] }],
    ["an invalid orderBy path", { collection, orderBy: [{ field: "a-b", direction: "asc" }] }],
    [
      "a document-id order that changes the order",
      { collection, orderBy: [{ field: DOCUMENT_ID, direction: "desc" }] },
    ],
    ["a negative limit", { collection, limit: -1 }],
    ["a fractional limit", { collection, limit: 1.5 }],
  ])("refuses %s with DATABASE_REFUSED", (_name, query) => {
    expectAppError(() => planQuery(query), "DATABASE_REFUSED");
  });
});

describe("applyPlan on a firebase-admin query", () => {
  // Building a query is local; nothing here reaches a server.
  const firestore = new Firestore({ projectId: "demo-query-plan" });
  const items = firestore.collection(collection);

  afterAll(async () => {
    await firestore.terminate();
  });

  it("builds the same query as the equivalent calls by hand", () => {
    const query: PlainQuery = {
      collection,
      where: [
        { field: "uid", op: "==", value: "u1" },
        { field: "createdAt", op: "<", value: "2025-01-01T00:00:00.000Z" },
      ],
      orderBy: [{ field: "createdAt", direction: "desc" }],
      startAfter: { values: ["2024-12-31T00:00:00.000Z"], id: "doc9" },
      limit: 20,
    };
    const byHand = items
      .where("uid", "==", "u1")
      .where("createdAt", "<", "2025-01-01T00:00:00.000Z")
      .orderBy("createdAt", "desc")
      .orderBy(FieldPath.documentId(), "desc")
      .startAfter("2024-12-31T00:00:00.000Z", "doc9")
      .limit(20);
    const built = applyPlan(items, planQuery(query));
    expect(built.isEqual(byHand)).toBe(true);
  });

  it("builds a different query when the plan differs (the comparison discriminates)", () => {
    const built = applyPlan(
      items,
      planQuery({ collection, orderBy: [{ field: "a", direction: "asc" }], startAfter: { values: [1], id: "d1" } }),
    );
    const asPlanned = items.orderBy("a", "asc").orderBy(FieldPath.documentId(), "asc").startAfter(1, "d1");
    const otherDirection = items.orderBy("a", "asc").orderBy(FieldPath.documentId(), "desc").startAfter(1, "d1");
    const otherCursor = items.orderBy("a", "asc").orderBy(FieldPath.documentId(), "asc").startAfter(1, "d2");
    expect(built.isEqual(asPlanned)).toBe(true);
    expect(built.isEqual(otherDirection)).toBe(false);
    expect(built.isEqual(otherCursor)).toBe(false);
  });

  it("builds every filter operator", () => {
    const ops: [FilterOp, JsonValue][] = [
      ["==", 1],
      ["in", [1, 2]],
      ["array-contains", "x"],
    ];
    for (const [op, value] of ops) {
      const built = applyPlan(items, planQuery({ collection, where: [{ field: "f", op, value }] }));
      expect(built.isEqual(items.where("f", op, value))).toBe(true);
    }
    for (const op of ["!=", "<", "<=", ">", ">="] as const) {
      const built = applyPlan(items, planQuery({ collection, where: [{ field: "f", op, value: 1 }] }));
      expect(built.isEqual(items.where("f", op, 1).orderBy("f", "asc"))).toBe(true);
    }
  });

  it("needs the explicit document-id order for an id cursor, which Firestore refuses without it", () => {
    const withoutIdOrder: PlanStep[] = [
      { method: "orderBy", args: ["a", "asc"] },
      { method: "startAfter", args: [1, "d1"] },
    ];
    expect(() => applyPlan(items, withoutIdOrder)).toThrow(/orderBy/);
  });
});
