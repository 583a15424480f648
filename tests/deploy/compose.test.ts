import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkCompose } from '../../scripts/check-compose.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const compose = readFileSync(`${root}/docker-compose.yml`, 'utf8');
const dockerfile = readFileSync(`${root}/Dockerfile`, 'utf8');

type Services = Record<string, Record<string, unknown>>;
/** The compose file with merge keys resolved, changed by `edit`, written back as YAML. */
function mutated(edit: (services: Services) => void): string {
  const doc = parse(compose, { merge: true }) as { services: Services };
  edit(doc.services);
  return stringify(doc);
}

describe('docker-compose.yml and Dockerfile (read, no Docker engine)', () => {
  it('hold every production invariant', () => {
    expect(checkCompose(compose, dockerfile, root)).toEqual([]);
  });

  it.each<[string, (s: Services) => void, RegExp]>([
    ['a second build', (s) => void (s.cleaner!.build = '.'), /exactly one service may build the image, found 2/],
    ['npx in front of node', (s) => void (s.extractor!.command = ['npx', 'tsx', 'services/extractor/src/main.ts']), /extractor: command must start node directly/],
    ['no init', (s) => void delete s.cleaner!.init, /cleaner: init: true missing/],
    ['a service without healthcheck', (s) => void delete s.postgres!.healthcheck, /postgres: no healthcheck/],
    ['the disk store', (s) => void ((s.cleaner!.environment as Record<string, string>).PROVNEWS_STORE = 'disk'), /cleaner: PROVNEWS_STORE must be a shared store/],
    ['the JSON Lines sink', (s) => void ((s.extractor!.environment as Record<string, string>).PROVNEWS_SINK = 'jsonl'), /extractor: PROVNEWS_SINK must be postgres/],
    ['a fixed container name', (s) => void (s.cleaner!.container_name = 'cleaner'), /cleaner: container_name prevents --scale/],
    ['a shared data volume', (s) => void (s.cleaner!.volumes = ['./config:/config:ro', 'data:/data']), /cleaner: writable volume data:\/data/],
    ['a short grace period', (s) => void (s.crawler!.stop_grace_period = '10s'), /crawler: stop_grace_period must exceed/],
    ['no PostgreSQL', (s) => void delete s.postgres, /no PostgreSQL service/],
    ['no S3 service for the S3 store', (s) => void delete s.minio, /cleaner: PROVNEWS_STORE=s3 but no S3-compatible \(MinIO\) service/],
    ['a worker started before MinIO is healthy', (s) => void delete (s.extractor!.depends_on as Record<string, unknown>).minio, /extractor: must depend on minio with condition service_healthy/],
    ['the registry not mounted', (s) => void (s.crawler!.volumes = []), /crawler: PROVNEWS_REGISTRY must name a file in a mounted directory/],
    ['a worker started before Redis is healthy', (s) => void (s.crawler!.depends_on = ['redis', 'postgres']), /crawler: must depend on redis with condition service_healthy/],
    ['a command with no source', (s) => void (s.cleaner!.command = ['node', 'services/cleaner/dist/nope.js']), /cleaner: services\/cleaner\/dist\/nope.js is not built/],
  ])('catch %s', (_what, edit, problem) => {
    expect(checkCompose(mutated(edit), dockerfile, root).join('\n')).toMatch(problem);
  });

  it.each<[string, string, RegExp]>([
    ['running as root', dockerfile.replace(/^USER node$/m, 'USER root'), /non-root USER/],
    ['a single stage', dockerfile.replace(/^FROM \$\{NODE_IMAGE\} AS build[\s\S]*?(?=^FROM)/m, ''), /not multi-stage/],
    ['the registry baked in', dockerfile.replace('COPY scripts ./scripts', 'COPY scripts ./scripts\nCOPY config ./config'), /registry \(config\/\) is baked/],
    ['npx as the command', dockerfile.replace(/^CMD .*$/m, 'CMD ["npx", "provnews", "run"]'), /CMD must be exec form running node/],
    ['dev dependencies shipped', dockerfile.replace('--omit=dev ', ''), /--omit=dev/],
  ])('catch a Dockerfile %s', (_what, text, problem) => {
    expect(checkCompose(compose, text, root).join('\n')).toMatch(problem);
  });
});
