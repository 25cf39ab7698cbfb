/**
 * The retention sweep against a backlog, printing figures (no assertions): seeds
 * `--records` expired records spread evenly over every kind the sweeper enforces (an
 * image's record with its three files), in the embedded database of a fresh data
 * folder, then times one sweep and checks that a second finds nothing left.
 *
 *   npm run bench:retention [-- --records 100000]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ManualClock } from "../lib/clock/clock";
import { loadEnvFile, parseServerConfig } from "../lib/config/env";
import { MAX_WRITES_PER_COMMIT } from "../lib/db/database";
import { imageFileKeys, IMAGES } from "../lib/images/image-record";
import { inventoriedCollection } from "../lib/privacy/data-inventory";
import { purgeExpiredData, sweepCutoff, sweptDatabaseKinds } from "../lib/privacy/purge-expired-data";
import { createServices } from "../lib/services";
import { RETENTION_FIXTURES } from "../tests/support/retention-fixtures";

loadEnvFile();
const { values: args } = parseArgs({ options: { records: { type: "string", default: "100000" } } });
const total = Number(args.records);

const dataDir = mkdtempSync(join(tmpdir(), "bench-retention-"));
const clock = new ManualClock(new Date());
const services = createServices(parseServerConfig({ DATA_DIR: dataDir, LOG_LEVEL: "warn" }), { clock });

try {
  const kinds = sweptDatabaseKinds();
  const perKind = Math.ceil(total / kinds.length);
  const seedStarted = performance.now();
  let seeded = 0;
  let files = 0;
  for (const kind of kinds) {
    const make = RETENTION_FIXTURES.get(kind.store.collection);
    if (!make) throw new Error(`No record to seed ${kind.store.collection} with`);
    const collection = inventoriedCollection(kind.store.collection);
    const expired = new Date(Date.parse(sweepCutoff(kind, clock.now())) - 60_000).toISOString();
    for (let start = 0; start < perKind && seeded < total; start += MAX_WRITES_PER_COMMIT) {
      const batch = services.db.batch();
      const count = Math.min(MAX_WRITES_PER_COMMIT, perKind - start, total - seeded);
      for (let i = 0; i < count; i++) {
        // A member per record: none has a points account, so no history waits for one.
        const record = make(expired, `bench-${start + i}`);
        batch.set(collection, `${kind.id}-${start + i}`, record);
        if (collection.name === IMAGES.name) {
          for (const key of imageFileKeys(record.fileKey as string)) {
            await services.blobs.put(key, Buffer.from("x"), key.endsWith(".webp") ? "image/webp" : "image/png");
            files++;
          }
        }
      }
      await batch.commit();
      seeded += count;
    }
  }
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  console.log(
    `seeded ${seeded} expired records over ${kinds.length} kinds (${files} image files) in ${seedSeconds.toFixed(1)} s`,
  );

  const sweepStarted = performance.now();
  const outcome = await purgeExpiredData({ services });
  const sweepSeconds = (performance.now() - sweepStarted) / 1000;
  const swept = Object.entries(outcome)
    .filter(([kind]) => kind !== "abandonedWrites" && kind !== "image-files")
    .reduce((sum, [, count]) => sum + count, 0);
  console.log(
    `swept ${swept} records in ${sweepSeconds.toFixed(2)} s: ${Math.round(swept / sweepSeconds)} records/s (${MAX_WRITES_PER_COMMIT} per commit)`,
  );
  console.log(
    Object.entries(outcome)
      .map(([kind, count]) => `  ${kind}: ${count}`)
      .join("\n"),
  );
  const again = await purgeExpiredData({ services });
  const left = Object.values(again).reduce((sum, count) => sum + count, 0);
  console.log(`second sweep deleted ${left} (idempotent when 0)`);
} finally {
  await services.db.close();
  rmSync(dataDir, { recursive: true, force: true });
}
