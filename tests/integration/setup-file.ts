/** Every test file starts with an empty data folder of its own and a known app origin. */
import { mkdtempSync } from "node:fs";
import { resolve } from "node:path";

const root = process.env.TEST_DATA_ROOT ?? resolve(".test-data/integration");
process.env.DATA_DIR = mkdtempSync(`${root}/file-`);
process.env.APP_URL = "http://localhost:3100";
process.env.APP_MODE = "local";
process.env.LOG_LEVEL ??= "error";
