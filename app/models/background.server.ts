// The background work of a server process, started once by entry.server.tsx: the e-mail sender,
// the attendance scheduler, and a separate, low-priority process that renders queued e-mail.
// `app/server.mjs` stops it all on SIGTERM through globalThis.__komerbijBackground.
import { spawn } from "node:child_process";
import { setPriority } from "node:os";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { startAttendanceScheduler, stopAttendanceScheduler } from "./attendance.server";
import { loadWatch, RENDER_AHEAD, renderQueuedEmails, storeRendered, type RenderOutcome } from "./outbox-renderer.server";
import { startOutboxSender } from "./outbox-sender.server";

declare global {
  var __komerbijBackground: { stop: () => Promise<void> } | undefined;
}

const RENDERER_ROLE = "email-renderer";
const LOAD_CHECK_MS = 250;
const RENDER_PAUSE_MS = 500;
/** Messages per turn of the renderer: as many as it can while the server is idle, ten a second while it is busy. */
const RENDER_WHEN_IDLE = 50;
const RENDER_WHEN_BUSY = 5;
const LOWEST_PRIORITY = 19;

export function startBackgroundWork() {
  if (process.env.VITEST || globalThis.__komerbijBackground) return;
  if (process.env.KOMERBIJ_ROLE === RENDERER_ROLE) return void runRenderer();
  const renderer = startRendererProcess();
  // Bulk mail waits for the renderer; if it is gone, the sender renders (between two requests) itself.
  startOutboxSender({ renderedOnly: () => renderer.alive() });
  startAttendanceScheduler();
  globalThis.__komerbijBackground = {
    async stop() {
      stopAttendanceScheduler();
      await globalThis.__komerbijOutboxSender?.stop();
      renderer.stop();
    },
  };
}

/**
 * The renderer is this same server build, started again as a child process in the renderer role
 * (no HTTP, no sender), niced to the lowest CPU priority: it only gets the CPU the requests leave.
 */
function startRendererProcess() {
  let alive = true;
  const child = spawn(process.execPath, ["--input-type=module", "-e", `await import(${JSON.stringify(import.meta.url)});`], {
    env: { ...process.env, KOMERBIJ_ROLE: RENDERER_ROLE },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  child.on("exit", () => (alive = false));
  // The renderer only reads; what it rendered is stored here, on this process's connection (see storeRendered).
  child.on("message", (message: unknown) => {
    if (!isRenderedMessage(message)) return;
    try {
      storeRendered(message.rendered);
    } catch (error) {
      console.error("E-mail renderer: storing failed", error);
    }
    if (child.connected) child.send({ stored: message.batch });
  });
  const watcher = watchLoad((busy) => {
    if (child.connected) child.send({ busy });
  });
  child.on("error", () => (alive = false));
  try {
    if (child.pid) setPriority(child.pid, LOWEST_PRIORITY);
  } catch {
    // Not allowed here: it still runs, only at normal priority.
  }
  return {
    alive: () => alive,
    stop: () => {
      clearInterval(watcher);
      if (alive) child.kill("SIGTERM");
    },
  };
}

/** Tells `report` when the server's event loop turns busy (more than half of the last quarter second) or idle again. */
function watchLoad(report: (busy: boolean) => void) {
  const watch = loadWatch();
  let last = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const current = performance.eventLoopUtilization();
    const change = watch(performance.eventLoopUtilization(current, last).utilization);
    last = current;
    if (change !== null) report(change);
  }, LOAD_CHECK_MS);
  timer.unref();
  return timer;
}

type RenderedMessage = { batch: number; rendered: RenderOutcome[] };
const isRenderedMessage = (message: unknown): message is RenderedMessage =>
  Boolean(message && typeof message === "object" && "rendered" in message && Array.isArray(message.rendered));

async function runRenderer() {
  let stopped = false;
  let busy = false;
  // Each batch goes to the server to be stored; the next one waits until it is, so nothing is rendered twice.
  let batch = 0;
  let storedBatch: (() => void) | null = null;
  const handOver = (rendered: RenderOutcome[]) =>
    new Promise<void>((resolve, reject) => {
      storedBatch = resolve;
      process.send?.({ batch: ++batch, rendered } satisfies RenderedMessage, (error: Error | null) => error && reject(error));
    });
  // Ends with its parent (the IPC channel closes), or on its own SIGTERM after the message in hand.
  process.on("disconnect", () => (stopped = true));
  process.on("SIGTERM", () => (stopped = true));
  // While the server is busy answering requests, render only a trickle: the mail still moves, the CPU goes to the requests.
  process.on("message", (message: unknown) => {
    if (message && typeof message === "object" && "busy" in message) busy = Boolean(message.busy);
    if (message && typeof message === "object" && "stored" in message && message.stored === batch) storedBatch?.();
  });
  process.on("disconnect", () => storedBatch?.());
  // `process.connected` too: a parent that died while this process was still starting closed the channel
  // before the "disconnect" listener existed (such orphans kept rendering for minutes).
  while (!stopped && process.connected) {
    try {
      const rendered = await renderQueuedEmails(busy ? RENDER_WHEN_BUSY : RENDER_WHEN_IDLE, RENDER_AHEAD, handOver);
      if (rendered === 0 || busy) await sleep(RENDER_PAUSE_MS);
    } catch (error) {
      // The server went away mid-batch (it stops, or it died): what it did not store is rendered again later.
      if (stopped || !process.connected) break;
      console.error("E-mail renderer:", error);
      await sleep(5_000);
    }
  }
  process.exit(0);
}
