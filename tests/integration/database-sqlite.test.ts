import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { defineCollection } from "../../lib/db/collection";
import { SqliteDatabase } from "../../lib/db/sqlite/sqlite-database";
import { describeDatabaseContract } from "./contracts/database-contract";

const directory = mkdtempSync(join(tmpdir(), "database-sqlite-"));
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const incrementScript = fileURLToPath(new URL("../support/increment-counter.ts", import.meta.url));

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

describeDatabaseContract(
  "SqliteDatabase",
  async ({ indexes }) => new SqliteDatabase({ file: join(directory, "contract.sqlite"), indexes }),
);

describe("SqliteDatabase across processes", () => {
  function startIncrementer(file: string, times: number): ChildProcess {
    return fork(incrementScript, [file, "counters", "shared", String(times)], {
      cwd: repoRoot,
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
  }

  function ready(child: ChildProcess): Promise<void> {
    return new Promise((resolve, reject) => {
      child.once("message", () => resolve());
      child.once("exit", (code) => reject(new Error(`The incrementer exited (${String(code)}) before it was ready.`)));
    });
  }

  it("serializes transactions of two processes on the same file: no increment is lost", async () => {
    const file = join(directory, "shared-counter.sqlite");
    const times = 200;
    const children = [startIncrementer(file, times), startIncrementer(file, times)];
    const exits = children.map((child) => once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>);

    await Promise.all(children.map(ready));
    for (const child of children) child.send("go");
    const codes = (await Promise.all(exits)).map(([code]) => code);
    expect(codes).toEqual([0, 0]);

    const db = new SqliteDatabase({ file, indexes: { indexes: [] } });
    try {
      expect(
        (await db.get(defineCollection<{ value: number }>("counters", { value: "A counter" }), "shared"))?.data,
      ).toEqual({ value: 2 * times });
    } finally {
      await db.close();
    }
  });
});
