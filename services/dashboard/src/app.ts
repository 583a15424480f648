import type { Server } from 'node:http';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express from 'express';
import { QUEUE_NAMES, type Queues } from '@provnews/queues';
import { createMetrics } from './metrics.ts';

export interface DashboardOptions {
  queues: Queues;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface Dashboard {
  url: string;
  close(): Promise<void>;
}

/**
 * The queue dashboard: bull-board at `/` (browse jobs, see failure reasons, retry or remove
 * them), Prometheus metrics at `/metrics`, a liveness probe at `/healthz`.
 */
export async function startDashboard(opts: DashboardOptions): Promise<Dashboard> {
  const adapter = new ExpressAdapter();
  adapter.setBasePath('/');
  createBullBoard({
    queues: QUEUE_NAMES.map((name) => new BullMQAdapter(opts.queues.get(name), { description: `provnews ${name} stage` })),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'provnews' } },
  });
  const metrics = createMetrics(opts.queues);
  const app = express();
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/metrics', async (_req, res) => {
    try {
      res.type(metrics.contentType).send(await metrics.metrics());
    } catch (err) {
      res.status(503).type('text/plain').send(`metrics unavailable: ${(err as Error).message}\n`);
    }
  });
  app.use('/', adapter.getRouter() as express.Router);

  const host = opts.host ?? '127.0.0.1';
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(opts.port ?? 3000, host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
