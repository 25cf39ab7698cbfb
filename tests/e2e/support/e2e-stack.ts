/** Ports and folders of the e2e stack: its own, so a running local stack is never touched. */
export const E2E = {
  port: 3210,
  authPort: 9210,
  hubPort: 4410,
  loggingPort: 4510,
  projectId: "demo-imagesfactory-e2e",
  distDir: ".next-e2e",
  dataDir: ".test-data/e2e",
} as const;

export const E2E_URL = `http://localhost:${E2E.port}`;
