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

/**
 * Topic tags from the fixed vocabulary: a topic is tagged when its words or abbreviations
 * (NTM, KT-XH, OCOP, QP-AN, CCHC) appear in the text.
 */
export function extractTopics(text: string): string[] {
  return TOPICS.filter(([, re]) => re.test(text)).map(([topic]) => topic);
}
