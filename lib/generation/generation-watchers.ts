/**
 * Live updates of generations for the streams of one process. The worker runs
 * elsewhere, so a change shows only in the stored job: one watcher per job reads it
 * for all of that job's open streams (not one reader per stream), reads less often
 * the longer nothing changes, and stops when its last stream closes. Open streams are
 * limited per member and in total, so live updates cannot crowd out other requests.
 */
import { AppError, isAppError } from "../errors/app-error";
import { errorFields, logger } from "../observability/logger";
import type { Services } from "../services";
import { getGeneration, type GenerationView } from "./get-generation";
import { isFinished } from "./generation-job";

/** How often a watcher reads the job right after a change... */
export const WATCH_MIN_INTERVAL_MS = 250;
/** ...and at most, once nothing has changed for a while (the interval doubles per quiet read). */
export const WATCH_MAX_INTERVAL_MS = 2_000;
/** A comment on a quiet stream this often keeps proxies and load balancers from cutting it. */
export const KEEP_ALIVE_MS = 15_000;
/** A stream ends after this long; the browser's EventSource then reconnects by itself. */
export const MAX_STREAM_MS = 10 * 60_000;
/** What a refused stream is told to wait; the progress page polls meanwhile. */
export const STREAM_RETRY_AFTER_SECONDS = 30;

export type WatchEvent =
  | { type: "generation"; view: GenerationView }
  | { type: "keep-alive" }
  /** The generation does not exist (or is not the member's): nothing more will come. */
  | { type: "gone" }
  /** Watching failed for another reason (logged); the client may open the stream again. */
  | { type: "error"; code: string };

export interface WatchSink {
  send(event: WatchEvent): void;
  /** No more events: the job finished or is gone, watching failed, or the stream is too old. */
  end(): void;
}

export interface WatchGenerationOptions {
  uid: string;
  generationId: string;
  sink: WatchSink;
}

export interface Subscription {
  /** The reader went away: stop sending. The watcher stops with its last subscription. */
  close(): void;
}

interface Subscriber {
  sink: WatchSink;
  openedAt: number;
  lastSentAt: number;
  /** Gives the stream's place back (once, however often called). */
  release(): void;
}

class JobWatcher {
  readonly subscribers = new Set<Subscriber>();
  private latest: { view: GenerationView; payload: string } | null = null;
  private readonly stopped = new AbortController();

  constructor(
    private readonly services: Services,
    private readonly uid: string,
    private readonly generationId: string,
    private readonly onStopped: () => void,
  ) {}

  add(subscriber: Subscriber): void {
    this.subscribers.add(subscriber);
    // A stream that joins a running watcher gets the current state at once, not at the next change.
    if (this.latest) this.deliver(subscriber, { type: "generation", view: this.latest.view });
  }

  /** Ended or ending: it takes no more subscribers (a stream opened now needs a watcher of its own). */
  get stopping(): boolean {
    return this.stopped.signal.aborted;
  }

  remove(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size === 0) this.stop();
  }

  /**
   * Stops at once: the watcher leaves the registry now, so a stream opened meanwhile
   * gets a watcher of its own rather than one that is winding down.
   */
  private stop(): void {
    this.stopped.abort();
    this.onStopped();
  }

  /** Runs until the job finishes or is gone, watching fails, or the last stream closes. */
  async run(): Promise<void> {
    const { clock } = this.services;
    let interval = WATCH_MIN_INTERVAL_MS;
    try {
      while (this.subscribers.size > 0 && !this.stopped.signal.aborted) {
        const outcome = await this.read();
        if (outcome === "ended") return;
        interval = outcome === "changed" ? WATCH_MIN_INTERVAL_MS : Math.min(interval * 2, WATCH_MAX_INTERVAL_MS);
        this.tend(clock.now().getTime());
        if (this.subscribers.size === 0) return;
        await clock.sleep(interval, this.stopped.signal);
      }
    } finally {
      this.stop();
    }
  }

  /** One read of the job for every subscriber. */
  private async read(): Promise<"changed" | "same" | "ended"> {
    let view: GenerationView;
    try {
      view = await getGeneration({ services: this.services, uid: this.uid, generationId: this.generationId });
    } catch (error) {
      if (isAppError(error, "NOT_FOUND")) {
        this.endAll({ type: "gone" });
      } else {
        // Not "gone": the job may well exist. Logged by id; the client is told to retry.
        logger.error("generation.events_failed", {
          generationId: this.generationId,
          uid: this.uid,
          ...errorFields(error),
        });
        this.endAll({ type: "error", code: isAppError(error) ? error.code : "INTERNAL" });
      }
      return "ended";
    }
    if (this.subscribers.size === 0 || this.stopped.signal.aborted) return "ended";
    const payload = JSON.stringify(view);
    const changed = payload !== this.latest?.payload;
    this.latest = { view, payload };
    if (changed) for (const subscriber of this.subscribers) this.deliver(subscriber, { type: "generation", view });
    if (isFinished(view.status)) {
      this.endAll(null);
      return "ended";
    }
    return changed ? "changed" : "same";
  }

  /** Keep-alives for quiet streams; streams past their age end (their browser reconnects). */
  private tend(now: number): void {
    for (const subscriber of [...this.subscribers]) {
      if (now - subscriber.openedAt >= MAX_STREAM_MS) {
        this.subscribers.delete(subscriber);
        subscriber.sink.end();
        subscriber.release();
      } else if (now - subscriber.lastSentAt >= KEEP_ALIVE_MS) {
        this.deliver(subscriber, { type: "keep-alive" });
      }
    }
  }

  private deliver(subscriber: Subscriber, event: WatchEvent): void {
    subscriber.lastSentAt = this.services.clock.now().getTime();
    subscriber.sink.send(event);
  }

  /**
   * Ends every stream and the watcher with them. The watcher leaves the registry
   * first, synchronously: a stream opened before `run()` winds down (even from within
   * a `sink.end()` below) gets a fresh watcher, not this dead one, which would never
   * send it another event, keep-alive or end.
   */
  private endAll(last: WatchEvent | null): void {
    this.stop();
    const ending = [...this.subscribers];
    this.subscribers.clear();
    for (const subscriber of ending) {
      if (last) this.deliver(subscriber, last);
      subscriber.sink.end();
      subscriber.release();
    }
  }
}

/** The watchers and stream counts of one process (of one services object). */
export class GenerationWatchers {
  private readonly watchers = new Map<string, JobWatcher>();
  private readonly perMember = new Map<string, number>();
  private total = 0;

  constructor(private readonly services: Services) {}

  /** Open streams now, and jobs being watched (one reader each). */
  get counts(): { streams: number; watchedJobs: number } {
    return { streams: this.total, watchedJobs: this.watchers.size };
  }

  /**
   * Opens a stream of a job's state for its owner. Throws RATE_LIMITED (with
   * `retryAfterSeconds`) when the member, or the process, has as many streams open as
   * the configuration allows; ownership is checked by the reads themselves (another
   * member's job is "gone").
   */
  subscribe(options: WatchGenerationOptions): Subscription {
    const { EVENT_STREAMS_PER_MEMBER, EVENT_STREAMS_MAX } = this.services.config;
    const mine = this.perMember.get(options.uid) ?? 0;
    if (mine >= EVENT_STREAMS_PER_MEMBER || this.total >= EVENT_STREAMS_MAX) {
      logger.warn("generation.events_refused", {
        uid: options.uid,
        memberStreams: mine,
        totalStreams: this.total,
      });
      const details = { retryAfterSeconds: STREAM_RETRY_AFTER_SECONDS };
      throw mine >= EVENT_STREAMS_PER_MEMBER
        ? new AppError("RATE_LIMITED", "request.tooManyStreams", {
            values: { limit: EVENT_STREAMS_PER_MEMBER },
            details,
          })
        : new AppError("RATE_LIMITED", "request.serverStreamsFull", { details });
    }
    this.perMember.set(options.uid, mine + 1);
    this.total++;
    let open = true;
    const release = () => {
      if (!open) return;
      open = false;
      const left = (this.perMember.get(options.uid) ?? 1) - 1;
      if (left > 0) this.perMember.set(options.uid, left);
      else this.perMember.delete(options.uid);
      this.total--;
    };
    const now = this.services.clock.now().getTime();
    const subscriber: Subscriber = { sink: options.sink, openedAt: now, lastSentAt: now, release };
    // Keyed by member as well: reads check ownership, so another member's stream never shares a view.
    const key = `${options.uid}/${options.generationId}`;
    let watcher = this.watchers.get(key);
    // A watcher winding down leaves the registry as it stops; never join one that is.
    if (watcher && !watcher.stopping) {
      watcher.add(subscriber);
    } else {
      const created = new JobWatcher(this.services, options.uid, options.generationId, () => {
        if (this.watchers.get(key) === created) this.watchers.delete(key);
      });
      watcher = created;
      this.watchers.set(key, created);
      created.add(subscriber);
      void created.run();
    }
    const watching = watcher;
    return {
      close: () => {
        release();
        watching.remove(subscriber);
      },
    };
  }
}

const byServices = new WeakMap<Services, GenerationWatchers>();

/** The watchers of these services: one set per process, as the web server has one services object. */
export function generationWatchers(services: Services): GenerationWatchers {
  let watchers = byServices.get(services);
  if (!watchers) {
    watchers = new GenerationWatchers(services);
    byServices.set(services, watchers);
  }
  return watchers;
}
