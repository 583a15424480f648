/**
 * Public types of the demo portals. The article text model (`ArticleSource`) is shared by the
 * hand-written articles and the generator; a portal turns a source into a `DemoArticle` by giving it a URL.
 */

/** The three sections every demo portal has; each portal names and routes them its own way. */
export type Section = 'chinh-tri' | 'kinh-te' | 'xa-hoi';

/** One block of an article body, in page order. */
export type BodyBlock =
  | { kind: 'p'; text: string }
  /** An image with its caption; `image` is a path on the portal (`/uploads/...`). */
  | { kind: 'figure'; image: string; caption: string };

/** An official named in the article body, with every title the body gives them, as written. */
export interface ExpectedOfficial {
  name: string;
  titles: string[];
}

/** A numbered document reference ("Nghị quyết số 12-NQ/TU ngày 3/8/2021"). */
export interface ExpectedDocument {
  /** "Nghị quyết", "Kế hoạch", "Quyết định", "Đề án", "Chỉ thị", "Công điện", ... */
  kind: string;
  /** Number and symbol as written: "12-NQ/TU", "18/2023/NQ-HĐND". */
  number: string;
  /** Signing date when the text gives it (YYYY-MM-DD), else null. */
  date: string | null;
}

/** A figure in one of the tracked units, as a plain number ("17,2 nghìn tấn" → 17200 tấn). */
export interface ExpectedMetric {
  value: number;
  /** One of `%`, `đồng`, `ha`, `tấn`, `hộ`; figures in other units are not listed. */
  unit: string;
}

/**
 * Ground truth for one article, true to the text the portal serves. Only the article body (sapo,
 * paragraphs, captions, byline) counts: names in the site chrome ("Tin liên quan", footer) are not listed.
 */
export interface ArticleExpectation {
  /** Officials named in the body, in order of first mention. Citizens ("gia đình ông X") are not officials. */
  officials: ExpectedOfficial[];
  /** Province name without "tỉnh" ("Hà Giang"). */
  province: string;
  /**
   * District-level units named in the body, without "huyện", in order of first mention ("Bắc Quang").
   * The texts name only huyện, never a provincial city or town, so this list is unambiguous.
   */
  districts: string[];
  /** Authors from the byline, title case even when the page prints them in capitals. */
  authors: string[];
  /** Date of the reported event (YYYY-MM-DD) or null. */
  eventDate: string | null;
  /** Numbered document references, once each, in order of first mention. */
  documents: ExpectedDocument[];
  /** Every figure in %, đồng, ha, tấn, hộ in order of appearance (repeats of the same phrase are listed again). */
  metrics: ExpectedMetric[];
}

/** An article's text before a portal gives it a URL. Hand-written sources and generated ones share this shape. */
export interface ArticleSource {
  /** Stable key, unique per portal ("hg-01", "g7-000123"). */
  key: string;
  /** URL slug without diacritics ("bi-thu-tinh-uy-lam-viec-tai-huyen-hoang-su-phi"). */
  slug: string;
  section: Section;
  title: string;
  /** Lead paragraph, rendered apart from the body by every template. Part of the article text. */
  sapo: string;
  blocks: BodyBlock[];
  /** Byline as printed ("Tin, ảnh: Minh Hải", "THANH HUYỀN", "Bảo Bình (baocaobang.vn)"). */
  byline: string;
  /** ISO 8601 with the Vietnam offset: `2022-11-21T17:45:00+07:00`. */
  publishedAt: string;
  expected: ArticleExpectation;
}

/** An article produced by `generateArticles`. */
export type GeneratedArticle = ArticleSource;

/** An article as served by a running demo portal. */
export interface DemoArticle {
  /** Globally unique: `<portal id>/<source key>`. */
  id: string;
  /** Path on the portal, starting with `/`. */
  path: string;
  /** Absolute URL on the running portal. */
  url: string;
  title: string;
  /** ISO 8601 with `+07:00`. */
  publishedAt: string;
  section: Section;
  /** True for articles from the generator, false for the hand-written ones. */
  generated: boolean;
  expected: ArticleExpectation;
  /** The text the page is rendered from. */
  source: ArticleSource;
}

/** Names of the HTML templates; each portal uses exactly one. */
export type TemplateName = 'modern-newspaper' | 'table-portal' | 'jsonld-newspaper' | 'cms-portal';

/** A running demo portal. */
export interface DemoPortal {
  /** `demo-hagiang`, `demo-langson`, `demo-caobang`, `demo-quanhoa`. */
  id: string;
  name: string;
  province: string;
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  baseUrl: string;
  template: TemplateName;
  /** Every article, newest first. */
  articles: DemoArticle[];
  feedUrl: string;
  sitemapUrl: string;
  /** First page of every section listing. */
  listingUrls: string[];
  /** Regex source matching the portal's article paths, for its registry entry. */
  articleUrlPattern: string;
}

/** One request a demo portal answered. */
export interface DemoRequest {
  portal: string;
  /** Path with query string, as requested. */
  path: string;
  status: number;
}

/** Handle on the running portals. */
export interface DemoPortalsServer {
  portals: DemoPortal[];
  /** Stops every portal's listener and drops open connections. */
  close(): Promise<void>;
  /** Every request answered so far, in order, for tests (robots compliance, politeness, caching). */
  requests(): DemoRequest[];
  /** Per portal id, the most requests it ever had open at once (politeness across crawler processes). */
  peakInFlight(): Record<string, number>;
}

/** Options of `startDemoPortals`. */
export interface StartDemoPortalsOptions {
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** Generated articles added to each portal; default 0. */
  generated?: number;
  /** Seed of the generator; default 1. Each portal derives its own seed from it. */
  seed?: number;
  /** Articles per listing page; default 4 (so the hand-written articles alone paginate). */
  pageSize?: number;
  /** Milliseconds each portal waits before answering, like a slow district server; default 0. */
  latencyMs?: number;
}
