import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { PlainQuery } from "../../lib/db/database";
import { assertIndexed, effectiveOrder, requiredIndex, type IndexFile } from "../../lib/db/index-rules";
import { AppError } from "../../lib/errors/app-error";
import { GENERATIONS } from "../../lib/generation/generation-job";
import { QUEUE_TIMEOUT_MS } from "../../lib/generation/recover-stalled-generations";
import { IMAGES } from "../../lib/images/image-record";
import { REFUNDS } from "../../lib/refunds/refund";
import { MAIL_OUTBOX } from "../../lib/mail/mail-outbox";
import { POINT_ACCOUNTS, POINT_ENTRIES } from "../../lib/points/ledger";
import { ORDERS } from "../../lib/orders/order";
import { PRIVACY_REQUESTS } from "../../lib/privacy/privacy-request";
import { SUPPORT_INQUIRIES } from "../../lib/support/support-inquiry";
import { sweptDatabaseKinds } from "../../lib/privacy/purge-expired-data";
import { STAFF_ACCESS_LOG } from "../../lib/staff/access-log";
import { STAFF_SESSIONS } from "../../lib/staff/staff-session";
import { expectAppError } from "../support/app-error-thrown";

const refusal = (action: () => unknown) => expectAppError(action);

const none: IndexFile = { indexes: [] };

describe("requiredIndex", () => {
  it("needs no composite index for a query on a single field", () => {
    expect(requiredIndex({ collection: "c", where: [{ field: "uid", op: "==", value: "u" }] })).toBeNull();
    expect(requiredIndex({ collection: "c", orderBy: [{ field: "createdAt", direction: "desc" }] })).toBeNull();
    expect(requiredIndex({ collection: "c", where: [{ field: "expiresAt", op: "<=", value: "x" }] })).toBeNull();
    expect(
      requiredIndex({
        collection: "c",
        where: [{ field: "n", op: ">", value: 1 }],
        orderBy: [{ field: "n", direction: "desc" }],
      }),
    ).toBeNull();
    expect(requiredIndex({ collection: "c" })).toBeNull();
  });

  it("needs none for equality and orderBy on the same field", () => {
    expect(
      requiredIndex({
        collection: "c",
        where: [{ field: "uid", op: "==", value: "u" }],
        orderBy: [{ field: "uid", direction: "asc" }],
      }),
    ).toBeNull();
  });

  it("needs none for equalities alone, however many (Firestore merges single-field indexes)", () => {
    const query: PlainQuery = {
      collection: "c",
      where: [
        { field: "uid", op: "==", value: "u" },
        { field: "status", op: "==", value: "queued" },
      ],
    };
    expect(requiredIndex(query)).toBeNull();
    expect(() => assertIndexed(query, none)).not.toThrow();
  });

  it("needs one for an equality with an orderBy on another field: the equality first, then the order", () => {
    expect(
      requiredIndex({
        collection: "c",
        where: [{ field: "uid", op: "==", value: "u" }],
        orderBy: [{ field: "createdAt", direction: "desc" }],
      }),
    ).toEqual([
      { fieldPath: "uid", order: "ASCENDING" },
      { fieldPath: "createdAt", order: "DESCENDING" },
    ]);
  });

  it("needs one for an equality with a range on another field, ordered by the range field", () => {
    expect(
      requiredIndex({
        collection: "c",
        where: [
          { field: "status", op: "==", value: "running" },
          { field: "leaseExpiresAt", op: "<=", value: "t" },
        ],
      }),
    ).toEqual([
      { fieldPath: "status", order: "ASCENDING" },
      { fieldPath: "leaseExpiresAt", order: "ASCENDING" },
    ]);
  });

  it("marks array-contains filters as CONTAINS", () => {
    expect(
      requiredIndex({
        collection: "c",
        where: [{ field: "tags", op: "array-contains", value: "red" }],
        orderBy: [{ field: "createdAt", direction: "asc" }],
      }),
    ).toEqual([
      { fieldPath: "tags", arrayConfig: "CONTAINS" },
      { fieldPath: "createdAt", order: "ASCENDING" },
    ]);
  });

  it("ignores a trailing document-id order in the direction of the order before it", () => {
    expect(
      requiredIndex({
        collection: "c",
        where: [{ field: "uid", op: "==", value: "u" }],
        orderBy: [
          { field: "createdAt", direction: "desc" },
          { field: "__name__", direction: "desc" },
        ],
      }),
    ).toEqual([
      { fieldPath: "uid", order: "ASCENDING" },
      { fieldPath: "createdAt", order: "DESCENDING" },
    ]);
  });

  it("refuses a range on one field with an orderBy that starts on another", () => {
    const error = refusal(() =>
      requiredIndex({
        collection: "c",
        where: [{ field: "expiresAt", op: "<=", value: "t" }],
        orderBy: [{ field: "createdAt", direction: "asc" }],
      }),
    );
    expect(error.code).toBe("DATABASE_REFUSED");
    expect(error.message).toContain('"expiresAt"');
  });

  it("refuses ranges on two fields", () => {
    const error = refusal(() =>
      requiredIndex({
        collection: "c",
        where: [
          { field: "a", op: ">", value: 1 },
          { field: "b", op: "<", value: 2 },
        ],
      }),
    );
    expect(error.code).toBe("DATABASE_REFUSED");
  });

  it("refuses a document-id order anywhere but last, or against the direction before it", () => {
    expect(
      refusal(() =>
        effectiveOrder({
          collection: "c",
          orderBy: [
            { field: "__name__", direction: "asc" },
            { field: "a", direction: "asc" },
          ],
        }),
      ).code,
    ).toBe("DATABASE_REFUSED");
    expect(
      refusal(() =>
        effectiveOrder({
          collection: "c",
          orderBy: [
            { field: "a", direction: "desc" },
            { field: "__name__", direction: "asc" },
          ],
        }),
      ).code,
    ).toBe("DATABASE_REFUSED");
  });
});

describe("assertIndexed against an IndexFile", () => {
  const query: PlainQuery = {
    collection: "images",
    where: [{ field: "uid", op: "==", value: "u" }],
    orderBy: [{ field: "createdAt", direction: "desc" }],
  };
  const served: IndexFile = {
    indexes: [
      {
        collectionGroup: "images",
        queryScope: "COLLECTION",
        fields: [
          { fieldPath: "uid", order: "ASCENDING" },
          { fieldPath: "createdAt", order: "DESCENDING" },
        ],
      },
    ],
  };

  it("accepts a query the declared index serves", () => {
    expect(() => assertIndexed(query, served)).not.toThrow();
  });

  it("accepts the index with a trailing __name__ field and without an explicit queryScope", () => {
    const index = served.indexes[0]!;
    const withName: IndexFile = {
      indexes: [
        { collectionGroup: "images", fields: [...index.fields, { fieldPath: "__name__", order: "DESCENDING" }] },
      ],
    };
    expect(() => assertIndexed(query, withName)).not.toThrow();
  });

  it("refuses a query with no index, naming the collection and the fields needed", () => {
    const error = refusal(() => assertIndexed(query, none));
    expect(error.code).toBe("DATABASE_REFUSED");
    expect(error.message).toContain('"images"');
    expect(error.message).toContain("uid ASCENDING, createdAt DESCENDING");
  });

  it("refuses when the only index orders the other way", () => {
    expect(() => assertIndexed({ ...query, orderBy: [{ field: "createdAt", direction: "asc" }] }, served)).toThrow(
      AppError,
    );
  });

  it("refuses when the index is on another collection or a collection group", () => {
    expect(() => assertIndexed({ ...query, collection: "pointEntries" }, served)).toThrow(AppError);
    const group: IndexFile = { indexes: [{ ...served.indexes[0]!, queryScope: "COLLECTION_GROUP" }] };
    expect(() => assertIndexed(query, group)).toThrow(AppError);
  });

  it("refuses an index with an extra field", () => {
    const wider: IndexFile = {
      indexes: [
        { ...served.indexes[0]!, fields: [...served.indexes[0]!.fields, { fieldPath: "index", order: "ASCENDING" }] },
      ],
    };
    expect(() => assertIndexed(query, wider)).toThrow(AppError);
  });

  it("accepts equality fields in any order and either direction, but the orderBy fields only in place", () => {
    const twoEqualities: PlainQuery = {
      collection: "c",
      where: [
        { field: "a", op: "==", value: 1 },
        { field: "b", op: "==", value: 2 },
      ],
      orderBy: [{ field: "t", direction: "desc" }],
    };
    const swapped: IndexFile = {
      indexes: [
        {
          collectionGroup: "c",
          fields: [
            { fieldPath: "b", order: "DESCENDING" },
            { fieldPath: "a", order: "ASCENDING" },
            { fieldPath: "t", order: "DESCENDING" },
          ],
        },
      ],
    };
    expect(() => assertIndexed(twoEqualities, swapped)).not.toThrow();
    const orderFirst: IndexFile = {
      indexes: [
        {
          collectionGroup: "c",
          fields: [
            { fieldPath: "t", order: "DESCENDING" },
            { fieldPath: "a", order: "ASCENDING" },
            { fieldPath: "b", order: "ASCENDING" },
          ],
        },
      ],
    };
    expect(() => assertIndexed(twoEqualities, orderFirst)).toThrow(AppError);
  });

  it("needs a CONTAINS field for array-contains, not an ordered one", () => {
    const arrayQuery: PlainQuery = {
      collection: "c",
      where: [{ field: "tags", op: "array-contains", value: "x" }],
      orderBy: [{ field: "t", direction: "asc" }],
    };
    const ordered: IndexFile = {
      indexes: [
        {
          collectionGroup: "c",
          fields: [
            { fieldPath: "tags", order: "ASCENDING" },
            { fieldPath: "t", order: "ASCENDING" },
          ],
        },
      ],
    };
    const contains: IndexFile = {
      indexes: [
        {
          collectionGroup: "c",
          fields: [
            { fieldPath: "tags", arrayConfig: "CONTAINS" },
            { fieldPath: "t", order: "ASCENDING" },
          ],
        },
      ],
    };
    expect(() => assertIndexed(arrayQuery, ordered)).toThrow(AppError);
    expect(() => assertIndexed(arrayQuery, contains)).not.toThrow();
  });
});

describe("the repository's firestore.indexes.json", () => {
  const file = fileURLToPath(new URL("../../firestore.indexes.json", import.meta.url));
  const indexes = JSON.parse(readFileSync(file, "utf8")) as IndexFile;
  const now = "2026-01-01T00:00:00.000Z";
  const cursor = { values: [now], id: "last" };

  // The same query shapes the code runs (copied from each use case; keep in step).
  const queries: [string, PlainQuery][] = [
    [
      "lib/orders/list-orders.ts",
      {
        collection: ORDERS.name,
        where: [{ field: "uid", op: "==", value: "u" }],
        orderBy: [{ field: "createdAt", direction: "desc" }],
        limit: 25,
        startAfter: cursor,
      },
    ],
    [
      "lib/orders/expire-orders.ts",
      {
        collection: ORDERS.name,
        where: [
          { field: "status", op: "in", value: ["pending", "waiting_for_deposit"] },
          { field: "expiresAt", op: "<=", value: now },
        ],
        orderBy: [{ field: "expiresAt", direction: "asc" }],
        limit: 100,
        startAfter: cursor,
      },
    ],
    [
      "lib/orders/recheck-unpaid-orders.ts",
      {
        collection: ORDERS.name,
        where: [
          { field: "status", op: "in", value: ["pending", "waiting_for_deposit"] },
          { field: "nextCheckAt", op: "<=", value: now },
        ],
        orderBy: [{ field: "nextCheckAt", direction: "asc" }],
        limit: 100,
        startAfter: cursor,
      },
    ],
    ...(["createdAt", "paidAt"] as const).map((field): [string, PlainQuery] => [
      `lib/payments/reconcile-payments.ts (${field})`,
      {
        collection: ORDERS.name,
        where: [
          { field, op: ">=", value: now },
          { field, op: "<", value: now },
        ],
        orderBy: [{ field, direction: "asc" }],
        limit: 500,
        startAfter: cursor,
      },
    ]),
    [
      "lib/orders/create-order.ts (open orders)",
      {
        collection: ORDERS.name,
        where: [
          { field: "uid", op: "==", value: "u" },
          { field: "status", op: "in", value: ["pending", "waiting_for_deposit"] },
        ],
      },
    ],
    [
      "lib/staff/view-member.ts",
      {
        collection: GENERATIONS.name,
        where: [{ field: "uid", op: "==", value: "u" }],
        orderBy: [{ field: "createdAt", direction: "desc" }],
        limit: 50,
      },
    ],
    [
      "lib/staff/list-refund-queue.ts",
      {
        collection: REFUNDS.name,
        where: [{ field: "status", op: "==", value: "requested" }],
        orderBy: [{ field: "requestedAt", direction: "asc" }],
        limit: 100,
      },
    ],
    [
      "lib/staff/verify-access-log.ts",
      {
        collection: STAFF_ACCESS_LOG.name,
        orderBy: [{ field: "seq", direction: "asc" }],
        limit: 500,
        startAfter: cursor,
      },
    ],
    [
      "lib/staff/export-access-log.ts",
      {
        collection: STAFF_ACCESS_LOG.name,
        where: [
          { field: "at", op: ">=", value: "2026-01-01T00:00:00.000Z" },
          { field: "at", op: "<", value: "2026-02-01T00:00:00.000Z" },
        ],
        orderBy: [{ field: "at", direction: "asc" }],
        limit: 500,
        startAfter: cursor,
      },
    ],
    [
      "lib/staff/staff-session.ts",
      { collection: STAFF_SESSIONS.name, where: [{ field: "staffUid", op: "==", value: "u" }] },
    ],
    [
      "lib/images/list-images.ts",
      {
        collection: IMAGES.name,
        where: [{ field: "uid", op: "==", value: "u" }],
        orderBy: [{ field: "createdAt", direction: "desc" }],
        limit: 25,
        startAfter: cursor,
      },
    ],
    [
      "lib/points/list-point-entries.ts",
      {
        collection: POINT_ENTRIES.name,
        where: [{ field: "uid", op: "==", value: "u" }],
        orderBy: [{ field: "createdAt", direction: "desc" }],
        limit: 25,
        startAfter: cursor,
      },
    ],
    [
      "lib/points/verify-ledger.ts (entries)",
      {
        collection: POINT_ENTRIES.name,
        where: [{ field: "uid", op: "==", value: "u" }],
        orderBy: [{ field: "createdAt", direction: "desc" }],
        limit: 500,
        startAfter: cursor,
      },
    ],
    [
      "lib/points/verify-ledger.ts (accounts)",
      { collection: POINT_ACCOUNTS.name, limit: 500, startAfter: { values: [], id: "last" } },
    ],
    [
      "lib/generation/recover-stalled-generations.ts (expired leases)",
      {
        collection: GENERATIONS.name,
        where: [
          { field: "status", op: "==", value: "running" },
          { field: "leaseExpiresAt", op: "<=", value: now },
        ],
        orderBy: [{ field: "leaseExpiresAt", direction: "asc" }],
        limit: 100,
      },
    ],
    [
      "lib/generation/recover-stalled-generations.ts (stale queue)",
      {
        collection: GENERATIONS.name,
        where: [
          { field: "status", op: "==", value: "queued" },
          { field: "createdAt", op: "<=", value: new Date(Date.parse(now) - QUEUE_TIMEOUT_MS).toISOString() },
        ],
        orderBy: [{ field: "createdAt", direction: "asc" }],
        limit: 100,
      },
    ],
    [
      "lib/worker/start-worker.ts and functions/src/triggers/recover-generations.ts",
      {
        collection: GENERATIONS.name,
        where: [{ field: "status", op: "==", value: "queued" }],
        orderBy: [{ field: "createdAt", direction: "asc" }],
        limit: 8,
      },
    ],
    [
      "lib/generation/poll-waiting-generations.ts",
      {
        collection: GENERATIONS.name,
        where: [
          { field: "status", op: "==", value: "waiting" },
          { field: "nextPollAt", op: "<=", value: now },
        ],
        orderBy: [{ field: "nextPollAt", direction: "asc" }],
        limit: 50,
      },
    ],
    [
      "lib/images/zip-generation-images.ts",
      {
        collection: IMAGES.name,
        where: [{ field: "generationId", op: "==", value: "g" }],
        orderBy: [{ field: "index", direction: "asc" }],
      },
    ],
    [
      "lib/mail/deliver-mail-outbox.ts",
      { collection: MAIL_OUTBOX.name, where: [{ field: "nextAttemptAt", op: "<=", value: now }], limit: 50 },
    ],
    [
      "lib/refunds/points-lots.ts",
      {
        collection: ORDERS.name,
        where: [
          { field: "uid", op: "==", value: "u" },
          { field: "paidAt", op: ">=", value: now },
        ],
        orderBy: [{ field: "paidAt", direction: "asc" }],
      },
    ],
    [
      "lib/refunds/resume-refunds.ts",
      {
        collection: REFUNDS.name,
        where: [
          { field: "status", op: "==", value: "processing" },
          { field: "requestedAt", op: "<=", value: now },
        ],
        orderBy: [{ field: "requestedAt", direction: "asc" }],
        limit: 50,
      },
    ],
    [
      "lib/privacy/list-privacy-requests.ts",
      {
        collection: PRIVACY_REQUESTS.name,
        where: [{ field: "status", op: "==", value: "open" }],
        orderBy: [{ field: "dueAt", direction: "asc" }],
        limit: 25,
        startAfter: cursor,
      },
    ],
    [
      "lib/support/list-my-inquiries.ts",
      {
        collection: SUPPORT_INQUIRIES.name,
        where: [{ field: "uid", op: "==", value: "u" }],
        orderBy: [{ field: "createdAt", direction: "desc" }],
        limit: 25,
        startAfter: cursor,
      },
    ],
    [
      "lib/support/list-open-inquiries.ts",
      {
        collection: SUPPORT_INQUIRIES.name,
        where: [{ field: "status", op: "==", value: "open" }],
        orderBy: [{ field: "createdAt", direction: "asc" }],
        limit: 25,
        startAfter: cursor,
      },
    ],
    // The retention sweeper's query of each kind, made from the inventory as the sweeper makes it.
    ...sweptDatabaseKinds().map((kind): [string, PlainQuery] => [
      `lib/privacy/purge-expired-data.ts (${kind.store.collection})`,
      {
        collection: kind.store.collection,
        where: [{ field: kind.retention.sweptBy.field, op: "<=", value: now }],
        limit: 500,
        startAfter: cursor,
      },
    ]),
  ];

  it.each(queries)("serves the query of %s", (_source, query) => {
    expect(() => assertIndexed(query, indexes)).not.toThrow();
  });

  it("declares no composite index that no query uses", () => {
    const used = new Set(
      queries
        .map(([, query]) => ({ collection: query.collection, fields: requiredIndex(query) }))
        .filter(({ fields }) => fields !== null)
        .map(
          ({ collection, fields }) =>
            `${collection}: ${fields!.map((f) => `${f.fieldPath} ${f.arrayConfig ?? f.order}`).join(", ")}`,
        ),
    );
    for (const index of indexes.indexes) {
      const shape = `${index.collectionGroup}: ${index.fields.map((f) => `${f.fieldPath} ${f.arrayConfig ?? f.order}`).join(", ")}`;
      expect(used).toContain(shape);
    }
  });
});
