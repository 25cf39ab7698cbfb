import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadEnvFile } from "../../lib/config/env";

const NAMES = ["IF_TEST_BOTH", "IF_TEST_BASE_ONLY", "IF_TEST_SET"];

afterEach(() => {
  for (const name of NAMES) delete process.env[name];
});

describe("loadEnvFile", () => {
  it("reads .env.local over .env, as Next does, and never overrides a variable already set", () => {
    const folder = mkdtempSync(join(tmpdir(), "imagesfactory-env-"));
    writeFileSync(join(folder, ".env"), "IF_TEST_BOTH=base\nIF_TEST_BASE_ONLY=base\nIF_TEST_SET=base\n");
    writeFileSync(join(folder, ".env.local"), "IF_TEST_BOTH=local\nIF_TEST_SET=local\n");
    process.env.IF_TEST_SET = "environment";
    loadEnvFile(folder);
    expect(NAMES.map((name) => process.env[name])).toEqual(["local", "base", "environment"]);
  });
});
