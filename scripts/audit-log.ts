/**
 * The staff access log from a shell.
 *
 *   npm run audit:verify                       proves the chain; exits 1 naming the first broken entry
 *   npm run audit:export -- --from 2026-01-01 --to 2026-04-01 [--out file.jsonl]
 *                                              the entries in that period as JSON Lines, with their hashes
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { loadEnvFile } from "../lib/config/env";
import { getServices } from "../lib/services";
import { staffAccessLogKey } from "../lib/staff/access-log";
import { exportAccessLog } from "../lib/staff/export-access-log";
import { verifyAccessLog } from "../lib/staff/verify-access-log";

loadEnvFile();
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { from: { type: "string" }, to: { type: "string" }, out: { type: "string" } },
});
const { db, config } = getServices();

async function write(out: Writable, line: string): Promise<void> {
  if (!out.write(line)) await once(out, "drain");
}

try {
  if (positionals[0] === "verify") {
    const { entries, broken } = await verifyAccessLog({ db, key: staffAccessLogKey(config), now: new Date() });
    if (broken) {
      process.stdout.write(`BROKEN at entry ${broken.seq}: ${broken.problem} (${entries} entries before it hold).\n`);
      process.exitCode = 1;
    } else {
      process.stdout.write(`The staff access log holds: ${entries} entries proven.\n`);
    }
  } else if (positionals[0] === "export") {
    const out = values.out ? createWriteStream(values.out) : process.stdout;
    let count = 0;
    for await (const entry of exportAccessLog({ db, input: { from: values.from, to: values.to } })) {
      await write(out, `${JSON.stringify(entry)}\n`);
      count += 1;
    }
    if (out !== process.stdout) {
      out.end();
      await once(out, "finish");
      process.stdout.write(`${count} entries written to ${values.out}.\n`);
    }
  } else {
    process.stderr.write("Usage: audit-log.ts verify | export --from DATE --to DATE [--out FILE]\n");
    process.exitCode = 2;
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
} finally {
  await db.close();
}
