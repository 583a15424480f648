/**
 * URL canonicalisation: one spelling per page, so the seen-set, the validators and the
 * snapshot ids all agree on what "the same article" is.
 */

/**
 * Query parameters that only track the visitor or the campaign. Dropping them makes
 * `…/a.html?utm_source=facebook&fbclid=…` and `…/a.html` the same page.
 */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'zarsrc', // Zalo share links, common on Vietnamese portals
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  'igshid',
  'ref_src',
]);
const TRACKING_PREFIXES = ['utm_'];

function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

/**
 * The canonical form of an http(s) URL, or `null` when it is not a crawlable http(s) URL
 * (mailto:, javascript:, unparseable).
 *
 * - scheme and host lower-cased (the URL parser does this), default ports dropped;
 * - fragment dropped (`#comments` is the same page);
 * - tracking parameters (`utm_*`, `fbclid`, `zarsrc`, …) dropped, the rest sorted by name
 *   (stable for equal names), an empty query removed;
 * - a trailing slash dropped from non-root paths (`/tin-tuc/` = `/tin-tuc`), `//` collapsed.
 *
 * @param url absolute URL, or relative when `base` is given
 * @param base the page the link was found on
 */
export function canonicalizeUrl(url: string, base?: string | URL): string | null {
  let u: URL;
  try {
    u = new URL(url.trim(), base);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (!u.hostname) return null;
  u.hash = '';
  u.username = '';
  u.password = '';
  // A trailing dot is the same host in DNS ("baohagiang.vn." = "baohagiang.vn").
  if (u.hostname.endsWith('.')) u.hostname = u.hostname.slice(0, -1);

  const params = [...u.searchParams.entries()].filter(([k]) => !isTrackingParam(k));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = params.length ? new URLSearchParams(params).toString() : '';

  let path = u.pathname.replace(/\/{2,}/g, '/');
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  u.pathname = path;
  return u.toString();
}

/**
 * The politeness key of a URL: `hostname:port` with the effective port, so
 * `http://127.0.0.1:8701` and `http://127.0.0.1:8702` (two demo portals) are two hosts, and
 * `https://x.vn` is `x.vn:443`.
 */
export function hostKey(url: string | URL): string {
  const u = typeof url === 'string' ? new URL(url) : url;
  const port = u.port || (u.protocol === 'https:' ? '443' : '80');
  return `${u.hostname}:${port}`;
}

/**
 * True when `candidate` is on the same site as `site`: the same host (ignoring a leading
 * `www.`) and the same explicit port (http and https on default ports count as one site:
 * portals often link across their http→https move). Deliberately narrower than "same registrable domain": district portals
 * share `thanhhoa.gov.vn` (`quanhoa.thanhhoa.gov.vn`, `muonglat.thanhhoa.gov.vn`) yet are
 * different portals with different owners.
 */
export function isSameSite(candidate: string | URL, site: string | URL): boolean {
  const a = typeof candidate === 'string' ? new URL(candidate) : candidate;
  const b = typeof site === 'string' ? new URL(site) : site;
  const strip = (h: string) => h.replace(/^www\./, '');
  return strip(a.hostname) === strip(b.hostname) && a.port === b.port;
}
