/**
 * The contract of the Database port (lib/db/database.ts), run against every adapter.
 * Each adapter's test file calls describeDatabaseContract with a way to open a fresh
 * database; the suite names its collections after a random run id, so it can share a
 * store (the Firestore emulator) with earlier runs.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MAX_DOCUMENT_BYTES,
  MAX_WRITES_PER_COMMIT,
  type Database,
  type Doc,
  type DocumentData,
  type FilterOp,
  type JsonValue,
  type Query,
  type Cursor,
  type Filter,
} from "../../../lib/db/database";
import { defineCollection, type Collection } from "../../../lib/db/collection";
import type { IndexFile } from "../../../lib/db/index-rules";
import { expectAppError } from "../../support/app-error-thrown";

export interface DatabaseContractSetup {
  /** The composite indexes the adapter must be opened with (the suite's own, not the product's). */
  indexes: IndexFile;
}

export interface DatabaseContractOptions {
  /**
   * Whether the adapter refuses a query that lacks a composite index. Production
   * Firestore and the SQLite adapter do; the Firestore emulator does not.
   */
  enforcesIndexes?: boolean;
  /**
   * Transactions racing on one document. The Firestore emulator serialises them with
   * a lock that times out under heavy contention (production Firestore advises about
   * one write per second per document), so it runs with fewer.
   */
  contenders?: number;
}

async function rejection(action: Promise<unknown>): Promise<unknown> {
  return action.then(
    () => {
      throw new Error("Expected the operation to fail, but it succeeded.");
    },
    (error: unknown) => error,
  );
}

const ids = (docs: Doc<unknown>[]): string[] => docs.map((doc) => doc.id);

/** Reads every page of a query through its cursor, the way a paging UI would. */
async function readAllPages(db: Database, query: Query<DocumentData>, pageSize: number): Promise<string[]> {
  const order = query.orderBy ?? [];
  const seen: string[] = [];
  let cursor: Cursor | undefined;
  for (let page = 0; page < 100; page++) {
    const docs = await db.query({ ...query, limit: pageSize, startAfter: cursor });
    seen.push(...ids(docs));
    const last = docs[docs.length - 1];
    if (docs.length < pageSize || !last) return seen;
    cursor = { values: order.map((o) => last.data[o.field] ?? null), id: last.id };
  }
  throw new Error("Paging did not finish within 100 pages.");
}

export function describeDatabaseContract(
  adapterName: string,
  open: (setup: DatabaseContractSetup) => Promise<Database>,
  options: DatabaseContractOptions = {},
): void {
  const enforcesIndexes = options.enforcesIndexes ?? true;
  const contenders = options.contenders ?? 50;
  const run = randomUUID().replace(/-/g, "").slice(0, 12);
  // The suite tests the store itself, so its collections hold any document.
  const collection = (label: string): Collection<DocumentData> => defineCollection<DocumentData>(`${label}_${run}`, {});
  const indexed = collection("indexed");
  const indexes: IndexFile = {
    indexes: [
      {
        collectionGroup: indexed.name,
        queryScope: "COLLECTION",
        fields: [
          { fieldPath: "group", order: "ASCENDING" },
          { fieldPath: "rank", order: "DESCENDING" },
        ],
      },
    ],
  };

  describe(`Database contract: ${adapterName}`, () => {
    let db: Database;

    async function seed(name: Collection<DocumentData>, docs: Record<string, DocumentData>): Promise<void> {
      const batch = db.batch();
      for (const [id, data] of Object.entries(docs)) batch.set(name, id, data);
      await batch.commit();
    }

    beforeAll(async () => {
      db = await open({ indexes });
    });

    afterAll(async () => {
      await db.close();
    });

    describe("documents", () => {
      const docs = collection("docs");

      it("returns null for a missing document", async () => {
        expect(await db.get(docs, "missing")).toBeNull();
      });

      it("creates a document and reads back exactly its JSON", async () => {
        const data = {
          text: "héllo",
          count: 3,
          ratio: 0.25,
          yes: true,
          nothing: null,
          list: [1, "two", { three: 3 }],
          nested: { deep: { value: "x" } },
        };
        await db.runTransaction(async (tx) => tx.create(docs, "created", data));
        expect(await db.get(docs, "created")).toEqual({ id: "created", data });
      });

      it("set replaces the whole document", async () => {
        await db.runTransaction(async (tx) => tx.set(docs, "replaced", { a: 1, b: 2 }));
        await db.runTransaction(async (tx) => tx.set(docs, "replaced", { a: 3 }));
        expect((await db.get(docs, "replaced"))?.data).toEqual({ a: 3 });
      });

      it("update merges top-level fields shallowly and keeps the others", async () => {
        await db.runTransaction(async (tx) => tx.set(docs, "merged", { keep: "me", map: { x: 1, y: 2 } }));
        await db.runTransaction(async (tx) => tx.update(docs, "merged", { map: { x: 5 }, added: true }));
        expect((await db.get(docs, "merged"))?.data).toEqual({ keep: "me", map: { x: 5 }, added: true });
      });

      it("update treats a dotted key as one top-level field, not a nested path", async () => {
        await db.runTransaction(async (tx) => tx.set(docs, "dotted", { a: { b: 1 } }));
        await db.runTransaction(async (tx) => tx.update(docs, "dotted", { "a.b": 2 }));
        expect((await db.get(docs, "dotted"))?.data).toEqual({ a: { b: 1 }, "a.b": 2 });
      });

      it("an update without fields is refused", async () => {
        await db.runTransaction(async (tx) => tx.set(docs, "unchanged", { a: 1 }));
        await expectAppError(
          db.runTransaction(async (tx) => tx.update(docs, "unchanged", {})),
          "DATABASE_REFUSED",
        );
      });

      it("delete removes a document, and deleting a missing one succeeds", async () => {
        await db.runTransaction(async (tx) => tx.set(docs, "doomed", { a: 1 }));
        await db.runTransaction(async (tx) => {
          tx.delete(docs, "doomed");
          tx.delete(docs, "never-existed");
        });
        expect(await db.get(docs, "doomed")).toBeNull();
      });

      it("refuses document ids Firestore refuses", async () => {
        await expectAppError(db.get(docs, "a/b"), "DATABASE_REFUSED");
        await expectAppError(
          db.runTransaction(async (tx) => tx.set(docs, "__reserved__", { a: 1 })),
          "DATABASE_REFUSED",
        );
      });
    });

    describe("transactions", () => {
      const txs = collection("txs");

      beforeAll(async () => {
        await seed(txs, { taken: { v: 1 }, readable: { v: 7 } });
      });

      it("returns the function's result and commits its writes", async () => {
        const result = await db.runTransaction(async (tx) => {
          const doc = await tx.get(txs, "readable");
          tx.set(txs, "copy", { v: Number(doc?.data.v ?? 0) * 2 });
          return "done";
        });
        expect(result).toBe("done");
        expect((await db.get(txs, "copy"))?.data).toEqual({ v: 14 });
      });

      it("create on an existing document fails with ALREADY_EXISTS and the transaction writes nothing", async () => {
        await expectAppError(
          db.runTransaction(async (tx) => {
            tx.set(txs, "sibling-of-create", { v: 2 });
            tx.create(txs, "taken", { v: 3 });
          }),
          "ALREADY_EXISTS",
        );
        expect(await db.get(txs, "sibling-of-create")).toBeNull();
        expect((await db.get(txs, "taken"))?.data).toEqual({ v: 1 });
      });

      it("update of a missing document fails with NOT_FOUND and the transaction writes nothing", async () => {
        await expectAppError(
          db.runTransaction(async (tx) => {
            tx.set(txs, "sibling-of-update", { v: 2 });
            tx.update(txs, "absent", { v: 3 });
          }),
          "NOT_FOUND",
        );
        expect(await db.get(txs, "sibling-of-update")).toBeNull();
        expect(await db.get(txs, "absent")).toBeNull();
      });

      it("refuses a get after a write with DATABASE_REFUSED and writes nothing", async () => {
        await expectAppError(
          db.runTransaction(async (tx) => {
            tx.set(txs, "before-get", { v: 1 });
            await tx.get(txs, "readable");
          }),
          "DATABASE_REFUSED",
        );
        expect(await db.get(txs, "before-get")).toBeNull();
      });

      it("refuses a query after a write with DATABASE_REFUSED and writes nothing", async () => {
        await expectAppError(
          db.runTransaction(async (tx) => {
            tx.set(txs, "before-query", { v: 1 });
            await tx.query({ collection: txs, where: [{ field: "v", op: "==", value: 7 }] });
          }),
          "DATABASE_REFUSED",
        );
        expect(await db.get(txs, "before-query")).toBeNull();
      });

      it("a transaction that throws writes nothing and rethrows the very error", async () => {
        const failure = new Error("the use case changed its mind");
        const error = await rejection(
          db.runTransaction(async (tx) => {
            tx.set(txs, "thrown-away", { v: 1 });
            tx.update(txs, "taken", { v: 99 });
            throw failure;
          }),
        );
        expect(error).toBe(failure);
        expect(await db.get(txs, "thrown-away")).toBeNull();
        expect((await db.get(txs, "taken"))?.data).toEqual({ v: 1 });
      });

      it("queries inside a transaction see committed documents", async () => {
        const found = await db.runTransaction((tx) =>
          tx.query({ collection: txs, where: [{ field: "v", op: "==", value: 7 }] }),
        );
        expect(ids(found)).toEqual(["readable"]);
      });
    });

    describe("queries", () => {
      const items = collection("items");
      const ties = collection("ties");
      const pages = collection("pages");
      const mixed = collection("mixed");

      beforeAll(async () => {
        await seed(items, {
          n1: { n: 1, s: "b", tags: ["red", "blue"], flag: true },
          n2: { n: 2, s: "a", tags: ["blue"], flag: false },
          n3: { n: 3, s: "c", tags: "red", flag: true, meta: { size: 3 } },
          str1: { n: "1", s: "d" },
          nul: { n: null, s: null },
          none: { other: true },
        });
        await seed(ties, {
          a: { rank: 1 },
          b: { rank: 2 },
          c: { rank: 1 },
          d: { rank: 2 },
          e: { rank: 1 },
          unranked: { other: 1 },
        });
        // Ids deliberately out of step with the sort values, and many ties.
        await seed(pages, {
          p4: { v: 1 },
          p0: { v: 1 },
          p6: { v: 1 },
          p2: { v: 2 },
          p1: { v: 2 },
          p5: { v: 3 },
          p3: { v: 3 },
        });
        await seed(mixed, {
          m1: { v: 1 },
          m2: { v: true },
          m3: { v: null },
          m4: { v: "a" },
          m5: { v: 0.5 },
          m6: { v: false },
          m7: { v: null },
          m8: { v: true },
        });
      });

      const where = async (field: string, op: FilterOp, value: JsonValue): Promise<string[]> =>
        ids(await db.query({ collection: items, where: [{ field, op, value } as Filter<DocumentData>] }));

      it('== matches only values of the same type (1 is not "1")', async () => {
        expect(await where("n", "==", 1)).toEqual(["n1"]);
        expect(await where("n", "==", "1")).toEqual(["str1"]);
        expect(await where("s", "==", null)).toEqual(["nul"]);
        expect(await where("flag", "==", true)).toEqual(["n1", "n3"]);
      });

      it("== reaches into maps with a dotted field path", async () => {
        expect(await where("meta.size", "==", 3)).toEqual(["n3"]);
      });

      it("!= matches every other value of any type, but not null or a missing field, ordered by the field", async () => {
        expect(await where("n", "!=", 1)).toEqual(["n2", "n3", "str1"]);
        expect(await where("s", "!=", null)).toEqual(["n2", "n1", "n3", "str1"]);
      });

      it("range filters match only values of the same type, ordered by the field", async () => {
        expect(await where("n", "<", 3)).toEqual(["n1", "n2"]);
        expect(await where("n", "<=", 2)).toEqual(["n1", "n2"]);
        expect(await where("n", ">", 1)).toEqual(["n2", "n3"]);
        expect(await where("n", ">=", 2)).toEqual(["n2", "n3"]);
        expect(await where("s", "<", "c")).toEqual(["n2", "n1"]);
        expect(await where("s", ">=", "c")).toEqual(["n3", "str1"]);
      });

      it("range filters on booleans order false before true", async () => {
        expect(await where("flag", "<", true)).toEqual(["n2"]);
        expect(await where("flag", ">", false)).toEqual(["n1", "n3"]);
      });

      it("in matches any listed value with the same type semantics as ==", async () => {
        expect(await where("n", "in", [1, "1"])).toEqual(["n1", "str1"]);
        expect(await where("n", "in", [2, 3, 4])).toEqual(["n2", "n3"]);
      });

      it("array-contains matches array elements, never a scalar field", async () => {
        expect(await where("tags", "array-contains", "red")).toEqual(["n1"]);
        expect(await where("tags", "array-contains", "blue")).toEqual(["n1", "n2"]);
      });

      it("orderBy sorts by type then value (null, numbers, strings) and leaves out documents without the field", async () => {
        const asc = await db.query({ collection: items, orderBy: [{ field: "n", direction: "asc" }] });
        expect(ids(asc)).toEqual(["nul", "n1", "n2", "n3", "str1"]);
        const desc = await db.query({ collection: items, orderBy: [{ field: "n", direction: "desc" }] });
        expect(ids(desc)).toEqual(["str1", "n3", "n2", "n1", "nul"]);
      });

      it("orderBy breaks ties by document id in the direction of the last orderBy", async () => {
        const asc = await db.query({ collection: ties, orderBy: [{ field: "rank", direction: "asc" }] });
        expect(ids(asc)).toEqual(["a", "c", "e", "b", "d"]);
        const desc = await db.query({ collection: ties, orderBy: [{ field: "rank", direction: "desc" }] });
        expect(ids(desc)).toEqual(["d", "b", "e", "c", "a"]);
      });

      it("accepts an explicit document-id order only where it changes nothing, and refuses it elsewhere", async () => {
        const redundant = await db.query({
          collection: ties,
          orderBy: [
            { field: "rank", direction: "desc" },
            { field: "__name__", direction: "desc" },
          ],
        });
        expect(ids(redundant)).toEqual(["d", "b", "e", "c", "a"]);
        await expectAppError(
          db.query({ collection: ties, orderBy: [{ field: "__name__", direction: "desc" }] }),
          "DATABASE_REFUSED",
        );
        await expectAppError(
          db.query({
            collection: ties,
            orderBy: [
              { field: "__name__", direction: "asc" },
              { field: "rank", direction: "asc" },
            ],
          }),
          "DATABASE_REFUSED",
        );
        await expectAppError(
          db.query({
            collection: ties,
            orderBy: [
              { field: "rank", direction: "asc" },
              { field: "__name__", direction: "desc" },
            ],
          }),
          "DATABASE_REFUSED",
        );
      });

      it("without orderBy, documents come in id order", async () => {
        expect(ids(await db.query({ collection: ties }))).toEqual(["a", "b", "c", "d", "e", "unranked"]);
      });

      it("limit keeps the first documents in query order, and limit 0 returns none", async () => {
        const two = await db.query({ collection: ties, orderBy: [{ field: "rank", direction: "desc" }], limit: 2 });
        expect(ids(two)).toEqual(["d", "b"]);
        expect(await db.query({ collection: ties, limit: 0 })).toEqual([]);
      });

      it("startAfter continues strictly after the cursor document, ties included", async () => {
        const after = await db.query({
          collection: ties,
          orderBy: [{ field: "rank", direction: "asc" }],
          startAfter: { values: [1], id: "c" },
        });
        expect(ids(after)).toEqual(["e", "b", "d"]);
        const byId = await db.query({ collection: ties, startAfter: { values: [], id: "c" } });
        expect(ids(byId)).toEqual(["d", "e", "unranked"]);
      });

      for (const direction of ["asc", "desc"] as const) {
        for (const pageSize of [1, 2, 3]) {
          it(`paging ${direction} by ${pageSize} over equal sort values yields every document exactly once, in order`, async () => {
            const query: Query<DocumentData> = { collection: pages, orderBy: [{ field: "v", direction }] };
            const all = ids(await db.query(query));
            expect(all).toHaveLength(7);
            const paged = await readAllPages(db, query, pageSize);
            expect(paged).toEqual(all);
            expect(new Set(paged).size).toBe(7);
          });
        }
      }

      it("orders and pages across types: null, false, true, numbers, strings", async () => {
        const asc: Query<DocumentData> = { collection: mixed, orderBy: [{ field: "v", direction: "asc" }] };
        expect(ids(await db.query(asc))).toEqual(["m3", "m7", "m6", "m2", "m8", "m5", "m1", "m4"]);
        expect(await readAllPages(db, asc, 1)).toEqual(["m3", "m7", "m6", "m2", "m8", "m5", "m1", "m4"]);
        const desc: Query<DocumentData> = { collection: mixed, orderBy: [{ field: "v", direction: "desc" }] };
        expect(await readAllPages(db, desc, 1)).toEqual(["m4", "m1", "m5", "m8", "m2", "m6", "m7", "m3"]);
      });

      it("paging works with the implicit order of an inequality filter", async () => {
        const query: Query<DocumentData> = {
          collection: pages,
          where: [{ field: "v", op: ">=", value: 2 }],
          orderBy: [{ field: "v", direction: "asc" }],
        };
        expect(await readAllPages(db, query, 1)).toEqual(["p1", "p2", "p3", "p5"]);
        const implicit = await db.query({
          collection: pages,
          where: [{ field: "v", op: ">=", value: 2 }],
          startAfter: { values: [2], id: "p2" },
        });
        expect(ids(implicit)).toEqual(["p3", "p5"]);
      });

      it("refuses queries Firestore cannot run", async () => {
        const refused: Query<DocumentData>[] = [
          {
            collection: items,
            where: [
              { field: "n", op: ">", value: 1 },
              { field: "s", op: "<", value: "z" },
            ],
          },
          {
            collection: items,
            where: [{ field: "n", op: ">", value: 1 }],
            orderBy: [{ field: "s", direction: "asc" }],
          },
          { collection: items, where: [{ field: "n", op: "in", value: [] }] },
          { collection: items, where: [{ field: "n", op: "in", value: Array.from({ length: 31 }, (_, i) => i) }] },
          { collection: items, where: [{ field: "n", op: "<", value: null }] },
          { collection: items, orderBy: [{ field: "n", direction: "asc" }], startAfter: { values: [], id: "n1" } },
          { collection: items, limit: -1 },
        ];
        for (const query of refused) await expectAppError(db.query(query), "DATABASE_REFUSED");
      });
    });

    describe("composite indexes", () => {
      const unindexed = collection("unindexed");
      const groupedByRank = (name: Collection<DocumentData>): Query<DocumentData> => ({
        collection: name,
        where: [{ field: "group", op: "==", value: "x" }],
        orderBy: [{ field: "rank", direction: "desc" }],
      });

      beforeAll(async () => {
        const docs = { low: { group: "x", rank: 1 }, high: { group: "x", rank: 3 }, other: { group: "y", rank: 2 } };
        await seed(indexed, docs);
        await seed(unindexed, docs);
      });

      it.skipIf(!enforcesIndexes)("refuses a composite query without a declared index", async () => {
        await expectAppError(db.query(groupedByRank(unindexed)), "DATABASE_REFUSED");
        await expectAppError(
          db.runTransaction((tx) => tx.query(groupedByRank(unindexed))),
          "DATABASE_REFUSED",
        );
      });

      it("runs a composite query that a declared index serves", async () => {
        expect(ids(await db.query(groupedByRank(indexed)))).toEqual(["high", "low"]);
      });

      it("runs equality filters on several fields without a composite index", async () => {
        const found = await db.query({
          collection: unindexed,
          where: [
            { field: "group", op: "==", value: "x" },
            { field: "rank", op: "==", value: 3 },
          ],
        });
        expect(ids(found)).toEqual(["high"]);
      });
    });

    describe("limits", () => {
      const sized = defineCollection<{ blob: string }>(`sized_${run}`, { blob: "A string of a given size" });

      it("refuses a document over 1 MiB and writes nothing", async () => {
        await expectAppError(
          db.runTransaction(async (tx) => tx.set(sized, "huge", { blob: "x".repeat(MAX_DOCUMENT_BYTES) })),
          "DATABASE_REFUSED",
        );
        expect(await db.get(sized, "huge")).toBeNull();
      });

      it("accepts a document just under 1 MiB", async () => {
        const blob = "x".repeat(MAX_DOCUMENT_BYTES - 1_000);
        await db.runTransaction(async (tx) => tx.set(sized, "large", { blob }));
        expect((await db.get(sized, "large"))?.data.blob).toHaveLength(blob.length);
      });

      it("refuses an update that grows a document past 1 MiB and leaves it unchanged", async () => {
        const growing = collection("growing");
        const half = "y".repeat(600_000);
        await db.runTransaction(async (tx) => tx.set(growing, "growing", { a: half }));
        await expectAppError(
          db.runTransaction(async (tx) => tx.update(growing, "growing", { b: half })),
          "DATABASE_REFUSED",
        );
        expect(Object.keys((await db.get(growing, "growing"))?.data ?? {})).toEqual(["a"]);
      });

      it(`holds at most ${MAX_WRITES_PER_COMMIT} writes in one commit`, async () => {
        const many = collection("many");
        const batch = db.batch();
        for (let i = 0; i < MAX_WRITES_PER_COMMIT; i++) batch.set(many, `doc${i}`, { i });
        expectAppError(() => batch.set(many, "one-too-many", { i: -1 }), "DATABASE_REFUSED");
        await batch.commit();
        expect(await db.query({ collection: many })).toHaveLength(MAX_WRITES_PER_COMMIT);
      });
    });

    describe("concurrency", () => {
      it(`${contenders} concurrent transactions incrementing one counter all land`, async () => {
        const counters = defineCollection<{ value: number }>(`counters_${run}`, { value: "A counter" });
        await db.runTransaction(async (tx) => tx.set(counters, "hits", { value: 0 }));
        await Promise.all(
          Array.from({ length: contenders }, () =>
            db.runTransaction(async (tx) => {
              const counter = await tx.get(counters, "hits");
              tx.update(counters, "hits", { value: (counter?.data.value ?? 0) + 1 });
            }),
          ),
        );
        expect((await db.get(counters, "hits"))?.data).toEqual({ value: contenders });
      });
    });

    describe("batches", () => {
      const batched = collection("batched");

      beforeAll(async () => {
        await seed(batched, { existing: { v: 1 }, doomed: { v: 1 } });
      });

      it("commits all of its writes together", async () => {
        const batch = db.batch();
        batch.create(batched, "fresh", { v: 1 });
        batch.set(batched, "set", { v: 2 });
        batch.update(batched, "existing", { w: 3 });
        batch.delete(batched, "doomed");
        await batch.commit();
        expect((await db.get(batched, "fresh"))?.data).toEqual({ v: 1 });
        expect((await db.get(batched, "set"))?.data).toEqual({ v: 2 });
        expect((await db.get(batched, "existing"))?.data).toEqual({ v: 1, w: 3 });
        expect(await db.get(batched, "doomed")).toBeNull();
      });

      it("writes nothing when one create fails", async () => {
        const batch = db.batch();
        batch.set(batched, "not-written", { v: 1 });
        batch.create(batched, "existing", { v: 2 });
        await expectAppError(batch.commit(), "ALREADY_EXISTS");
        expect(await db.get(batched, "not-written")).toBeNull();
        expect((await db.get(batched, "existing"))?.data).toMatchObject({ v: 1 });
      });

      it("writes nothing when one update misses its document", async () => {
        const batch = db.batch();
        batch.set(batched, "also-not-written", { v: 1 });
        batch.update(batched, "absent", { v: 2 });
        await expectAppError(batch.commit(), "NOT_FOUND");
        expect(await db.get(batched, "also-not-written")).toBeNull();
      });

      it("refuses writes and a second commit once committed", async () => {
        const batch = db.batch();
        batch.set(batched, "once", { v: 1 });
        await batch.commit();
        expectAppError(() => batch.set(batched, "after-commit", { v: 2 }), "DATABASE_REFUSED");
        await expectAppError(batch.commit(), "DATABASE_REFUSED");
        expect(await db.get(batched, "after-commit")).toBeNull();
      });
    });
  });
}
