/**
 * Portability: an archive of everything held about the member, prepared in the
 * background, announced by mail, downloadable by that member only, for 7 days, then
 * deleted with its record.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as requestExportRoute } from "../../app/api/account/exports/route";
import { GET as downloadExportRoute } from "../../app/api/account/exports/[id]/route";
import { ManualClock } from "../../lib/clock/clock";
import { getServerConfig } from "../../lib/config/env";
import { runGenerationJob } from "../../lib/generation/run-generation-job";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { deliverMailOutbox } from "../../lib/mail/deliver-mail-outbox";
import { translator } from "../../lib/i18n/messages";
import { DATA_EXPORTS, type DataExport } from "../../lib/privacy/data-export";
import { DATA_INVENTORY } from "../../lib/privacy/data-inventory";
import { purgeExpiredData } from "../../lib/privacy/purge-expired-data";
import { prepareDataExports } from "../../lib/privacy/prepare-data-exports";
import { createServices, getServices } from "../../lib/services";
import { applyOobCode } from "../support/firebase-users";
import { call } from "../support/http";
import { buyPoints, createMember } from "../support/members";
import { unzip } from "../support/unzip";

const services = getServices();

async function download(token: string, id: string): Promise<Response> {
  return call(downloadExportRoute, { path: `/api/account/exports/${id}`, params: { id }, token });
}

describe("data export", () => {
  it("prepares one archive of every kind and the image files, mails the member, and serves it to them alone", async () => {
    const member = await createMember(services);
    await applyOobCode(await services.auth.emailVerificationCode(member.email));
    await buyPoints(services, member.uid);
    const job = await submitGeneration({
      services,
      uid: member.uid,
      input: { prompt: "a red kite over the sea", model: "local-sketch", size: "512x512", count: 2 },
      idempotencyKey: randomUUID(),
    });
    await runGenerationJob({ services, generationId: job.id, workerId: "export-test" });

    const asked = await call(requestExportRoute, {
      method: "POST",
      path: "/api/account/exports",
      token: member.idToken,
    });
    expect(asked.status).toBe(202);
    const requested = (await asked.json()) as { id: string } & DataExport;
    expect(requested.status).toBe("preparing");
    // Asking again while it is prepared answers the same export.
    const again = await call(requestExportRoute, {
      method: "POST",
      path: "/api/account/exports",
      token: member.idToken,
    });
    expect(((await again.json()) as { id: string }).id).toBe(requested.id);
    expect((await download(member.idToken, requested.id)).status).toBe(404);

    expect(await prepareDataExports({ services })).toBeGreaterThanOrEqual(1);
    const ready = (await services.db.get(DATA_EXPORTS, requested.id))?.data;
    expect(ready?.status).toBe("ready");
    expect(Date.parse(ready?.expiresAt ?? "") - Date.parse(ready?.readyAt ?? "")).toBe(7 * 86_400_000);

    await deliverMailOutbox({ services });
    const mail = (await services.localMailbox?.list())?.find((m) => m.to === member.email);
    const t = translator({ locale: "ko", namespace: "mail" });
    expect(mail?.subject).toBe(t("dataExport.subject"));
    expect(mail?.text).toContain("/ko/my");
    expect(mail?.text).not.toContain(requested.id);

    const response = await download(member.idToken, requested.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="imagesfactory-data-/);
    const entries = await unzip(Buffer.from(await response.arrayBuffer()));
    for (const kind of ["auth-account", "member-profile", "consent-records", "orders", "points-ledger", "generations"])
      expect(entries.has(`${kind}.json`), kind).toBe(true);
    for (const name of entries.keys())
      if (name.endsWith(".json")) expect(DATA_INVENTORY.map((kind) => `${kind.id}.json`)).toContain(name);
    const generations = JSON.parse(entries.get("generations.json")?.toString() ?? "{}") as {
      title: string;
      records: { prompt: string }[];
    };
    expect(generations.title).toBe("이미지 생성 요청");
    expect(generations.records.map((record) => record.prompt)).toEqual(["a red kite over the sea"]);
    const images = [...entries.keys()].filter((name) => name.startsWith("images/"));
    expect(images.sort()).toEqual([`images/${job.id}-1.png`, `images/${job.id}-2.png`]);
    const png = entries.get(images[0] ?? "");
    expect(png?.subarray(1, 4).toString()).toBe("PNG");

    const other = await createMember(services);
    expect((await download(other.idToken, requested.id)).status).toBe(404);
    expect(
      (await call(downloadExportRoute, { path: `/api/account/exports/${requested.id}`, params: { id: requested.id } }))
        .status,
    ).toBe(401);
  });

  it("deletes the archive and its record once its 7 days are over", async () => {
    const member = await createMember(services);
    const asked = await call(requestExportRoute, {
      method: "POST",
      path: "/api/account/exports",
      token: member.idToken,
    });
    const { id } = (await asked.json()) as { id: string };
    await prepareDataExports({ services });
    const ready = (await services.db.get(DATA_EXPORTS, id))?.data;
    if (!ready?.fileKey || !ready.expiresAt) throw new Error("The export was not prepared");
    expect(await services.blobs.get(ready.fileKey)).not.toBeNull();

    const clock = new ManualClock(new Date(Date.parse(ready.expiresAt) - 1000));
    const later = createServices(getServerConfig(), { db: services.db, blobs: services.blobs, clock });
    await purgeExpiredData({ services: later });
    expect(await services.db.get(DATA_EXPORTS, id)).not.toBeNull();
    expect(await services.blobs.get(ready.fileKey)).not.toBeNull();
    clock.set(ready.expiresAt);
    expect((await purgeExpiredData({ services: later })).dataExports).toBeGreaterThanOrEqual(1);
    expect(await services.db.get(DATA_EXPORTS, id)).toBeNull();
    expect(await services.blobs.get(ready.fileKey)).toBeNull();
    expect((await download(member.idToken, id)).status).toBe(404);
  });
});
