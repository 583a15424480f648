/**
 * Bound the nesting depth of markup before it is parsed. htmlparser2 keeps its open-element stack
 * with `unshift`/`shift`, and domutils' `findAll` (behind every cheerio selector) keeps its walk
 * stack the same way, so both cost O(depth) per element: a hostile page of 200,000 nested `<div>`s
 * would take minutes. Real article pages nest a few dozen levels; tags deeper than
 * {@link MAX_NESTING} are dropped (with their matching end tags) and their text joins the element at
 * the limit. One linear scan; the markup is copied only when something is dropped.
 */

/** Deepest nesting kept. Real pages stay under ~80 levels; 256 leaves a wide margin. */
export const MAX_NESTING = 256;

/** Elements without content: they never open a level. */
const VOID_TAGS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/**
 * Elements whose end tag is optional and that the parser closes by itself when a sibling opens
 * (`<p>a<p>b`, `<li>a<li>b`): counting them would see a deep tree where the parser builds a flat one.
 */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp']);

/** Elements whose content is raw text: `<div>` written inside a script is not a tag. */
const RAW_TEXT_TAGS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'plaintext']);

/** A tag, or a comment (skipped whole). Group 1: "/" of an end tag; group 2: the tag name. */
const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:\s[^>]*)?\/?>/gu;

/**
 * The markup with tags nested deeper than `maxDepth` removed (text kept), or the same string when
 * the page stays within the limit.
 */
export function capNesting(html: string, maxDepth = MAX_NESTING): string {
  const closers = new Map<string, RegExp>();
  const dropped = new Map<string, number>();
  const cuts: [number, number][] = [];
  let depth = 0;
  const tag = new RegExp(TAG.source, TAG.flags);
  let m: RegExpExecArray | null;
  while ((m = tag.exec(html)) !== null) {
    const nameRaw = m[2];
    if (nameRaw === undefined) continue; // a comment
    const name = nameRaw.toLowerCase();
    const isEnd = m[1] === '/';
    if (!isEnd && RAW_TEXT_TAGS.has(name)) {
      // Jump to the end tag of a raw-text element; what is inside is not markup.
      let close = closers.get(name);
      if (!close) {
        close = new RegExp(`</${name}\\s*>`, 'giu');
        closers.set(name, close);
      }
      close.lastIndex = tag.lastIndex;
      const c = close.exec(html);
      tag.lastIndex = c ? close.lastIndex : html.length;
      continue;
    }
    if (VOID_TAGS.has(name) || SELF_CLOSING_SIBLINGS.has(name)) continue;
    if (isEnd) {
      const d = dropped.get(name) ?? 0;
      if (d > 0) {
        dropped.set(name, d - 1);
        cuts.push([m.index, tag.lastIndex]);
      } else if (depth > 0) depth--;
      continue;
    }
    if (depth >= maxDepth) {
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      cuts.push([m.index, tag.lastIndex]);
    } else depth++;
  }
  if (cuts.length === 0) return html;
  const parts: string[] = [];
  let at = 0;
  for (const [from, to] of cuts) {
    parts.push(html.slice(at, from));
    at = to;
  }
  parts.push(html.slice(at));
  return parts.join('');
}
