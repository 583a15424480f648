import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { createLogger } from './logger.ts';

it('writes JSON lines with the service name and redacts secrets', async () => {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString()));
  const log = createLogger('provnews', { format: 'json', destination: out });
  log.child({ service: 'crawler', queue: 'crawl' }).info({ headers: { cookie: 'sid=secret' }, url: 'https://x.vn/a' }, 'page fetched');
  await new Promise((r) => setImmediate(r));
  const line = JSON.parse(chunks.join('').trim()) as Record<string, unknown>;
  expect(line).toMatchObject({ name: 'provnews', service: 'crawler', queue: 'crawl', msg: 'page fetched', url: 'https://x.vn/a' });
  expect(JSON.stringify(line)).not.toContain('secret');
  expect(chunks.join('').match(/"service"/g)).toHaveLength(1);
});
