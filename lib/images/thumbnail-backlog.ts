import type { Services } from "../services";
import { makeThumbnails, type MakeThumbnailsOptions } from "./make-thumbnails";

/**
 * How many images' thumbnails are made at once. One: encoding them costs more CPU
 * than drawing a local image, and jobs waiting on that CPU matter more than
 * thumbnails that come a little later (the views show the original meanwhile). The
 * backlog holds keys, not bytes, so a queue that grows under load costs little.
 */
const AT_ONCE = 1;

/**
 * The thumbnails still to make for images already recorded, one image at a time. The
 * local worker keeps one for all its jobs, so a job's slot is free once its images
 * are recorded; a job run on its own (a Cloud Function) waits for its own before it
 * returns, since an instance may lose its CPU once its function returns.
 */
export class ThumbnailBacklog {
  private readonly waiting: Omit<MakeThumbnailsOptions, "services">[] = [];
  private readonly running = new Set<Promise<void>>();
  private idle: Promise<void> = Promise.resolve();
  private markIdle: () => void = () => {};

  constructor(private readonly services: Services) {}

  add(image: Omit<MakeThumbnailsOptions, "services">): void {
    if (this.running.size === 0 && this.waiting.length === 0)
      this.idle = new Promise((resolve) => (this.markIdle = resolve));
    this.waiting.push(image);
    this.next();
  }

  /** Resolves once every thumbnail added so far (and any added meanwhile) is made. */
  settled(): Promise<void> {
    return this.idle;
  }

  private next(): void {
    while (this.running.size < AT_ONCE && this.waiting.length > 0) {
      const task = makeThumbnails({ services: this.services, ...this.waiting.shift()! }).finally(() => {
        this.running.delete(task);
        this.next();
        if (this.running.size === 0 && this.waiting.length === 0) this.markIdle();
      });
      this.running.add(task);
    }
  }
}
