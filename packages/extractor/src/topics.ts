/**
 * The topic vocabulary and the Vietnamese (and abbreviations) that signal each topic.
 * Patterns are literal alternations, so matching is linear.
 */
const TOPICS: ReadonlyArray<readonly [string, RegExp]> = [
  // "xây dựng nông thôn mới", "huyện NTM", "xã đạt chuẩn NTM nâng cao"
  ['nông thôn mới', /nông thôn mới|(?<![\p{L}])NTM(?![\p{L}])/u],
  // "giảm nghèo bền vững", "hộ nghèo", "xóa đói giảm nghèo"
  ['giảm nghèo', /giảm nghèo|hộ nghèo|xóa đói|xoá đói/iu],
  // "công tác xây dựng Đảng", "xây dựng, chỉnh đốn Đảng"
  ['xây dựng Đảng', /xây dựng(?:,? chỉnh đốn)? Đảng|chỉnh đốn Đảng|phát triển đảng viên/iu],
  // "Đại hội Đảng bộ tỉnh lần thứ XVII", "đại hội điểm"
  ['đại hội', /đại hội/iu],
  // "phòng, chống dịch COVID-19", "Covid - 19"
  ['COVID-19', /covid|sars-cov-2/iu],
  // "thu ngân sách nhà nước", "dự toán ngân sách"
  ['ngân sách', /ngân sách/iu],
  // "giải ngân vốn đầu tư công"
  ['đầu tư công', /đầu tư công|giải ngân/iu],
  // "phát triển KT - XH", "kinh tế - xã hội"
  ['kinh tế - xã hội', /kinh tế\s*[-–]\s*xã hội|(?<![\p{L}])KT\s*[-–]\s*XH(?![\p{L}])/iu],
  // "sản phẩm OCOP", "mỗi xã một sản phẩm (0COP)"
  ['OCOP', /(?<![\p{L}])[O0]COP(?![\p{L}])|mỗi xã một sản phẩm/iu],
  // "quốc phòng - an ninh", "QP-AN"
  ['quốc phòng - an ninh', /quốc phòng\s*[-–,]\s*an ninh|(?<![\p{L}])QP\s*[-–]\s*AN(?![\p{L}])/iu],
  ['bầu cử', /bầu cử/iu],
  ['du lịch', /du lịch/iu],
  ['giáo dục', /giáo dục|(?<![\p{L}])GD\s*[-–&]\s*ĐT(?![\p{L}])/iu],
  ['y tế', /y tế/iu],
  ['cải cách hành chính', /cải cách hành chính|(?<![\p{L}])CCHC(?![\p{L}])/iu],
  ['chuyển đổi số', /chuyển đổi số|(?<![\p{L}])CĐS(?![\p{L}])/iu],
  ['an sinh xã hội', /an sinh xã hội/iu],
  ['đất đai', /đất đai/iu],
  ['nhà tạm, nhà dột nát', /nhà tạm|nhà dột nát/iu],
  ['môi trường', /môi trường/iu],
];

/** The fixed topic vocabulary, in display order. */
export const TOPIC_VOCABULARY: readonly string[] = TOPICS.map(([t]) => t);

/** At most this many topics per article: a filter field is useless when every article has ten. */
export const MAX_TOPICS = 3;

/** Mentions counted per topic at most: past this the ranking is settled, and counting stays cheap. */
const MAX_COUNTED = 50;

/** Texts shorter than this (a brief, a lead) may be tagged from a single mention. */
const SHORT_TEXT_CHARS = 1500;

/**
 * The topics an article is about, from the fixed vocabulary, best first. Each topic scores its
 * mentions (words or abbreviations: NTM, KT-XH, OCOP, QP-AN, CCHC) plus 3 when the title names
 * it; a topic the title names comes first and is always kept, any other when it scores at least 2
 * (1 in a short text) and at least a third of the best topic's score; only the
 * {@link MAX_TOPICS} best are kept. Why: an article about a
 * vaccination drive also names the budget, the economy and the party once in passing; tagging
 * every word seen gave 10–13 topics per article. Linear: one pass of each topic's pattern.
 *
 * @param text the article text
 * @param title the article's title, if any
 */
export function extractTopics(text: string, title: string | null = null): string[] {
  const scored: Array<{ topic: string; score: number; order: number; inTitle: boolean }> = [];
  TOPICS.forEach(([topic, re], order) => {
    const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    let count = 0;
    while (count < MAX_COUNTED && global.exec(text)) count++;
    const inTitle = !!title && re.test(title);
    const score = count + (inTitle ? 3 : 0);
    if (score > 0) scored.push({ topic, score, order, inTitle });
  });
  if (scored.length === 0) return [];
  scored.sort((a, b) => Number(b.inTitle) - Number(a.inTitle) || b.score - a.score || a.order - b.order);
  const best = Math.max(...scored.map((t) => t.score));
  const floor = Math.max(text.length < SHORT_TEXT_CHARS ? 1 : 2, best / 3);
  return scored
    .filter((t) => t.inTitle || t.score >= floor)
    .slice(0, MAX_TOPICS)
    .map((t) => t.topic);
}
