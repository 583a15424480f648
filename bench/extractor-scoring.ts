/** Helpers of the extractor evaluation (bench/extractor-eval.ts): gold types, keys, scores. */
import { foldVietnamese } from '@provnews/extractor';

export interface GoldSeed {
  title?: string | null;
  publishedAt?: string | null;
  publishedAtNot?: string;
  /** One day, or several days any of which is right (a two-day event). */
  eventDate?: string | string[] | null;
  authors?: string[];
  creditedSource?: string;
  province?: string | null;
  districts?: string[];
  officials?: Array<{ name: string; titles: string[] }>;
  notOfficials?: string[];
  documents?: Array<{ kind: string; number: string | null; date: string | null }>;
  metrics?: Array<{ value: number; unit: string }>;
  allowedExtraMetrics?: Array<{ value: number; unit: string }>;
  /** Cleaner gold: strings that must be gone from the cleaned text, sentences that must be kept. */
  chrome?: string[];
  mustKeep?: string[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** NFC, case, tone placement, whitespace; hyphens spaced alike ("Bà Rịa-Vũng Tàu"). */
export function foldKey(s: string): string {
  return foldVietnamese(s).replace(/\s*[-–]\s*/g, ' - ').replace(/\s+/g, ' ').trim();
}

/**
 * Abbreviations in officials' titles, expanded identically on the gold and predicted side so that
 * "BT huyện uỷ" = "Bí thư Huyện ủy" and "ĐBQH" = "Đại biểu Quốc hội".
 */
const TITLE_ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<![\p{L}])uvbtv(?![\p{L}])/gu, 'ủy viên ban thường vụ'],
  [/(?<![\p{L}])uvtv(?![\p{L}])/gu, 'ủy viên ban thường vụ'],
  [/(?<![\p{L}])(?:uvtw|uvt\.ư)(?![\p{L}])/gu, 'ủy viên trung ương đảng'],
  [/(?<![\p{L}])tuv(?![\p{L}])/gu, 'tỉnh ủy viên'],
  [/(?<![\p{L}])huv(?![\p{L}])/gu, 'huyện ủy viên'],
  [/(?<![\p{L}])pbt(?![\p{L}])/gu, 'phó bí thư'],
  [/(?<![\p{L}])pct(?![\p{L}])/gu, 'phó chủ tịch'],
  [/(?<![\p{L}])bt(?![\p{L}])/gu, 'bí thư'],
  [/(?<![\p{L}])ct(?![\p{L}])/gu, 'chủ tịch'],
  [/(?<![\p{L}])bch(?![\p{L}])/gu, 'ban chấp hành'],
  [/(?<![\p{L}])btv(?![\p{L}])/gu, 'ban thường vụ'],
  [/(?<![\p{L}])(?:t\.ư|tw)(?![\p{L}])/gu, 'trung ương'],
  [/(?<![\p{L}])hđnd(?![\p{L}])/gu, 'hội đồng nhân dân'],
  [/(?<![\p{L}])ubnd(?![\p{L}])/gu, 'ủy ban nhân dân'],
  [/(?<![\p{L}])đbqh(?![\p{L}])/gu, 'đại biểu quốc hội'],
];

/** Comparison key of an official's title. */
export function officialTitleKey(title: string): string {
  let k = foldKey(title).replace(/^[\s,.;:]+|[\s,.;:]+$/g, '');
  for (const [re, full] of TITLE_ABBREVIATIONS) k = k.replace(re, full);
  return k.replace(/\s+/g, ' ');
}

export function scoreRow(c: Counts): { precision: number | null; recall: number | null; f1: number | null } {
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : null;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : precision === 0 || recall === 0 ? 0 : null;
  return { precision, recall, f1 };
}
