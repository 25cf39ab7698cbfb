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
  projectId: "demo-imagesfactory-e2e",
  distDir: ".next-e2e",
  dataDir: ".test-data/e2e",
} as const;

export const E2E_URL = `http://localhost:${E2E.port}`;
