/**
 * DOM → text blocks. A block is a run of inline text between two block-level boundaries
 * (`<p>`, `<div>`, `<td>`, `<br>`, ...), with the length of its link text and the element that
 * holds it. Scoring and the line pipeline work on blocks, never on raw markup.
 */
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { cleanInline } from './vietnamese.ts';
import { NON_TEXT_TAGS, type TreeIndex } from './tree-index.ts';

/** One text block of the page, in document order. */
export interface Block {
  text: string;
  /** Length of `text` in characters. */
  len: number;
  /** Characters of `text` that sit inside `<a href>`. */
  linkLen: number;
  /** Nearest block-level element holding the text. */
  el: Element;
  /** `h1`..`h6` level, 0 when not a heading. */
  heading: number;
  /** Inside `<figcaption>`, a caption-classed element, or a small table/figure around an image. */
  caption: boolean;
  /** Inside a `<time>` element or a date-classed element with short text. */
  dateMarked: boolean;
  /** Inside `<li>`. */
  listItem: boolean;
  /** Cells of one data-table row, joined with " | " ("Thuế thu nhập cá nhân | 58,4 | 29,2"). */
  tableRow: boolean;
}

/** Elements that end a text block. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/**
 * Class/id words of image captions: "figcaption", "image_desc", "PhotoCMS_Caption", "chu-thich",
 * "wp-caption-text", "img-caption", "photo-desc".
 */
const CAPTION_CLASS = /caption|chu-?thich|chuthich|image_?desc|img-?desc|photo-?desc|desc-?img|pic-?desc|expnoedit|note-?img|image-?note|credit/iu;
/** Class/id words of date elements: "date", "time", "publish", "ngay-dang", "post-date". */
const DATE_CLASS = /(?:^|[\s_-])(?:date|time|datetime|publish(?:ed)?|pubdate|post-?date|ngay-?dang|ngaydang|thoi-?gian|ngay)(?:$|[\s_-])/iu;
/** A date class naming the clock of the page, not of the post: "date-now", "today", "ngay-hom-nay", "current-time". */
const TODAY_CLASS = /(?:^|[\s_-])(?:now|today|current|hom-?nay|homnay|hien-?tai)(?:$|[\s_-])/iu;
/** A post date's class (a today widget's "date-now" is not one). */
const isDateClass = (ci: string): boolean => DATE_CLASS.test(ci) && !TODAY_CLASS.test(ci);

/** Lead (sapo) classes: "sapo", "lead", "tom-tat", "summary", "chapeau", "mo-ta". */
export const LEAD_CLASS = /sapo|(?:^|[\s_-])lead(?:$|[\s_-])|chapeau|tom-?tat|tomtat|summary|standfirst|excerpt|article-?intro|news-?intro|short-?desc|(?:^|[\s_-])mo-?ta(?:$|[\s_-])|mota|headline-?desc|desc-?news/iu;

/** Byline classes: "author", "byline", "tac-gia". */
export const AUTHOR_CLASS = /author|byline|tac-?gia|tacgia|writer|nguon-?tin/iu;

/** `text-align: center` in a style attribute, or the old `align="center"`. */
const CENTRED_STYLE = /text-align\s*:\s*center/iu;

/** Class and id of an element, lower-cased, as one string. */
export function classAndId(el: Element): string {
  return `${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`.toLowerCase();
}

/** Characters of visible text under a node, stopping early once `limit` is passed. */
export function textLength(node: AnyNode, limit = Number.POSITIVE_INFINITY): number {
  let n = 0;
  const stack: AnyNode[] = [node];
  while (stack.length > 0 && n <= limit) {
    const cur = stack.pop();
    if (!cur) break;
    if (isText(cur)) n += cur.data.trim().length;
    else if (isTag(cur) && !NON_TEXT_TAGS.has(cur.name)) for (let i = cur.children.length - 1; i >= 0; i--) stack.push(cur.children[i] as AnyNode);
  }
  return n;
}

/** Does the subtree hold an `<img>` (or `<picture>`)? */
function hasImage(el: Element): boolean {
  const stack: AnyNode[] = [...el.children];
  while (stack.length > 0) {
    const cur = stack.pop();
    if (cur && isTag(cur)) {
      if (cur.name === 'img' || cur.name === 'picture') return true;
      stack.push(...cur.children);
    }
  }
  return false;
}

/**
 * A small table or figure wrapping an image: old CMS templates put the caption in the row under
 * the picture (`<table class="image"><tr><td><img></td></tr><tr><td>Quang cảnh hội nghị.</td></tr></table>`).
 */
function isImageFrame(el: Element, index: TreeIndex | undefined): boolean {
  if (el.name !== 'table' && el.name !== 'figure') return false;
  if (index) return index.withImage.has(el) && (index.textLen.get(el) ?? 0) <= 400;
  return hasImage(el) && textLength(el, 400) <= 400;
}

/** Most nodes a data-row test looks at: keeps the test O(1) per row on huge layout tables. */
const ROW_SCAN_LIMIT = 400;

/**
 * A data-table row: two or more cells, each holding a short run of text and no nested table.
 * Layout rows (a menu column beside the article column) fail on the nested table or the long cell.
 * Example: `<tr><td>Thuế thu nhập cá nhân</td><td>58,4</td><td>29,2</td></tr>`.
 */
function isDataRow(tr: Element): boolean {
  let cells = 0;
  let visited = 0;
  for (const c of tr.children) {
    if (!isTag(c) || (c.name !== 'td' && c.name !== 'th')) continue;
    cells++;
    const stack: AnyNode[] = [...c.children];
    let text = 0;
    while (stack.length > 0) {
      const cur = stack.pop();
      if (!cur) break;
      if (++visited > ROW_SCAN_LIMIT) return false;
      if (isText(cur)) text += cur.data.trim().length;
      else if (isTag(cur)) {
        if (cur.name === 'table' || cur.name === 'img' || cur.name === 'ul' || cur.name === 'ol') return false;
        stack.push(...cur.children);
      }
    }
    if (text > 160) return false;
  }
  return cells >= 2;
}

/** Is `el` or its parent centred (`style="text-align:center"`, `align="center"`, `<center>`)? */
function isCentred(el: Element): boolean {
  let cur: Element | null = el;
  for (let i = 0; i < 2 && cur; i++) {
    if (cur.name === 'center' || cur.attribs['align']?.toLowerCase() === 'center' || CENTRED_STYLE.test(cur.attribs['style'] ?? '')) return true;
    cur = cur.parent && isTag(cur.parent) ? cur.parent : null;
  }
  return false;
}

/**
 * A caption typed as a paragraph right under a picture, the way editors of portal CMSs write it:
 * `<p style="text-align:center"><img></p><p style="text-align:center"><em>Quang cảnh hội nghị</em></p>`
 * or `<p align="center"><img><br><i>Du khách tham quan</i></p>`. It is italic or centred, short, and
 * at most two sentences (a centred one without a final dot, or one sentence).
 */
function isTypedCaption(text: string, italic: number, owner: Element): boolean {
  if (text.length < 8 || text.length > 300) return false;
  const sentences = text.match(/[.!?…](?:\s|$)/gu)?.length ?? 0;
  if (italic >= text.replace(/\s+/gu, '').length * 0.9) return sentences <= 2;
  return isCentred(owner) && text.length <= 220 && sentences <= 1;
}

interface WalkState {
  parts: string[];
  linkLen: number;
  el: Element | null;
  heading: number;
  caption: number;
  date: number;
  link: number;
  li: number;
  /** Depth inside `<em>`/`<i>` and characters of text read there for the current block. */
  italic: number;
  italicLen: number;
  /** Depth inside a data-table row (its cells are joined, not split). */
  row: number;
  /** An image was seen and no text block since: the next typed-caption block is its caption. */
  afterImage: boolean;
  /** The current data row has text already (the next cell gets a " | " before it). */
  rowHasText: boolean;
}

/**
 * Split the DOM under `root` into text blocks in document order. Iterative (explicit stack) so a
 * 5 MB page with deep nesting cannot overflow the call stack. With `index` (built on this tree)
 * every subtree question is a lookup, so the walk stays linear on any nesting.
 */
export function segmentBlocks(root: Element, index?: TreeIndex): Block[] {
  const blocks: Block[] = [];
  const st: WalkState = { parts: [], linkLen: 0, el: root, heading: 0, caption: 0, date: 0, link: 0, li: 0, italic: 0, italicLen: 0, row: 0, afterImage: false, rowHasText: false };
  const shortText = (el: Element, limit: number): boolean => (index ? (index.textLen.get(el) ?? 0) : textLength(el, limit)) <= limit;
  const blockOwner: Element[] = [root];

  const flush = (): void => {
    if (st.parts.length === 0) return;
    const text = cleanInline(st.parts.join(''));
    const owner = blockOwner[blockOwner.length - 1] ?? root;
    if (text.length > 0) {
      const typedCaption = st.afterImage && st.caption === 0 && st.row === 0 && st.heading === 0 && st.linkLen < text.length / 2 && isTypedCaption(text, st.italicLen, owner);
      blocks.push({
        text,
        len: text.length,
        linkLen: Math.min(st.linkLen, text.length),
        el: owner,
        heading: st.heading,
        caption: st.caption > 0 || typedCaption,
        dateMarked: st.date > 0 && text.length <= 80,
        listItem: st.li > 0,
        tableRow: st.row > 0,
      });
      st.afterImage = false;
    }
    st.parts = [];
    st.linkLen = 0;
    st.italicLen = 0;
  };

  type Frame = { node: AnyNode; exit: false } | { node: Element; exit: true; flags: number };
  const FLAG_BLOCK = 1, FLAG_CAPTION = 2, FLAG_DATE = 4, FLAG_LINK = 8, FLAG_LI = 16, FLAG_HEADING = 32, FLAG_ITALIC = 64, FLAG_ROW = 128;
  const stack: Frame[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push({ node: root.children[i] as AnyNode, exit: false });

  while (stack.length > 0) {
    const frame = stack.pop();
    if (!frame) break;
    if (frame.exit) {
      const { node, flags } = frame;
      if (flags & FLAG_BLOCK) {
        flush();
        blockOwner.pop();
      }
      if (flags & FLAG_CAPTION) st.caption--;
      if (flags & FLAG_DATE) st.date--;
      if (flags & FLAG_LINK) st.link--;
      if (flags & FLAG_LI) st.li--;
      if (flags & FLAG_HEADING) st.heading = 0;
      if (flags & FLAG_ITALIC) st.italic--;
      if (flags & FLAG_ROW) st.row--;
      void node;
      continue;
    }
    const node = frame.node;
    if (isText(node)) {
      st.parts.push(node.data);
      if (st.row > 0 && node.data.trim() !== '') st.rowHasText = true;
      if (st.link > 0) st.linkLen += node.data.trim().length;
      if (st.italic > 0) st.italicLen += node.data.replace(/\s+/gu, '').length;
      continue;
    }
    if (!isTag(node)) continue;
    const name = node.name;
    if (st.row > 0) {
      // Inside a data row every break is a space: the row stays one line.
      if (name === 'br' || name === 'hr') {
        st.parts.push(' ');
        continue;
      }
      if (name === 'td' || name === 'th') {
        if (st.rowHasText) st.parts.push(' | ');
        stack.push({ node, exit: true, flags: 0 });
        for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as AnyNode, exit: false });
        continue;
      }
    }
    if (name === 'br' || name === 'hr') {
      flush();
      continue;
    }
    if (name === 'img' || name === 'picture') {
      if (st.caption === 0) st.afterImage = true;
      continue;
    }
    const ci = classAndId(node);
    let flags = 0;
    if (st.row === 0 && name === 'tr' && isDataRow(node)) {
      flush();
      flags |= FLAG_BLOCK | FLAG_ROW;
      st.row++;
      st.rowHasText = false;
      blockOwner.push(node);
    } else if (st.row > 0) {
      // Block elements inside a data row's cells (`<td><p>58,4</p></td>`) do not split the row.
    } else if (BLOCK_TAGS.has(name)) {
      flush();
      flags |= FLAG_BLOCK;
      blockOwner.push(node);
    } else if (name === 'td' || name === 'th') {
      flags |= FLAG_BLOCK;
    } else if ((name === 'time' || isDateClass(ci)) && shortText(node, 80)) {
      // An inline date ("<span class=\"post-date\">…</span> <span>Lượt xem: 12</span>") is a line of
      // its own, so it is not glued to the view counter or the first words of the body.
      flush();
      flags |= FLAG_BLOCK;
      blockOwner.push(node);
    } else if (AUTHOR_CLASS.test(ci) && shortText(node, 80)) {
      // An inline author ("<span class=\"header-author\">Thu Hà</span> • <span class=\"date\">…</span>")
      // ends its line, so the name is not glued to what follows; its label stays with it ("Đăng bởi <span>…").
      flags |= FLAG_BLOCK;
      blockOwner.push(node);
    } else if (LEAD_CLASS.test(ci) && !shortText(node, 39) && shortText(node, 1200)) {
      // An inline element holding the sapo (the ASP.NET label `<span class="tom-tat">` between the
      // headline label and the body) is a block of its own: the lead rules read its class, and it is
      // not glued to the date or the headline label beside it.
      flush();
      flags |= FLAG_BLOCK;
      blockOwner.push(node);
    }
    if (name === 'figcaption' || CAPTION_CLASS.test(ci) || isImageFrame(node, index)) {
      flags |= FLAG_CAPTION;
      st.caption++;
    }
    if (name === 'time' || isDateClass(ci)) {
      flags |= FLAG_DATE;
      st.date++;
    }
    if (name === 'a' && node.attribs['href'] !== undefined) {
      flags |= FLAG_LINK;
      st.link++;
    }
    if (name === 'li') {
      flags |= FLAG_LI;
      st.li++;
    }
    if (name === 'em' || name === 'i') {
      flags |= FLAG_ITALIC;
      st.italic++;
    }
    const h = /^h([1-6])$/u.exec(name);
    if (h?.[1]) {
      flags |= FLAG_HEADING;
      st.heading = Number(h[1]);
    }
    stack.push({ node, exit: true, flags });
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as AnyNode, exit: false });
  }
  flush();
  return blocks;
}
