/**
 * The composition root: builds every port's adapter from configuration. Domain use
 * cases receive these services in their options; tests build their own with
 * createServices() and can swap the clock.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AuthGateway } from "./auth/auth-gateway";
import { firebaseAdminApp, FirebaseAuthGateway } from "./auth/firebase-auth-gateway";
import { getFirestore } from "firebase-admin/firestore";
import { FirestoreDatabase } from "./db/firestore/firestore-database";
import { systemClock, type Clock } from "./clock/clock";
import { getServerConfig, type ServerConfig } from "./config/env";
import type { Database } from "./db/database";
import type { IndexFile } from "./db/index-rules";
import { SqliteDatabase } from "./db/sqlite/sqlite-database";
import { withInventoryGuard } from "./db/with-inventory-guard";
import type { ImageModelProvider } from "./image-models/image-model";
import { LocalImageModel } from "./image-models/local-image-model";
import { LocalOutboxMailer } from "./mail/local-outbox-mailer";
import type { Mailer } from "./mail/mailer";
import type { PaymentProvider, PaymentProviderId } from "./payments/payment-provider";
import { SandboxPaymentProvider } from "./payments/sandbox-payment-provider";
import { setLogLevel } from "./observability/logger";
import type { ImageProviderId } from "./pricing/price-table";
import type { ImageProcessor } from "./images/image-processor";
import { SharpImageProcessor } from "./images/sharp-image-processor";
import type { BlobStorage } from "./storage/blob-storage";
import { LocalDiskStorage } from "./storage/local-disk-storage";

export interface Services {
  config: ServerConfig;
  db: Database;
  blobs: BlobStorage;
  mailer: Mailer;
  /** The local outbox, when mail stays on this machine (local mode's mailbox page). */
  localMailbox: LocalOutboxMailer | null;
  imageProviders: Partial<Record<ImageProviderId, ImageModelProvider>>;
  paymentProviders: Partial<Record<PaymentProviderId, PaymentProvider>>;
  auth: AuthGateway;
  clock: Clock;
  imageProcessor: ImageProcessor;
}

export function loadIndexFile(path: string): IndexFile {
  return JSON.parse(readFileSync(path, "utf8")) as IndexFile;
}

function createDatabase(config: ServerConfig): Database {
  switch (config.DATABASE) {
    case "sqlite":
      return withInventoryGuard(
        new SqliteDatabase({ file: config.sqliteFile, indexes: loadIndexFile(config.FIRESTORE_INDEXES_FILE) }),
      );
    case "firestore":
      return withInventoryGuard(new FirestoreDatabase(getFirestore(firebaseAdminApp(config.FIREBASE_PROJECT_ID))));
  }
}

export function createServices(config: ServerConfig, overrides: Partial<Services> = {}): Services {
  setLogLevel(config.LOG_LEVEL);
  const clock = overrides.clock ?? systemClock;
  const localMailbox =
    config.MAIL_PROVIDER === "local-outbox"
      ? new LocalOutboxMailer(join(config.DATA_DIR, "mailbox"), config.MAIL_FROM, () => clock.now())
      : null;
  const imageProviders: Services["imageProviders"] = {};
  if (config.IMAGE_PROVIDERS.includes("local")) {
    imageProviders.local = new LocalImageModel({
      latencyMs: config.LOCAL_MODEL_LATENCY_MS,
      failureRate: config.LOCAL_MODEL_FAILURE_RATE,
    });
  }
  const paymentProviders: Services["paymentProviders"] = {};
  if (config.PAYMENT_PROVIDERS.includes("sandbox"))
    paymentProviders.sandbox = new SandboxPaymentProvider(config.APP_URL);
  return {
    config,
    db: overrides.db ?? createDatabase(config),
    blobs: overrides.blobs ?? new LocalDiskStorage(join(config.DATA_DIR, "blobs")),
    mailer: overrides.mailer ?? (localMailbox as Mailer),
    localMailbox,
    imageProviders: overrides.imageProviders ?? imageProviders,
    paymentProviders: overrides.paymentProviders ?? paymentProviders,
    auth: overrides.auth ?? new FirebaseAuthGateway(config.FIREBASE_PROJECT_ID),
    clock,
    imageProcessor: overrides.imageProcessor ?? new SharpImageProcessor(),
  };
}

let shared: Services | undefined;

/** The process-wide services of the web server, the worker and the CLI tools. */
export function getServices(): Services {
  shared ??= createServices(getServerConfig());
  return shared;
}
