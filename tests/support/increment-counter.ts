/**
 * A child process for database-sqlite.test.ts: opens the SQLite file it is given and
 * increments one counter document in separate transactions. It reports "ready", waits
 * for "go" so that both children start together, and exits 0 only if every
 * transaction committed.
 *
 * Usage: node --import tsx increment-counter.ts <file> <collection> <id> <times>
 */
import { defineCollection } from "../../lib/db/collection";
import { SqliteDatabase } from "../../lib/db/sqlite/sqlite-database";

const [file, collection, id, times] = process.argv.slice(2);
if (!file || !collection || !id || !times || !process.send) {
  console.error("usage: increment-counter.ts <file> <collection> <id> <times>, started with an IPC channel");
  process.exit(2);
}

const counters = defineCollection<{ value: number }>(collection, { value: "A counter" });
const db = new SqliteDatabase({ file, indexes: { indexes: [] } });

async function incrementAll(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await db.runTransaction(async (tx) => {
      const counter = await tx.get(counters, id!);
      // Yield between the read and the write, so a missing lock would lose updates.
      await new Promise((resolve) => setImmediate(resolve));
      tx.set(counters, id!, { value: (counter?.data.value ?? 0) + 1 });
    });
  }
}

process.once("message", (message) => {
  if (message !== "go") return;
  incrementAll(Number(times))
    .then(() => db.close())
    .then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
});
process.send("ready");
