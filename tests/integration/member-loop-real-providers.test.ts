/**
 * The whole member loop in a production-shaped configuration: images from OpenAI and
 * Replicate, files in Cloud Storage, mail through SendGrid, each behind its stand-in
 * and reached through the official package; the Auth emulator and SQLite are real.
 * The member acts only through the app's route handlers: signs up, confirms the
 * address from the mail SendGrid carried, buys points, generates on a GPT image and a
 * FLUX model, and sees the images through signed URLs the bucket serves.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postAccount } from "../../app/api/account/route";
import { POST as postVerificationEmail } from "../../app/api/account/verification-email/route";
import { GET as getCatalog } from "../../app/api/catalog/route";
import { GET as getGeneration } from "../../app/api/generations/[id]/route";
import { POST as postGeneration } from "../../app/api/generations/route";
import { GET as getImageFile } from "../../app/api/images/[id]/file/route";
import { GET as getThumbnail } from "../../app/api/images/[id]/thumbnail/route";
import { GET as getImages } from "../../app/api/images/route";
import { GET as getMe } from "../../app/api/me/route";
import { POST as postOrder } from "../../app/api/orders/route";
import { POST as completeSandboxPayment } from "../../app/api/payments/sandbox/[orderId]/complete/route";
import { POST as postReplicateWebhook } from "../../app/api/webhooks/replicate/route";
import { GENERATIONS, type GenerationJob } from "../../lib/generation/generation-job";
import { RESERVATIONS } from "../../lib/points/reservations";
import { verifyLedger } from "../../lib/points/verify-ledger";
import { getServices, type Services } from "../../lib/services";
import { startWorker } from "../../lib/worker/start-worker";
import { applyOobCode, signInUser, signUpUser, type TestUser } from "../support/firebase-users";
import { APP_ORIGIN, call, readError } from "../support/http";
import { startGcsStandIn, type GcsStandIn } from "../support/stand-ins/gcs-stand-in";
import { startOpenAiStandIn, type OpenAiStandIn } from "../support/stand-ins/openai-stand-in";
import { ReplicateStandIn, type SignedDelivery } from "../support/stand-ins/replicate-stand-in";
import { SendGridStandIn } from "../support/stand-ins/sendgrid-stand-in";
import { waitFor } from "../support/wait-for";

const BUCKET = "imagesfactory-member-loop";
const NAME = "Choi Seoyeon";
const MAIL_KINDS = ["verify-email", "password-reset", "generation-result", "purchase-confirmation"];
const directory = mkdtempSync(join(tmpdir(), "member-loop-real-"));

const replicate = new ReplicateStandIn({
  deliver: (delivery: SignedDelivery) => {
    if (delivery.url !== `${APP_ORIGIN}/api/webhooks/replicate`) throw new Error(`A webhook for ${delivery.url}`);
    return call(postReplicateWebhook, {
      method: "POST",
      path: "/api/webhooks/replicate",
      rawBody: delivery.body,
      headers: delivery.headers,
      origin: null,
    });
  },
});
const sendgrid = new SendGridStandIn();
let openai: OpenAiStandIn;
let gcs: GcsStandIn;
let services: Services;

beforeAll(async () => {
  openai = await startOpenAiStandIn();
  await replicate.start();
  await sendgrid.start();
  const started = await startGcsStandIn({ bucket: BUCKET });
  gcs = started.standIn;
  const keyFile = join(directory, "service-account.json");
  writeFileSync(keyFile, JSON.stringify(started.key));

  // Before any service exists: the routes build theirs from this environment.
  Object.assign(process.env, {
    IMAGE_PROVIDERS: "openai,replicate",
    OPENAI_API_KEY: openai.apiKey,
    OPENAI_BASE_URL: openai.baseURL,
    REPLICATE_API_TOKEN: replicate.token,
    REPLICATE_BASE_URL: replicate.baseUrl,
    REPLICATE_WEBHOOK_SECRET: replicate.webhookSecret,
    BLOB_STORAGE: "gcs",
    GCS_BUCKET: BUCKET,
    GCS_API_ENDPOINT: gcs.endpoint,
    GOOGLE_APPLICATION_CREDENTIALS: keyFile,
    MAIL_PROVIDER: "sendgrid",
    SENDGRID_API_KEY: sendgrid.apiKey,
    SENDGRID_BASE_URL: sendgrid.baseUrl,
    SENDGRID_WEBHOOK_PUBLIC_KEY: sendgrid.publicKey,
  });
  services = getServices();
});

afterAll(async () => {
  await Promise.all([openai.close(), replicate.close(), sendgrid.stop(), gcs.stop()]);
  rmSync(directory, { recursive: true, force: true });
});

function mailsTo(email: string, kind: string) {
  return sendgrid.received.filter(
    ({ body }) => body.personalizations[0]!.to[0]!.email === email && body.categories?.includes(kind),
  );
}

async function json<T>(response: Response, status: number): Promise<T> {
  if (response.status !== status) throw new Error(`${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function stored(id: string): Promise<GenerationJob> {
  const doc = await services.db.get(GENERATIONS, id);
  if (!doc) throw new Error(`No generation ${id}`);
  return doc.data;
}

interface CatalogModel {
  id: string;
  provider: string;
}
interface GenerationView {
  id: string;
  status: string;
  pointsReserved: number;
  pointsCharged: number | null;
  images: { id: string }[];
}
interface ImageItem {
  id: string;
  generationId: string;
  url: string;
  thumbnailUrl: string;
  thumbnails: { width: number }[];
}

describe("the member loop on OpenAI, Replicate, Cloud Storage and SendGrid", () => {
  let member: TestUser;
  let token: string;
  const generations = { openai: "", replicate: "" };

  it("signs up, confirms the address from SendGrid's mail, and buys points with the sandbox", async () => {
    member = await signUpUser();
    const account = await call(postAccount, {
      method: "POST",
      path: "/api/account",
      token: member.idToken,
      body: { name: NAME, ageConfirmed: true, consents: { terms: true, privacy: true, marketing: false } },
      headers: { "accept-language": "ko" },
    });
    expect(account.status).toBe(201);

    const sent = await call(postVerificationEmail, {
      method: "POST",
      path: "/api/account/verification-email",
      token: member.idToken,
    });
    expect(sent.status).toBe(202);
    const [confirmation] = mailsTo(member.email, "verify-email");
    expect(confirmation?.headers.authorization).toBe(`Bearer ${sendgrid.apiKey}`);
    const text = confirmation!.body.content.map((part) => part.value).join("\n");
    const code = /\/auth\/action\?mode=verifyEmail&(?:amp;)?oobCode=([^\s&"<]+)/.exec(text)?.[1];
    expect(code).toBeDefined();
    await applyOobCode(decodeURIComponent(code!));
    // As the client SDK does after the action page: a fresh token carries the confirmation.
    token = await signInUser(member.email, member.password);
    const me = await json<{ emailVerified: boolean; points: number; name: string }>(
      await call(getMe, { path: "/api/me", token }),
      200,
    );
    // Confirming the address earned the welcome points.
    expect(me).toMatchObject({ emailVerified: true, points: services.config.WELCOME_POINTS, name: NAME });

    const { orderId } = await json<{ orderId: string }>(
      await call(postOrder, {
        method: "POST",
        path: "/api/orders",
        token,
        body: { packageId: "points-1000", provider: "sandbox" },
        headers: { "Idempotency-Key": randomUUID() },
      }),
      201,
    );
    const paid = await call(completeSandboxPayment, {
      method: "POST",
      path: `/api/payments/sandbox/${orderId}/complete`,
      params: { orderId },
      token,
    });
    expect(paid.status).toBe(200);
    expect((await json<{ points: number }>(await call(getMe, { path: "/api/me", token }), 200)).points).toBe(
      services.config.WELCOME_POINTS + 1_000,
    );
  });

  it("offers the OpenAI and Replicate models, and no local one", async () => {
    const { models } = await json<{ models: CatalogModel[] }>(await call(getCatalog, { path: "/api/catalog" }), 200);
    const providers = new Set(models.map((model) => model.provider));
    expect(providers).toEqual(new Set(["openai", "replicate"]));
    expect(models.map((model) => model.id)).toEqual(expect.arrayContaining(["gpt-image-2-medium", "flux-schnell"]));
  });

  it("makes images on both providers: OpenAI's at once, Replicate's by its signed webhook", async () => {
    replicate.behave({ outcome: "hold" });
    const submit = async (model: string, size: string) => {
      const response = await call(postGeneration, {
        method: "POST",
        path: "/api/generations",
        token,
        headers: { "idempotency-key": randomUUID() },
        body: { prompt: `a paper lantern over a river ${randomUUID()}`, model, size, count: 2 },
      });
      return json<GenerationView>(response, 202);
    };
    const gpt = await submit("gpt-image-2-medium", "1024x1024");
    const flux = await submit("flux-schnell", "1:1");
    expect([gpt.pointsReserved, flux.pointsReserved]).toEqual([2 * 13, 2 * 2]);
    generations.openai = gpt.id;
    generations.replicate = flux.id;

    const controller = new AbortController();
    const worker = startWorker({ services, workerId: "member-loop", concurrency: 2, signal: controller.signal });
    try {
      await waitFor(async () => (await stored(gpt.id)).status === "succeeded", { what: "the OpenAI job" });
      const waiting = await waitFor(
        async () => {
          const job = await stored(flux.id);
          return job.status === "waiting" && job;
        },
        { what: "the Replicate job to wait on its prediction" },
      );
      expect(waiting.leaseOwner).toBeNull();
      const [predictionId] = waiting.predictionIds;
      expect(replicate.prediction(predictionId!).status).toBe("processing");

      const [create] = replicate.received.filter((request) => request.path.endsWith("/predictions"));
      expect(create?.path).toBe("/v1/models/black-forest-labs/flux-schnell/predictions");
      // The image port makes one image per call, so each image is one request.
      const gptImage = expect.objectContaining({ model: "gpt-image-2", quality: "medium", size: "1024x1024", n: 1 });
      expect(openai.bodiesOf("/v1/images/generations")).toEqual([gptImage, gptImage]);

      await replicate.finish(predictionId!, { outcome: "succeeded" });
      expect(replicate.deliveries.at(-1)?.status).toBe(204);
      // The worker sends each result mail once the job is closed.
      await waitFor(() => mailsTo(member.email, "generation-result").length === 2, { what: "both result mails" });
    } finally {
      controller.abort();
      await worker;
    }

    for (const [id, charged] of [
      [gpt.id, 26],
      [flux.id, 4],
    ] as const) {
      const view = await json<GenerationView>(
        await call(getGeneration, { path: `/api/generations/${id}`, params: { id }, token }),
        200,
      );
      expect(view).toMatchObject({ status: "succeeded", pointsCharged: charged });
      expect(view.images).toHaveLength(2);
      expect((await services.db.get(RESERVATIONS, id))?.data).toMatchObject({ status: "settled", charged });
    }
    expect((await json<{ points: number }>(await call(getMe, { path: "/api/me", token }), 200)).points).toBe(
      services.config.WELCOME_POINTS + 970,
    );
    expect((await verifyLedger({ db: services.db })).problems).toEqual([]);
  });

  it("keeps the images in the bucket and shows them through V4 signed URLs the bucket serves", async () => {
    const { items } = await json<{ items: ImageItem[] }>(await call(getImages, { path: "/api/images", token }), 200);
    expect(new Set(items.map((item) => item.generationId))).toEqual(
      new Set([generations.openai, generations.replicate]),
    );
    expect(items).toHaveLength(4);
    expect(services.localBlobs).toBeNull();
    for (const item of items) {
      // The original and each of its thumbnails (made once the image was recorded; the worker waited for them).
      expect(item.thumbnails.length).toBeGreaterThan(0);
      expect(gcs.objectNames().filter((name) => name.includes(item.id))).toHaveLength(1 + item.thumbnails.length);
      for (const [handler, path, format, contentType] of [
        [getThumbnail, item.thumbnailUrl, "webp", "image/webp"],
        [getImageFile, item.url, "png", "image/png"],
      ] as const) {
        const redirect = await call(handler, { path, params: { id: item.id }, token });
        expect(redirect.status).toBe(303);
        const signed = new URL(redirect.headers.get("location")!);
        expect(signed.href.startsWith(`${gcs.endpoint}/${BUCKET}/`)).toBe(true);
        expect(signed.searchParams.get("X-Goog-Algorithm")).toBe("GOOG4-RSA-SHA256");
        const shown = await fetch(signed);
        expect(shown.status).toBe(200);
        expect(shown.headers.get("content-type")).toBe(contentType);
        const meta = await sharp(Buffer.from(await shown.arrayBuffer())).metadata();
        expect(meta.format).toBe(format);
      }
    }
  });

  it("sent the result mail through SendGrid, naming only the mail's kind", () => {
    const results = mailsTo(member.email, "generation-result");
    expect(results).toHaveLength(2);
    for (const { body } of sendgrid.received) {
      expect(body.custom_args).toBeUndefined();
      for (const category of body.categories ?? []) expect(MAIL_KINDS).toContain(category);
    }
  });

  it("refuses a prompt moderation flags with 422, reserving nothing", async () => {
    openai.flagForModeration("burning village", ["violence"]);
    const generationsBefore = await services.db.query({ collection: GENERATIONS, limit: 100 });
    const imageCallsBefore = openai.bodiesOf("/v1/images/generations").length;
    const predictionsBefore = replicate.received.length;
    const moderationsBefore = openai.bodiesOf("/v1/moderations").length;
    for (const model of ["gpt-image-2-low", "flux-schnell"]) {
      const refused = await call(postGeneration, {
        method: "POST",
        path: "/api/generations",
        token,
        headers: { "idempotency-key": randomUUID(), "accept-language": "en" },
        body: { prompt: "a burning village", model, size: model === "flux-schnell" ? "1:1" : "1024x1024", count: 1 },
      });
      expect(refused.status).toBe(422);
      expect((await readError(refused)).code).toBe("PROMPT_REFUSED");
    }
    expect((await json<{ points: number }>(await call(getMe, { path: "/api/me", token }), 200)).points).toBe(
      services.config.WELCOME_POINTS + 970,
    );
    expect(await services.db.query({ collection: GENERATIONS, limit: 100 })).toHaveLength(generationsBefore.length);
    expect(openai.bodiesOf("/v1/moderations")).toHaveLength(moderationsBefore + 2);
    expect(openai.bodiesOf("/v1/images/generations")).toHaveLength(imageCallsBefore);
    expect(replicate.received).toHaveLength(predictionsBefore);
    expect((await verifyLedger({ db: services.db })).problems).toEqual([]);
  });

  it("never told OpenAI, Replicate or SendGrid's stored fields who the member is", () => {
    const identities = [member.uid, member.email, member.email.split("@")[0]!, NAME].map((s) => s.toLowerCase());
    expect(openai.received.length).toBeGreaterThan(0);
    expect(replicate.received.length).toBeGreaterThan(0);
    const providers = JSON.stringify([openai.received, replicate.received]).toLowerCase();
    const mailFields = JSON.stringify(
      sendgrid.received.map(({ body }) => [body.categories, body.custom_args]),
    ).toLowerCase();
    // The probe finds an identity where one is: the address SendGrid must have.
    expect(JSON.stringify(sendgrid.received).toLowerCase()).toContain(identities[1]);
    for (const identity of identities) {
      expect(providers).not.toContain(identity);
      expect(mailFields).not.toContain(identity);
    }
  });
});
