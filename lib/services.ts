/**
 * The composition root: each port's adapter comes from that port's factory, chosen by
 * configuration. Domain use cases receive these services in their options; tests
 * build their own with createServices() and may replace any port or the clock.
 */
import type { AuthGateway } from "./auth/auth-gateway";
import { createAuthGateway } from "./auth/create-auth-gateway";
import { systemClock, type Clock } from "./clock/clock";
import { getServerConfig, type ServerConfig } from "./config/env";
import { createDatabase } from "./db/create-database";
import type { Database } from "./db/database";
import { createImageProviders, type ImageProviders } from "./image-models/create-image-providers";
import { createMailer } from "./mail/create-mailer";
import { LocalOutboxMailer } from "./mail/local-outbox-mailer";
import type { Mailer } from "./mail/mailer";
import type { ContentCredentials } from "./provenance/content-credentials";
import { createContentCredentials } from "./provenance/create-content-credentials";
import { createPromptModerator } from "./moderation/create-prompt-moderator";
import type { PromptModerator } from "./moderation/prompt-moderator";
import { setLogLevel } from "./observability/logger";
import { createPaymentProviders, type PaymentProviders } from "./payments/create-payment-providers";
import type { ImageProcessor } from "./images/image-processor";
import { createImageProcessor } from "./images/create-image-processor";
import type { BlobStorage } from "./storage/blob-storage";
import { createBlobStorage } from "./storage/create-blob-storage";
import { LocalDiskStorage } from "./storage/local-disk-storage";
import { createWorkSignal } from "./worker/create-work-signal";
import type { WorkSignal } from "./worker/work-signal";

export interface Services {
  config: ServerConfig;
  db: Database;
  blobs: BlobStorage;
  /** The local disk, when the app serves blobs itself through its signed URLs (GET /api/blobs). */
  localBlobs: LocalDiskStorage | null;
  mailer: Mailer;
  /** The local outbox, when mail stays on this machine (local mode's mailbox page). */
  localMailbox: LocalOutboxMailer | null;
  imageProviders: ImageProviders;
  /** Judges every prompt before any point is reserved. */
  moderator: PromptModerator;
  paymentProviders: PaymentProviders;
  auth: AuthGateway;
  clock: Clock;
  imageProcessor: ImageProcessor;
  /** Signs the C2PA manifest written into every image file. */
  contentCredentials: ContentCredentials;
  /** Wakes the workers when work is queued. */
  workSignal: WorkSignal;
}

export function createServices(config: ServerConfig, overrides: Partial<Services> = {}): Services {
  setLogLevel(config.LOG_LEVEL);
  const clock = overrides.clock ?? systemClock;
  const mailer = overrides.mailer ?? createMailer(config, clock);
  const blobs = overrides.blobs ?? createBlobStorage(config, clock);
  return {
    config,
    db: overrides.db ?? createDatabase(config),
    blobs,
    localBlobs: overrides.localBlobs ?? (blobs instanceof LocalDiskStorage ? blobs : null),
    mailer,
    localMailbox: overrides.localMailbox ?? (mailer instanceof LocalOutboxMailer ? mailer : null),
    imageProviders: overrides.imageProviders ?? createImageProviders(config),
    moderator: overrides.moderator ?? createPromptModerator(config),
    paymentProviders: overrides.paymentProviders ?? createPaymentProviders(config),
    auth: overrides.auth ?? createAuthGateway(config),
    clock,
    imageProcessor: overrides.imageProcessor ?? createImageProcessor(),
    contentCredentials: overrides.contentCredentials ?? createContentCredentials(config),
    workSignal: overrides.workSignal ?? createWorkSignal(config),
  };
}

let shared: Services | undefined;

/** The process-wide services of the web server, the worker and the CLI tools. */
export function getServices(): Services {
  shared ??= createServices(getServerConfig());
  return shared;
}
