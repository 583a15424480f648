import { z } from 'zod';

/** Current version of the article record. Bump when a field changes meaning. */
export const RECORD_SCHEMA_VERSION = 1 as const;

/** A character span `[start, end)` in the cleaned text an entity was read from. */
export const spanSchema = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type Span = z.infer<typeof spanSchema>;

/**
 * A date as precise as the source allows: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a full ISO 8601
 * timestamp with the Vietnam offset (`2020-03-13T18:23:00+07:00`).
 */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?(\.\d+)?([+-]\d{2}:\d{2}|Z))?)?)?$/, 'expected YYYY[-MM[-DD[Thh:mm[:ss]+07:00]]]');

export const officialSchema = z.object({
  /** Full name, NFC, in title case ("Nguyễn Văn Sơn"). */
  name: z.string().min(1),
  /** Every title the article gives this person, in order of first mention, as written. */
  titles: z.array(z.string()),
  /** Where each mention of the person sits in `text`. */
  spans: z.array(spanSchema).optional(),
});
export type Official = z.infer<typeof officialSchema>;

export const documentSchema = z.object({
  /** "Nghị quyết", "Chỉ thị", "Kết luận", "Quyết định", "Đề án", "Chương trình hành động", ... */
  kind: z.string().min(1),
  /** The document's number and symbol as written: "18-NQ/TW", "21-Ctr/TU". */
  number: z.string().nullable(),
  /** The document's signing date when the text gives it (YYYY-MM-DD). */
  date: partialDateSchema.nullable(),
  span: spanSchema.optional(),
});
export type DocumentRef = z.infer<typeof documentSchema>;

export const metricSchema = z.object({
  /** Plain number after Vietnamese number rules: "28,757 tỷ đồng" → 28757000000. */
  value: z.number(),
  /** Normalised unit: "%", "đồng", "USD", "ha", "tấn", "hộ", "người", "xã", "tiêu chí", ... */
  unit: z.string(),
  /** The text the metric was read from ("28,757 tỷ đồng"). */
  text: z.string(),
  /** For rates ("38,2 triệu đồng/người/năm") the unit of the denominator: "người". */
  per: z.string().optional(),
  /** For ratios ("19/19 xã") the denominator; for ranges ("5 - 7%") the upper bound. */
  of: z.number().optional(),
  upTo: z.number().optional(),
  span: spanSchema.optional(),
});
export type Metric = z.infer<typeof metricSchema>;

export const placeSchema = z.object({
  name: z.string(),
  /** "tỉnh" | "thành phố" | "huyện" | "quận" | "thị xã" | "thị trấn" | "xã" | "phường" | "thôn" | "bản" | ... */
  level: z.string(),
  /** The province the unit belongs to in the system it is named in (a pre-2025 name for a pre-2025 unit). */
  province: z.string().nullable(),
  /**
   * The province (one of the 34 since 1 July 2025, Nghị quyết 202/2025/QH15) that contains the
   * unit today, beside the unit as named: "huyện Bắc Quang" (Hà Giang) → "Tuyên Quang". Added in
   * v1 (additive): absent in older records.
   */
  province2025: z.string().nullable().optional(),
  /**
   * Which administrative system the name belongs to: "pre-2025" (63 provinces, districts,
   * communes) or "2025" (34 provinces, communes and wards, no district level). Absent in older
   * records and for villages.
   */
  system: z.enum(['pre-2025', '2025']).optional(),
  span: spanSchema.optional(),
});
export type Place = z.infer<typeof placeSchema>;

/** The article record, schema v1. Field names are stable; later versions only add. */
export const articleRecordSchema = z.object({
  schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
  /** Canonical URL (or `file://` path for local input); the record's key. */
  url: z.string().min(1),
  /** Portal id from the registry, or null when unknown. */
  portal: z.string().nullable(),
  /** When the page was fetched (ISO 8601). */
  fetchedAt: z.string().nullable(),
  title: z.string().nullable(),
  publishedAt: partialDateSchema.nullable(),
  /** Date of the event the article reports (YYYY-MM-DD when known). */
  eventDate: partialDateSchema.nullable(),
  authors: z.array(z.string()),
  /** Credited outlet ("baocaobang.vn", "TTXVN") or the dateline code ("BHG"). */
  source: z.string().nullable(),
  /** The province the article is about, as the text (or its publisher) names it. */
  province: z.string().nullable(),
  /**
   * The post-2025 province that contains {@link province} ("Hà Giang" → "Tuyên Quang"; a province
   * that kept its name maps to itself). Added in v1 (additive): absent in older records.
   */
  province2025: z.string().nullable().optional(),
  districts: z.array(z.string()),
  places: z.array(placeSchema),
  officials: z.array(officialSchema),
  documents: z.array(documentSchema),
  metrics: z.array(metricSchema),
  /** Topic tags from a small fixed vocabulary ("nông thôn mới", "giảm nghèo", ...). */
  topics: z.array(z.string()).default([]),
  /** The cleaned article text, NFC, paragraphs separated by blank lines. */
  text: z.string(),
  captions: z.array(z.string()),
  /**
   * Set when the page's declared charset was wrong and another decoding gave clean Vietnamese
   * (a windows-1258 page labelled utf-8, or the reverse): what was declared and what was used.
   * Added in v1 (additive): absent when the label was right.
   */
  decoding: z.object({ declared: z.string(), used: z.string() }).optional(),
});
export type ArticleRecord = z.infer<typeof articleRecordSchema>;

/** An empty, valid record for a URL: the starting point of extraction and the answer for empty input. */
export function emptyRecord(url: string, portal: string | null = null): ArticleRecord {
  return {
    schemaVersion: RECORD_SCHEMA_VERSION,
    url,
    portal,
    fetchedAt: null,
    title: null,
    publishedAt: null,
    eventDate: null,
    authors: [],
    source: null,
    province: null,
    province2025: null,
    districts: [],
    places: [],
    officials: [],
    documents: [],
    metrics: [],
    topics: [],
    text: '',
    captions: [],
  };
}

/** JSON Schema (draft 2020-12) of the record, generated from the zod schema. */
export function articleRecordJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(articleRecordSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
