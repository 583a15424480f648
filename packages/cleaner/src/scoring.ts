/**
 * Finding the article body among the blocks: each paragraph-like block scores for its length,
 * its commas and its lack of links; the score flows up to its ancestors (parent fully, then
 * less and less); the best ancestor, weighted by its own link density and class names, is the
 * body. Siblings that score close to it join it (articles split into several `<div>`s), and so do
 * cousins of the same template part (a body split around an ad or an embed). Linear in the page.
 */
import type { Element } from 'domhandler';
import { classAndId, type Block } from './blocks.ts';

/**
 * Class/id words that mark the article body in many templates, English and Vietnamese:
 * "article-body", "entry-content", "post-content", "detail-content", "noidung", "chitiet", "baiviet".
 */
export const POSITIVE_CLASS =
  /article|(?:^|[\s_-])(?:body|content|entry|main|post|story|text|detail|details|fulltext|news-?body|chi-?tiet|chitiet|noi-?dung|noidung|bai-?viet|baiviet|ndbaiviet)(?:$|[\s_-])/iu;
/**
 * Class/id words of chrome: comments, sidebars, related lists, share bars, counters, menus,
 * and their Vietnamese names ("tin-lien-quan", "tinkhac", "binh-luan", "thong-ke", "quang-cao").
 */
export const NEGATIVE_CLASS =
  /(?:^|[\s_-])(?:comments?|comment-?list|binh-?luan|binhluan|ykien|footer|foot|sidebar|side-?bar|widget|related|relate|lien-?quan|lienquan|tinlienquan|tin-?khac|tinkhac|other-?news|othernews|more-?news|most-?read|doc-?nhieu|xem-?nhieu|menu|nav|navbar|navigation|breadcrumbs?|share|sharing|social|toolbar|tool-?bar|tags?|tag-?list|keywords?|banner|advert|advertisement|ads|ad|quang-?cao|quangcao|sponsor|promo|popup|modal|cookie|newsletter|subscribe|login|dang-?nhap|register|search|counter|thong-?ke|thongke|visitor|truy-?cap|poll|binh-?chon|thamdo|survey|rating|pagination|pager|paging|copyright|masthead|topbar|top-?bar|header|skip|outbrain|taboola|recommend(?:ed|ations)?|trending|popular|disqus|signup|author-?bio|shoutbox|slider|carousel)(?:$|[\s_-])/iu;

/**
 * Chrome words that count only as a whole class, never as a part of one: "print" names a print
 * button ("print", "btn-print", "no-print", "print-icon") but is also the prefix of a print view's
 * own parts ("print-title", "print-content"); "hidden" hides an element, but Drupal's
 * "field--label-hidden" hides only a field's label and Bootstrap's "hidden-xs" one screen size.
 */
const NEGATIVE_TOKEN = /(?:^|\s)(?:(?:[\w-]*[-_])?print|print[-_]?(?:btn|button|icon|link|tools?|bar)|hidden|is-hidden|visually-hidden|sr-only)(?=$|\s)/iu;

/** Class/id words of chrome: {@link NEGATIVE_CLASS} anywhere, or a chrome token of its own. */
export function isNegativeClass(ci: string): boolean {
  return NEGATIVE_CLASS.test(ci) || NEGATIVE_TOKEN.test(ci);
}

/** Per-element totals gathered from the blocks below it. */
export interface ElementStats {
  textLen: number;
  linkLen: number;
  score: number;
}

/** Tags whose own text is "a paragraph": their score starts at their parent. */
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'blockquote', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dd', 'figcaption', 'span', 'font']);

/** Score of one block as a piece of running text (0 for short or link-heavy blocks). */
export function blockScore(b: Block): number {
  if (b.len < 25 || b.caption) return 0;
  const density = b.linkLen / b.len;
  if (density > 0.5) return 0;
  const commas = (b.text.match(/[,，、]/gu) ?? []).length;
  const sentences = (b.text.match(/[.!?…。](?:\s|$)/gu) ?? []).length;
  return (1 + commas + Math.min(sentences, 4) + Math.min(b.len / 100, 3)) * (1 - density);
}

/** Weight of an element from its tag and class/id words. */
export function classWeight(el: Element): number {
  const ci = classAndId(el);
  let w = 0;
  if (ci.trim() !== '') {
    if (POSITIVE_CLASS.test(ci)) w += 25;
    if (isNegativeClass(ci)) w -= 25;
  }
  if (el.name === 'article' || el.name === 'main') w += 15;
  if (el.name === 'form' || el.name === 'ul' || el.name === 'ol' || el.name === 'nav' || el.name === 'aside') w -= 10;
  return w;
}

/** Parent element of `el`, or null at the top of the tree. */
function parentElement(el: Element): Element | null {
  const p: unknown = el.parent;
  return p && typeof p === 'object' && (p as { type?: string }).type === 'tag' ? (p as Element) : null;
}

/** Levels above a block that receive part of its score (parent fully, then 1/2, 1/6, 1/9). */
const SCORE_LEVELS = 5;

/**
 * Accumulate text, link text and score into every ancestor of every block. Linear: each block's
 * score climbs at most {@link SCORE_LEVELS} levels, and text totals are summed bottom-up once over
 * `preorder` (the elements under `root` in document order; see `indexTree`) instead of walking
 * every block's ancestor chain, which is quadratic on deep nesting.
 */
export function gatherStats(blocks: readonly Block[], root: Element, preorder: readonly Element[]): Map<Element, ElementStats> {
  const stats = new Map<Element, ElementStats>();
  const get = (el: Element): ElementStats => {
    let s = stats.get(el);
    if (!s) {
      s = { textLen: 0, linkLen: 0, score: 0 };
      stats.set(el, s);
    }
    return s;
  };
  for (const b of blocks) {
    const own = get(b.el);
    own.textLen += b.len;
    own.linkLen += b.linkLen;
    const score = blockScore(b);
    if (score <= 0) continue;
    let level = PARAGRAPH_TAGS.has(b.el.name) ? -1 : 0;
    let cur: Element | null = b.el;
    while (cur && level < SCORE_LEVELS) {
      if (level >= 0) get(cur).score += score / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
      if (cur === root) break;
      cur = parentElement(cur);
      level++;
    }
  }
  for (let i = preorder.length - 1; i >= 0; i--) {
    const el = preorder[i] as Element;
    const s = stats.get(el);
    if (!s || el === root || (s.textLen === 0 && s.linkLen === 0)) continue;
    const parent = parentElement(el);
    if (!parent) continue;
    const ps = get(parent);
    ps.textLen += s.textLen;
    ps.linkLen += s.linkLen;
  }
  return stats;
}

/** Final score of a candidate: content score, less its links, plus its class weight. */
export function candidateScore(el: Element, s: ElementStats): number {
  const density = s.textLen > 0 ? s.linkLen / s.textLen : 1;
  return (s.score + classWeight(el)) * (1 - density);
}

/** The chosen article containers (the best candidate and the siblings that join it). */
export interface BodyChoice {
  containers: Element[];
  top: Element | null;
  topScore: number;
}

/**
 * Pick the body: the highest-scoring element, then widen to its parent when the parent holds much
 * more good text than the top alone (articles whose paragraphs sit in several sibling `<div>`s),
 * then add siblings scoring at least a fifth of it.
 */
export function chooseBody(stats: Map<Element, ElementStats>, root: Element): BodyChoice {
  let top: Element | null = null;
  let topScore = Number.NEGATIVE_INFINITY;
  for (const [el, s] of stats) {
    if (s.score <= 0) continue;
    const cs = candidateScore(el, s);
    if (cs > topScore) {
      topScore = cs;
      top = el;
    }
  }
  if (!top) return { containers: [], top: null, topScore: 0 };

  // Climb while the parent's own content score is close to the top's: the top was one of
  // several parts of the same body.
  let climbed = top;
  for (let i = 0; i < 3; i++) {
    const parent = climbed.parent as Element | null;
    if (!parent || parent === root || parent.type !== 'tag') break;
    const ps = stats.get(parent);
    const cs = stats.get(climbed);
    if (!ps || !cs) break;
    const parentDensity = ps.textLen > 0 ? ps.linkLen / ps.textLen : 1;
    if (ps.score >= cs.score * 1.35 && parentDensity < 0.35 && ps.textLen < cs.textLen * 4) climbed = parent;
    else break;
  }
  top = climbed;
  const topStats = stats.get(top);
  const baseScore = topStats ? candidateScore(top, topStats) : topScore;

  const containers: Element[] = [];
  const parent = top.parent as Element | null;
  if (!parent || parent.type !== 'tag') return { containers: [top, ...cousinParts(top, stats, root)], top, topScore: baseScore };
  const threshold = Math.max(10, baseScore * 0.2);
  for (const sib of parent.children) {
    if (sib.type !== 'tag') continue;
    const el = sib as Element;
    if (el === top) {
      containers.push(el);
      continue;
    }
    const s = stats.get(el);
    if (!s || s.textLen === 0) continue;
    const density = s.linkLen / s.textLen;
    const bonus = classAndId(el) !== '' && classAndId(el) === classAndId(top) ? baseScore * 0.2 : 0;
    if (candidateScore(el, s) + bonus >= threshold && density < 0.3) containers.push(el);
    // A loose paragraph beside the body (after an embed that split it): running text, few links.
    else if (el.name === 'p' && s.textLen >= 80 && density < 0.25) containers.push(el);
  }
  const chosen = new Set(containers);
  for (const c of cousinParts(top, stats, root)) if (!chosen.has(c)) containers.push(c);
  return { containers, top, topScore: baseScore };
}

/** Levels above the body searched for the other parts of a body split into cousin containers. */
const COUSIN_LEVELS = 6;

/** Tag and sorted class words: the same template part has the same signature. */
function signature(el: Element): string {
  const cls = (el.attribs['class'] ?? '').trim().split(/\s+/u).sort().join('.');
  return `${el.name}.${cls}`;
}

/**
 * Parts of the body that are cousins of the top container, not siblings: a body split around an ad
 * or an embed into containers of the same template part (same tag and class), each wrapped
 * differently (`<div class="chunk"><div class="body">…</div></div><div class="ad">…</div>
 * <div class="chunk"><figure>…</figure><div class="body">…</div></div>`). A part joins when it holds
 * running text (a scored paragraph) with few links. One walk over the subtree of the ancestor
 * {@link COUSIN_LEVELS} levels up: linear.
 */
export function cousinParts(top: Element, stats: ReadonlyMap<Element, ElementStats>, root: Element): Element[] {
  if ((top.attribs['class'] ?? '').trim() === '') return [];
  const sig = signature(top);
  const topStats = stats.get(top);
  if (!topStats) return [];
  const path = new Set<Element>([top]);
  let anc = top;
  for (let i = 0; i < COUSIN_LEVELS; i++) {
    const p = parentElement(anc);
    if (!p) break;
    anc = p;
    path.add(anc);
    if (p === root) break;
  }
  const minScore = Math.max(1, topStats.score * 0.05);
  const parts: Element[] = [];
  const stack: Element[] = [anc];
  while (stack.length > 0) {
    const el = stack.pop();
    if (!el || el === top) continue;
    if (!path.has(el) && signature(el) === sig) {
      const s = stats.get(el);
      if (s && s.score >= minScore && s.textLen > 0 && s.linkLen / s.textLen < 0.25) parts.push(el);
      continue;
    }
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i];
      if (c && c.type === 'tag') stack.push(c as Element);
    }
  }
  return parts;
}
