import { articleVerdict, type CleanResult } from '@provnews/cleaner';
import { articleRecordSchema, emptyRecord, type ArticleRecord, type Span } from '@provnews/record';
import { findLeadingByline, findTrailingByline, parseByline, parseDateline, personAuthorsFromMeta } from './byline.ts';
import { extractEventDate, extractPublishedAt } from './dates.ts';
import { extractDocuments } from './documents.ts';
import { extractMetrics } from './metrics.ts';
import { extractOfficials } from './officials.ts';
import { resolvePlaces } from './places.ts';
import { gazetteer } from './gazetteer.ts';
import { publisherProvince } from './publisher.ts';
import { extractTopics } from './topics.ts';
import { titleCase, tokenize } from './vietnamese-text.ts';

/** Where the article came from: its URL, the portal's registry entry, when it was fetched. */
export interface ExtractContext {
  url: string;
  portal?: { id: string; province?: string | null } | null;
  fetchedAt?: string | null;
}

/**
 * Past this many characters only the head of the text is analysed. Why: a provincial news
 * article is 2-20 kB; a 1 MB "article" is a broken page, and a sparse record quickly beats a
 * full analysis slowly. Every rule is linear anyway; this bounds the constant.
 */
const MAX_ANALYSED_CHARS = 200_000;

/**
 * The text entities are read from: the cleaned `text`, then each caption, joined by blank lines
 * — i.e. `text + "\n\n" + captions.join("\n\n")` (just `text` when there are no captions),
 * cut to `maxChars`. Spans of officials and places found only in captions therefore point past
 * `text.length`, into that combined string. Captions that the cleaner also left inline in `text`
 * as a line of their own (text mode) are marked so their metrics and documents are not counted
 * twice.
 *
 * Linear in the input: the lines of `text` are put in a set once and each caption is looked up
 * there (a search of the whole text per caption was quadratic on pages with thousands of
 * caption-like lines), and no caption past `maxChars` is looked at.
 */
export function analysisText(
  text: string,
  captions: readonly string[],
  maxChars = Number.POSITIVE_INFINITY,
): { combined: string; duplicateRanges: Span[] } {
  let combined = text.length > maxChars ? text.slice(0, maxChars) : text;
  const duplicateRanges: Span[] = [];
  if (captions.length === 0 || combined.length >= maxChars) return { combined, duplicateRanges };
  const lines = new Set<string>();
  for (const line of combined.split('\n')) {
    const t = line.trim();
    if (t) lines.add(t);
  }
  for (const caption of captions) {
    if (combined.length >= maxChars) break;
    combined += '\n\n';
    const start = combined.length;
    combined += caption;
    if (caption.trim() && lines.has(caption.trim())) duplicateRanges.push([start, combined.length]);
  }
  if (combined.length > maxChars) combined = combined.slice(0, maxChars);
  return { combined, duplicateRanges };
}

function inRanges(span: Span | undefined, ranges: readonly Span[]): boolean {
  return !!span && ranges.some(([a, b]) => span[0] >= a && span[1] <= b);
}

/**
 * Turns a cleaned article into a schema-v1 record: title, dates, authors and source, officials
 * with titles, province/districts/places, documents, metrics and topics, each entity with the
 * span it was read from (see {@link analysisText} for caption offsets). Pure apart from the
 * gazetteer, loaded once. Never throws on odd input: an empty or non-article page gives a
 * valid, sparse record.
 */
export function extractArticle(clean: CleanResult, ctx: ExtractContext): ArticleRecord {
  const record = emptyRecord(ctx.url, ctx.portal?.id ?? null);
  record.fetchedAt = ctx.fetchedAt ?? null;
  const text = (clean.text ?? '').normalize('NFC');
  const captions = (clean.captions ?? []).map((c) => c.normalize('NFC'));
  record.text = text;
  record.captions = captions;
  record.title = clean.title?.trim() || null;
  if (clean.decoding) record.decoding = { ...clean.decoding };

  record.publishedAt = extractPublishedAt(clean);

  const paragraphs = clean.paragraphs ?? [];
  const bylineLine = clean.byline ?? findTrailingByline(paragraphs) ?? findLeadingByline(paragraphs);
  const byline = parseByline(bylineLine);
  // The visible byline is the truth; metadata authors only when they name a person.
  record.authors = byline.authors.length > 0 ? byline.authors : personAuthorsFromMeta(clean.meta.authors, clean.meta.siteName);
  record.source = byline.source ?? parseDateline(text);

  // A listing or empty page: names there belong to other articles, so no entities are read.
  if (!(clean.isArticle || isShortLead(clean)) || text.length === 0) return articleRecordSchema.parse(record);

  const { combined, duplicateRanges } = analysisText(text, captions, MAX_ANALYSED_CHARS);
  const head = text.slice(0, MAX_ANALYSED_CHARS);
  const tokens = tokenize(combined);

  record.eventDate = extractEventDate(head, record.publishedAt);
  // The portal's province from the registry; failing that, the page's own publisher ("Báo Phú
  // Yên", baophuyen.vn), which weighs a little more than one "tỉnh X" named in passing.
  const portalProvince = ctx.portal?.province ?? null;
  const publisher = portalProvince ? null : publisherProvince(clean.meta);
  const places = resolvePlaces(
    combined,
    { priorProvince: portalProvince ?? publisher, asOf: record.publishedAt, ...(publisher ? { priorWeight: 3.5 } : {}) },
    tokens,
  );
  // Only a province the article (or its portal / publisher) names is reported; one inferred from a
  // district alone ("huyện Bắc Quang") stays on that place's own \`province\` in \`places\`.
  const province = places.provinceNamed ? places.province : null;
  record.province = province;
  record.province2025 = province ? gazetteer().provinceIn2025(province) : null;
  record.districts = places.districts;
  record.places = places.places;
  record.officials = extractOfficials(combined, tokens);
  record.documents = extractDocuments(combined).filter((d) => !inRanges(d.span, duplicateRanges));
  record.metrics = extractMetrics(combined).filter((m) => !inRanges(m.span, duplicateRanges));
  record.topics = extractTopics(combined, record.title);
  return articleRecordSchema.parse(record);
}

/**
 * A page too short to count as an article but holding whole sentences: a listing capture with one
 * news lead ("Chiều 14/11, kỳ họp … bầu ông X giữ chức …"). Its sentences belong to the page, so
 * their entities are read; a listing of headlines (no sentence) or a menu gives none.
 */
function isShortLead(clean: CleanResult): boolean {
  if (!clean.reason?.startsWith('no-article: too little running text')) return false;
  return articleVerdict(clean.paragraphs ?? [], 1).isArticle;
}
