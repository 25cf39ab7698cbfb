/**
 * Live updates of a generation (GET /api/generations/{id}/events). Streams share one
 * reader per job, read less often while nothing changes, keep quiet connections
 * alive, are limited per member and in total, and say "gone" only when the job is.
 * Time is a ManualClock where the streams wait on it.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as getEvents } from "../../app/api/generations/[id]/events/route";
import { ManualClock } from "../../lib/clock/clock";
import { getServerConfig, type ServerConfig } from "../../lib/config/env";
import type { Database } from "../../lib/db/database";
import { GENERATIONS } from "../../lib/generation/generation-job";
import {
  generationWatchers,
  KEEP_ALIVE_MS,
  MAX_STREAM_MS,
  WATCH_MAX_INTERVAL_MS,
  type WatchEvent,
} from "../../lib/generation/generation-watchers";
import { cancelGeneration } from "../../lib/generation/cancel-generation";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { generationEvents } from "../../lib/http/generation-events";
import { createServices, getServices, type Services } from "../../lib/services";
import { captureLogs, type CapturedLogs } from "../support/captured-logs";
import { readEvents, type SseReader } from "../support/event-stream";
import type { TestUser } from "../support/firebase-users";
import { call, readError } from "../support/http";
import { buyPoints, createMember } from "../support/members";
import { waitFor } from "../support/wait-for";

// The route uses the process's services: their limits are set before they are made.
process.env.EVENT_STREAMS_PER_MEMBER = "3";
process.env.EVENT_STREAMS_MAX = "5";
const services = getServices();
delete process.env.EVENT_STREAMS_PER_MEMBER;
delete process.env.EVENT_STREAMS_MAX;

const SECRET_PROMPT = "a prompt that must never reach the logs";
let member: TestUser;
let other: TestUser;
const open: SseReader[] = [];
let logs: CapturedLogs | undefined;

beforeAll(async () => {
  member = await createMember(services);
  other = await createMember(services);
  await buyPoints(services, member.uid, 2);
  await buyPoints(services, other.uid);
});

afterEach(async () => {
  logs?.restore();
  logs = undefined;
  await Promise.all(open.splice(0).map((stream) => stream.cancel()));
});

async function submit(user: TestUser = member, prompt = SECRET_PROMPT): Promise<string> {
  const { id } = await submitGeneration({
    services,
    uid: user.uid,
    input: { prompt, model: "local-sketch", size: "512x512", count: 1 },
    idempotencyKey: randomUUID(),
  });
  return id;
}

/** Services on the shared database whose job reads are counted, on a clock the test moves. */
function counted(overrides: Partial<ServerConfig> = {}, db: Database = services.db) {
  const clock = new ManualClock(new Date());
  const reads = { job: 0 };
  const counting: Database = {
    ...db,
    get: (collection, id) => {
      if (collection === GENERATIONS) reads.job++;
      return db.get(collection, id);
    },
    query: (query) => db.query(query),
  };
  const timed = createServices(
    { ...getServerConfig(), EVENT_STREAMS_PER_MEMBER: 1_000, EVENT_STREAMS_MAX: 1_000, ...overrides },
    {
      db: counting,
      clock,
    },
  );
  return { services: timed, clock, reads };
}

function stream(on: Services, uid: string, generationId: string): SseReader {
  const reader = readEvents(
    generationEvents({ services: on, uid, generationId, signal: new AbortController().signal }),
  );
  open.push(reader);
  return reader;
}

/**
 * Moves the clock and lets the watcher finish what became due: a watcher woken by
 * the move reads the job, then sleeps again (or, once `stopped`, never again).
 */
async function advance(clock: ManualClock, ms: number, stopped: () => boolean = () => false): Promise<void> {
  clock.advance(ms);
  await waitFor(() => clock.pendingSleeps === 1 || stopped(), { what: "the watcher to sleep again", intervalMs: 1 });
}

describe("event streams of a generation", () => {
  it("read the job once per poll for all the streams on it, not once per stream", async () => {
    const id = await submit();
    const { services: on, clock, reads } = counted();
    const streams = Array.from({ length: 20 }, () => stream(on, member.uid, id));
    const first = await Promise.all(streams.map((s) => s.next()));
    expect(first.every((block) => block?.event === "generation")).toBe(true);
    expect(reads.job).toBe(1);

    await waitFor(() => clock.pendingSleeps === 1, { what: "the watcher to sleep" });
    clock.advance(250);
    await waitFor(() => reads.job === 2, { what: "the second poll" });
    await waitFor(() => clock.pendingSleeps === 1, { what: "the watcher to sleep again" });
    expect(reads.job).toBe(2);
  });

  it("read less often while nothing changes, keep the connection alive with comments, and resume on a change", async () => {
    const id = await submit();
    const { services: on, clock, reads } = counted();
    const events = stream(on, member.uid, id);
    expect((await events.next())?.event).toBe("generation");
    await waitFor(() => clock.pendingSleeps === 1, { what: "the watcher to sleep" });

    // One idle minute in 100 ms steps: a stream polling every 250 ms would read 240 times.
    for (let step = 0; step < 600; step++) await advance(clock, 100);
    expect(reads.job).toBeLessThanOrEqual(40);
    expect(reads.job).toBeGreaterThanOrEqual(25);
    const quiet: string[] = [];
    for (let i = 0; i < 3; i++) quiet.push((await events.next())!.event);
    // A comment every 15 s of silence (a proxy would cut a connection silent for a minute).
    expect(quiet).toEqual(["comment", "comment", "comment"]);

    const before = reads.job;
    await services.db.runTransaction(async (tx) =>
      tx.update(GENERATIONS, id, { status: "running", updatedAt: new Date().toISOString() }),
    );
    for (let step = 0; step < 20; step++) await advance(clock, 100);
    let next = await events.next();
    while (next?.event === "comment") next = await events.next();
    expect(next?.event).toBe("generation");
    expect(JSON.parse(next!.data)).toMatchObject({ id, status: "running" });
    expect(reads.job - before).toBeLessThanOrEqual(2);
  });

  it("end after ten minutes, not before, so the browser reconnects", async () => {
    const id = await submit();
    const { services: on, clock } = counted();
    const openedAt = clock.now().getTime();
    const events = stream(on, member.uid, id);
    expect((await events.next())?.event).toBe("generation");
    await waitFor(() => clock.pendingSleeps === 1, { what: "the watcher to sleep" });
    let ended = false;
    const rest = events.rest().finally(() => {
      ended = true;
    });
    const elapsed = () => clock.now().getTime() - openedAt;
    // Up to one second short of the bound, in steps no longer than the watcher's longest sleep.
    while (elapsed() < MAX_STREAM_MS - 1_000) {
      await advance(clock, Math.min(WATCH_MAX_INTERVAL_MS, MAX_STREAM_MS - 1_000 - elapsed()), () => ended);
      expect(ended, `the stream ended after only ${elapsed()} ms`).toBe(false);
    }
    expect(elapsed()).toBe(MAX_STREAM_MS - 1_000);
    expect(clock.pendingSleeps).toBe(1);

    await advance(clock, 1_000, () => ended);
    await waitFor(() => ended, { what: "the stream to end at ten minutes" });
    const blocks = await rest;
    expect(blocks.every((block) => block.event === "comment")).toBe(true);
    // Kept alive all along: a comment after every quiet spell of 15 s (read at most 2 s late).
    expect(blocks.length).toBeGreaterThanOrEqual(Math.floor(MAX_STREAM_MS / (KEEP_ALIVE_MS + WATCH_MAX_INTERVAL_MS)));
    expect(clock.pendingSleeps).toBe(0);
    expect(generationWatchers(on).counts).toEqual({ streams: 0, watchedJobs: 0 });
  });

  it.each([
    ["the job finishes", "finished"],
    ["the job is gone", "gone"],
  ] as const)("open on a fresh watcher, not the one winding down, when opened just as %s", async (_, how) => {
    const id = await submit();
    const { services: on, clock } = counted();
    const watchers = generationWatchers(on);
    const late: { events: WatchEvent[]; ended: boolean } = { events: [], ended: false };
    const lateSink = {
      send: (event: WatchEvent) => late.events.push(event),
      end: () => {
        late.ended = true;
      },
    };
    let lateSubscription: { close(): void } | undefined;
    const first: WatchEvent[] = [];
    watchers.subscribe({
      uid: member.uid,
      generationId: id,
      sink: {
        send: (event) => first.push(event),
        // A stream opened the moment the last one ends, before the watcher has wound down.
        end: () => {
          lateSubscription = watchers.subscribe({ uid: member.uid, generationId: id, sink: lateSink });
        },
      },
    });
    await waitFor(() => first.length === 1 && clock.pendingSleeps === 1, { what: "the first read" });
    expect(first[0]).toMatchObject({ type: "generation", view: { status: "queued" } });

    if (how === "finished") await cancelGeneration({ services, uid: member.uid, generationId: id });
    else await services.db.runTransaction(async (tx) => tx.delete(GENERATIONS, id));
    clock.advance(WATCH_MAX_INTERVAL_MS);
    await waitFor(() => lateSubscription, { what: "the first stream to end" });

    // The late stream is read afresh (no stale "queued"), and it ends like any other.
    await waitFor(() => late.ended, { what: "the late stream to end", timeoutMs: 2_000 });
    expect(late.events).toEqual(
      how === "finished"
        ? [expect.objectContaining({ type: "generation", view: expect.objectContaining({ status: "failed" }) })]
        : [{ type: "gone" }],
    );
    await waitFor(() => clock.pendingSleeps === 0, { what: "every watcher to stop" });
    expect(watchers.counts).toEqual({ streams: 0, watchedJobs: 0 });
  });

  it("are refused with 429 and Retry-After past the member's limit and past the server's", async () => {
    const mine = await submit();
    const theirs = await submit(other, "theirs");
    const openVia = async (user: TestUser, id: string) => {
      const response = await call(getEvents, {
        path: `/api/generations/${id}/events`,
        params: { id },
        token: user.idToken,
      });
      if (response.status === 200) open.push(readEvents(response));
      return response;
    };
    const accepted = [];
    for (let i = 0; i < 3; i++) accepted.push(await openVia(member, mine));
    expect(accepted.map((r) => r.status)).toEqual([200, 200, 200]);
    const refused = await openVia(member, mine);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await readError(refused)).code).toBe("RATE_LIMITED");

    // Another member has streams of their own, up to the server's limit of 5.
    expect((await openVia(other, theirs)).status).toBe(200);
    expect((await openVia(other, theirs)).status).toBe(200);
    expect((await openVia(other, theirs)).status).toBe(429);

    // A closed stream gives its place back.
    await open.shift()!.cancel();
    expect((await openVia(member, mine)).status).toBe(200);
  });

  it("say gone when the job does not exist or is another member's", async () => {
    const theirs = await submit(other, "theirs");
    const { services: on } = counted();
    expect(await stream(on, member.uid, theirs).rest()).toEqual([expect.objectContaining({ event: "gone" })]);
    expect(await stream(on, member.uid, randomUUID()).rest()).toEqual([expect.objectContaining({ event: "gone" })]);
  });

  it("report any other failure as a retryable error, logged with ids only, not as gone", async () => {
    const id = await submit();
    const failing: Database = {
      ...services.db,
      get: () => Promise.reject(new Error("disk I/O error")),
      query: (query) => services.db.query(query),
    };
    const { services: on } = counted({}, failing);
    logs = captureLogs();
    const blocks = await stream(on, member.uid, id).rest();
    expect(blocks.map((block) => block.event)).toEqual(["error"]);
    expect(JSON.parse(blocks[0]!.data)).toEqual({ code: "INTERNAL", retryable: true });
    expect(blocks[0]!.raw).toMatch(/^retry: \d+$/m);
    const failures = logs.lines().filter((line) => line.event === "generation.events_failed");
    expect(failures).toEqual([
      expect.objectContaining({ level: "error", generationId: id, uid: member.uid, errorName: "Error" }),
    ]);
    // Another library's message is not ours to log: it could name a person.
    expect(logs.text()).not.toContain("disk I/O error");
    expect(logs.text()).not.toContain(SECRET_PROMPT);
  });
});
