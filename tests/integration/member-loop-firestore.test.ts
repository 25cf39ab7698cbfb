/**
 * The member loop's use cases on the Firestore adapter, against a real Firestore
 * emulator when FIRESTORE_EMULATOR_HOST names one: the same code the SQLite store
 * runs locally, on the store production uses.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getMe } from "../../lib/accounts/get-me";
import { getServerConfig } from "../../lib/config/env";
import { getGeneration } from "../../lib/generation/get-generation";
import { runGenerationJob } from "../../lib/generation/run-generation-job";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { deleteImage } from "../../lib/images/delete-image";
import { listImages } from "../../lib/images/list-images";
import { listPointEntries } from "../../lib/points/list-point-entries";
import { verifyLedger } from "../../lib/points/verify-ledger";
import { createServices } from "../../lib/services";
import { ManualClock } from "../../lib/clock/clock";
import { createOrder } from "../../lib/orders/create-order";
import { expireOrders } from "../../lib/orders/expire-orders";
import { listOrders } from "../../lib/orders/list-orders";
import { CHECKOUT_WINDOW_MINUTES, ORDERS } from "../../lib/orders/order";
import { buyPoints, createMember } from "../support/members";

const emulatorHost = process.env.FIRESTORE_EMULATOR_HOST;
const suite = emulatorHost ? describe : describe.skip;
const title = emulatorHost
  ? `the member loop on Firestore (emulator at ${emulatorHost})`
  : "the member loop on Firestore: FIRESTORE_EMULATOR_HOST is not set, no Firestore emulator on this machine";

suite(title, () => {
  it("signs up, buys, generates, lists, deletes and keeps the ledger exact", async () => {
    const services = createServices({ ...getServerConfig(), DATABASE: "firestore" });
    const member = await createMember(services);
    await buyPoints(services, member.uid);
    expect((await getMe({ services, uid: member.uid })).points).toBe(1000);

    // The order queries Firestore answers only with their composite indexes: the open
    // orders counted in createOrder's transaction, the member's list, the expiry sweep.
    const unpaid = await createOrder({
      services,
      uid: member.uid,
      input: { packageId: "points-1000", provider: "sandbox" },
      idempotencyKey: randomUUID(),
    });
    expect((await listOrders({ services, uid: member.uid, page: {} })).orders.map((o) => o.status)).toEqual([
      "pending",
      "paid",
    ]);
    const later = createServices(
      { ...getServerConfig(), DATABASE: "firestore" },
      { db: services.db, clock: new ManualClock(new Date(Date.now() + (CHECKOUT_WINDOW_MINUTES + 1) * 60_000)) },
    );
    expect((await expireOrders({ services: later })).expired).toBeGreaterThanOrEqual(1);
    expect((await services.db.get(ORDERS, unpaid.orderId))?.data.status).toBe("expired");

    const key = randomUUID();
    const input = { prompt: "a lantern on the water", model: "local-sketch", size: "512x512", count: 2 };
    const job = await submitGeneration({ services, uid: member.uid, input, idempotencyKey: key });
    expect((await submitGeneration({ services, uid: member.uid, input, idempotencyKey: key })).id).toBe(job.id);
    expect(await runGenerationJob({ services, generationId: job.id, workerId: "firestore-test" })).toBe("finished");

    const view = await getGeneration({ services, uid: member.uid, generationId: job.id });
    expect(view).toMatchObject({ status: "succeeded", pointsCharged: 20 });
    expect(view.images).toHaveLength(2);
    const gallery = await listImages({ services, uid: member.uid, page: { limit: 1 } });
    expect(gallery.items).toHaveLength(1);
    expect(
      (await listImages({ services, uid: member.uid, page: { limit: 5, cursor: gallery.nextCursor! } })).items,
    ).toHaveLength(1);

    await deleteImage({ services, uid: member.uid, imageId: view.images[0]!.id });
    expect((await getGeneration({ services, uid: member.uid, generationId: job.id })).images).toHaveLength(1);

    const points = await listPointEntries({ services, uid: member.uid, page: {} });
    expect(points.balance).toBe(980);
    expect(points.entries.map((e) => [e.kind, e.amount])).toEqual([
      ["reserve", -20],
      ["purchase", 1000],
    ]);
    const ledger = await verifyLedger({ db: services.db });
    expect(ledger.problems).toEqual([]);
  });
});
