/**
 * The cleaner's contract. The extractor and the workers depend on these types only;
 * the rules behind them live in the other files of this package.
 */

/** One thing the cleaner removed, and the rule that removed it (shown by `provnews clean`). */
export interface Removal {
  /** Rule name in camelCase, e.g. `visitorCounterRule`, `loneDotRule`, `duplicateCaptionRule`. */
  rule: string;
  /** The removed text (trimmed, possibly shortened to ~200 chars for big blocks). */
  text: string;
  /** Set when the text was not dropped but moved to another field of the result. */
  movedTo?: 'title' | 'byline' | 'dates' | 'captions' | 'lead';
  /** Text mode: the capture's line numbers (1-based, inclusive) the removed line was re-flowed from. */
  lines?: { from: number; to: number };
  /** Why the rule chose this line, when the rule name alone does not say it (e.g. the title choice). */
  why?: string;
}

/** A visible date string the cleaner took out of the text, with where it stood on the page. */
export interface DateLine {
  text: string;
  /**
   * - `header`: above the title (often a today-date widget, e.g. "Thứ tư, 18/05/2022")
   * - `underTitle`: between the title and the body (usually the publication date)
   * - `inlinePrefix`: glued to the start of the first paragraph ("date 2021-02 BHG - ...")
   * - `footer`: after the body
   * - `meta`: from an HTML element that marks a date (`<time>`, a `.date` block)
   */
  where: 'header' | 'underTitle' | 'inlinePrefix' | 'footer' | 'meta';
}

/** Machine-readable page metadata (HTML mode only; empty in text mode). */
export interface PageMeta {
  canonicalUrl: string | null;
  lang: string | null;
  siteName: string | null;
  ogTitle: string | null;
  description: string | null;
  /** `article:published_time`, JSON-LD `datePublished`, `<time datetime>` ... raw strings, best first. */
  publishedTimes: string[];
  modifiedTimes: string[];
  /** Author names from meta tags / JSON-LD. */
  authors: string[];
  section: string | null;
  /** Every JSON-LD object found (parsed), for consumers that want more. */
  jsonLd: unknown[];
  /**
   * Who publishes the page, as the page says: the licence line of the footer ("Cơ quan chủ
   * quản: Tỉnh ủy X") or JSON-LD `publisher.name`. Absent when neither is given.
   */
  publisher?: string | null;
}

export interface CleanResult {
  /** `html` when the input was markup, `text` when it was already text. */
  mode: 'html' | 'text';
  /** False when the page holds no article (a listing, an empty or binary page); see `reason`. */
  isArticle: boolean;
  /** Why `isArticle` is false, e.g. `no-article: listing page (37 links, 2 sentences)`. */
  reason: string | null;
  /** Set by the clean stage when the page's declared charset was wrong and another one was used. */
  decoding?: { declared: string; used: string };
  /** Title without the site suffix (" - Báo Hà Giang"). */
  title: string | null;
  /** Text mode: why this line was taken for the title, or why none was (shown by `provnews clean`). */
  titleWhy?: string;
  /** Lead / sapo paragraph when the page marks one, also the first paragraph of `paragraphs`. */
  lead: string | null;
  /** Body paragraphs in page order, NFC, whitespace-normalised. Captions found inline in text mode stay here. */
  paragraphs: string[];
  /** `paragraphs.join('\n\n')`. */
  text: string;
  /** Image captions, duplicates removed. */
  captions: string[];
  /** Byline line as written ("Tin, ảnh: Duy Tuấn", "TRÍ DŨNG", "Bảo Bình (baocaobang.vn)"), removed from `text`. */
  byline: string | null;
  /** Visible date strings taken out of the text, in page order. */
  dates: DateLine[];
  meta: PageMeta;
  /** What was removed and why. */
  removed: Removal[];
}

/** Per-portal selector hints from the registry. */
export interface SelectorHints {
  /** CSS selector of the article body container. */
  content?: string;
  /** CSS selector of the title element. */
  title?: string;
  /** Extra CSS selectors to remove before scoring. */
  remove?: string[];
}

export interface CleanOptions {
  /** Page URL, used to resolve relative links and for logging. */
  url?: string;
  hints?: SelectorHints;
  /** Force a mode instead of detecting it. */
  mode?: 'html' | 'text';
}
