import type { PageMeta } from '@provnews/cleaner';
import { gazetteer, placeKey } from './gazetteer.ts';
import { stripDiacritics } from './vietnamese-text.ts';

/**
 * The province of the page's own publisher, for a page fetched without portal context
 * (`provnews extract page.html`): a provincial paper writes about its province unless the text
 * says otherwise. Read from, in order:
 *
 * - the site name (`og:site_name`, "Báo Hà Giang điện tử", "Phú Yên online", "Báo và Phát
 *   thanh, Truyền hình Nghệ An"): the longest province name in it;
 * - the canonical host: a first label that is a province's name without tones or spaces, alone
 *   or after "bao" and before "online"/"dientu"/"tv" ("baophuyen.vn", "baoangiang.com.vn",
 *   "laocai.gov.vn", "sonduong.tuyenquang.gov.vn").
 *
 * Returns the province (pre-2025 name) or null. Never the URL of a `file://` page.
 */
export function publisherProvince(meta: Pick<PageMeta, 'siteName' | 'canonicalUrl' | 'publisher'>): string | null {
  return (
    (meta.publisher ? provinceInName(meta.publisher) : null) ??
    (meta.siteName ? provinceInName(meta.siteName) : null) ??
    (meta.canonicalUrl ? provinceInHost(meta.canonicalUrl) : null)
  );
}

/** The longest province name (or alias) written in a site name, or null. */
function provinceInName(siteName: string): string | null {
  const g = gazetteer();
  const words = siteName.normalize('NFC').split(/[\s,.;:|()\-–]+/u).filter(Boolean);
  let best: { name: string; length: number } | null = null;
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= Math.min(4, words.length - i); n++) {
      const first = words[i] as string;
      // A province is written with capitals: "Báo Nghệ An", not "an toàn".
      if (first[0] !== first[0]?.toUpperCase()) break;
      const unit = g.provinceIndex.get(placeKey(words.slice(i, i + n).join(' ')))?.[0];
      if (unit && (!best || n > best.length)) best = { name: unit.name, length: n };
    }
  }
  return best?.name ?? null;
}

let hostKeys: Map<string, string> | null = null;

/** Province names as hosts spell them: "Phú Yên" → "phuyen", "Bà Rịa - Vũng Tàu" → "bariavungtau". */
function provinceHostKeys(): Map<string, string> {
  if (hostKeys) return hostKeys;
  hostKeys = new Map();
  const g = gazetteer();
  for (const [key, units] of g.provinceIndex) {
    const unit = units[0];
    const compact = stripDiacritics(key).replace(/[^a-z]/g, '');
    // Why 5 letters: shorter keys ("hue", "hcm") are parts of too many unrelated host names.
    if (unit && compact.length >= 5) hostKeys.set(compact, unit.name);
  }
  return hostKeys;
}

function provinceInHost(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  const labels = host.replace(/^www\./, '').split('.');
  const keys = provinceHostKeys();
  const first = /^(?:bao)?([a-z]+?)(?:online|dientu|tv)?$/.exec(labels[0] ?? '');
  if (first?.[1] && keys.has(first[1])) return keys.get(first[1]) ?? null;
  // A government portal: "<unit>.<province>.gov.vn".
  if (labels.length >= 4 && labels.at(-2) === 'gov' && labels.at(-1) === 'vn') return keys.get(labels.at(-3) ?? '') ?? null;
  return null;
}
