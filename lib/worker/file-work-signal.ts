/**
 * The work signal between processes on one machine (SQLite mode): notify rewrites a
 * file named after the kind of work in a folder of DATA_DIR, and each worker watches
 * that folder (inotify on Linux, FSEvents on macOS). Chosen over a socket ping:
 * any number of workers and web servers meet through the folder with no listener
 * to find, no stale socket after a crash and no port; and the folder's permissions
 * are the authentication, the same ones that guard the SQLite file beside it (a
 * signal carries no data, so a forged one costs one extra query). Where the file
 * system does not report changes (some network or container mounts), the worker's
 * poll still finds the work.
 */
import { mkdirSync, watch, type FSWatcher } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { errorFields, logger } from "../observability/logger";
import { LocalListeners, type WorkKind, type WorkSignal } from "./work-signal";

const KINDS: readonly WorkKind[] = ["generation", "mail"];

function isWorkKind(name: string | null): name is WorkKind {
  return KINDS.includes(name as WorkKind);
}

export class FileWorkSignal implements WorkSignal {
  private readonly local = new LocalListeners();

  constructor(private readonly folder: string) {}

  notify(kind: WorkKind): void {
    this.local.tell(kind);
    void (async () => {
      mkdirSync(this.folder, { recursive: true });
      await writeFile(join(this.folder, kind), String(Date.now()));
    })().catch((error: unknown) => logger.warn("work_signal.notify_failed", { kind, ...errorFields(error) }));
  }

  listen(onWork: (kind: WorkKind) => void): () => void {
    const stopLocal = this.local.add(onWork);
    let watcher: FSWatcher | null = null;
    try {
      mkdirSync(this.folder, { recursive: true });
      // The folder, not the files: a file removed and written again is still seen.
      watcher = watch(this.folder, { persistent: false }, (_event, name) => {
        if (isWorkKind(name)) onWork(name);
      });
      watcher.on("error", (error) => logger.warn("work_signal.watch_failed", errorFields(error)));
    } catch (error) {
      logger.warn("work_signal.watch_failed", errorFields(error));
    }
    return () => {
      stopLocal();
      watcher?.close();
    };
  }
}
