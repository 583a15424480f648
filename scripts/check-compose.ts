/**
 * Validates docker-compose.yml and the Dockerfile by reading them (no Docker engine needed):
 * the invariants a production deployment relies on. `npm run check:compose` prints every problem
 * and exits 1 when there is one. tests/deploy/compose.test.ts runs it on the real files and on
 * broken copies.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

/** Services that run provnews code: they come from our image. */
const isProvnews = (svc: Dict, image: string | undefined): boolean => image !== undefined && svc.image === image;

/** `environment` as a map, from either compose form (map or `KEY=value` list). */
function envOf(svc: Dict): Record<string, string> {
  const env = svc.environment;
  if (isDict(env)) return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
  return Object.fromEntries(asList(env).map((line) => [line.split('=')[0]!, line.split('=').slice(1).join('=')]));
}

/** Seconds of a compose duration (`30s`, `1m30s`, `90`). */
function seconds(value: unknown): number {
  if (typeof value === 'number') return value;
  const text = String(value ?? '');
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(h|m|s|ms)?/g)) {
    const n = Number(m[1]);
    total += m[2] === 'h' ? n * 3600 : m[2] === 'm' ? n * 60 : m[2] === 'ms' ? n / 1000 : n;
  }
  return total;
}

/** Stages of a Dockerfile: `FROM … AS name` and the instructions under it. */
function dockerStages(text: string): { from: string; name: string | null; lines: string[] }[] {
  const stages: { from: string; name: string | null; lines: string[] }[] = [];
  const joined = text.replace(/\\\n/g, ' ');
  for (const raw of joined.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) stages.push({ from: from[1]!, name: from[2] ?? null, lines: [] });
    else stages.at(-1)?.lines.push(line);
  }
  return stages;
}

/**
 * Every problem found in a compose file and its Dockerfile; empty when the deployment holds.
 * `root` is the repository the paths in them refer to.
 */
export function checkCompose(composeText: string, dockerfileText: string, root: string): string[] {
  const problems: string[] = [];
  const doc: unknown = parse(composeText, { merge: true });
  if (!isDict(doc) || !isDict(doc.services)) return ['compose: no services'];
  const services = doc.services as Record<string, Dict>;

  // One image, built once.
  const builders = Object.entries(services).filter(([, s]) => s.build !== undefined);
  if (builders.length !== 1) problems.push(`image: exactly one service may build the image, found ${builders.length} (${builders.map(([n]) => n).join(', ')})`);
  const image = builders[0]?.[1].image as string | undefined;
  if (builders.length === 1 && !image) problems.push(`image: ${builders[0]![0]} builds without an image name, so the others cannot reuse it`);
  const ours = Object.entries(services).filter(([, s]) => isProvnews(s, image));
  for (const name of ['crawler', 'cleaner', 'extractor', 'dashboard']) {
    if (!services[name]) problems.push(`${name}: service missing`);
    else if (!isProvnews(services[name]!, image)) problems.push(`${name}: does not use the one built image ${image ?? '(none)'}`);
  }

  // Healthchecks everywhere.
  for (const [name, svc] of Object.entries(services)) {
    const hc = svc.healthcheck;
    if (!isDict(hc) || hc.disable === true || asList(hc.test).length === 0) problems.push(`${name}: no healthcheck`);
  }

  // Backing services: PostgreSQL for the sink and the store; Redis.
  const pgName = Object.entries(services).find(([, s]) => /^postgres(:|$)/.test(String(s.image ?? '')))?.[0];
  const redisName = Object.entries(services).find(([, s]) => /^redis(:|$)/.test(String(s.image ?? '')))?.[0];
  const s3Name = Object.entries(services).find(([, s]) => /(^|\/)minio(:|$)/.test(String(s.image ?? '')))?.[0];
  if (!pgName) problems.push('postgres: no PostgreSQL service');
  if (!redisName) problems.push('redis: no Redis service');
  if (redisName && !asList(services[redisName]!.command).join(' ').includes('noeviction')) problems.push(`${redisName}: BullMQ needs --maxmemory-policy noeviction`);

  for (const [name, svc] of ours) {
    const env = envOf(svc);
    const cmd = asList(svc.command);
    // node as PID 1 (or under an init), never npm/npx/tsx in front of it.
    if (cmd.length === 0) problems.push(`${name}: no command (the image's default runs every stage in one process)`);
    if (cmd[0] !== 'node') problems.push(`${name}: command must start node directly (exec form), got ${JSON.stringify(cmd[0] ?? '')}`);
    if (cmd.some((a) => /(^|\/)(npx|npm|tsx)$/.test(a) || a.endsWith('.ts'))) problems.push(`${name}: command runs TypeScript or goes through npm: ${cmd.join(' ')}`);
    const script = cmd[1];
    if (script && !script.startsWith('-') && !existsSync(join(root, script.replace(/\/dist\/(.*)\.js$/, '/src/$1.ts')))) {
      problems.push(`${name}: ${script} is not built from any source file`);
    }
    if (svc.init !== true) problems.push(`${name}: init: true missing (an init as PID 1 forwards SIGTERM and reaps children)`);
    // Draining fits in the grace period.
    const grace = Number(env.SHUTDOWN_GRACE_SECONDS ?? 20);
    if (seconds(svc.stop_grace_period ?? '10s') <= grace) problems.push(`${name}: stop_grace_period must exceed SHUTDOWN_GRACE_SECONDS (${grace} s)`);
    // Sink and store on shared servers, so processes on any host see the same data.
    if (env.PROVNEWS_SINK !== 'postgres') problems.push(`${name}: PROVNEWS_SINK must be postgres (a JSON Lines file is single-writer, one host)`);
    if (!['postgres', 's3'].includes(env.PROVNEWS_STORE ?? 'disk')) problems.push(`${name}: PROVNEWS_STORE must be a shared store (postgres or s3), got ${env.PROVNEWS_STORE ?? 'disk'}`);
    if (env.PROVNEWS_STORE === 's3') {
      if (!s3Name) problems.push(`${name}: PROVNEWS_STORE=s3 but no S3-compatible (MinIO) service`);
      else if (!(env.S3_ENDPOINT ?? '').startsWith(`http://${s3Name}:`)) problems.push(`${name}: S3_ENDPOINT does not point at the ${s3Name} service`);
      if (!env.S3_BUCKET) problems.push(`${name}: S3_BUCKET missing`);
      if (!env.AWS_ACCESS_KEY_ID || !env.AWS_SECRET_ACCESS_KEY) problems.push(`${name}: S3 credentials missing`);
    }
    if (pgName && !new RegExp(`@${pgName}:5432/`).test(env.DATABASE_URL ?? '')) problems.push(`${name}: DATABASE_URL does not point at the ${pgName} service`);
    if (redisName && !(env.REDIS_URL ?? '').startsWith(`redis://${redisName}:`)) problems.push(`${name}: REDIS_URL does not point at the ${redisName} service`);
    // Start after the backing services are healthy.
    const deps = isDict(svc.depends_on) ? (svc.depends_on as Record<string, Dict>) : {};
    for (const dep of [redisName, pgName, env.PROVNEWS_STORE === 's3' ? s3Name : undefined]) {
      if (dep && deps[dep]?.condition !== 'service_healthy') problems.push(`${name}: must depend on ${dep} with condition service_healthy`);
    }
    // The registry is mounted read-only, not baked into the image.
    const registry = env.PROVNEWS_REGISTRY;
    const mounts = asList(svc.volumes);
    const registryMount = registry ? mounts.find((m) => m.split(':')[1] !== undefined && registry.startsWith(`${m.split(':')[1]!.replace(/\/$/, '')}/`)) : undefined;
    if (!registry || !registryMount) problems.push(`${name}: PROVNEWS_REGISTRY must name a file in a mounted directory`);
    else if (!registryMount.endsWith(':ro')) problems.push(`${name}: the registry mount must be read-only`);
    else if (!existsSync(join(root, registryMount.split(':')[0]!, registry.slice(registryMount.split(':')[1]!.replace(/\/$/, '').length + 1)))) {
      problems.push(`${name}: ${registryMount.split(':')[0]} has no ${registry.split('/').pop()}`);
    }
    // Scale-safe workers: no fixed name, no host port, no shared writable volume.
    if (['crawler', 'cleaner', 'extractor'].includes(name)) {
      if (svc.container_name) problems.push(`${name}: container_name prevents --scale`);
      if (svc.ports) problems.push(`${name}: host ports prevent --scale`);
      for (const m of mounts) if (!m.endsWith(':ro')) problems.push(`${name}: writable volume ${m} would be shared by replicas`);
    }
  }

  // The Dockerfile: multi-stage, compiled, production dependencies, non-root, registry not copied.
  const stages = dockerStages(dockerfileText);
  const final = stages.at(-1);
  if (stages.length < 2) problems.push('Dockerfile: not multi-stage');
  if (final) {
    const target = builders[0]?.[1].build;
    if (isDict(target) && target.target && target.target !== final.name) problems.push(`Dockerfile: compose builds stage ${String(target.target)}, not the final one`);
    const user = final.lines.find((l) => /^USER\s/i.test(l));
    if (!user || /^USER\s+(root|0)(\s|:|$)/i.test(user)) problems.push('Dockerfile: the final stage must switch to a non-root USER');
    if (final.lines.some((l) => /^RUN\s.*npm (ci|install)/i.test(l) && !/--omit=dev/.test(l))) problems.push('Dockerfile: the final stage installs dev dependencies');
    if (final.lines.some((l) => /^COPY\s+(?!--from)/i.test(l))) problems.push('Dockerfile: the final stage copies from the build context instead of the build stage');
    if (!final.lines.some((l) => /^ENV\s.*NODE_ENV=production/i.test(l))) problems.push('Dockerfile: NODE_ENV=production missing in the final stage');
    const cmd = final.lines.find((l) => /^(CMD|ENTRYPOINT)\s/i.test(l)) ?? '';
    if (!/^\w+\s+\[/.test(cmd) || /npx|npm|tsx/.test(cmd)) problems.push('Dockerfile: CMD must be exec form running node directly');
  }
  if (!stages.some((s) => s.lines.some((l) => /--omit=dev/.test(l)))) problems.push('Dockerfile: production dependencies are never installed with --omit=dev');
  if (stages.some((s) => s.lines.some((l) => /^COPY\s+(\S+\s+)*config\b/i.test(l)))) problems.push('Dockerfile: the registry (config/) is baked into the image');
  return problems;
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] === self) {
  const root = join(dirname(self), '..');
  const problems = checkCompose(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), readFileSync(join(root, 'Dockerfile'), 'utf8'), root);
  for (const p of problems) process.stderr.write(`check-compose: ${p}\n`);
  process.stdout.write(problems.length ? `${problems.length} problems\n` : 'docker-compose.yml and Dockerfile: every invariant holds\n');
  process.exit(problems.length ? 1 : 0);
}
