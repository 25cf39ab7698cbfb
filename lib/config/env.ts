/**
 * The one place that reads process.env. Everything else asks for the parsed config.
 * Server settings stay on the server; the public part is what the browser may see
 * (the root layout hands it to client components at run time, so one build serves
 * every deployment).
 */
import { createPrivateKey, createPublicKey, X509Certificate } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import {
  BUSINESS_REGISTRATION_NUMBER_FORMAT,
  hasValidCheckDigit,
  type BusinessDetails,
} from "../legal/business-details";
import type { PaymentProviderId } from "../payments/payment-provider";
import type { ImageProviderId } from "../pricing/price-table";

const list = z.string().transform((value) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean),
);

const IMAGE_PROVIDER_IDS: readonly string[] = ["local", "openai", "replicate"] satisfies ImageProviderId[];
const PAYMENT_PROVIDER_IDS: readonly string[] = ["sandbox", "toss", "stripe"] satisfies PaymentProviderId[];

const text = z.string().trim().min(1, "must not be empty");
const phone = z
  .string()
  .trim()
  .regex(/^\+?\d[\d -]{5,18}\d$/, "write a phone number with digits, spaces or hyphens, e.g. 02-1234-5678");
const businessRegistrationNumber = z
  .string()
  .trim()
  .regex(BUSINESS_REGISTRATION_NUMBER_FORMAT, "write the 사업자등록번호 as NNN-NN-NNNNN, e.g. 829-04-03406")
  .refine(hasValidCheckDigit, {
    error: "this 사업자등록번호 fails its check digit (the last digit): look for a mistyped digit",
  });

/** SendGrid shows its verification key as base64 DER (SubjectPublicKeyInfo) of a P-256 key. */
function isSendGridVerificationKey(value: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(value, "base64"), format: "der", type: "spki" });
    return key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1";
  } catch {
    return false;
  }
}

/** A PEM value from an environment variable, whose line breaks may be written as `\n`. */
const pem = z.string().transform((value) => value.replace(/\\n/g, "\n").trim());

/** Whether the first certificate of a PEM chain is for this PKCS#8 private key. */
function isKeyOfCertificate(keyPem: string, chainPem: string): boolean {
  try {
    const first = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/.exec(chainPem)?.[0];
    return first !== undefined && new X509Certificate(first).checkPrivateKey(createPrivateKey(keyPem));
  } catch {
    return false;
  }
}

const serverSchema = z
  .object({
    /** Set by Next.js: `next dev` runs with development, where the page CSP must allow eval for React. */
    NODE_ENV: z.string().default("production"),
    APP_MODE: z.enum(["local", "production"]).default("local"),
    APP_URL: z.url().default("http://localhost:3000"),
    DATA_DIR: z.string().min(1).default(".data"),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    /**
     * How many X-Forwarded-For entries, counted from the right, were appended by
     * proxies we run behind (see lib/abuse/client-key.ts). 0: none, so the header is
     * the client's own word and every request counts as one unidentified client.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),

    DATABASE: z.enum(["sqlite", "firestore"]).default("sqlite"),
    SQLITE_FILE: z.string().optional(),
    FIRESTORE_INDEXES_FILE: z.string().default("firestore.indexes.json"),

    // Blob storage: where image files live, and the signed URLs through which browsers read them.
    BLOB_STORAGE: z.enum(["local-disk", "gcs"]).default("local-disk"),
    /** How long a signed read URL lives (each URL lives between half of it and all of it). */
    BLOB_URL_LIFETIME_SECONDS: z.coerce.number().int().min(60).max(3_600).default(300),
    /** local-disk: the HMAC key of the URLs the app serves itself; without one, local mode keeps a random one in DATA_DIR. */
    BLOB_URL_SECRET: z.string().min(32, "use at least 32 random characters").optional(),
    /** gcs: the private bucket. */
    GCS_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/, "a bucket name: lowercase letters, digits, '.', '_', '-'")
      .optional(),
    /** gcs: another Cloud Storage endpoint (a stand-in in tests); default https://storage.googleapis.com. */
    GCS_API_ENDPOINT: z.url().optional(),
    /** gcs: a service-account key file; without one, the runtime's identity (Cloud Run) signs through IAM signBlob. */
    GOOGLE_APPLICATION_CREDENTIALS: z.string().min(1).optional(),

    MAIL_PROVIDER: z.enum(["local-outbox", "sendgrid"]).default("local-outbox"),
    MAIL_FROM: z.string().min(3).default("imagesfactory <no-reply@imagesfactory.local>"),

    // SendGrid (MAIL_PROVIDER=sendgrid): the API key sends; the Event Webhook's
    // verification key (Mail Settings > Signed Event Webhook, base64 DER as shown there)
    // checks the bounce and spam reports it posts to /api/webhooks/sendgrid.
    SENDGRID_API_KEY: z
      .string()
      .trim()
      .startsWith("SG.", "a SendGrid API key starts with SG. (copy the whole key from Settings > API Keys)")
      .optional(),
    SENDGRID_BASE_URL: z.url().default("https://api.sendgrid.com"),
    SENDGRID_WEBHOOK_PUBLIC_KEY: z
      .string()
      .trim()
      .refine(isSendGridVerificationKey, {
        error: "paste the Signed Event Webhook's verification key as SendGrid shows it (base64, an ECDSA P-256 key)",
      })
      .optional(),

    IMAGE_PROVIDERS: list
      .refine((items) => items.every((item) => IMAGE_PROVIDER_IDS.includes(item)), {
        error: `name only ${IMAGE_PROVIDER_IDS.join(", ")}`,
      })
      .transform((items) => items as ImageProviderId[])
      .default(["local"]),
    LOCAL_MODEL_LATENCY_MS: z.coerce.number().int().min(0).default(0),
    LOCAL_MODEL_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0),
    PROVIDER_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),

    // OpenAI: the GPT image model (IMAGE_PROVIDERS=openai) and the prompt moderation
    // endpoint, which is used whenever a key is set and which production requires.
    OPENAI_API_KEY: z.string().trim().min(1).optional(),
    /** The API's root, /v1 included; tests point it at a local stand-in. */
    OPENAI_BASE_URL: z.url().default("https://api.openai.com/v1"),
    // Replicate (IMAGE_PROVIDERS=replicate): predictions finish by signed webhook at
    // APP_URL/api/webhooks/replicate, polled when a webhook is lost.
    REPLICATE_API_TOKEN: text.optional(),
    REPLICATE_BASE_URL: z.url().default("https://api.replicate.com/v1"),
    /** The webhook signing secret (`whsec_` and base64), from GET /v1/webhooks/default/secret. */
    REPLICATE_WEBHOOK_SECRET: z
      .string()
      .trim()
      .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, "write the secret as Replicate gives it: whsec_ followed by base64")
      .optional(),

    PAYMENT_PROVIDERS: list
      .refine((items) => items.every((item) => PAYMENT_PROVIDER_IDS.includes(item)), {
        error: `name only ${PAYMENT_PROVIDER_IDS.join(", ")}`,
      })
      .transform((items) => items as PaymentProviderId[])
      .default(["sandbox"]),

    // Stripe (PAYMENT_PROVIDERS=stripe): USD purchases through Checkout Sessions; the
    // webhook endpoint's signing secret (Dashboard > Developers > Webhooks, whsec_…)
    // checks the events it posts to APP_URL/api/webhooks/stripe.
    STRIPE_SECRET_KEY: z
      .string()
      .trim()
      .regex(
        /^(sk|rk)_(test|live)_[A-Za-z0-9]+$/,
        "a Stripe secret key starts with sk_live_ or sk_test_ (or rk_ for a restricted key)",
      )
      .optional(),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .trim()
      .regex(
        /^whsec_[A-Za-z0-9]+$/,
        "write the endpoint's signing secret as Stripe shows it: whsec_ followed by letters and digits",
      )
      .optional(),
    /** Tests point it at a local stand-in; the package takes its protocol, host and port. */
    STRIPE_API_BASE_URL: z.url().default("https://api.stripe.com"),
    // Toss Payments (PAYMENT_PROVIDERS=toss), KRW: the API keys of one MID from the
    // developer center (API 키). The client key goes to the browser (the payment widget);
    // the secret key confirms and reads payments and never leaves the server.
    TOSS_CLIENT_KEY: z
      .string()
      .trim()
      .regex(/^(test|live)_(gck|ck)_\w+$/, "a Toss client key starts with test_gck_, test_ck_, live_gck_ or live_ck_")
      .optional(),
    TOSS_SECRET_KEY: z
      .string()
      .trim()
      .regex(/^(test|live)_(gsk|sk)_\w+$/, "a Toss secret key starts with test_gsk_, test_sk_, live_gsk_ or live_sk_")
      .optional(),
    TOSS_API_BASE_URL: z.url().default("https://api.tosspayments.com"),
    /** How long one call to Toss may take before it is retried (a confirm with the same Idempotency-Key). */
    TOSS_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),

    FIREBASE_PROJECT_ID: z.string().min(1).default("demo-imagesfactory"),
    FIREBASE_AUTH_EMULATOR_HOST: z.string().optional(),
    FIREBASE_WEB_API_KEY: z.string().min(1).default("demo-api-key"),
    SESSION_DAYS: z.coerce.number().int().min(1).max(14).default(5),

    JOB_LEASE_MS: z.coerce.number().int().positive().default(30_000),
    JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(3),
    /** The worker's look for work when no signal woke it: only the safety net for a lost wake-up (lib/worker/work-signal.ts). */
    WORKER_POLL_MS: z.coerce.number().int().positive().default(5_000),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),

    // Live updates (GET /api/generations/{id}/events), counted per web server process.
    EVENT_STREAMS_PER_MEMBER: z.coerce.number().int().min(1).default(10),
    EVENT_STREAMS_MAX: z.coerce.number().int().min(1).default(1_000),

    // Welcome points: credited once per email address, when it is first confirmed. 0 turns them off.
    WELCOME_POINTS: z.coerce.number().int().min(0).max(100_000).default(100),

    // Withdrawal (회원 탈퇴): the legal-hold store keeps what the law requires pseudonymised.
    /**
     * The HMAC-SHA256 key that replaces a withdrawn member's uid in held records. Kept
     * apart from the data (a secret, never in the database) and used for nothing else:
     * without it a held record cannot be linked back to a person. Local mode falls back
     * to a fixed development key; production must set one.
     */
    LEGAL_HOLD_KEY: z.string().min(32, "use at least 32 random characters").optional(),

    // The staff console (/staff): its second factor.
    /**
     * The AES-256-GCM key (32 bytes, base64) that encrypts the staff's TOTP secrets in
     * the database: whoever reads the database alone cannot make codes. A secret, kept
     * apart from the data. Local mode falls back to a fixed development key; production
     * must set one.
     */
    STAFF_TOTP_KEY: z
      .base64("use 32 random bytes, base64-encoded")
      .refine((value) => Buffer.from(value, "base64").length === 32, "use 32 random bytes, base64-encoded")
      .optional(),
    /**
     * The HMAC-SHA256 key of the staff access log's chain: whoever can write the
     * database but lacks the key cannot rewrite an entry and recompute the chain after
     * it. A secret, kept apart from the data and used for nothing else. Local mode
     * falls back to a fixed development key; production must set one.
     */
    STAFF_ACCESS_LOG_KEY: z.string().min(32, "use at least 32 random characters").optional(),

    // AI provenance (Korea's AI Basic Act): every image file that leaves the service says it was made by AI.
    /**
     * The C2PA signing identity: a PKCS#8 private key (ECDSA P-256/P-384 or Ed25519)
     * and its certificate chain, the signing certificate first. Without them (local
     * mode only) a throwaway identity is made in memory at start.
     */
    C2PA_SIGNING_KEY: pem.optional(),
    C2PA_CERTIFICATE_CHAIN: pem.optional(),
    /** The visible "AI-generated" mark on files members download (on by default, for the Korean market). */
    AI_VISIBLE_MARK: z.enum(["on", "off"]).default("on"),
    AI_VISIBLE_MARK_POSITION: z.enum(["bottom-right", "bottom-left", "top-right", "top-left"]).default("bottom-right"),

    // The business details every page shows (전자상거래법, 정보통신망법), public by law.
    // The defaults are those imagesfactory publishes in its privacy policy.
    BUSINESS_NAME: text.default("엠제이스튜디오(MJ)"),
    BUSINESS_NAME_EN: text.optional(),
    BUSINESS_REPRESENTATIVE: text.default("송민주"),
    BUSINESS_ADDRESS: text.default("서울특별시 강남구 봉은사로30길 68, 6층-S42호"),
    BUSINESS_REGISTRATION_NUMBER: businessRegistrationNumber.default("829-04-03406"),
    BUSINESS_MAIL_ORDER_REPORT_NUMBER: text.default("2025-서울강남-06359"),
    BUSINESS_PHONE: phone.default("010-4882-9820"),
    BUSINESS_EMAIL: z.email().default("support@imagesfactory.com"),
    PRIVACY_OFFICER_NAME: text.default("송민주"),
    PRIVACY_OFFICER_TITLE: text.default("대표"),
    PRIVACY_OFFICER_NAME_EN: text.default("Minju Song"),
    PRIVACY_OFFICER_TITLE_EN: text.default("CEO"),
    PRIVACY_OFFICER_EMAIL: z.email().default("support@imagesfactory.com"),
    PRIVACY_OFFICER_PHONE: phone.default("010-4882-9820"),
    HOSTING_PROVIDER: text.default("Google Cloud"),
  })
  .superRefine((env, ctx) => {
    if (env.IMAGE_PROVIDERS.includes("replicate")) {
      for (const name of ["REPLICATE_API_TOKEN", "REPLICATE_WEBHOOK_SECRET"] as const) {
        if (env[name] === undefined)
          ctx.addIssue({ code: "custom", path: [name], message: "required when IMAGE_PROVIDERS includes replicate" });
      }
    }
    if (env.IMAGE_PROVIDERS.includes("openai") && env.OPENAI_API_KEY === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["OPENAI_API_KEY"],
        message: "IMAGE_PROVIDERS lists openai: set OPENAI_API_KEY.",
      });
    if (env.MAIL_PROVIDER === "sendgrid" && !env.SENDGRID_API_KEY)
      ctx.addIssue({
        code: "custom",
        path: ["SENDGRID_API_KEY"],
        message: "MAIL_PROVIDER=sendgrid needs the API key that sends the mail (a key with Mail Send access).",
      });
    if (env.PAYMENT_PROVIDERS.includes("stripe")) {
      for (const name of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"] as const) {
        if (env[name] === undefined)
          ctx.addIssue({ code: "custom", path: [name], message: "required when PAYMENT_PROVIDERS includes stripe" });
      }
    }
    if (env.PAYMENT_PROVIDERS.includes("toss")) {
      for (const name of ["TOSS_CLIENT_KEY", "TOSS_SECRET_KEY"] as const) {
        if (env[name] === undefined)
          ctx.addIssue({ code: "custom", path: [name], message: "required when PAYMENT_PROVIDERS includes toss" });
      }
      const clientMode = env.TOSS_CLIENT_KEY?.split("_")[0];
      const secretMode = env.TOSS_SECRET_KEY?.split("_")[0];
      if (clientMode && secretMode && clientMode !== secretMode)
        ctx.addIssue({
          code: "custom",
          path: ["TOSS_SECRET_KEY"],
          message: "the Toss client key and secret key must both be test keys or both live keys",
        });
    }
    if ((env.C2PA_SIGNING_KEY === undefined) !== (env.C2PA_CERTIFICATE_CHAIN === undefined))
      ctx.addIssue({
        code: "custom",
        path: [env.C2PA_SIGNING_KEY === undefined ? "C2PA_SIGNING_KEY" : "C2PA_CERTIFICATE_CHAIN"],
        message: "set both C2PA_SIGNING_KEY and C2PA_CERTIFICATE_CHAIN, or neither",
      });
    else if (
      env.C2PA_SIGNING_KEY &&
      env.C2PA_CERTIFICATE_CHAIN &&
      !isKeyOfCertificate(env.C2PA_SIGNING_KEY, env.C2PA_CERTIFICATE_CHAIN)
    )
      ctx.addIssue({
        code: "custom",
        path: ["C2PA_SIGNING_KEY"],
        message:
          "must be a PKCS#8 PEM private key (BEGIN PRIVATE KEY) for the first certificate of C2PA_CERTIFICATE_CHAIN (PEM, signing certificate first)",
      });
    const forbid = (condition: boolean, path: string, message: string) => {
      if (condition) ctx.addIssue({ code: "custom", path: [path], message });
    };
    // An incomplete real service is refused in every mode, so it fails at start rather than at first use.
    forbid(env.BLOB_STORAGE === "gcs" && !env.GCS_BUCKET, "GCS_BUCKET", "BLOB_STORAGE=gcs needs the bucket's name.");
    if (env.APP_MODE !== "production") return;
    forbid(
      env.BLOB_STORAGE === "local-disk" && !env.BLOB_URL_SECRET,
      "BLOB_URL_SECRET",
      "Production must set the key that signs image URLs (or use BLOB_STORAGE=gcs).",
    );
    forbid(
      env.LEGAL_HOLD_KEY === undefined,
      "LEGAL_HOLD_KEY",
      "Production must set the key that pseudonymises the records kept after a withdrawal (at least 32 random characters, stored apart from the data).",
    );
    forbid(
      env.STAFF_TOTP_KEY === undefined,
      "STAFF_TOTP_KEY",
      "Production must set the key that encrypts the staff's second-factor secrets (32 random bytes, base64, stored apart from the data).",
    );
    forbid(
      env.STAFF_ACCESS_LOG_KEY === undefined,
      "STAFF_ACCESS_LOG_KEY",
      "Production must set the key that seals the staff access log's chain (at least 32 random characters, stored apart from the data).",
    );
    forbid(
      env.C2PA_SIGNING_KEY === undefined,
      "C2PA_SIGNING_KEY",
      "Production signs the content credentials of every image with its own certificate: set C2PA_SIGNING_KEY and C2PA_CERTIFICATE_CHAIN.",
    );
    forbid(
      env.PAYMENT_PROVIDERS.includes("sandbox"),
      "PAYMENT_PROVIDERS",
      "The sandbox payment provider can never run in production.",
    );
    forbid(env.IMAGE_PROVIDERS.includes("local"), "IMAGE_PROVIDERS", "The local image model is for local use only.");
    forbid(
      env.MAIL_PROVIDER === "local-outbox",
      "MAIL_PROVIDER",
      "The local outbox delivers no mail; configure a real provider.",
    );
    forbid(
      env.MAIL_PROVIDER === "sendgrid" && !env.SENDGRID_WEBHOOK_PUBLIC_KEY,
      "SENDGRID_WEBHOOK_PUBLIC_KEY",
      "Without the Event Webhook's verification key, bounces and spam reports are never heard and mail keeps going to them.",
    );
    forbid(
      env.FIREBASE_AUTH_EMULATOR_HOST !== undefined,
      "FIREBASE_AUTH_EMULATOR_HOST",
      "Production may not use the Auth emulator.",
    );
    forbid(
      env.FIREBASE_PROJECT_ID.startsWith("demo-"),
      "FIREBASE_PROJECT_ID",
      "demo- projects exist only in the emulator.",
    );
    forbid(
      env.OPENAI_API_KEY === undefined,
      "OPENAI_API_KEY",
      "Production moderates every prompt through OpenAI's moderation endpoint (the local rules are for local use only): set OPENAI_API_KEY.",
    );
    forbid(!env.APP_URL.startsWith("https://"), "APP_URL", "Production must be served over https.");
    forbid(
      env.TRUSTED_PROXY_HOPS === 0,
      "TRUSTED_PROXY_HOPS",
      "Production runs behind Google's front end: without its hop, every client would share one rate limit.",
    );
  });

export type ServerConfig = z.infer<typeof serverSchema> & { sqliteFile: string };

export interface PublicConfig {
  appMode: "local" | "production";
  firebase: { apiKey: string; projectId: string; authDomain: string; authEmulatorUrl: string | null };
  business: BusinessDetails;
  /** Where signed image URLs point when the app does not serve the bytes itself (Cloud Storage), for the page's CSP. */
  blobOrigin: string | null;
  /** Toss's client key, for the payment widget; null when Toss is not offered. */
  tossClientKey: string | null;
}

/** Cloud Storage's public endpoint, where V4 signed URLs point unless GCS_API_ENDPOINT names another. */
export const GCS_DEFAULT_API_ENDPOINT = "https://storage.googleapis.com";

export function parseServerConfig(source: Record<string, string | undefined>): ServerConfig {
  const result = serverSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const env = result.data;
  return { ...env, sqliteFile: env.SQLITE_FILE ?? `${env.DATA_DIR}/imagesfactory.sqlite` };
}

/**
 * Loads `.env.local` and `.env` from the folder the process runs in, as Next.js does
 * for the web app, so that every other entry point (worker, CLI tools, benchmarks)
 * works on the same settings and data as the app. Variables set in the environment
 * win over both files and `.env.local` wins over `.env`, as with Next (a file never
 * overrides a variable already set). Next's mode files (`.env.production`, …) are
 * read by the web app alone: keep shared settings out of them. Call it first thing,
 * before anything reads the configuration.
 */
export function loadEnvFile(directory: string = process.cwd()): void {
  for (const name of [".env.local", ".env"]) {
    const file = join(directory, name);
    if (existsSync(file)) process.loadEnvFile(file);
  }
}

let cached: ServerConfig | undefined;

export function getServerConfig(): ServerConfig {
  cached ??= parseServerConfig(process.env);
  return cached;
}

export function getPublicConfig(config: ServerConfig = getServerConfig()): PublicConfig {
  return {
    appMode: config.APP_MODE,
    firebase: {
      apiKey: config.FIREBASE_WEB_API_KEY,
      projectId: config.FIREBASE_PROJECT_ID,
      authDomain: `${config.FIREBASE_PROJECT_ID}.firebaseapp.com`,
      authEmulatorUrl: config.FIREBASE_AUTH_EMULATOR_HOST ? `http://${config.FIREBASE_AUTH_EMULATOR_HOST}` : null,
    },
    business: {
      name: config.BUSINESS_NAME,
      nameEn: config.BUSINESS_NAME_EN ?? null,
      representative: config.BUSINESS_REPRESENTATIVE,
      address: config.BUSINESS_ADDRESS,
      registrationNumber: config.BUSINESS_REGISTRATION_NUMBER,
      mailOrderReportNumber: config.BUSINESS_MAIL_ORDER_REPORT_NUMBER,
      phone: config.BUSINESS_PHONE,
      email: config.BUSINESS_EMAIL,
      privacyOfficer: {
        name: config.PRIVACY_OFFICER_NAME,
        title: config.PRIVACY_OFFICER_TITLE,
        nameEn: config.PRIVACY_OFFICER_NAME_EN,
        titleEn: config.PRIVACY_OFFICER_TITLE_EN,
        email: config.PRIVACY_OFFICER_EMAIL,
        phone: config.PRIVACY_OFFICER_PHONE,
      },
      hostingProvider: config.HOSTING_PROVIDER,
    },
    blobOrigin:
      config.BLOB_STORAGE === "gcs" ? new URL(config.GCS_API_ENDPOINT ?? GCS_DEFAULT_API_ENDPOINT).origin : null,
    tossClientKey: config.PAYMENT_PROVIDERS.includes("toss") ? (config.TOSS_CLIENT_KEY ?? null) : null,
  };
}
