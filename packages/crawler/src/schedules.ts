import type { Queue } from 'bullmq';
import { catalog, type CrawlPayloadInput } from '@provnews/queues';
import type { Portal } from './registry.ts';

/** Scheduler ids are `portal:<id>`; only schedulers with this prefix are managed by the sync. */
export const SCHEDULER_PREFIX = 'portal:';

/** The scheduler id of a portal. */
export function schedulerId(portalId: string): string {
  return `${SCHEDULER_PREFIX}${portalId}`;
}

/** What `syncSchedules` changed, by portal id. */
export interface ScheduleSyncResult {
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
}

/** One portal's schedule as stored in BullMQ, for `provnews schedule list`. */
export interface ScheduleInfo {
  portal: string;
  /** Cron pattern (`every <n> ms` for interval schedulers made by hand). */
  pattern: string;
  /** Time zone of the pattern (`local` when the scheduler has none: the worker's zone). */
  tz: string;
  /** Next run, or null when BullMQ has none planned. */
  next: Date | null;
}

function runPayload(portal: Portal): CrawlPayloadInput {
  return { url: portal.baseUrl, portal: portal.id, kind: 'portal', depth: 0, force: true, probe: false };
}

/**
 * Makes the queue's job schedulers match the registry: one `portal:<id>` scheduler per enabled
 * portal (cron + time zone, a `kind: 'portal'` crawl job as template). New portals are added,
 * changed schedules or base URLs updated, schedulers of portals gone from the registry (or
 * disabled) removed. Idempotent: an unchanged portal is not touched, so its next run stays put.
 *
 * @param queue the crawl queue
 */
export async function syncSchedules(queue: Queue, portals: Portal[]): Promise<ScheduleSyncResult> {
  const result: ScheduleSyncResult = { added: [], updated: [], removed: [], unchanged: [] };
  const existing = new Map((await queue.getJobSchedulers(0, -1, true)).map((s) => [s.key, s]));
  const wanted = portals.filter((p) => p.enabled);

  for (const portal of wanted) {
    const id = schedulerId(portal.id);
    const data = runPayload(portal);
    const current = existing.get(id);
    if (current && current.pattern === portal.schedule.cron && current.tz === portal.schedule.tz && sameData(current.template?.data, data)) {
      result.unchanged.push(portal.id);
      continue;
    }
    await queue.upsertJobScheduler(
      id,
      { pattern: portal.schedule.cron, tz: portal.schedule.tz },
      { name: catalog.crawl.name, data, opts: catalog.crawl.defaultJobOptions },
    );
    (current ? result.updated : result.added).push(portal.id);
  }

  const keep = new Set(wanted.map((p) => schedulerId(p.id)));
  for (const key of existing.keys()) {
    if (key.startsWith(SCHEDULER_PREFIX) && !keep.has(key)) {
      await queue.removeJobScheduler(key);
      result.removed.push(key.slice(SCHEDULER_PREFIX.length));
    }
  }
  return result;
}

function sameData(a: unknown, b: unknown): boolean {
  return JSON.stringify(a, Object.keys((a ?? {}) as object).sort()) === JSON.stringify(b, Object.keys((b ?? {}) as object).sort());
}

/** Every portal scheduler of the queue with its next run, soonest first. */
export async function listSchedules(queue: Queue): Promise<ScheduleInfo[]> {
  const schedulers = await queue.getJobSchedulers(0, -1, true);
  return schedulers
    .filter((s) => s.key.startsWith(SCHEDULER_PREFIX))
    .map((s) => ({
      portal: s.key.slice(SCHEDULER_PREFIX.length),
      pattern: s.pattern ?? (s.every ? `every ${s.every} ms` : ''),
      tz: s.tz ?? 'local',
      next: s.next !== undefined && s.next !== null ? new Date(Number(s.next)) : null,
    }));
}
