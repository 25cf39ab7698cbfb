/**
 * The work signal port: how whoever queues work (a submitted generation, a mail)
 * wakes the workers that run it, in this process or another one, instead of the
 * workers polling for it. A signal is a hint, not a message: it carries no data,
 * may be lost or repeated, and the worker still polls slowly (WORKER_POLL_MS) so a
 * lost signal delays work but never strands it. In production jobs start from
 * Firestore triggers, so notifying there is only for a local worker, if any.
 */
export type WorkKind = "generation" | "mail";

export interface WorkSignal {
  /** Says that work of this kind was committed. Never throws and never waits: the caller's work is done. */
  notify(kind: WorkKind): void;
  /** Calls `onWork` whenever work of a kind may be waiting; gives back the function that stops listening. */
  listen(onWork: (kind: WorkKind) => void): () => void;
}

/** Listeners in this process: every adapter tells them first, so a worker beside the web server wakes at once. */
export class LocalListeners {
  private readonly listeners = new Set<(kind: WorkKind) => void>();

  add(onWork: (kind: WorkKind) => void): () => void {
    this.listeners.add(onWork);
    return () => this.listeners.delete(onWork);
  }

  tell(kind: WorkKind): void {
    for (const listener of this.listeners) listener(kind);
  }
}
