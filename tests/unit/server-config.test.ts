import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { describe, expect, it } from "vitest";
import { getPublicConfig, parseServerConfig } from "../../lib/config/env";
import { throwawaySigningIdentity } from "../../lib/provenance/throwaway-signing-identity";

const c2pa = await throwawaySigningIdentity();

function refusal(source: Record<string, string | undefined>): string {
  try {
    parseServerConfig(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("Expected the configuration to be refused, but it was accepted.");
}

/**
 * Everything a production deployment sets, but its mail provider: left at the local
 * outbox, it is refused for that alone.
 */
const production = {
  APP_MODE: "production",
  APP_URL: "https://images.example.com",
  IMAGE_PROVIDERS: "openai",
  OPENAI_API_KEY: "sk-test-key",
  PAYMENT_PROVIDERS: "toss",
  TOSS_CLIENT_KEY: "live_gck_docs0a1b2c3d4e5f",
  TOSS_SECRET_KEY: "live_gsk_docs9z8y7x6w5v4u",
  FIREBASE_PROJECT_ID: "imagesfactory-prod",
  TRUSTED_PROXY_HOPS: "1",
  BLOB_STORAGE: "gcs",
  GCS_BUCKET: "imagesfactory-images",
  LEGAL_HOLD_KEY: "h".repeat(32),
  STAFF_TOTP_KEY: Buffer.alloc(32, 7).toString("base64"),
  STAFF_ACCESS_LOG_KEY: "a".repeat(32),
  C2PA_SIGNING_KEY: c2pa.privateKeyPem,
  C2PA_CERTIFICATE_CHAIN: c2pa.certificateChainPem,
};

describe("parseServerConfig in local mode", () => {
  it("fills in the local defaults from an empty environment", () => {
    const config = parseServerConfig({});
    expect(config).toMatchObject({
      APP_MODE: "local",
      APP_URL: "http://localhost:3000",
      DATA_DIR: ".data",
      DATABASE: "sqlite",
      BLOB_STORAGE: "local-disk",
      MAIL_PROVIDER: "local-outbox",
      IMAGE_PROVIDERS: ["local"],
      PAYMENT_PROVIDERS: ["sandbox"],
      LOCAL_MODEL_LATENCY_MS: 0,
      LOCAL_MODEL_FAILURE_RATE: 0,
      FIREBASE_PROJECT_ID: "demo-imagesfactory",
      SESSION_DAYS: 5,
      JOB_MAX_ATTEMPTS: 3,
      WORKER_CONCURRENCY: 8,
      TRUSTED_PROXY_HOPS: 0,
      sqliteFile: ".data/imagesfactory.sqlite",
    });
    expect(config.FIREBASE_AUTH_EMULATOR_HOST).toBeUndefined();
  });

  it("puts the SQLite file in DATA_DIR unless SQLITE_FILE names one", () => {
    expect(parseServerConfig({ DATA_DIR: "/tmp/x" }).sqliteFile).toBe("/tmp/x/imagesfactory.sqlite");
    expect(parseServerConfig({ DATA_DIR: "/tmp/x", SQLITE_FILE: "/elsewhere/db.sqlite" }).sqliteFile).toBe(
      "/elsewhere/db.sqlite",
    );
  });

  it("coerces numbers from their strings", () => {
    const config = parseServerConfig({
      LOCAL_MODEL_LATENCY_MS: "700",
      LOCAL_MODEL_FAILURE_RATE: "0.25",
      WORKER_CONCURRENCY: "64",
    });
    expect([config.LOCAL_MODEL_LATENCY_MS, config.LOCAL_MODEL_FAILURE_RATE, config.WORKER_CONCURRENCY]).toEqual([
      700, 0.25, 64,
    ]);
  });

  it("splits comma lists, trimming blanks and dropping empty items", () => {
    const config = parseServerConfig({
      IMAGE_PROVIDERS: " local , openai ,,",
      OPENAI_API_KEY: "sk-test-key",
      PAYMENT_PROVIDERS: "sandbox,toss",
      ...TOSS_TEST_KEYS,
    });
    expect(config.IMAGE_PROVIDERS).toEqual(["local", "openai"]);
    expect(config.PAYMENT_PROVIDERS).toEqual(["sandbox", "toss"]);
    expect(parseServerConfig({ PAYMENT_PROVIDERS: "" }).PAYMENT_PROVIDERS).toEqual([]);
  });

  it("allows every local stand-in outside production", () => {
    const config = parseServerConfig({
      FIREBASE_AUTH_EMULATOR_HOST: "127.0.0.1:9099",
      APP_URL: "http://localhost:3100",
    });
    expect(config.FIREBASE_AUTH_EMULATOR_HOST).toBe("127.0.0.1:9099");
  });

  it.each([
    ["LOCAL_MODEL_FAILURE_RATE", "2"],
    ["LOCAL_MODEL_FAILURE_RATE", "-0.1"],
    ["LOCAL_MODEL_LATENCY_MS", "1.5"],
    ["LOCAL_MODEL_LATENCY_MS", "-1"],
    ["PROVIDER_TIMEOUT_MS", "0"],
    ["SESSION_DAYS", "15"],
    ["SESSION_DAYS", "0"],
    ["JOB_LEASE_MS", "soon"],
    ["JOB_MAX_ATTEMPTS", "0"],
    ["WORKER_CONCURRENCY", "65"],
    ["WORKER_POLL_MS", "-5"],
    ["APP_URL", "not a url"],
    ["APP_MODE", "staging"],
    ["DATABASE", "postgres"],
    ["MAIL_PROVIDER", "sendmail"],
    ["TRUSTED_PROXY_HOPS", "-1"],
    ["TRUSTED_PROXY_HOPS", "1.5"],
    ["TRUSTED_PROXY_HOPS", "all"],
    ["IMAGE_PROVIDERS", "local,dall-e"],
    ["OPENAI_BASE_URL", "api.openai.com"],
    ["BLOB_STORAGE", "s3"],
    ["BLOB_URL_LIFETIME_SECONDS", "30"],
    ["BLOB_URL_LIFETIME_SECONDS", "7200"],
    ["BLOB_URL_SECRET", "too short"],
    ["LEGAL_HOLD_KEY", "too short"],
    ["STAFF_TOTP_KEY", Buffer.alloc(16, 7).toString("base64")],
    ["STAFF_TOTP_KEY", "not base64!"],
    ["STAFF_ACCESS_LOG_KEY", "too short"],
    ["GCS_BUCKET", "Images_Bucket"],
    ["GCS_API_ENDPOINT", "storage.googleapis.com"],
  ])("refuses %s=%s, naming the variable", (name, value) => {
    expect(refusal({ [name]: value })).toMatch(new RegExp(`^Invalid configuration: .*\\b${name}: `));
  });
});

describe("the OpenAI settings", () => {
  it("talk to the official API unless OPENAI_BASE_URL points elsewhere", () => {
    expect(parseServerConfig({}).OPENAI_BASE_URL).toBe("https://api.openai.com/v1");
    expect(parseServerConfig({ OPENAI_BASE_URL: "http://127.0.0.1:4010/v1" }).OPENAI_BASE_URL).toBe(
      "http://127.0.0.1:4010/v1",
    );
  });

  it("switch the OpenAI image model on alone in local mode, with its key", () => {
    const config = parseServerConfig({ IMAGE_PROVIDERS: "openai", OPENAI_API_KEY: "sk-test-key" });
    expect([config.IMAGE_PROVIDERS, config.OPENAI_API_KEY]).toEqual([["openai"], "sk-test-key"]);
  });

  it.each([
    ["local", {}],
    ["production", production],
  ])("refuse IMAGE_PROVIDERS=openai without OPENAI_API_KEY in %s mode", (_mode, base) => {
    expect(refusal({ ...base, IMAGE_PROVIDERS: "openai", OPENAI_API_KEY: undefined })).toMatch(
      /\bOPENAI_API_KEY: IMAGE_PROVIDERS lists openai/,
    );
  });

  it("are required in production even without the OpenAI image model: every prompt is moderated through OpenAI", () => {
    const message = refusal({ ...production, IMAGE_PROVIDERS: "replicate", OPENAI_API_KEY: undefined });
    expect(message).toMatch(/\bOPENAI_API_KEY: Production moderates every prompt/);
  });
});

describe("blob storage configuration", () => {
  it("signs URLs for five minutes unless told otherwise", () => {
    expect(parseServerConfig({}).BLOB_URL_LIFETIME_SECONDS).toBe(300);
    expect(parseServerConfig({ BLOB_URL_LIFETIME_SECONDS: "120" }).BLOB_URL_LIFETIME_SECONDS).toBe(120);
  });

  it.each(["local", "production"])("refuses gcs without a bucket in %s mode", (mode) => {
    const base = mode === "production" ? production : {};
    const message = refusal({ ...base, BLOB_STORAGE: "gcs", GCS_BUCKET: undefined });
    expect(message).toMatch(/\bGCS_BUCKET: BLOB_STORAGE=gcs needs the bucket's name/);
  });

  it("switches Cloud Storage on alone in local mode, pointed at another endpoint", () => {
    const config = parseServerConfig({
      BLOB_STORAGE: "gcs",
      GCS_BUCKET: "images-staging",
      GCS_API_ENDPOINT: "http://127.0.0.1:4443",
      GOOGLE_APPLICATION_CREDENTIALS: "/secrets/key.json",
    });
    expect(config).toMatchObject({ BLOB_STORAGE: "gcs", MAIL_PROVIDER: "local-outbox", IMAGE_PROVIDERS: ["local"] });
  });

  it("makes production keep image URLs on the local disk only with a signing key of its own", () => {
    const withoutKey = refusal({ ...production, BLOB_STORAGE: "local-disk" });
    expect(withoutKey).toMatch(/\bBLOB_URL_SECRET: Production must set the key that signs image URLs/);
    const withKey = refusal({ ...production, BLOB_STORAGE: "local-disk", BLOB_URL_SECRET: "k".repeat(32) });
    expect(withKey).not.toContain("BLOB_URL_SECRET");
    expect(refusal(production)).not.toMatch(/BLOB_URL_SECRET|GCS_BUCKET/);
  });

  it("tells the page's CSP where signed URLs point", () => {
    expect(getPublicConfig(parseServerConfig({})).blobOrigin).toBeNull();
    expect(getPublicConfig(parseServerConfig({ BLOB_STORAGE: "gcs", GCS_BUCKET: "b-1" })).blobOrigin).toBe(
      "https://storage.googleapis.com",
    );
    const standIn = parseServerConfig({
      BLOB_STORAGE: "gcs",
      GCS_BUCKET: "b-1",
      GCS_API_ENDPOINT: "http://127.0.0.1:4443/",
    });
    expect(getPublicConfig(standIn).blobOrigin).toBe("http://127.0.0.1:4443");
  });
});

describe("parseServerConfig in production", () => {
  it("refuses the local outbox, naming only MAIL_PROVIDER", () => {
    const message = refusal(production);
    expect(message).toContain("MAIL_PROVIDER: The local outbox delivers no mail");
    for (const other of [
      "PAYMENT_PROVIDERS",
      "IMAGE_PROVIDERS",
      "FIREBASE_AUTH_EMULATOR_HOST",
      "FIREBASE_PROJECT_ID",
      "APP_URL",
      "TRUSTED_PROXY_HOPS",
      "OPENAI_API_KEY",
    ]) {
      expect(message).not.toContain(`${other}:`);
    }
  });

  it.each([
    ["PAYMENT_PROVIDERS", { PAYMENT_PROVIDERS: "toss,sandbox" }, "sandbox payment provider"],
    ["IMAGE_PROVIDERS", { IMAGE_PROVIDERS: "openai,local" }, "local image model"],
    ["FIREBASE_AUTH_EMULATOR_HOST", { FIREBASE_AUTH_EMULATOR_HOST: "127.0.0.1:9099" }, "Auth emulator"],
    ["FIREBASE_PROJECT_ID", { FIREBASE_PROJECT_ID: "demo-imagesfactory" }, "demo- projects"],
    ["APP_URL", { APP_URL: "http://images.example.com" }, "https"],
    ["TRUSTED_PROXY_HOPS", { TRUSTED_PROXY_HOPS: "0" }, "one rate limit"],
    ["LEGAL_HOLD_KEY", { LEGAL_HOLD_KEY: undefined }, "pseudonymises the records kept after a withdrawal"],
    ["STAFF_TOTP_KEY", { STAFF_TOTP_KEY: undefined }, "second-factor secrets"],
    ["STAFF_ACCESS_LOG_KEY", { STAFF_ACCESS_LOG_KEY: undefined }, "seals the staff access log"],
    [
      "C2PA_SIGNING_KEY",
      { C2PA_SIGNING_KEY: undefined, C2PA_CERTIFICATE_CHAIN: undefined },
      "content credentials of every image",
    ],
  ])("refuses %s, with a message naming the variable", (name, change, reason) => {
    const message = refusal({ ...production, ...change });
    expect(message).toMatch(new RegExp(`\\b${name}: [^;]*${reason}`));
    expect(message).toContain("MAIL_PROVIDER:");
  });

  it("refuses the local defaults wholesale, listing every local stand-in", () => {
    const message = refusal({ APP_MODE: "production", FIREBASE_AUTH_EMULATOR_HOST: "127.0.0.1:9099" });
    for (const name of [
      "PAYMENT_PROVIDERS",
      "IMAGE_PROVIDERS",
      "MAIL_PROVIDER",
      "FIREBASE_AUTH_EMULATOR_HOST",
      "FIREBASE_PROJECT_ID",
      "APP_URL",
      "TRUSTED_PROXY_HOPS",
      "OPENAI_API_KEY",
    ]) {
      expect(message).toContain(`${name}:`);
    }
  });
});

describe("getPublicConfig", () => {
  it("exposes only what the browser needs, with the emulator URL when one is set", () => {
    const pub = getPublicConfig(
      parseServerConfig({ FIREBASE_AUTH_EMULATOR_HOST: "127.0.0.1:9099", FIREBASE_PROJECT_ID: "demo-x" }),
    );
    expect(pub).toEqual({
      appMode: "local",
      firebase: {
        apiKey: "demo-api-key",
        projectId: "demo-x",
        authDomain: "demo-x.firebaseapp.com",
        authEmulatorUrl: "http://127.0.0.1:9099",
      },
      business: IMAGESFACTORY,
      blobOrigin: null,
      tossClientKey: null,
    });
    expect(getPublicConfig(parseServerConfig({})).firebase.authEmulatorUrl).toBeNull();
  });
});

const TOSS_TEST_KEYS = { TOSS_CLIENT_KEY: "test_gck_docs0a1b2c3d4e5f", TOSS_SECRET_KEY: "test_gsk_docs9z8y7x6w5v4u" };

describe("Toss Payments configuration", () => {
  it("switches Toss on alone in local mode, pointed at a stand-in", () => {
    const config = parseServerConfig({
      PAYMENT_PROVIDERS: "toss",
      TOSS_API_BASE_URL: "http://127.0.0.1:4010",
      ...TOSS_TEST_KEYS,
    });
    expect(config).toMatchObject({ PAYMENT_PROVIDERS: ["toss"], TOSS_API_BASE_URL: "http://127.0.0.1:4010" });
  });

  it("talks to Toss's own API unless told otherwise", () => {
    expect(parseServerConfig({ PAYMENT_PROVIDERS: "toss", ...TOSS_TEST_KEYS }).TOSS_API_BASE_URL).toBe(
      "https://api.tosspayments.com",
    );
  });

  it.each([
    ["TOSS_CLIENT_KEY", { TOSS_SECRET_KEY: TOSS_TEST_KEYS.TOSS_SECRET_KEY }],
    ["TOSS_SECRET_KEY", { TOSS_CLIENT_KEY: TOSS_TEST_KEYS.TOSS_CLIENT_KEY }],
  ])("refuses toss without %s at start, in local mode as in production", (name, keys) => {
    for (const mode of ["local", "production"]) {
      const message = refusal({
        ...production,
        APP_MODE: mode,
        TOSS_CLIENT_KEY: undefined,
        TOSS_SECRET_KEY: undefined,
        ...keys,
      });
      expect(message).toMatch(new RegExp(`\\b${name}: required when PAYMENT_PROVIDERS includes toss`));
    }
  });

  it("refuses keys that are not Toss's, and a test key paired with a live one", () => {
    expect(refusal({ PAYMENT_PROVIDERS: "toss", ...TOSS_TEST_KEYS, TOSS_SECRET_KEY: "sk_live_abc" })).toContain(
      "TOSS_SECRET_KEY: a Toss secret key starts with",
    );
    expect(refusal({ PAYMENT_PROVIDERS: "toss", ...TOSS_TEST_KEYS, TOSS_CLIENT_KEY: "live_gck_abc" })).toContain(
      "must both be test keys or both live keys",
    );
  });

  it("refuses a payment provider the product does not have", () => {
    expect(refusal({ PAYMENT_PROVIDERS: "sandbox,paypal" })).toContain(
      "PAYMENT_PROVIDERS: name only sandbox, toss, stripe",
    );
  });

  it("hands the browser the client key, never the secret key", () => {
    const config = parseServerConfig({ PAYMENT_PROVIDERS: "sandbox,toss", ...TOSS_TEST_KEYS });
    const pub = getPublicConfig(config);
    expect(pub.tossClientKey).toBe(TOSS_TEST_KEYS.TOSS_CLIENT_KEY);
    expect(JSON.stringify(pub)).not.toContain(TOSS_TEST_KEYS.TOSS_SECRET_KEY);
    expect(getPublicConfig(parseServerConfig({ ...TOSS_TEST_KEYS })).tossClientKey).toBeNull();
  });
});

/** The business details imagesfactory publishes (the seeds' privacy policy), which are the defaults. */
const IMAGESFACTORY = {
  name: "엠제이스튜디오(MJ)",
  nameEn: null,
  representative: "송민주",
  address: "서울특별시 강남구 봉은사로30길 68, 6층-S42호",
  registrationNumber: "829-04-03406",
  mailOrderReportNumber: "2025-서울강남-06359",
  phone: "010-4882-9820",
  email: "support@imagesfactory.com",
  privacyOfficer: {
    name: "송민주",
    title: "대표",
    // As the English policy imagesfactory publishes names its officer.
    nameEn: "Minju Song",
    titleEn: "CEO",
    email: "support@imagesfactory.com",
    phone: "010-4882-9820",
  },
  hostingProvider: "Google Cloud",
};

describe("business details", () => {
  it("default to those imagesfactory publishes, and reach the public part (they are public by law)", () => {
    expect(getPublicConfig(parseServerConfig({})).business).toEqual(IMAGESFACTORY);
  });

  it("take every value from the environment, the English name included", () => {
    const business = getPublicConfig(
      parseServerConfig({
        BUSINESS_NAME: "주식회사 예시",
        BUSINESS_NAME_EN: "Example Inc.",
        BUSINESS_REPRESENTATIVE: "홍길동",
        BUSINESS_ADDRESS: "서울특별시 중구 세종대로 110",
        BUSINESS_REGISTRATION_NUMBER: "220-81-62517",
        BUSINESS_MAIL_ORDER_REPORT_NUMBER: "2024-서울중구-00001",
        BUSINESS_PHONE: "02-123-4567",
        BUSINESS_EMAIL: "help@example.com",
        PRIVACY_OFFICER_NAME: "김철수",
        PRIVACY_OFFICER_TITLE: "이사",
        PRIVACY_OFFICER_NAME_EN: "Cheolsu Kim",
        PRIVACY_OFFICER_TITLE_EN: "Director",
        PRIVACY_OFFICER_EMAIL: "privacy@example.com",
        PRIVACY_OFFICER_PHONE: "+82 2 123 4568",
        HOSTING_PROVIDER: "Amazon Web Services",
      }),
    ).business;
    expect(business).toEqual({
      name: "주식회사 예시",
      nameEn: "Example Inc.",
      representative: "홍길동",
      address: "서울특별시 중구 세종대로 110",
      registrationNumber: "220-81-62517",
      mailOrderReportNumber: "2024-서울중구-00001",
      phone: "02-123-4567",
      email: "help@example.com",
      privacyOfficer: {
        name: "김철수",
        title: "이사",
        nameEn: "Cheolsu Kim",
        titleEn: "Director",
        email: "privacy@example.com",
        phone: "+82 2 123 4568",
      },
      hostingProvider: "Amazon Web Services",
    });
  });

  it.each(["8290403406", "829-04-3406", "829 04 03406", "82-904-03406", "829-04-03406-1", "사업자"])(
    "refuses the registration number %s, saying how to write one",
    (value) => {
      expect(refusal({ BUSINESS_REGISTRATION_NUMBER: value })).toMatch(
        /\bBUSINESS_REGISTRATION_NUMBER: write the 사업자등록번호 as NNN-NN-NNNNN, e.g. 829-04-03406/,
      );
    },
  );

  it("refuses a registration number with a mistyped digit, naming the check digit", () => {
    // 829-04-03406 with two digits swapped, and with its check digit changed.
    for (const value of ["829-40-03406", "829-04-03407"]) {
      expect(refusal({ BUSINESS_REGISTRATION_NUMBER: value })).toMatch(
        /\bBUSINESS_REGISTRATION_NUMBER: this 사업자등록번호 fails its check digit/,
      );
    }
  });

  it.each([
    ["BUSINESS_NAME", "   "],
    ["BUSINESS_REPRESENTATIVE", ""],
    ["BUSINESS_ADDRESS", ""],
    ["BUSINESS_MAIL_ORDER_REPORT_NUMBER", ""],
    ["BUSINESS_PHONE", "call us"],
    ["BUSINESS_EMAIL", "support"],
    ["PRIVACY_OFFICER_EMAIL", "@imagesfactory.com"],
    ["PRIVACY_OFFICER_PHONE", "12"],
    ["HOSTING_PROVIDER", ""],
  ])("refuses %s=%j, naming the variable", (name, value) => {
    expect(refusal({ [name]: value })).toMatch(new RegExp(`^Invalid configuration: .*\\b${name}: `));
  });
});

describe("AI provenance configuration", () => {
  it("marks exported files in the bottom-right corner by default, and signs with a throwaway identity locally", () => {
    const config = parseServerConfig({});
    expect([config.AI_VISIBLE_MARK, config.AI_VISIBLE_MARK_POSITION]).toEqual(["on", "bottom-right"]);
    expect([config.C2PA_SIGNING_KEY, config.C2PA_CERTIFICATE_CHAIN]).toEqual([undefined, undefined]);
  });

  it("takes the mark off, or into another corner", () => {
    const config = parseServerConfig({ AI_VISIBLE_MARK: "off", AI_VISIBLE_MARK_POSITION: "top-left" });
    expect([config.AI_VISIBLE_MARK, config.AI_VISIBLE_MARK_POSITION]).toEqual(["off", "top-left"]);
    expect(refusal({ AI_VISIBLE_MARK_POSITION: "center" })).toContain("AI_VISIBLE_MARK_POSITION:");
    expect(refusal({ AI_VISIBLE_MARK: "false" })).toContain("AI_VISIBLE_MARK:");
  });

  it("takes the signing key and chain as PEM, their line breaks written as \\n or not", () => {
    const escaped = parseServerConfig({
      C2PA_SIGNING_KEY: c2pa.privateKeyPem.replace(/\n/g, "\\n"),
      C2PA_CERTIFICATE_CHAIN: c2pa.certificateChainPem.replace(/\n/g, "\\n"),
    });
    expect(escaped.C2PA_SIGNING_KEY).toBe(c2pa.privateKeyPem.trim());
    expect(escaped.C2PA_CERTIFICATE_CHAIN).toBe(c2pa.certificateChainPem.trim());
  });

  it("refuses one of the pair alone, and a key that is not the certificate's", async () => {
    expect(refusal({ C2PA_SIGNING_KEY: c2pa.privateKeyPem })).toContain("C2PA_CERTIFICATE_CHAIN: set both");
    expect(refusal({ C2PA_CERTIFICATE_CHAIN: c2pa.certificateChainPem })).toContain("C2PA_SIGNING_KEY: set both");
    const other = await throwawaySigningIdentity();
    expect(
      refusal({ C2PA_SIGNING_KEY: other.privateKeyPem, C2PA_CERTIFICATE_CHAIN: c2pa.certificateChainPem }),
    ).toContain("C2PA_SIGNING_KEY: must be a PKCS#8 PEM private key");
    expect(refusal({ C2PA_SIGNING_KEY: "not a key", C2PA_CERTIFICATE_CHAIN: "not a chain" })).toContain(
      "C2PA_SIGNING_KEY: must be a PKCS#8",
    );
  });
});

describe(".env.example", () => {
  it("documents values that equal the defaults, Korean and spaces included, so copying it changes nothing", () => {
    const documented = parseEnv(readFileSync(join(import.meta.dirname, "../../.env.example"), "utf8"));
    expect(documented.BUSINESS_ADDRESS).toBe(IMAGESFACTORY.address);
    expect(parseServerConfig(documented)).toEqual(parseServerConfig({}));
  });
});

/** A P-256 verification key in the form SendGrid shows it: base64 DER. */
const sendGridKey = generateKeyPairSync("ec", { namedCurve: "prime256v1" })
  .publicKey.export({ format: "der", type: "spki" })
  .toString("base64");
const sendGrid = {
  MAIL_PROVIDER: "sendgrid",
  SENDGRID_API_KEY: "SG.test-key",
  SENDGRID_WEBHOOK_PUBLIC_KEY: sendGridKey,
};

describe("SendGrid configuration", () => {
  it("switches SendGrid on alone in local mode, pointed at a stand-in, without the webhook key", () => {
    const config = parseServerConfig({
      MAIL_PROVIDER: "sendgrid",
      SENDGRID_API_KEY: "SG.test-key",
      SENDGRID_BASE_URL: "http://127.0.0.1:4010",
    });
    expect(config).toMatchObject({
      MAIL_PROVIDER: "sendgrid",
      SENDGRID_BASE_URL: "http://127.0.0.1:4010",
      IMAGE_PROVIDERS: ["local"],
    });
    expect(config.SENDGRID_WEBHOOK_PUBLIC_KEY).toBeUndefined();
  });

  it("talks to SendGrid's own API unless told otherwise", () => {
    expect(parseServerConfig(sendGrid).SENDGRID_BASE_URL).toBe("https://api.sendgrid.com");
  });

  it.each(["local", "production"])("refuses MAIL_PROVIDER=sendgrid without an API key in %s mode", (mode) => {
    const source = mode === "production" ? { ...production, ...sendGrid } : { ...sendGrid };
    const message = refusal({ ...source, APP_MODE: mode, SENDGRID_API_KEY: undefined });
    expect(message).toMatch(/\bSENDGRID_API_KEY: MAIL_PROVIDER=sendgrid needs the API key/);
  });

  it("refuses an API key that is not SendGrid's", () => {
    expect(refusal({ ...sendGrid, SENDGRID_API_KEY: "sk-live-123" })).toMatch(
      /\bSENDGRID_API_KEY: a SendGrid API key starts with SG\./,
    );
  });

  it("refuses SendGrid in production without the Event Webhook's verification key", () => {
    const message = refusal({ ...production, ...sendGrid, SENDGRID_WEBHOOK_PUBLIC_KEY: undefined });
    expect(message).toMatch(/\bSENDGRID_WEBHOOK_PUBLIC_KEY: [^;]*bounces and spam reports/);
    expect(message).not.toContain("MAIL_PROVIDER:");
  });

  it.each([
    ["not base64 of a key", "not-a-key"],
    [
      "an RSA key",
      generateKeyPairSync("rsa", { modulusLength: 1024 })
        .publicKey.export({ format: "der", type: "spki" })
        .toString("base64"),
    ],
    [
      "a P-384 key",
      generateKeyPairSync("ec", { namedCurve: "secp384r1" })
        .publicKey.export({ format: "der", type: "spki" })
        .toString("base64"),
    ],
  ])("refuses a webhook verification key that is %s", (_what, key) => {
    expect(refusal({ ...sendGrid, SENDGRID_WEBHOOK_PUBLIC_KEY: key })).toMatch(/\bSENDGRID_WEBHOOK_PUBLIC_KEY: paste/);
  });

  it("accepts a complete SendGrid configuration in production as far as mail is concerned", () => {
    let message = "";
    try {
      parseServerConfig({ ...production, ...sendGrid });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toMatch(/\b(MAIL_PROVIDER|SENDGRID_\w+):/);
  });
});

describe("Stripe configuration", () => {
  const stripe = {
    PAYMENT_PROVIDERS: "stripe",
    STRIPE_SECRET_KEY: "sk_test_51Example",
    STRIPE_WEBHOOK_SECRET: "whsec_example123",
  };

  it("is on alone in local mode, pointed at another base URL, with Stripe's own as the default", () => {
    const config = parseServerConfig({ ...stripe, STRIPE_API_BASE_URL: "http://127.0.0.1:4020" });
    expect(config.PAYMENT_PROVIDERS).toEqual(["stripe"]);
    expect(config.STRIPE_API_BASE_URL).toBe("http://127.0.0.1:4020");
    expect(parseServerConfig(stripe).STRIPE_API_BASE_URL).toBe("https://api.stripe.com");
  });

  it.each(["local", "production"])("is refused in %s mode without the secret key or the webhook secret", (mode) => {
    for (const name of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"]) {
      const message = refusal({ ...production, ...stripe, APP_MODE: mode, [name]: undefined });
      expect(message).toMatch(new RegExp(`\\b${name}: required when PAYMENT_PROVIDERS includes stripe`));
    }
  });

  it("refuses a key or secret that is not Stripe's", () => {
    expect(refusal({ ...stripe, STRIPE_SECRET_KEY: "pk_test_51Example" })).toMatch(
      /\bSTRIPE_SECRET_KEY: a Stripe secret key starts with sk_live_ or sk_test_/,
    );
    expect(refusal({ ...stripe, STRIPE_WEBHOOK_SECRET: "example123" })).toMatch(/\bSTRIPE_WEBHOOK_SECRET: write/);
  });

  it("refuses a provider it does not know", () => {
    expect(refusal({ PAYMENT_PROVIDERS: "sandbox,paypal" })).toMatch(
      /\bPAYMENT_PROVIDERS: name only sandbox, toss, stripe/,
    );
  });

  it("asks nothing of Stripe when it is off", () => {
    const message = refusal({ ...production, MAIL_PROVIDER: "local-outbox" });
    expect(message).not.toMatch(/\bSTRIPE_\w+:/);
  });
});
