/**
 * The e2e stack's own services, for a spec that sets up or reads what the browser
 * cannot: its database and its Auth emulator, reached as the app and its scripts do.
 */
import { parseServerConfig } from "../../../lib/config/env";
import { createServices } from "../../../lib/services";
import { E2E, E2E_URL } from "./e2e-stack";

/** The environment the stack's app and scripts run with. */
export const E2E_ENV = {
  ...process.env,
  APP_MODE: "local",
  APP_URL: E2E_URL,
  DATA_DIR: E2E.dataDir,
  FIREBASE_PROJECT_ID: E2E.projectId,
  FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${E2E.authPort}`,
  PAYMENT_PROVIDERS: "sandbox",
};

// The spec's own calls (firebase-admin, the test helpers) reach the stack's emulator.
Object.assign(process.env, {
  FIREBASE_AUTH_EMULATOR_HOST: E2E_ENV.FIREBASE_AUTH_EMULATOR_HOST,
  FIREBASE_PROJECT_ID: E2E.projectId,
});

export const e2eServices = createServices(parseServerConfig(E2E_ENV));
