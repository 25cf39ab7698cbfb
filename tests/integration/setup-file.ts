/** Every test file starts with an empty data folder of its own and a known app origin. */
import { mkdirSync, mkdtempSync } from "node:fs";
import { resolve } from "node:path";

const root = resolve(".test-data/integration/files");
mkdirSync(root, { recursive: true });
process.env.DATA_DIR = mkdtempSync(`${root}/run-`);
process.env.APP_URL = "http://localhost:3100";
process.env.APP_MODE = "local";
