import type { Express, Request, Response } from 'express';
import type { Redis } from 'ioredis';
import type { Portal } from '@provnews/crawler';
import type { Logger } from '@provnews/logger';
import {
  checkReason, discardFailed, failuresByReason, localTime, parseLocalDate, readOverview, relativeTime, replayFailed, runStats,
  KNOWN_REASONS, type FailedFilter, type FailedJobView, type StoredSnapshot,
} from '@provnews/ops';
import { QUEUE_NAMES, type QueueName, type Queues } from '@provnews/queues';
import type { BlobStore, SnapshotStore } from '@provnews/storage';
import { barChart } from './charts.ts';
import { html, page, type Html, type PageUser } from './html.ts';
import { Scans, ScansBusy, SCAN_WAIT_MS, settleWithin, type ScanTask } from './scans.ts';

export interface OpsDeps {
  queues: Queues;
  portals: Portal[];
  redis: Redis;
  log: Logger;
  content?: BlobStore;
  snapshots?: SnapshotStore;
}

/** A request's filters, validated: unknown queues, reasons, portals or dates are refused, not ignored. */
class BadInput extends Error {}

function filterOf(src: Record<string, unknown>, portals: Portal[]): FailedFilter {
  const str = (k: string) => {
    // A repeated field would otherwise be dropped and widen the selection: refuse it.
    if (src[k] !== undefined && typeof src[k] !== 'string') throw new BadInput(`${k}: give it once`);
    return typeof src[k] === 'string' && src[k].trim() ? src[k].trim() : undefined;
  };
  const queue = str('queue');
  if (queue && !(QUEUE_NAMES as string[]).includes(queue)) throw new BadInput(`unknown queue "${queue}"`);
  const reason = str('reason');
  if (reason) {
    try {
      checkReason(reason);
    } catch (err) {
      throw new BadInput((err as Error).message);
    }
  }
  const portal = str('portal');
  if (portal && !portals.some((p) => p.id === portal)) throw new BadInput(`unknown portal "${portal}"`);
  const date = (k: string) => {
    const v = str(k);
    if (!v) return undefined;
    const d = parseLocalDate(v);
    if (!d) throw new BadInput(`${k}: not a date "${v}"`);
    return d;
  };
  return { queue: queue as QueueName | undefined, reason, portal, since: date('since'), until: date('until'), id: str('id'), limit: 1000 };
}

function hiddenFilter(f: FailedFilter): Html {
  const fields: [string, string | undefined][] = [
    ['queue', f.queue], ['reason', f.reason], ['portal', f.portal], ['since', f.since?.toISOString()], ['until', f.until?.toISOString()], ['id', f.id],
  ];
  return html`${fields.filter(([, v]) => v).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}`;
}

function describeFilter(f: FailedFilter): string {
  const parts = [
    f.queue && `queue ${f.queue}`, f.reason && `reason ${f.reason}`, f.portal && `portal ${f.portal}`,
    f.since && `since ${localTime(f.since)}`, f.until && `until ${localTime(f.until)}`, f.id && `job ${f.id}`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'every failed job';
}

function jobsTable(jobs: FailedJobView[]): Html {
  return html`<table><thead><tr><th>queue</th><th>job</th><th>reason</th><th>portal</th><th>URL</th><th>failed</th><th>message</th></tr></thead><tbody>
    ${jobs.slice(0, 200).map((j) => html`<tr><td>${j.queue}</td><td><code>${j.id}</code></td><td><code>${j.reason}</code></td><td>${j.portal ?? ''}</td><td>${j.url ?? ''}</td><td>${j.failedAt ? localTime(new Date(j.failedAt)) : ''}</td><td>${j.message}</td></tr>`)}
  </tbody></table>`;
}

const wantsJson = (req: Request) => req.accepts(['html', 'json']) === 'json';

/** provnews's own pages (overview, failures) and admin actions (crawl now, replay, discard, reprocess). */
export function opsRoutes(app: Express, deps: OpsDeps): void {
  const { queues, portals, redis, log } = deps;
  const userOf = (req: Request): PageUser => ({ user: req.session!.user, role: req.session!.role, csrf: req.session!.csrf });
  const isAdmin = (req: Request) => req.session?.role === 'admin';
  const send = (req: Request, res: Response, title: string, body: Html, json: unknown, status = 200, refreshSeconds?: number) => {
    if (wantsJson(req)) res.status(status).json(json);
    else res.status(status).type('html').send(page(title, body, userOf(req), refreshSeconds));
  };
  const fail = (req: Request, res: Response, err: unknown) => {
    if (err instanceof ScansBusy) return send(req, res, 'Busy', html`<p class="error">${err.message}</p>`, { error: err.message }, 503);
    if (!(err instanceof BadInput)) throw err;
    send(req, res, 'Bad request', html`<p class="error">${err.message}</p>`, { error: err.message }, 400);
  };
  const scans = deps.content ? new Scans({ content: deps.content, queues, log }) : undefined;
  /** A scan still running: how far it got, and the page comes back in two seconds. */
  const scanning = (req: Request, res: Response, title: string, task: ScanTask<unknown>, json: Record<string, unknown>) =>
    send(req, res, title, html`<h2>${title}</h2><p id="scanning">Scanning the snapshot store: <strong>${task.scanned}</strong> stored pages read so far.</p>`, { ...json, scanning: true, scanned: task.scanned }, 202, 2);
  /** A scan that failed: its reasoned error, as a 500. */
  const scanFailed = (req: Request, res: Response, title: string, heading: Html, task: ScanTask<unknown>, json: Record<string, unknown>) =>
    send(req, res, title, html`${heading}<p class="error">${task.error}</p>`, { ...json, error: task.error }, 500);

  app.get('/api/ops/overview', async (_req, res) => void res.json(await readOverview(queues, redis, portals)));

  app.get('/overview', async (req, res) => {
    const o = await readOverview(queues, redis, portals);
    const csrf = req.session!.csrf;
    const admin = isAdmin(req);
    const counts = (c: { fetched: number; stored: number; unchanged: number; failed: number }) =>
      html`<td class="n">${c.fetched}</td><td class="n">${c.stored}</td><td class="n">${c.unchanged}</td><td class="n ${c.failed ? 'bad' : ''}">${c.failed}</td>`;
    const rows = o.portals.map((p) => {
      const r = p.lastRun;
      const reasons = r ? Object.entries(r.failuresByReason).map(([k, v]) => html`<code>${k}</code>×${v} `) : [];
      return html`<tr data-portal="${p.id}">
        <td><strong>${p.id}</strong><br><span class="muted">${p.name}</span></td>
        <td class="${p.enabled ? 'ok' : 'muted'}">${p.enabled ? 'enabled' : 'disabled'}</td>
        <td><code>${p.cron}</code><br>${p.nextRun ? html`${localTime(new Date(p.nextRun))}<br><span class="muted">${relativeTime(new Date(p.nextRun))}</span>` : html`<span class="muted">not scheduled</span>`}</td>
        <td class="run">${r ? html`${r.start ? localTime(new Date(r.start)) : '?'} → ${r.end ? localTime(new Date(r.end)).slice(11) : 'running'}
          ${r.end ? html`<span class="muted">(${relativeTime(new Date(r.end))})</span>` : ''}<br>
          pages fetched <b>${r.fetched}</b> · articles stored <b>${r.stored}</b> · unchanged <b>${r.unchanged}</b> · failures <b>${r.failed}</b> ${reasons}` : html`<span class="muted">no run yet</span>`}</td>
        <td class="err">${p.lastError ? html`<code>${p.lastError.reason}</code> ${p.lastError.message.replace(/^\[[a-z0-9-]+\]\s*/, '')}<br><span class="muted">${localTime(new Date(p.lastError.at))}</span>` : ''}</td>
        ${counts(p.last24h)}${counts(p.last7d)}
        <td>${admin ? html`<form method="post" action="/actions/crawl" class="action"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="portal" value="${p.id}"><button type="submit" ${p.enabled ? '' : 'disabled'}>Crawl now</button></form>` : ''}</td></tr>`;
    });
    const fmt = (t: number) => localTime(new Date(t)).slice(11, 16);
    const charts = QUEUE_NAMES.map((q) => {
      const pts = o.stages[q];
      const times = pts.map((p) => fmt(p.t));
      return html`${barChart(`${q}: jobs per 5 min (24 h)`, times, [{ label: 'done', color: '#2f6fb0', values: pts.map((p) => p.done) }, { label: 'failed', color: '#c0392b', values: pts.map((p) => p.failed) }])}
        ${barChart(`${q}: mean time per job`, times, [{ label: 'latency', color: '#7d5ba6', values: pts.map((p) => p.meanMs) }], ' ms')}`;
    });
    const queueRows = QUEUE_NAMES.map((q) => html`<tr><td>${q}</td>${['waiting', 'active', 'delayed', 'completed', 'failed'].map((s) => html`<td class="n">${o.counts[q][s] ?? 0}</td>`)}</tr>`);
    const wiped = o.redis.wiped
      ? html`<p class="error" id="redis-wiped"><strong>Redis was wiped</strong> at ${localTime(new Date(o.redis.wiped.at))}: queues, schedules and the seen-set were lost with instance <code>${o.redis.wiped.previous}</code>. Schedules are re-synced by the crawler; replay or re-crawl what was in flight.</p>`
      : html``;
    const stalled = Object.entries(o.redis.stalled).map(([q, n]) => html`${q} ${n} `);
    send(req, res, 'Overview', html`
      ${wiped}
      <h2>Portals</h2>
      <table id="portals"><thead><tr><th rowspan="2">portal</th><th rowspan="2">state</th><th rowspan="2">schedule (Asia/Ho_Chi_Minh)</th><th rowspan="2">last run</th><th rowspan="2">last error</th>
        <th colspan="4">last 24 h</th><th colspan="4">last 7 d</th><th rowspan="2"></th></tr>
        <tr><th>fetched</th><th>stored</th><th>unchanged</th><th>failed</th><th>fetched</th><th>stored</th><th>unchanged</th><th>failed</th></tr></thead>
        <tbody>${rows}</tbody></table>
      <h2>Queues</h2><p class="muted">stalled jobs recovered: ${stalled.length ? stalled : 'none'}</p><table><thead><tr><th>queue</th><th>waiting</th><th>active</th><th>delayed</th><th>completed</th><th>failed</th></tr></thead><tbody>${queueRows}</tbody></table>
      <h2>Stages</h2><div class="charts">${charts}</div>
      ${admin ? actionForms(csrf, portals) : html`<p class="muted">Read-only user: actions are hidden.</p>`}`, o);
  });

  app.get('/failures', async (req, res) => {
    const groups = await failuresByReason(queues);
    send(req, res, 'Failures', html`<h2>Failures by reason</h2>
      <table id="failures"><thead><tr><th>queue</th><th>reason</th><th>count</th><th>newest message</th><th>sample URLs</th><th>latest</th><th></th></tr></thead><tbody>
      ${groups.map((g) => html`<tr><td>${g.queue}</td><td><code>${g.reason}</code></td><td class="n">${g.count}</td><td>${g.message}</td><td>${g.samples.map((u) => html`${u}<br>`)}</td>
        <td>${g.lastAt ? localTime(new Date(g.lastAt)) : ''}</td>
        <td>${isAdmin(req) ? html`<a href="/actions/replay?queue=${g.queue}&amp;reason=${g.reason}">replay…</a> <a href="/actions/discard?queue=${g.queue}&amp;reason=${g.reason}">discard…</a>` : ''}</td></tr>`)}
      </tbody></table>`, groups);
  });

  // Replay and discard: GET previews what a filter selects (count and jobs), POST does it.
  for (const action of ['replay', 'discard'] as const) {
    const run = action === 'replay' ? replayFailed : discardFailed;
    app.get(`/actions/${action}`, async (req, res) => {
      let f: FailedFilter;
      try {
        f = filterOf(req.query as Record<string, unknown>, portals);
      } catch (err) {
        return fail(req, res, err);
      }
      const preview = await run(queues, f, { dryRun: true });
      const confirm = isAdmin(req) && preview.total > 0
        ? html`<form method="post" action="/actions/${action}" class="action"><input type="hidden" name="_csrf" value="${req.session!.csrf}">${hiddenFilter(f)}
            <input type="hidden" name="expect" value="${preview.total}"><button type="submit" id="confirm">${action === 'replay' ? 'Replay' : 'Discard'} ${preview.total} jobs</button></form> <a href="/overview">cancel</a>`
        : html``;
      send(req, res, `${action} preview`, html`<h2>${action === 'replay' ? 'Replay' : 'Discard'}: ${describeFilter(f)}</h2>
        <p id="preview-count"><strong>${preview.total}</strong> failed jobs match${preview.total > preview.jobs.length ? html` (first ${preview.jobs.length} acted on)` : ''}.</p>
        ${confirm}${jobsTable(preview.jobs)}`, preview);
    });
    app.post(`/actions/${action}`, async (req, res) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      let f: FailedFilter;
      try {
        f = filterOf(body, portals);
      } catch (err) {
        return fail(req, res, err);
      }
      // The count the operator confirmed must still hold; otherwise show the new preview instead of acting.
      const expect = Number(body.expect);
      const preview = await run(queues, f, { dryRun: true });
      if (!Number.isInteger(expect) || expect !== preview.total) {
        return send(req, res, 'Changed', html`<p class="error">The selection changed (${preview.total} jobs now, ${String(body.expect ?? '?')} confirmed). <a href="/actions/${action}?${new URLSearchParams(Object.entries({ queue: f.queue, reason: f.reason, portal: f.portal, since: f.since?.toISOString(), until: f.until?.toISOString(), id: f.id }).filter((e): e is [string, string] => !!e[1])).toString()}">Preview again</a></p>`, { error: 'selection changed', total: preview.total }, 409);
      }
      const result = await run(queues, f);
      log.info({ user: req.session!.user, action, filter: describeFilter(f), jobs: result.jobs.length }, 'dashboard bulk action');
      send(req, res, `${action} done`, html`<h2 id="result">${action === 'replay' ? 'Replayed' : 'Discarded'} ${result.jobs.length} jobs</h2><p>${describeFilter(f)}</p>${jobsTable(result.jobs)}<p><a href="/overview">back</a></p>`, result);
    });
  }

  app.post('/actions/crawl', async (req, res) => {
    const id = String((req.body as Record<string, unknown>)?.portal ?? '');
    const portal = portals.find((p) => p.id === id);
    if (!portal) return fail(req, res, new BadInput(`unknown portal "${id}"`));
    if (!portal.enabled) return fail(req, res, new BadInput(`portal "${id}" is disabled in the registry`));
    const runId = `${portal.id}-now-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
    const job = await queues.enqueue('crawl', { url: portal.baseUrl, portal: portal.id, kind: 'portal', force: true, runId });
    log.info({ user: req.session!.user, portal: portal.id, runId }, 'dashboard crawl now');
    send(req, res, 'Crawl started', html`<h2 id="result">Crawl of ${portal.id} queued</h2><p>run <code>${runId}</code>, job <code>${job.id}</code>. <a href="/overview">back</a></p>`, { runId, jobId: job.id });
  });

  // Reprocess: GET previews how many stored snapshots a portal has since a date, POST enqueues them.
  const reprocessInput = (src: Record<string, unknown>) => {
    const portal = portals.find((p) => p.id === src.portal);
    if (!portal) throw new BadInput(`unknown portal "${String(src.portal ?? '')}"`);
    const raw = typeof src.since === 'string' && src.since ? src.since : '1970-01-01T00:00:00Z';
    const since = parseLocalDate(raw);
    if (!since) throw new BadInput(`since: not a date "${raw}"`);
    if (!deps.content) throw new BadInput('this dashboard has no snapshot store configured');
    return { portal, since };
  };
  app.get('/actions/reprocess', async (req, res) => {
    let input: ReturnType<typeof reprocessInput>;
    let task: ScanTask<StoredSnapshot[]>;
    try {
      input = reprocessInput(req.query as Record<string, unknown>);
      task = scans!.preview(input.portal, input.since);
    } catch (err) {
      return fail(req, res, err);
    }
    await settleWithin(task, SCAN_WAIT_MS);
    const title = `Reprocess ${input.portal.id} since ${localTime(input.since)}`;
    if (task.state === 'scanning') return scanning(req, res, title, task, {});
    if (task.state === 'failed') return scanFailed(req, res, 'Scan failed', html``, task, {});
    const n = task.result!.length;
    send(req, res, 'Reprocess preview', html`<h2>${title}</h2>
      <p id="preview-count"><strong>${n}</strong> stored pages will be cleaned and extracted again (no refetch).</p>
      ${isAdmin(req) && n ? html`<form method="post" action="/actions/reprocess" class="action"><input type="hidden" name="_csrf" value="${req.session!.csrf}">
        <input type="hidden" name="portal" value="${input.portal.id}"><input type="hidden" name="since" value="${input.since.toISOString()}">
        <button type="submit" id="confirm">Reprocess ${n} pages</button></form>` : ''}`, { snapshots: n });
  });
  app.post('/actions/reprocess', async (req, res) => {
    let input: ReturnType<typeof reprocessInput>;
    let task: ReturnType<Scans['reprocess']>;
    try {
      input = reprocessInput((req.body ?? {}) as Record<string, unknown>);
      task = scans!.reprocess(input.portal, input.since);
    } catch (err) {
      return fail(req, res, err);
    }
    log.info({ user: req.session!.user, portal: input.portal.id, reprocessId: task.reprocessId }, 'dashboard reprocess');
    await settleWithin(task, SCAN_WAIT_MS);
    const link = html`<p>Progress and records changed: <a href="/reprocess/${input.portal.id}/${task.reprocessId}">${task.reprocessId}</a></p>`;
    if (task.state === 'failed') return scanFailed(req, res, 'Reprocess failed', html``, task, { reprocessId: task.reprocessId });
    if (task.state === 'scanning') return send(req, res, 'Reprocess started', html`<h2 id="result">Reprocessing ${input.portal.id}: scanning the snapshot store</h2>${link}`, { reprocessId: task.reprocessId, scanning: true, scanned: task.scanned }, 202);
    send(req, res, 'Reprocess started', html`<h2 id="result">Reprocessing ${task.result!.pages} pages of ${input.portal.id}</h2>${link}`, { reprocessId: task.reprocessId, snapshots: task.result!.pages });
  });
  app.get('/reprocess/:portal/:id', async (req, res) => {
    const id = String(req.params.id);
    const portal = portals.find((p) => p.id === req.params.portal);
    if (!portal || !/^reprocess-[a-z0-9-]{1,60}$/.test(id)) return fail(req, res, new BadInput('not a reprocess of a known portal'));
    // This dashboard's own reprocess, while it is kept: whether its scan is still running, or failed.
    const task = scans?.reprocessTask(id);
    if (task?.portal === portal.id && task.state === 'scanning') return scanning(req, res, id, task, {});
    if (task?.portal === portal.id && task.state === 'failed') return scanFailed(req, res, 'Reprocess failed', html`<h2>${id}</h2>`, task, {});
    const stats = await runStats(redis, queues.prefix, portal.id, id);
    const pages = task?.portal === portal.id ? task.result?.pages : undefined;
    send(req, res, 'Reprocess', html`<h2>${id}</h2>${pages !== undefined ? html`<p>${pages} pages enqueued.</p>` : ''}${stats ? html`<p id="result">records changed: <strong>${stats.stored}</strong>, unchanged: ${stats.unchanged}, failed: ${stats.failed}</p>` : html`<p>no job of this reprocess has finished yet</p>`}`, { ...(pages !== undefined ? { pages } : {}), ...(stats ?? {}) });
  });
}

function actionForms(csrf: string, portals: Portal[]): Html {
  const portalOptions = html`<option value="">any portal</option>${portals.map((p) => html`<option value="${p.id}">${p.id}</option>`)}`;
  const filterFields = html`<select name="queue"><option value="">any queue</option>${QUEUE_NAMES.map((q) => html`<option>${q}</option>`)}</select>
    <select name="reason"><option value="">any reason</option>${KNOWN_REASONS.map((r) => html`<option>${r}</option>`)}</select>
    <select name="portal">${portalOptions}</select>
    <label>since <input name="since" type="datetime-local"></label><label>until <input name="until" type="datetime-local"></label>`;
  void csrf; // previews are GETs; the confirm forms they lead to carry the token
  return html`<h2>Actions</h2>
    <fieldset><legend>Replay failed jobs (preview first)</legend><form method="get" action="/actions/replay" class="action" id="replay-form">${filterFields}<button type="submit">Preview replay</button></form></fieldset>
    <fieldset><legend>Discard failed jobs (preview first)</legend><form method="get" action="/actions/discard" class="action" id="discard-form">${filterFields}<button type="submit">Preview discard</button></form></fieldset>
    <fieldset><legend>Reprocess stored pages (clean + extract again, no refetch)</legend><form method="get" action="/actions/reprocess" class="action" id="reprocess-form">
      <select name="portal" required>${portals.map((p) => html`<option value="${p.id}">${p.id}</option>`)}</select><label>since <input name="since" type="datetime-local"></label><button type="submit">Preview reprocess</button></form></fieldset>`;
}
