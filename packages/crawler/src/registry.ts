import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CronExpressionParser } from 'cron-parser';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** Every two hours on the hour: new articles are picked up within the day without hammering small servers. */
export const DEFAULT_CRON = '0 */2 * * *';
/** Portals publish on Vietnamese time; cron patterns are read in it. */
export const DEFAULT_TZ = 'Asia/Ho_Chi_Minh';
/** Article pages enqueued per scheduled run when a portal sets no `maxPages`. */
export const DEFAULT_MAX_PAGES = 200;

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

const regexString = z.string().refine(
  (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { error: 'not a valid regular expression' },
);

const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'unknown IANA time zone' },
);

const cronPattern = z.string().refine(
  (p) => {
    try {
      CronExpressionParser.parse(p);
      return true;
    } catch {
      return false;
    }
  },
  { error: 'not a valid cron pattern' },
);

/** One portal of the registry. See packages/crawler/README.md for the format. */
export const portalSchema = z
  .object({
    /** Stable id, also the queue payload's `portal` and the scheduler id suffix. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes'),
    name: z.string().min(1),
    province: z.string().min(1),
    /** Home page; discovery starts here when no entry points are listed. */
    baseUrl: httpUrl,
    /** RSS/Atom feeds. */
    feeds: z.array(httpUrl).default([]),
    /** XML sitemaps or sitemap indexes. */
    sitemaps: z.array(httpUrl).default([]),
    /** Category/listing pages, refetched every run. */
    listings: z.array(httpUrl).default([]),
    /**
     * Regexes (JavaScript syntax) matched against an URL's path and query (`/tin-tuc/a-123.html?x=1`).
     * An URL is an article when it matches one `include` (or, with no `include`, looks like an
     * article slug) and no `exclude`.
     */
    articleUrls: z
      .object({
        include: z.array(regexString).default([]),
        exclude: z.array(regexString).default([]),
      })
      .strict()
      .default({ include: [], exclude: [] }),
    schedule: z
      .object({
        cron: cronPattern.default(DEFAULT_CRON),
        tz: timeZone.default(DEFAULT_TZ),
      })
      .strict()
      .default({ cron: DEFAULT_CRON, tz: DEFAULT_TZ }),
    politeness: z
      .object({
        /** Minimum gap between two requests to this portal's host (ms); default CRAWL_HOST_DELAY_MS. */
        hostDelayMs: z.number().int().min(0).max(600_000).optional(),
        /** Requests in flight per host. Only 1 is supported: small government servers. */
        concurrency: z.literal(1).default(1),
      })
      .strict()
      .default({ concurrency: 1 }),
    /** Allow loopback/private addresses (the demo portals on 127.0.0.1). Never for real portals. */
    local: z.boolean().default(false),
    /** Selector hints for the cleaner. */
    hints: z
      .object({
        content: z.string().min(1).optional(),
        title: z.string().min(1).optional(),
        remove: z.array(z.string().min(1)).optional(),
      })
      .strict()
      .default({}),
    /** Article pages enqueued per scheduled run at most. */
    maxPages: z.number().int().min(1).max(100_000).default(DEFAULT_MAX_PAGES),
    /** A disabled portal keeps its entry but gets no scheduler. */
    enabled: z.boolean().default(true),
  })
  .strict();

/** A validated portal, defaults filled. */
export type Portal = z.infer<typeof portalSchema>;
/** A portal as written in the registry file. */
export type PortalInput = z.input<typeof portalSchema>;

/** The registry file: `{ portals: [...] }` with unique ids. */
export const registrySchema = z
  .object({ portals: z.array(portalSchema) })
  .strict()
  .superRefine((reg, ctx) => {
    const seen = new Set<string>();
    reg.portals.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['portals', i, 'id'], message: `duplicate portal id "${p.id}"` });
      seen.add(p.id);
    });
  });

/** A registry that failed validation; the message names the portal and the field. */
export class RegistryError extends Error {
  override name = 'RegistryError';
}

/**
 * Validates registry data (already parsed from YAML/JSON). Throws one {@link RegistryError}
 * whose message names each bad portal by id and the field, e.g.
 * `config/portals.yaml: portal "ha-giang" (#1): schedule.cron: not a valid cron pattern`.
 */
export function parseRegistry(data: unknown, source = 'registry'): Portal[] {
  const parsed = registrySchema.safeParse(data);
  if (parsed.success) return parsed.data.portals;
  const raw = (data as { portals?: unknown[] } | null)?.portals;
  const lines = parsed.error.issues.map((issue) => {
    const [top, index, ...field] = issue.path;
    if (top === 'portals' && typeof index === 'number') {
      const rawId = (raw?.[index] as { id?: unknown } | undefined)?.id;
      const who = typeof rawId === 'string' ? `portal "${rawId}" (#${index + 1})` : `portal #${index + 1}`;
      return `${who}: ${field.join('.') || '(entry)'}: ${issue.message}`;
    }
    return `${issue.path.join('.') || '(root)'}: ${issue.message}`;
  });
  throw new RegistryError(`${source}: ${lines.join('; ')}`);
}

/**
 * Reads and validates a registry file (`.json` as JSON, anything else as YAML, which also reads
 * JSON). Throws a {@link RegistryError} naming the portal and field on a wrong entry.
 */
export async function loadRegistry(path: string = defaultRegistryPath()): Promise<Portal[]> {
  const text = await readFile(path, 'utf8');
  let data: unknown;
  try {
    data = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new RegistryError(`${path}: cannot parse: ${(err as Error).message}`);
  }
  return parseRegistry(data, path);
}

/** The registry shipped with provnews: `config/portals.yaml` at the repository root. */
export function defaultRegistryPath(): string {
  return fileURLToPath(new URL('../../../config/portals.yaml', import.meta.url));
}

/**
 * The article-URL test of a portal: include/exclude regexes against path + query. When the
 * portal lists no include pattern, a slug heuristic decides ({@link looksLikeArticle}), or every
 * URL passes with `assumeArticle` (feed items).
 */
export function articleMatcher(portal: Pick<Portal, 'articleUrls'> | undefined, opts: { assumeArticle?: boolean } = {}): (url: string) => boolean {
  const include = (portal?.articleUrls.include ?? []).map((p) => new RegExp(p));
  const exclude = (portal?.articleUrls.exclude ?? []).map((p) => new RegExp(p));
  return (url) => {
    const u = new URL(url);
    const target = u.pathname + u.search;
    if (exclude.some((r) => r.test(target))) return false;
    if (include.length) return include.some((r) => r.test(target));
    return opts.assumeArticle === true || looksLikeArticle(u);
  };
}

const NON_PAGE_EXTENSIONS = /\.(jpe?g|png|gif|webp|svg|ico|pdf|docx?|xlsx?|pptx?|zip|rar|7z|mp[34]|avi|mov|css|js|xml|rss|json)$/i;

/**
 * Article-looking URLs on Vietnamese portals: a long dashed slug, usually with a numeric id,
 * e.g. `/thoi-su/bi-thu-tinh-uy-lam-viec-tai-huyen-bac-quang-12345.html` or
 * `/tin-tuc/hoi-nghi-btv-huyen-uy-mo-rong.html`, or an id parameter (`?id=1234`, `newsid=`).
 */
export function looksLikeArticle(u: URL): boolean {
  if (NON_PAGE_EXTENSIONS.test(u.pathname)) return false;
  const last = u.pathname.split('/').filter(Boolean).pop() ?? '';
  const slug = last.replace(/\.(html?|aspx?|php)$/i, '');
  if (slug.split('-').length >= 4 && slug.length >= 20) return true;
  if (/(^|[-_])\d{4,}$/.test(slug) && slug.includes('-')) return true;
  return /[?&](news_?id|articleid|id|p)=\d{3,}/i.test(u.search);
}

/** True for URLs that are files rather than pages (images, documents, scripts). */
export function isNonPageUrl(u: URL): boolean {
  return NON_PAGE_EXTENSIONS.test(u.pathname);
}
