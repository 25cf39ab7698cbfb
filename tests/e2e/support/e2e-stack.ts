/**
 * Ports and folders of the e2e stack: its own, so a running local stack is never
 * touched. E2E_PORT_OFFSET moves every port, so two checkouts can run e2e at once.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);

export const E2E = {
  port: 3210 + offset,
  authPort: 9210 + offset,
  hubPort: 4410 + offset,
  loggingPort: 4510 + offset,
  /** The Toss Payments stand-in (tests/support/stand-ins/toss-stand-in.ts). */
  tossPort: 4610 + offset,
  projectId: "demo-imagesfactory-e2e",
  distDir: ".next-e2e",
  dataDir: ".test-data/e2e",
} as const;

export const E2E_URL = `http://localhost:${E2E.port}`;

/** The Toss stand-in's keys: fixed, so a spec (another process) can reach it as the app does. */
export const E2E_TOSS_KEYS = { clientKey: "test_gck_e2estandin", secretKey: "test_gsk_e2estandin" } as const;
