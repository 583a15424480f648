/**
 * HTML mode: parse (htmlparser2 through cheerio: fast and tolerant of truncated markup), read the
 * metadata, drop non-content elements, find the body by scoring blocks, then hand the body's
 * blocks to the line pipeline as a second pass.
 */
import { load, type CheerioAPI } from 'cheerio';
import { isTag, type AnyNode, type Element } from 'domhandler';
import type { CleanOptions, CleanResult, DateLine, Removal } from './types.ts';
import { AUTHOR_CLASS, BLOCK_TAGS, classAndId, LEAD_CLASS, segmentBlocks, type Block } from './blocks.ts';
import { chooseBody, gatherStats, isNegativeClass, POSITIVE_CLASS } from './scoring.ts';
import { boundedText, elementsInside, indexTree, NON_TEXT_TAGS, type TreeIndex } from './tree-index.ts';
import { trailingByline, type BodyLine } from './html-byline.ts';
import { capNesting } from './cap-nesting.ts';
import { extractMeta, jsonLdHeadline } from './metadata.ts';
import { articleVerdict, isPortalName, runLinePipeline } from './text-mode.ts';
import { authorMetaName, endsLikeSentence, hasClock, isBareClock, isBylineLine, isCreditOnly, isDateOnlyLine, isLabelledByline, lineKey, matchChromeRule, splitMetaLine, wordsOf } from './line-rules.ts';
import { cleanInline, normalizeForMatch } from './vietnamese.ts';
import { shorten } from './result.ts';

/** Elements that never hold article text. */
const JUNK_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'object', 'embed', 'applet', 'input', 'select',
  'textarea', 'button', 'option', 'datalist', 'link', 'meta', 'head', 'map', 'audio', 'video', 'source', 'track', 'dialog',
]);
/** Landmark elements of page chrome. */
const CHROME_TAGS = new Set(['nav', 'aside', 'footer']);

/**
 * Share of the page's text above which an element is kept even when its class or style says chrome.
 * Tuned on the article-extraction-benchmark: 0.35 keeps themed wrappers and still drops comment lists.
 */
const MAX_CHROME_SHARE = 0.35;

/** `display:none` / `visibility:hidden` in an inline style. */
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/iu;

/**
 * Lead / sapo classes: "sapo", "lead", "chapeau", "tom-tat", "summary", "standfirst", "excerpt",
 * "article-intro", "mota".
 */

/** Site-name suffixes of titles: "Bí thư làm việc tại Bắc Sơn - Báo Lạng Sơn", "… | Cổng TTĐT huyện". */
const TITLE_SEPARATOR = /\s+(?:[-|–—:»]|::)\s+/u;
const SITE_WORDS = /^(?:báo|cổng|trang|tạp chí|đài|ubnd|the |bbc|cnn|news)|\.(?:vn|com|net|org)(?:$|\/)|\b(?:online|news|times|post|magazine)$/iu;

/** Remove the site suffix (or prefix) from a title when it names the site. */
export function stripSiteSuffix(title: string, siteName: string | null): string {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const site = siteName ? normalizeForMatch(siteName) : null;
  const isSite = (p: string): boolean => {
    const k = normalizeForMatch(p);
    return (site !== null && (k === site || site.includes(k) || k.includes(site))) || (SITE_WORDS.test(k) && p.split(/\s+/u).length <= 8);
  };
  let ps = parts;
  while (ps.length > 1 && isSite(ps[ps.length - 1] ?? '')) ps = ps.slice(0, -1);
  while (ps.length > 1 && isSite(ps[0] ?? '')) ps = ps.slice(1);
  if (ps.length === parts.length) return title;
  // Re-join what is left with the original separators.
  const start = title.indexOf(ps[0] ?? '');
  const lastPart = ps[ps.length - 1] ?? '';
  const end = title.lastIndexOf(lastPart) + lastPart.length;
  return start >= 0 && end > start ? title.slice(start, end).trim() : title;
}

/** Word-set overlap of two strings (0..1), for matching the page's h1 to og:title. */
function overlap(a: string, b: string): number {
  const wa = new Set(normalizeForMatch(a).split(' '));
  const wb = normalizeForMatch(b).split(' ');
  if (wa.size === 0 || wb.length === 0) return 0;
  const hit = wb.filter((w) => wa.has(w)).length;
  return hit / Math.max(wa.size, wb.length);
}

function textOf(node: AnyNode): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const cur = stack.pop();
    if (!cur) break;
    if (cur.type === 'text') parts.push((cur as unknown as { data: string }).data);
    else if (isTag(cur) && !NON_TEXT_TAGS.has(cur.name)) for (let i = cur.children.length - 1; i >= 0; i--) stack.push(cur.children[i] as AnyNode);
  }
  return cleanInline(parts.join(' '));
}

/** Most nodes read for the text of a title candidate or a link (a real one has a handful). */
const SMALL_TEXT_NODES = 500;

/**
 * Class words of an element that holds a title: "title-news", "edn_articleTitle", "tieude", "headline".
 * Box titles ("portlet-title", "box-title") match too; they are short or repeat a menu link and drop out.
 */
const TITLE_CLASS = /title|tieu-?de|tieude|headline/iu;

/** A heading or title-classed element seen before chrome removal, with its place in the document. */
interface TitleCandidate {
  text: string;
  order: number;
  h1: boolean;
  el: Element;
}

/** What the page offers as a title, read before chrome removal (a Liferay title sits in a "header" div). */
interface TitleEvidence {
  candidates: TitleCandidate[];
  /** Match keys of link texts: menu and breadcrumb labels, other articles' titles. */
  linkTexts: Set<string>;
  /** Document order of every element under the body. */
  order: Map<Element, number>;
  /** h1 elements too short to be candidates ("Thiếu máu"): the title of a page that offers no other. */
  shortH1s: TitleCandidate[];
}

/**
 * One walk over the DOM: the texts of links and the title candidates (h1-h3 and title-classed
 * elements with 4+ words, not a link, not a lead/sapo). Subtree sizes come from `index`.
 */
function gatherTitleEvidence(root: Element, index: TreeIndex): TitleEvidence {
  const linkTexts = new Set<string>();
  const candidates: TitleCandidate[] = [];
  const shortH1s: TitleCandidate[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop();
    if (!el) break;
    if (JUNK_TAGS.has(el.name)) continue;
    const isHeading = /^h[1-3]$/u.test(el.name);
    const len = index.textLen.get(el) ?? 0;
    if (el.name === 'a') {
      const t = len <= 200 ? boundedText(el, SMALL_TEXT_NODES) : null;
      if (t !== null) linkTexts.add(normalizeForMatch(cleanInline(t)));
    } else if ((isHeading || TITLE_CLASS.test(classAndId(el))) && !LEAD_CLASS.test(classAndId(el)) && len <= 250) {
      const raw = boundedText(el, SMALL_TEXT_NODES);
      const text = raw === null ? '' : cleanInline(raw);
      const candidate = { text, order: index.order.get(el) ?? 0, h1: el.name === 'h1', el };
      if (text.length >= 12 && wordsOf(text).length >= 4 && !insideLink(el)) candidates.push(candidate);
      else if (el.name === 'h1' && text.length >= 3 && !insideLink(el)) shortH1s.push(candidate);
    }
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i];
      if (c && isTag(c)) stack.push(c);
    }
  }
  return { candidates, linkTexts, order: index.order, shortH1s };
}

function insideLink(el: Element): boolean {
  let cur: Element | null = el;
  for (let i = 0; i < 4 && cur; i++) {
    if (cur.name === 'a') return true;
    cur = cur.parent && isTag(cur.parent) ? cur.parent : null;
  }
  return false;
}

/** A title that names a section or the site, not an article: a menu link, a nav label, or 1-3 words. */
function isGenericTitle(t: string, ev: TitleEvidence, siteName: string | null): boolean {
  const key = normalizeForMatch(t);
  return ev.linkTexts.has(key) || wordsOf(t).length <= 3 || matchChromeRule(t) !== null || (siteName !== null && key === normalizeForMatch(siteName));
}

/** A heading that names the site or a section, or only a date: a link text elsewhere, a chrome label, the site's name, a day. */
function isSectionOrSite(t: string, ev: TitleEvidence, siteName: string | null): boolean {
  const key = normalizeForMatch(t);
  return ev.linkTexts.has(key) || matchChromeRule(t) !== null || (siteName !== null && key === normalizeForMatch(siteName)) || isPortalName(t) || isDateOnlyLine(lineKey(t));
}

/**
 * Pick the title: the hint selector; the h1 closest to og:title / JSON-LD headline / `<title>`;
 * og:title or the headline; the `<title>` unless it only names a section ("Tin tức sự kiện" on a
 * Liferay portal), in which case the last heading or title-classed element above the body.
 * Candidates that repeat a link text (menu labels, other articles) never win.
 */
function pickTitle(
  $: CheerioAPI,
  opts: CleanOptions,
  siteName: string | null,
  ogTitle: string | null,
  ldHeadline: string | null,
  ev: TitleEvidence,
  bodyStart: number,
  blocks: readonly Block[] = [],
): string | null {
  if (opts.hints?.title) {
    const t = cleanInline($(opts.hints.title).first().text());
    if (t) return stripSiteSuffix(t, siteName);
  }
  const rawDocTitle = cleanInline($('title').first().text()) || null;
  const docTitle = rawDocTitle ? stripSiteSuffix(rawDocTitle, siteName) : null;
  const strong = ogTitle ?? ldHeadline;
  const reference = strong ?? (docTitle && !isGenericTitle(docTitle, ev, siteName) ? rawDocTitle : null);
  const usable = ev.candidates.filter((c) => !isSectionOrSite(c.text, ev, null));
  const h1s = usable.filter((c) => c.h1);
  let best: string | null = null;
  if (reference) {
    let bestScore = 0;
    for (const h of h1s) {
      const s = overlap(h.text, reference);
      if (s > bestScore) {
        bestScore = s;
        best = h.text;
      }
    }
    if (bestScore < 0.3) best = null;
  } else if (h1s.length === 1) best = h1s[0]?.text ?? null;
  else if (h1s.length === 0 && !docTitle) {
    // No title to match and no long heading: the page's one h1, however short, unless it names the
    // site or a section (a logo in an h1, a menu label).
    const short = ev.shortH1s.filter((c) => !isSectionOrSite(c.text, ev, siteName));
    if (short.length === 1) best = short[0]!.text;
  }
  if (best) return stripSiteSuffix(best, siteName) || null;
  if (strong) return stripSiteSuffix(strong, siteName) || null;
  // Visible title above the body: the `<title>` may carry the site name in a form the suffix rule
  // does not know ("… - Cục Thống kê tỉnh Yên Bái"), or name only the section.
  const above = usable.filter((c) => c.order < bodyStart);
  const nearest = above[above.length - 1] ?? null;
  if (reference && docTitle) {
    const inDoc = above.filter((c) => normalizeForMatch(reference).includes(normalizeForMatch(c.text)));
    const visible = inDoc[inDoc.length - 1];
    return visible ? visible.text : (shownTitlePart(rawDocTitle ?? '', blocks, ev.order, bodyStart) ?? docTitle) || null;
  }
  return nearest?.text ?? docTitle ?? null;
}

/**
 * The part of the `<title>` that the page prints above the body as the whole text of one block,
 * when no heading holds the title: an old table page shows its headline in a bold cell, and its
 * `<title>` adds the site's name in a form the suffix rule cannot know ("Bao Kien Giang dien tu -
 * Giồng Riềng mở rộng …", the name without tone marks). Parts are runs of the title between its
 * separators; of the runs shown, the one nearest the body wins (a masthead stands at the top). The
 * whole `<title>` is no answer here, and a run needs 4 words to be a headline.
 */
function shownTitlePart(rawTitle: string, blocks: readonly Block[], order: ReadonlyMap<Element, number>, bodyStart: number): string | null {
  const seps = [...rawTitle.matchAll(new RegExp(TITLE_SEPARATOR.source, 'gu'))];
  if (seps.length === 0 || seps.length > 6) return null;
  // Start and end offsets of every part of the title.
  const starts = [0, ...seps.map((m) => (m.index ?? 0) + m[0].length)];
  const ends = [...seps.map((m) => m.index ?? 0), rawTitle.length];
  const runs = new Map<string, string>();
  for (let i = 0; i < starts.length; i++) {
    for (let j = i; j < ends.length; j++) {
      if (i === 0 && j === ends.length - 1) continue;
      const run = rawTitle.slice(starts[i], ends[j]).trim();
      if (wordsOf(run).length >= 4) runs.set(normalizeForMatch(run), run);
    }
  }
  let best: { text: string; at: number } | null = null;
  for (const b of blocks) {
    const at = order.get(b.el) ?? Number.POSITIVE_INFINITY;
    if (at >= bodyStart || b.linkLen > 0) continue;
    const run = runs.get(normalizeForMatch(b.text));
    if (run && (!best || at >= best.at)) best = { text: run, at };
  }
  return best?.text ?? null;
}

/**
 * A personal name standing alone right above the headline block (see the caller): 2–4 capitalised
 * words, no link, not a menu label, chrome line or portal name, and not part of the headline as
 * the metadata gives it (a "TRỰC TIẾP" badge of a live page is in its `<title>`).
 */
function isNameAboveTitle(b: Block, next: Block | undefined, title: string | null, headlineTexts: string, isLinkLabel: (part: string) => boolean): boolean {
  if (!title || !next || b.heading !== 0 || b.linkLen > 0 || b.len > 40 || b.caption || b.dateMarked) return false;
  if (normalizeForMatch(next.text) !== normalizeForMatch(title)) return false;
  const words = b.text.trim().split(/\s+/u);
  if (words.length < 2 || words.length > 4 || isLinkLabel(b.text) || matchChromeRule(b.text) !== null || isPortalName(b.text)) return false;
  if (headlineTexts.includes(normalizeForMatch(b.text))) return false;
  // Every word capitalised, no brackets, dashes, digits or labels: a bare name, not a credit or a unit.
  if (!words.every((w) => /^\p{Lu}[\p{L}\p{M}]*$/u.test(w))) return false;
  // Two words in capitals are a badge ("TRỰC TIẾP", "MỚI NHẤT") as often as a pen name: a name in
  // capitals needs three.
  if (words.length < 3 && b.text === b.text.toUpperCase()) return false;
  return isBylineLine(b.text) && authorMetaName(b.text) === null;
}

/**
 * Inline (phrasing) elements: inside a paragraph they carry words of the sentence, whatever their
 * class says (`<a class="tag-link" href="/tu-khoa/…">`, `<span class="related-name">`).
 */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'big', 'cite', 'code', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'label', 'mark', 'q', 's', 'samp',
  'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var',
]);

/** Most inline levels climbed to find the sentence around an inline element. */
const INLINE_CLIMB = 6;

/** What the chrome rules know about the page before anything is removed. */
interface ChromeContext {
  index: TreeIndex;
  /** Visible characters of the whole page. */
  pageText: number;
  /** The article's title heading and its ancestors: the article header is not chrome as a whole. */
  titlePath: ReadonlySet<Element>;
  /** Lead-classed elements with running text ("sapo", "lead") and their ancestors. */
  leadPath: ReadonlySet<Element>;
  /** Per parent: children that carry text (non-blank text nodes, elements with text). Filled lazily. */
  textualChildren: Map<Element, number>;
}

function textualChildCount(parent: Element, ctx: ChromeContext): number {
  let n = ctx.textualChildren.get(parent);
  if (n !== undefined) return n;
  n = 0;
  for (const c of parent.children) {
    if (c.type === 'text') {
      if ((c as unknown as { data: string }).data.trim() !== '') n++;
    } else if (isTag(c) && !JUNK_TAGS.has(c.name) && (ctx.index.textLen.get(c) ?? 0) > 0) n++;
  }
  ctx.textualChildren.set(parent, n);
  return n;
}

/**
 * Is an inline element part of running text: does it share its paragraph with other words?
 * "đồng chí <a class="tag">Nguyễn Văn A</a>, Bí thư Tỉnh ủy" — yes; a share link alone in its `<div>` — no.
 * Climbs through inline wrappers (`<p>Ông <strong><a class="tag">…</a></strong> phát biểu</p>`).
 */
function inRunningText(el: Element, ctx: ChromeContext): boolean {
  let cur: Element = el;
  for (let i = 0; i < INLINE_CLIMB; i++) {
    const parent = cur.parent;
    if (!parent || !isTag(parent)) return false;
    if (textualChildCount(parent, ctx) >= 2) return true;
    if (BLOCK_TAGS.has(parent.name) || !INLINE_TAGS.has(parent.name)) return false;
    cur = parent;
  }
  return false;
}

/** "header" in a class name: inside the article header it names the header's parts ("…-header-meta"). */
const HEADER_WORD = /header/giu;
const HAS_HEADER_WORD = /header/iu;

/**
 * True when an element should go before scoring (hidden, landmark chrome, chrome class).
 * `inArticleHeader`: the element sits in the header that holds the article's title.
 */
function chromeElementRule(el: Element, ctx: ChromeContext, inArticleHeader = false): string | null {
  // A wrapper holding a large share of the page is never chrome, whatever its class says:
  // "wrapper-boxed header-style-2", "penci_sidebar container", "elementor-widget-wrap".
  const holdsMuchOfPage = (): boolean => (ctx.index.textLen.get(el) ?? 0) > ctx.pageText * MAX_CHROME_SHARE;
  const style = el.attribs['style'];
  if (el.attribs['hidden'] !== undefined || el.attribs['aria-hidden'] === 'true' || (style && HIDDEN_STYLE.test(style))) {
    return holdsMuchOfPage() ? null : 'hiddenElementRule';
  }
  if (CHROME_TAGS.has(el.name)) return 'landmarkChromeRule';
  const role = el.attribs['role'];
  if (role === 'navigation' || role === 'banner' || role === 'contentinfo' || role === 'complementary' || role === 'search') return 'landmarkChromeRule';
  if (el.name === 'body' || el.name === 'html' || el.name === 'main' || el.name === 'article') return null;
  const ci = inArticleHeader ? classAndId(el).replace(HEADER_WORD, ' ') : classAndId(el);
  if (ci.trim() === '' || !isNegativeClass(ci)) return null;
  if (POSITIVE_CLASS.test(ci)) return null;
  // The article header ("sc-longform-header": title, byline, date, sapo) is taken apart, not dropped:
  // its chrome children (share bars, font-size tools) still go by their own classes.
  if (ctx.titlePath.has(el)) return null;
  // A "header" box holding the sapo ("detail-header" > "sapo") when "header" is its only chrome word.
  if (ctx.leadPath.has(el) && !isNegativeClass(ci.replace(HEADER_WORD, ' '))) return null;
  // A keyword or related-story link inside a sentence is part of the sentence.
  if (INLINE_TAGS.has(el.name) && inRunningText(el, ctx)) return null;
  return holdsMuchOfPage() ? null : 'chromeClassRule';
}

/** Remove junk and chrome elements in place; returns the removals worth showing. */
function stripNonContent(root: Element, hintsRemove: readonly Element[], chromeDates: ChromeDate[], ctx: ChromeContext): Removal[] {
  const removed: Removal[] = [];
  const order = ctx.index.order;
  const hinted = new Set(hintsRemove);
  for (const el of hintsRemove) {
    const t = textOf(el);
    if (t) removed.push({ rule: 'portalHintRule', text: shorten(t) });
  }
  // Elements still to visit, each with whether it sits in the article header.
  const stack: [Element, boolean][] = [[root, false]];
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top) break;
    const [el, inHeader] = top;
    const kids = el.children;
    const keep: AnyNode[] = [];
    for (const k of kids) {
      if (k.type === 'comment' || k.type === 'directive' || k.type === 'cdata') continue;
      if (!isTag(k)) {
        keep.push(k);
        continue;
      }
      if (JUNK_TAGS.has(k.name) || hinted.has(k)) continue;
      const rule = chromeElementRule(k, ctx, inHeader);
      if (rule) {
        const t = textOf(k);
        if (t) removed.push({ rule, text: shorten(t) });
        if (rule !== 'hiddenElementRule') collectDates(k, chromeDates, order.get(k) ?? 0);
        continue;
      }
      keep.push(k);
      stack.push([k, inHeader || (ctx.titlePath.has(k) && HAS_HEADER_WORD.test(classAndId(k)))]);
    }
    if (keep.length !== kids.length) {
      el.children = keep;
      keep.forEach((k, i) => {
        k.prev = keep[i - 1] ?? null;
        k.next = keep[i + 1] ?? null;
      });
    }
  }
  return removed;
}

/** A date-only text found in a removed chrome element, with the element's document order. */
interface ChromeDate {
  text: string;
  order: number;
}

/**
 * The today-date widget lives in the header bar that chrome removal drops ("Thứ hai, 07/11/2022"):
 * keep its date-only text nodes; those above the body become `header` dates, the others (comment
 * times, dates of related stories) are dropped. Bounded to the first 40 text nodes.
 */
function collectDates(el: Element, into: ChromeDate[], order: number): void {
  const stack: AnyNode[] = [el];
  let seen = 0;
  while (stack.length > 0 && seen < 40) {
    const cur = stack.pop();
    if (!cur) break;
    if (cur.type === 'text') {
      seen++;
      const t = cleanInline((cur as unknown as { data: string }).data);
      if (t.length >= 6 && t.length <= 80 && isDateOnlyLine(lineKey(t))) into.push({ text: t, order });
    } else if (isTag(cur) && !JUNK_TAGS.has(cur.name)) for (let i = cur.children.length - 1; i >= 0; i--) stack.push(cur.children[i] as AnyNode);
  }
}

/** Where the body stands, for the rules that look around it. */
interface BodyContext {
  /** Elements inside the body containers. */
  inside: ReadonlySet<Element>;
  /** Document order of the first paragraph-sized block of the body (Infinity without a body). */
  bodyStart: number;
  /** Document order of the title heading when the page shows one above the body, else -1. */
  titleOrder: number;
  order: ReadonlyMap<Element, number>;
  /** Match key of the page's meta description (og:description / description), or null. */
  descriptionKey: string | null;
}

/**
 * Class words of a lead printed in the article header: "detail-desc", "article-desc", "news-description".
 * Only used between the title and the body, where a "desc" block is the sapo, not an image description.
 */
const HEADER_LEAD_CLASS = /(?:^|[\s_-])desc(?:ription)?(?:$|[\s_-])|(?:^|[\s_-])intro(?:$|[\s_-])/iu;

/**
 * Letters only Vietnamese writes. A Vietnamese sapo is the article's first paragraph (every gold set
 * keeps it); an English standfirst above the body is a summary that the article-extraction-benchmark
 * leaves out, so the header-lead rule reads Vietnamese text only.
 */
const VIETNAMESE_LETTER = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

function classWithin(b: Block, re: RegExp, levels: number): boolean {
  let cur: Element | null = b.el;
  for (let i = 0; i < levels && cur; i++) {
    if (re.test(classAndId(cur))) return true;
    cur = cur.parent && isTag(cur.parent) ? cur.parent : null;
  }
  return false;
}

/** Does the block repeat the page's meta description (the sapo is the description on most CMSs)? */
function matchesDescription(b: Block, descriptionKey: string | null): boolean {
  if (!descriptionKey || descriptionKey.length < 30) return false;
  const k = normalizeForMatch(b.text);
  return k === descriptionKey || (k.length >= 30 && (k.includes(descriptionKey) || descriptionKey.includes(k))) || overlap(b.text, descriptionKey) >= 0.8;
}

/**
 * The lead (sapo). Inside the body or above it: a block whose element (or one of 3 ancestors) has a
 * lead class ("sapo", "lead", "tom-tat"). Above the body only, between the title and the first body
 * paragraph — the article header holding the h1, the byline and the sapo: a running-text block that
 * repeats the meta description or has a "desc"/"intro" class. After the body, "sapo" blocks are the
 * teasers of other stories and never count.
 */
function findLead(blocks: readonly Block[], ctx: BodyContext): Block | null {
  // Running text printed between the visible title and the body, nearest the body: the sapo of a
  // header block whose markup names nothing (a bold paragraph under the h1).
  let nearest: Block | null = null;
  for (const b of blocks) {
    if (b.len < 40 || b.len > 1200 || b.linkLen / b.len > 0.3 || b.heading === 1 || b.caption) continue;
    const inside = ctx.inside.has(b.el);
    const at = ctx.order.get(b.el) ?? 0;
    if (!inside && at > ctx.bodyStart) continue;
    if (classWithin(b, LEAD_CLASS, 3)) return b;
    // The body's first paragraph repeating the description is its sapo, whatever its class.
    if (inside && at <= ctx.bodyStart && VIETNAMESE_LETTER.test(b.text) && matchesDescription(b, ctx.descriptionKey)) return b;
    if (inside || at < ctx.titleOrder || !VIETNAMESE_LETTER.test(b.text) || wordsOf(b.text).length < 8 || isDateOnlyLine(lineKey(b.text)) || isBylineLine(b.text)) continue;
    if (matchesDescription(b, ctx.descriptionKey) || classWithin(b, HEADER_LEAD_CLASS, 3)) return b;
    if (ctx.titleOrder >= 0 && at > ctx.titleOrder && wordsOf(b.text).length >= 15 && endsLikeSentence(b.text)) nearest = b;
  }
  return nearest;
}

/** Running-text words a titled page needs to count as an article (a two-sentence brief has ~25). */
const SHORT_ARTICLE_WORDS = 20;

/**
 * Teasers in the body: a headline link (a block that is all link, 20+ characters) followed, before
 * the next link, by a text block of 40+ characters without links. A listing page is made of them;
 * an article has at most a few ("Xem thêm" boxes between paragraphs).
 */
function teaserCount(blocks: readonly Block[], inside: ReadonlySet<Element>): number {
  let teasers = 0;
  let afterHeadline = false;
  for (const b of blocks) {
    if (!inside.has(b.el)) continue;
    if (b.len >= 20 && b.linkLen / b.len > 0.8) {
      afterHeadline = true;
      continue;
    }
    if (afterHeadline && b.len >= 40 && b.linkLen === 0) {
      teasers++;
      afterHeadline = false;
    }
  }
  return teasers;
}

/** A link to a writer's page: "/tac-gia/lam-thao-vy", "/author/minh-ha", "/but-danh/…", "?tacgia=12". */
const AUTHOR_HREF = /(?:^|[/?&=])(?:tac-?gia|author|authors|nha-?bao|but-?danh|phong-?vien)(?:[/?=&.]|$)/iu;

/**
 * The names in links to writers' pages among the first elements under `el` (a header row) whose
 * text reads as a byline name, joined by commas ("Tuệ Ân, Khải Nguyên"); else null.
 */
function authorLinkName(el: Element): string | null {
  const stack: Element[] = [el];
  // Every writer linked in the row, in order: "<a>Tuệ Ân</a> - <a>Khải Nguyên</a>" is two authors.
  const names: string[] = [];
  for (let seen = 0; stack.length > 0 && seen < 24; seen++) {
    const cur = stack.pop()!;
    if (cur.name === 'a') {
      const href = cur.attribs.href ?? '';
      if (AUTHOR_HREF.test(href)) {
        const raw = boundedText(cur, SMALL_TEXT_NODES);
        const name = raw === null ? '' : cleanInline(raw);
        if (name && wordsOf(name).length <= 5 && isBylineLine(name) && !names.includes(name)) names.push(name);
      }
      continue;
    }
    for (let i = cur.children.length - 1; i >= 0; i--) {
      const c = cur.children[i];
      if (c && isTag(c)) stack.push(c);
    }
  }
  return names.length > 0 ? names.join(', ') : null;
}

function hasAuthorClass(b: Block): boolean {
  let cur: Element | null = b.el;
  for (let i = 0; i < 3 && cur; i++) {
    if (AUTHOR_CLASS.test(classAndId(cur))) return true;
    cur = cur.parent && isTag(cur.parent) ? cur.parent : null;
  }
  return false;
}

/** A credit rather than a name: "Nguồn suckhoedoisong.vn", "Theo TTXVN". */
const CREDIT_START = /^(?:nguồn|theo)\b/iu;

/**
 * A line of its own that credits the text to another paper or agency: "Theo TTXVN", "Nguồn: Báo
 * Nhân Dân", "(Theo VOV)", "Nguồn suckhoedoisong.vn". The name starts with a capital and is short,
 * or is a web address, so a sentence opening with "Theo kế hoạch, …" or "Theo ông …" is not one, nor
 * a photo credit ("Nguồn ảnh: …"). "Nguồn tin: Văn phòng UBND xã" (source of the news) is the same credit.
 */
const CREDIT_LINE = /^\(?\s*(?:[Tt]heo|THEO|[Nn]guồn(?:\s+tin)?|NGUỒN(?:\s+TIN)?)\s*[:：]?\s*(?:\p{Lu}[\p{L}\p{N}.&-]*(?:\s+[\p{L}\p{N}.&-]+){0,9}|[a-z\d-]+(?:\.[a-z\d-]+)*\.[a-z]{2,})\s*\)?\.?$/u;

/**
 * The labelled source field of a template ("Nguồn: Trung tâm Văn hóa - Thông tin và Thể thao huyện"):
 * the colon says a name follows, so a unit's full name (often a dozen words) is read whole; the
 * length cap and the missing sentence punctuation still keep running text out.
 */
const LABELLED_CREDIT_LINE = /^\(?\s*(?:[Tt]heo|THEO|[Nn]guồn|NGUỒN)\s*[:：]\s*\p{Lu}[\p{L}\p{N}.&-]*(?:\s+[\p{L}\p{N}.&-]+){0,14}\s*\)?\.?$/u;

function isCreditLine(text: string): boolean {
  return text.length <= 60 && (CREDIT_LINE.test(text) || LABELLED_CREDIT_LINE.test(text));
}

/** Most title headings whose ancestors are protected from chrome removal. */
const MAX_TITLE_HEADINGS = 3;

/**
 * The article's title headings: the h1 candidates that match the page's own title (og:title, JSON-LD
 * headline or `<title>`), or the only h1 candidate when the page offers no title to match.
 */
function articleHeadings(ev: TitleEvidence, reference: string | null): Element[] {
  const h1s = ev.candidates.filter((c) => c.h1 && !ev.linkTexts.has(normalizeForMatch(c.text)));
  const matching = reference ? h1s.filter((c) => overlap(c.text, reference) >= 0.5) : h1s.length === 1 ? h1s : [];
  return matching.slice(0, MAX_TITLE_HEADINGS).map((c) => c.el);
}

/** Elements with a lead class and a sentence's worth of text (the sapo, or a teaser's sapo). */
function leadElements(index: TreeIndex): Element[] {
  return index.preorder.filter((el) => {
    const len = index.textLen.get(el) ?? 0;
    return len >= 40 && len <= 1200 && LEAD_CLASS.test(classAndId(el));
  });
}

/** The elements and all their ancestors up to `root`; a climb stops at a path already taken, so the whole is linear. */
function pathsTo(els: readonly Element[], root: Element): Set<Element> {
  const path = new Set<Element>();
  for (const el of els) {
    let cur: Element | null = el;
    while (cur && !path.has(cur)) {
      path.add(cur);
      if (cur === root) break;
      cur = cur.parent && isTag(cur.parent) ? cur.parent : null;
    }
  }
  return path;
}

/** An ISO timestamp in a machine attribute: "2023-09-14T15:20:00+07:00". */
const MACHINE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/u;

/**
 * The post time shown as a clock alone in a date-marked element whose machine attribute
 * (`title`, `datetime`, `content` of it or of an element inside) gives the full timestamp with that
 * same clock: `<abbr class="published" title="2023-09-14T15:20:00+07:00">15:20</abbr>`. The day is
 * taken from the attribute only to find the shown date it belongs to.
 */
function markedPostClock(el: Element, text: string): { clock: string; day: string } | null {
  const shown = /(\d{1,2})\s*[:hg]\s*(\d{2})/u.exec(text);
  if (!shown) return null;
  const stack: AnyNode[] = [el];
  for (let seen = 0; stack.length > 0 && seen < 20; seen++) {
    const cur = stack.pop();
    if (!cur || !isTag(cur)) continue;
    for (const attr of ['datetime', 'title', 'content']) {
      const m = MACHINE_TIME.exec(cur.attribs[attr]?.trim() ?? '');
      if (m && Number(m[2]) === Number(shown[1]) && m[3] === shown[2]) return { clock: `${m[2]}:${m[3]}`, day: m[1] ?? '' };
    }
    stack.push(...cur.children);
  }
  return null;
}

/**
 * Completes a shown day without a clock ("Thứ Năm, 14 tháng 9, 2023") with the post's clock printed
 * apart from it, when the clock's timestamp falls on that day (its day, month and year all appear
 * in the line as numbers). Only the first such line is completed; every other date stays as shown.
 */
function withPostClock(dates: DateLine[], postClock: { clock: string; day: string } | null): DateLine[] {
  if (!postClock) return dates;
  const [y, m, d] = postClock.day.split('-').map(Number);
  const names = (line: string, n: number | undefined): boolean => n !== undefined && new RegExp(`(?<!\\d)0?${n}(?!\\d)`, 'u').test(line);
  const at = dates.findIndex((l) => l.where !== 'footer' && !hasClock(l.text) && names(l.text, y) && names(l.text, m) && names(l.text, d));
  if (at < 0) return dates;
  return dates.map((l, i) => (i === at ? { ...l, text: `${l.text} ${postClock.clock}` } : l));
}

/**
 * Clean an HTML page: returns the article's paragraphs, title (no site suffix), lead, captions,
 * byline, visible dates and the page metadata, and explains every removal. A page without an
 * article (a listing, an empty page) comes back with `isArticle: false` and a reason.
 */
/** A combining diacritic: the page is (partly) decomposed, as NFD editors save Vietnamese. */
const COMBINING_MARK = /[\u0300-\u036f]/u;

export function cleanHtml(html: string, opts: CleanOptions = {}): CleanResult {
  const parse = (markup: string): CheerioAPI =>
    load(markup, { xml: { xmlMode: false, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true } });
  // Deep nesting is cut first: the parser and the selector engine cost O(depth) per element.
  // NFC first: every rule and name list matches composed text, and some editors save pages
  // decomposed (tone marks as combining characters); metadata, the title and the header need it
  // as much as the paragraphs, which are normalised one by one later anyway.
  // (Only a page holding combining marks needs it: the scan is far cheaper than normalize on every page.)
  const markup = capNesting(COMBINING_MARK.test(html) ? html.normalize('NFC') : html);
  let $ = parse(markup);
  // A fragment without <body>/<html> (a CMS export, a truncated page) gets a body around it.
  if ($('body').length === 0 && $('html').length === 0) $ = parse(`<html><body>${markup}</body></html>`);
  const meta = extractMeta($);

  const rootNode = ($('body').get(0) ?? $('html').get(0)) as Element;
  const pre = indexTree(rootNode);
  const evidence = gatherTitleEvidence(rootNode, pre);
  const ogTitle = meta.ogTitle ? stripSiteSuffix(meta.ogTitle, meta.siteName) : null;
  const ldHeadline = jsonLdHeadline(meta);
  const titleHeadings = articleHeadings(evidence, ogTitle ?? ldHeadline ?? (cleanInline($('title').first().text()) || null));
  const hintRemove = (opts.hints?.remove ?? []).flatMap((sel) => {
    try {
      return $(sel).toArray().filter(isTag);
    } catch {
      return [];
    }
  });
  const chromeDates: ChromeDate[] = [];
  const chromeContext: ChromeContext = {
    index: pre,
    pageText: Math.max(1, pre.textLen.get(rootNode) ?? 0),
    titlePath: pathsTo(titleHeadings, rootNode),
    leadPath: pathsTo(leadElements(pre), rootNode),
    textualChildren: new Map(),
  };
  const removed = stripNonContent(rootNode, hintRemove, chromeDates, chromeContext);
  // The tree changed: index it again for the block walk and the scoring (one more linear pass).
  const post = indexTree(rootNode);
  const blocks = segmentBlocks(rootNode, post);
  const pageLinks = post.preorder.reduce((n, el) => (el.name === 'a' && el.attribs['href'] !== undefined ? n + 1 : n), 0);

  // Body: the registry's selector when it matches something with text, else scoring.
  let containers: Element[] = [];
  if (opts.hints?.content) {
    try {
      containers = $(opts.hints.content)
        .toArray()
        .filter(isTag)
        .filter((el) => (post.textLen.get(el) ?? 0) > 0);
    } catch {
      containers = [];
    }
  }
  if (containers.length === 0) containers = chooseBody(gatherStats(blocks, rootNode, post.preorder), rootNode).containers;
  const insideSet = elementsInside(containers);
  // Where the running text starts: the first paragraph-sized block of the body.
  const firstBodyBlock = blocks.find((b) => b.len >= 60 && !b.heading && insideSet.has(b.el));
  const bodyStart = firstBodyBlock ? (evidence.order.get(firstBodyBlock.el) ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
  const title = pickTitle($, opts, meta.siteName, ogTitle, ldHeadline, evidence, bodyStart, blocks);
  // Document order of the last block of the body.
  let bodyEnd = Number.NEGATIVE_INFINITY;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i];
    if (b && insideSet.has(b.el)) {
      bodyEnd = evidence.order.get(b.el) ?? bodyEnd;
      break;
    }
  }
  // Document order of the title heading when it sits inside the body (an article header inside the article).
  // (-1 when it does not: then no block of the body stands above it).
  const titleInBody = Math.min(...titleHeadings.filter((h) => insideSet.has(h)).map((h) => evidence.order.get(h) ?? -1), Number.POSITIVE_INFINITY);
  const titleAbove = titleHeadings.map((h) => evidence.order.get(h) ?? -1).filter((o) => o < bodyStart);
  // No h1 holds the title (an h2 or h3 headline, a print view): the heading whose text was taken.
  let titleOrder = titleAbove.length > 0 ? Math.max(...titleAbove) : -1;
  if (titleOrder < 0 && title) {
    const key = normalizeForMatch(title);
    for (const c of [...evidence.candidates, ...evidence.shortH1s]) if (c.order < bodyStart && normalizeForMatch(c.text) === key) titleOrder = Math.max(titleOrder, c.order);
  }
  const description = meta.description ?? null;
  const lead = findLead(blocks, {
    inside: insideSet,
    bodyStart,
    titleOrder,
    order: evidence.order,
    descriptionKey: description ? normalizeForMatch(description) : null,
  });
  const captions: string[] = [];
  const captionKeys = new Set<string>();
  const metaDates: DateLine[] = [];
  // Author fields of the template: the first name, and the first credit ("Nguồn X", "Theo X").
  let authorLine: string | null = null;
  let authorCredit: string | null = null;
  const bodyLines: BodyLine[] = [];
  let leadInside = false;
  const outside: Removal[] = [];
  const outsideDates: DateLine[] = [];
  let seenTitle = false;
  let seenBody = false;
  let postClock: { clock: string; day: string } | null = null;

  /**
   * The post date of a block above the body: a date line alone, or the date part of the template's
   * meta line, where it shares the row with counters and toolbar links ("Ngày đăng: 09/10/2025 |
   * Lượt xem: 248 | In bài", "27/02/2024 | 15:03 (Lượt xem: 587)"); the author's name riding
   * along ("Đăng bởi: Minh Hà | 12/05/2023") becomes the author field.
   */
  const isLinkLabel = (part: string): boolean => evidence.linkTexts.has(normalizeForMatch(part));
  // The headline as the page's metadata gives it (`<title>`, og:title, JSON-LD): a label it carries
  // ("TRỰC TIẾP: …") is a kicker, never the writer's name.
  // (Each part cut at 600 characters: the whole is searched once per short block, and a hostile page's <title> can be huge.)
  const headlineTexts = normalizeForMatch([cleanInline($('title').first().text().slice(0, 600)), (meta.ogTitle ?? '').slice(0, 600), (ldHeadline ?? '').slice(0, 600)].join(' | '));
  const postDate = (text: string): string | null => {
    const key = lineKey(text);
    if (isDateOnlyLine(key)) return text;
    const meta = splitMetaLine(key, text, isLinkLabel);
    if (meta?.author && !authorLine) authorLine = meta.author;
    return meta?.date ?? null;
  };

  // Index of the body's last block: a credit line standing right after it belongs to the article.
  let lastInside = -1;
  blocks.forEach((b, i) => {
    if (insideSet.has(b.el)) lastInside = i;
  });

  for (const [i, b] of blocks.entries()) {
    const inside = insideSet.has(b.el);
    // The name linked to the writer's page in the header ("<a href="/tac-gia/…">A</a> · 19/11/2025"):
    // the author field, whatever else shares its row (the row's date is read below as usual).
    if (!seenBody && !authorLine && b.len <= 160) authorLine = authorLinkName(b.el);
    // "Theo TTXVN" in the template's source field just after the body, or styled like a caption in
    // it: the source the text is credited to, for the byline (one in a body paragraph is the
    // trailing byline's to read, with the name above it).
    if (((inside && b.caption) || (!inside && lastInside >= 0 && i > lastInside && i <= lastInside + 2)) && seenBody && isCreditLine(b.text)) {
      authorCredit ??= b.text.replace(/^\(\s*|\s*\)?\.?$/gu, '');
      removed.push({ rule: 'creditLineRule', text: shorten(b.text), movedTo: 'byline' });
      continue;
    }
    // A line of names standing right after the body, whatever its markup ("A - B (unit)" in a
    // right-aligned div of its own): the byline, as a class "author" would have said.
    if (!inside && seenBody && lastInside >= 0 && i > lastInside && i <= lastInside + 2 && b.linkLen === 0 && b.len <= 100 && !authorLine && !CREDIT_START.test(b.text) && isBylineLine(b.text)) {
      authorLine = b.text;
      removed.push({ rule: 'authorFieldRule', text: shorten(b.text), movedTo: 'byline' });
      continue;
    }
    // The post's clock in its footer, the rest of the day printed above the title (Blogger: a date
    // header "Thứ Năm, 14 tháng 9, 2023" over the post, "vào lúc <abbr class="published"
    // title="2023-09-14T15:20:00+07:00">15:20</abbr>" under it): kept to complete that date below.
    if (!inside && seenBody && b.dateMarked && !postClock && isBareClock(b.text)) postClock = markedPostClock(b.el, b.text);
    // Dates marked in the markup count until the body is over; after it they date comments or other stories.
    const marked = b.dateMarked && (inside || !seenBody) ? postDate(b.text) : null;
    if (marked) {
      metaDates.push({ text: marked, where: 'meta' });
      continue;
    }
    // The clock in an item of its own right after the day ("08/11/2024", then "15:20"): one post time.
    const last = metaDates[metaDates.length - 1] ?? outsideDates[outsideDates.length - 1];
    if (!seenBody && last && isBareClock(b.text) && !hasClock(last.text)) {
      last.text = `${last.text} ${b.text.trim()}`;
      continue;
    }
    // An author field of the template ("bởi Hà Linh", "Được đăng bởi Quản trị viên", `<div class="author">`).
    // "Bởi vậy, …" opens a sentence: an author field needs a name (or a placeholder account) after the label.
    const field = b.len <= 80 ? authorMetaName(b.text) : null;
    const authorName = field === '' || (field !== null && isBylineLine(b.text)) ? field : null;
    if (authorName !== null || (hasAuthorClass(b) && isBylineLine(b.text))) {
      const name = authorName ?? b.text;
      if (name !== '' && CREDIT_START.test(name)) authorCredit ??= name;
      else if (!authorLine && name !== '') authorLine = name;
      removed.push({ rule: 'authorFieldRule', text: shorten(b.text), ...(name !== '' ? { movedTo: 'byline' as const } : {}) });
      continue;
    }
    // The writer's name alone in the block right above the headline (an old paper's layout puts
    // "HOÀNG PHI YẾN" between the breadcrumb and the title): the author field. Only a name will do —
    // two to four capitalised words, no link, no label of the page's menus — so a kicker or a
    // section label ("Thời sự", "KINH TẾ" as a menu link) above the title stays what it is.
    if (!inside && !seenBody && !authorLine && b !== lead && isNameAboveTitle(b, blocks[i + 1], title, headlineTexts, isLinkLabel)) {
      authorLine = b.text;
      removed.push({ rule: 'authorFieldRule', text: shorten(b.text), movedTo: 'byline' });
      continue;
    }
    // A labelled byline in the header, whatever its markup ("Nhóm phóng viên: A, B, C" under the time):
    // the author field, as an author class would have said.
    if (!inside && !seenBody && !authorLine && isLabelledByline(b.text)) {
      authorLine = b.text;
      removed.push({ rule: 'authorFieldRule', text: shorten(b.text), movedTo: 'byline' });
      continue;
    }
    if (!inside) {
      if (b === lead) continue;
      // A picture between two parts of a split body (a figure beside the cousin containers).
      const at = evidence.order.get(b.el) ?? 0;
      if (b.caption && at > bodyStart && at < bodyEnd) {
        const k = normalizeForMatch(b.text);
        if (!captionKeys.has(k)) {
          captionKeys.add(k);
          captions.push(b.text);
        }
        continue;
      }
      const posted = seenBody ? null : postDate(b.text);
      if (posted) {
        // Publication date printed between the title and the body, in a sibling of the body.
        outsideDates.push({ text: posted, where: seenTitle ? 'underTitle' : 'header' });
        continue;
      }
      if (!seenTitle && title && overlap(b.text, title) > 0.6) seenTitle = true;
      outside.push({ rule: 'outsideArticleRule', text: shorten(b.text) });
      continue;
    }
    // "19:15" alone: an entry time of a live page or a clock widget, never running text.
    if (isBareClock(b.text)) {
      removed.push({ rule: 'bareClockRule', text: shorten(b.text) });
      continue;
    }
    // A kicker above the title inside the article header ("Y tế", "Thời sự"): a section label.
    if (b.heading === 0 && titleInBody !== Number.POSITIVE_INFINITY && (evidence.order.get(b.el) ?? 0) < titleInBody && wordsOf(b.text).length <= 4 && !/[.!?…]/u.test(b.text)) {
      removed.push({ rule: 'sectionLabelRule', text: shorten(b.text) });
      continue;
    }
    // The body starts with running text, not with a title or a date that joined the containers.
    if (!b.heading && b.len >= 40) seenBody = true;
    if (b === lead) leadInside = true;
    if (b.caption && b !== lead) {
      const k = normalizeForMatch(b.text);
      if (!captionKeys.has(k)) {
        captionKeys.add(k);
        captions.push(b.text);
      } else removed.push({ rule: 'duplicateCaptionRule', text: shorten(b.text) });
      continue;
    }
    if (b.heading === 1 && title && overlap(b.text, title) > 0.6) {
      removed.push({ rule: 'titleRepeatRule', text: shorten(b.text) });
      continue;
    }
    if (b.len >= 2 && b.linkLen / b.len > 0.6 && !b.heading) {
      removed.push({ rule: 'linkBlockRule', text: shorten(b.text) });
      continue;
    }
    bodyLines.push({ text: b.text, el: b.el });
  }
  const tail = trailingByline(bodyLines);
  if (tail) removed.push({ rule: 'bylineRule', text: shorten(tail.byline), movedTo: 'byline' });
  const lines = (tail?.lines ?? bodyLines).flatMap((l) => [l.text, '']);
  if (lead && !leadInside) lines.unshift(lead.text, '');

  const out = runLinePipeline({ lines, knownTitle: title, pickTitle: false, detectCaptions: false });
  const paragraphs = out.paragraphs;
  // Captions come from the markup only (figcaption, caption classes, image frames): a heading or
  // a cut-off last paragraph must not be mistaken for one.
  const leadText = lead ? cleanInline(lead.text) : null;
  const teasers = teaserCount(blocks, insideSet);
  const sentenceParas = paragraphs.filter((p) => wordsOf(p).length >= 8 && /[.!?…]/u.test(p)).length;
  // A listing: most "paragraphs" of the body are teasers under a headline link.
  const listing = teasers >= 4 && teasers * 2 >= sentenceParas;
  // A brief of two or three sentences is still an article when the page gives it a title of its own.
  const titled = title !== null && evidence.candidates.some((c) => normalizeForMatch(c.text) === normalizeForMatch(title));
  const verdict = listing ? { isArticle: false, reason: null } : articleVerdict(paragraphs, titled ? SHORT_ARTICLE_WORDS : undefined);
  let reason = verdict.reason;
  if (!verdict.isArticle) {
    const sentences = paragraphs.reduce((n, p) => n + (p.match(/[.!?…](?:\s|$)/gu)?.length ?? 0), 0);
    reason = listing || pageLinks > 20 ? `no-article: listing page (${pageLinks} links, ${sentences} sentences${listing ? `, ${teasers} teasers` : ''})` : reason;
  }
  // The credit that joins the template's author field ("Tác giả: Trần Minh") in the byline: the
  // body's last line when that is a credit alone ("Nguồn: Văn phòng ..."), else the credit line
  // found under the body; a byline of another form at the body's end stands as it is.
  const credit = out.byline === null ? authorCredit : isCreditOnly(out.byline) ? out.byline : null;
  return {
    mode: 'html',
    isArticle: verdict.isArticle,
    reason,
    title,
    lead: leadText && paragraphs.includes(leadText) ? leadText : null,
    paragraphs,
    text: paragraphs.join('\n\n'),
    captions,
    byline: tail?.byline ?? (authorLine && credit ? `${authorLine} (${credit})` : (out.byline ?? authorLine ?? authorCredit)),
    dates: withPostClock([...chromeDates.filter((d) => d.order < bodyStart).map((d): DateLine => ({ text: d.text, where: 'header' })), ...outsideDates, ...metaDates, ...out.dates], postClock),
    meta,
    removed: [...removed, ...outside, ...out.removed],
  };
}
