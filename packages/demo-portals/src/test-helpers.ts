/**
 * Helpers for this package's tests: a raw HTTP client (no automatic decompression, unlike fetch),
 * a tiny XML well-formedness check, and the per-template body boundaries used to tell article text
 * from site chrome.
 */
import { request } from 'node:http';
import type { ArticleExpectation, ArticleSource, TemplateName } from './types.ts';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** GET (or HEAD) without keep-alive and without decoding the body. */
export function rawGet(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Throws unless `xml` is a well-formed document: balanced tags, one root, only known entities. */
export function assertWellFormedXml(xml: string): string {
  const withoutDecl = xml.replace(/^\uFEFF?<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let root: string | null = null;
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(withoutDecl); m; m = tag.exec(withoutDecl)) {
    checkText(withoutDecl.slice(last, m.index));
    last = tag.lastIndex;
    const [, closing, name = '', , selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open ?? 'nothing'}>`);
    } else {
      if (stack.length === 0) {
        if (root) throw new Error(`second root element <${name}>`);
        root = name;
      }
      if (!selfClosing) stack.push(name);
    }
  }
  checkText(withoutDecl.slice(last));
  if (stack.length) throw new Error(`unclosed <${stack.join('> <')}>`);
  if (!root) throw new Error('no root element');
  return root;
}

function checkText(text: string): void {
  if (text.includes('<')) throw new Error(`stray "<" or malformed tag near: ${text.slice(text.indexOf('<'), text.indexOf('<') + 60)}`);
  const amp = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.exec(text);
  if (amp) throw new Error(`bare "&" near: ${text.slice(amp.index, amp.index + 30)}`);
}

/** Where the article body (sapo to byline) starts and ends in each template's HTML. */
export const BODY_BOUNDS: Record<TemplateName, { start: string; end: string; strip?: RegExp }> = {
  'modern-newspaper': { start: '<h2 class="sapo">', end: '<div class="tags">' },
  'table-portal': { start: '<div class="content-detail">', end: '<tr><td class="tool"' },
  // The inline "Xem thêm" box sits inside the body but is chrome.
  'jsonld-newspaper': { start: '<div class="article-sapo">', end: '<div class="box-comment">', strip: /<div class="box-related-inline">[\s\S]*?<\/div>/g },
  'cms-portal': { start: '<div class="news-body">', end: '<div class="news-share">' },
};

/** Plain text of an HTML fragment: tags dropped, the few entities the templates emit decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#8226;/g, '•')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a page into its article body text and everything else (chrome). */
export function splitPage(html: string, template: TemplateName): { body: string; chrome: string } {
  const { start, end, strip } = BODY_BOUNDS[template];
  const from = html.indexOf(start);
  const to = html.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`body bounds of ${template} not found`);
  let bodyHtml = html.slice(from, to);
  let stripped = '';
  if (strip) {
    bodyHtml = bodyHtml.replace(strip, (m) => {
      stripped += m;
      return ' ';
    });
  }
  return { body: htmlText(bodyHtml), chrome: htmlText(html.slice(0, from) + stripped + html.slice(to)) };
}

/** The article's own text: sapo, paragraphs, captions, byline. */
export function sourceText(s: ArticleSource): string {
  return [s.sapo, ...s.blocks.map((b) => (b.kind === 'p' ? b.text : b.caption)), s.byline].join('\n');
}

const MULTIPLIER: Record<string, number> = { nghìn: 1e3, triệu: 1e6, tỷ: 1e9 };

/**
 * Every figure in the tracked units, in text order: "17,2 nghìn tấn", "12,4 tỷ đồng", "96,5%", "1.250 hộ", "3,5 ha".
 * A deliberately narrow reader for this package's own texts, used to prove `expected.metrics` complete.
 */
export function readMetrics(text: string): { value: number; unit: string }[] {
  const re = /(\d[\d.,]*\d|\d)\s*(?:(nghìn|triệu|tỷ)\s+)?(%|đồng(?!\s*chí)|ha(?!\p{L})|tấn|hộ(?!\p{L}))/gu;
  const out: { value: number; unit: string }[] = [];
  for (const m of text.matchAll(re)) {
    const [, num = '', mult, unit = ''] = m;
    const base = Number(num.replace(/\./g, '').replace(',', '.'));
    const value = base * (mult ? (MULTIPLIER[mult] ?? 1) : 1);
    out.push({ value: Math.round(value * 1000) / 1000, unit });
  }
  return out;
}

/** Document numbers written "số <number>" ("số 12-NQ/TU", "số 18/2023/NQ-HĐND"). */
export function readDocumentNumbers(text: string): string[] {
  return [...text.matchAll(/số (\d[\p{L}\d/-]*\/[\p{L}\d-]+)/gu)].map((m) => m[1] ?? '');
}

/** Checks an expectation against the text it describes; returns a list of problems (empty when consistent). */
export function expectationProblems(text: string, e: ArticleExpectation, byline: string): string[] {
  const problems: string[] = [];
  const firstIndex = (s: string) => text.indexOf(s);
  for (const o of e.officials) {
    if (!text.includes(o.name)) problems.push(`official ${o.name} not in text`);
    for (const t of o.titles) if (!text.includes(t)) problems.push(`title "${t}" of ${o.name} not in text`);
  }
  const officialOrder = e.officials.map((o) => firstIndex(o.name));
  if (officialOrder.some((v, i) => i > 0 && v < (officialOrder[i - 1] ?? 0))) problems.push('officials not in order of first mention');
  for (const d of e.districts) if (!text.includes(d)) problems.push(`district ${d} not in text`);
  const districtOrder = e.districts.map(firstIndex);
  if (districtOrder.some((v, i) => i > 0 && v < (districtOrder[i - 1] ?? 0))) problems.push('districts not in order of first mention');
  for (const a of e.authors) if (!byline.toLocaleLowerCase('vi').includes(a.toLocaleLowerCase('vi'))) problems.push(`author ${a} not in byline "${byline}"`);
  if (e.eventDate) {
    const [, m, d] = e.eventDate.split('-').map(Number);
    if (!text.includes(`${d}/${m}`)) problems.push(`event day ${d}/${m} not in text`);
  }
  for (const doc of e.documents) {
    const ref = `${doc.kind} số ${doc.number}`;
    if (!text.includes(ref)) problems.push(`document "${ref}" not in text`);
    if (doc.date) {
      const [y, m, d] = doc.date.split('-').map(Number);
      if (!text.includes(`${ref} ngày ${d}/${m}/${y}`)) problems.push(`document date of ${doc.number} not in text`);
    }
  }
  const numbers = [...new Set(readDocumentNumbers(text))];
  const expectedNumbers = e.documents.map((d) => d.number);
  if (JSON.stringify(numbers) !== JSON.stringify(expectedNumbers)) problems.push(`documents in text ${JSON.stringify(numbers)} ≠ expected ${JSON.stringify(expectedNumbers)}`);
  const metrics = readMetrics(text);
  if (JSON.stringify(metrics) !== JSON.stringify(e.metrics)) problems.push(`metrics in text ${JSON.stringify(metrics)} ≠ expected ${JSON.stringify(e.metrics)}`);
  return problems;
}
