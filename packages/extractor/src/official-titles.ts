/**
 * Vocabulary of officials' titles (data in `vocabulary/officials/titles/`) and the pure helpers that
 * write a title out: heads ("Phó Chủ tịch", "BT" → "Bí thư"), organisation words, the words that
 * end a title, and how titles of one person are merged.
 */
import { foldedPhrases, foldedWordSet, readWordList } from './word-list.ts';
import { capitalizeFirst, foldVietnamese } from './vietnamese-text.ts';

/** A word run that opens a title. */
export interface TitleHead {
  words: readonly string[];
  /** Expansion for abbreviations ("BT" → "Bí thư"); null keeps the words as written. */
  expand: string | null;
  /** A whole title on its own ("Tỉnh ủy viên", "Thượng tá"): a following head starts a new title. */
  complete: boolean;
  /** Abbreviations that are titles only before an organisation ("BT huyện uỷ", not "CT MTQG"). */
  needsOrg: boolean;
  /** Not a title without the body it heads: "Trưởng" alone is none, "Trưởng Công an xã" is one. */
  needsBody: boolean;
}

/** Parses a line of `heads.txt`: `words | expansion | flags`. */
function parseHead(line: string): TitleHead {
  const [words = '', expand = '', flags = ''] = line.split('|').map((s) => s.trim());
  const flagSet = new Set(flags.split(' ').filter(Boolean));
  return {
    words: words.split(' ').map(foldVietnamese),
    expand: expand || null,
    complete: flagSet.has('complete'),
    needsOrg: flagSet.has('needs-org'),
    needsBody: flagSet.has('needs-body'),
  };
}

/**
 * Heads by their first word, longest first within each list, so looking a head up costs a map
 * lookup plus a few candidates.
 */
export const HEADS_BY_FIRST_WORD: ReadonlyMap<string, readonly TitleHead[]> = (() => {
  const m = new Map<string, TitleHead[]>();
  for (const h of readWordList('officials/titles/heads.txt').map(parseHead)) {
    const first = h.words[0] ?? '';
    m.set(first, [...(m.get(first) ?? []), h]);
  }
  for (const list of m.values()) list.sort((a, b) => b.words.length - a.words.length);
  return m;
})();

/** The lower-case word that marks a former office ("nguyên Chủ tịch UBND tỉnh"). */
export const FORMER = 'nguyên';
/** Words before a head that qualify the office, kept in the title: former ("nguyên"), acting ("Quyền"). */
export const OFFICE_PREFIXES: ReadonlySet<string> = new Set([FORMER, foldVietnamese('quyền')]);
const prefixedHeads = new Map<string, TitleHead>();

/** The head "<prefix> <head>" ("nguyên Bí thư", "Quyền Giám đốc"): same kind of title, one word longer, the prefix kept. */
export function prefixedHead(prefix: string, inner: TitleHead): TitleHead {
  const key = `${prefix} ${inner.words.join(' ')}`;
  let h = prefixedHeads.get(key);
  if (!h) {
    h = { words: [prefix, ...inner.words], expand: inner.expand ? `${prefix} ${inner.expand}` : null, complete: inner.complete, needsOrg: false, needsBody: inner.needsBody };
    prefixedHeads.set(key, h);
  }
  return h;
}

/**
 * "Nguyên Bí thư Tỉnh ủy" → "nguyên Bí thư Tỉnh ủy", "nguyên bí thư ..." (from capitals) →
 * "nguyên Bí thư ...": the prefix in lower case, the office capitalised as usual.
 */
export function formerLowerCase(title: string): string {
  return foldVietnamese(title.slice(0, FORMER.length + 1)) === `${FORMER} ` ? `${FORMER} ${capitalizeFirst(title.slice(FORMER.length + 1))}` : title;
}

/** "Thường trực" between an abbreviated head and its organisation ("PBT Thường trực huyện ủy"). */
export const STANDING = ['thường', 'trực'].map(foldVietnamese) as [string, string];
/** "TT", "Thường trực" abbreviated after an abbreviated head: "PBT TT huyện ủy", "PCT TT UBND huyện". */
export const STANDING_ABBREVIATION = 'tt';

/**
 * Links between a name and the office a person is elected or appointed to ("được bầu giữ chức",
 * "tái đắc cử", "được bổ nhiệm làm"), longest first.
 */
export const APPOINTMENT_LINKS = [...foldedPhrases('officials/titles/appointment-links.txt')].sort((a, b) => b.length - a.length);

/** Verbs before a person that make "làm" after the name mean "as" ("bầu ông A làm Chủ tịch"). */
export const APPOINTMENT_VERBS = foldedPhrases('officials/titles/appointment-verbs.txt');

/** The words after a link that name the office itself ("giữ chức vụ", "tái đắc cử chức"). */
export const OFFICE_WORDS = [['chức', 'vụ'], ['chức']].map((p) => p.map(foldVietnamese));

/** What may follow "BT"/"CT" for them to be titles: an organisation ("BT huyện uỷ", "CT HĐND"). */
export const ORG_AFTER_ABBREVIATION = foldedWordSet('officials/titles/org-after-abbreviation.txt');

/**
 * Organisation phrases allowed inside a title in any case, by their first word, longest first:
 * a closed list, so the verb that follows a title ("phát biểu", "chủ trì") ends it.
 */
export const ORG_PHRASES_BY_FIRST_WORD: ReadonlyMap<string, readonly (readonly string[])[]> = (() => {
  const m = new Map<string, (readonly string[])[]>();
  for (const p of [...foldedPhrases('officials/titles/org-phrases.txt')].sort((a, b) => b.length - a.length)) {
    // "phòng, chống": a trailing comma marks a comma in the text, not part of the word.
    const first = (p[0] ?? '').replace(/,$/, '');
    m.set(first, [...(m.get(first) ?? []), p]);
  }
  return m;
})();

export const COMMITTEE = foldVietnamese('ủy');

/** Organisation nouns whose lower-case object may follow ("Ban quản lý dự án ... huyện"). */
export const OBJECT_ORG_NOUNS = foldedWordSet('officials/titles/object-org-nouns.txt');

/** Why 8: an organisation's object is a short noun phrase ("các chương trình mục tiêu quốc gia"). */
export const OBJECT_WORDS = 8;

/** Words that end a title wherever they stand: prepositions, auxiliaries, reporting verbs. */
export const OBJECT_BOUNDARIES = foldedWordSet('officials/titles/title-boundaries.txt');

/** Last words of army units that are numbered: "Quân khu 2", "Sư đoàn 316", "Bệnh viện 103". */
export const NUMBERED_UNIT_WORDS = foldedWordSet('officials/titles/numbered-unit-words.txt');

/** Connector words that cannot end a title ("Bí thư Tỉnh ủy và các thành viên ..."). */
export const TRAILING: ReadonlySet<string> = new Set(['và', 'của', 'cùng']);

/** Organisation words that are also verbs ("kiểm tra", "chỉ đạo"): in lower case, only after an organisation noun. */
export const VERB_LIKE_ORG_WORDS = foldedWordSet('officials/titles/verb-like-org-words.txt');

/** Nouns that open an organisation and may be followed by its field in lower case ("Ban chỉ đạo"). */
export const ORG_NOUNS = foldedWordSet('officials/titles/org-nouns.txt');

/**
 * Administrative level words. After one that no place name follows ("Chủ tịch UBND tỉnh"), the
 * organisation is complete: only "khóa", "nhiệm kỳ" or "của" may continue the title in lower case.
 */
export const LEVEL_WORDS = foldedWordSet('officials/titles/level-words.txt');
export const AFTER_LEVEL_WORD: ReadonlySet<string> = new Set(['khóa', 'nhiệm', 'của'].map(foldVietnamese));

/** Organisation abbreviations kept in capitals when an all-caps title is re-cased. */
export const CAPS_ABBREVIATIONS = foldedWordSet('officials/titles/caps-abbreviations.txt');

/** Heads that name a body after "Đoàn" ("Đoàn ĐBQH tỉnh", "Đoàn đại biểu Quốc hội"). */
export const DELEGATION_HEADS: ReadonlySet<string> = new Set(['đbqh', 'đại']);
export const DELEGATION = foldVietnamese('đoàn');
export const CONCURRENTLY = foldVietnamese('kiêm');

/** What a delegation is sent to do, after "Trưởng đoàn": "công tác", "giám sát", "kiểm tra". */
export const DELEGATION_PURPOSES = foldedPhrases('officials/titles/delegation-purposes.txt');

/** Why: "BT huyện uỷ" is written as "Bí thư Huyện uỷ": party committees are proper nouns. */
export function capitaliseCommittees(text: string): string {
  return text.replace(/(^| )(tỉnh|huyện|thành|thị|đảng)( (?:ủy|uỷ))(?= |$)/gu, (_m, sp: string, w: string, u: string) => `${sp}${capitalizeFirst(w)}${u}`);
}

/**
 * A person's titles without those a fuller mention extends: "Thứ trưởng" is dropped when
 * "Thứ trưởng Bộ Y tế" was also read ("Thứ trưởng A" then "Thứ trưởng Bộ Y tế A").
 */
export function fullestTitles(titles: readonly string[]): string[] {
  // Why sorted: every key extending "k " sorts right after "k" (no key holds a character below
  // the space), so one look at the next key suffices and the check stays O(n log n).
  const keys = [...new Set(titles.map(titleKey))].sort();
  const extended = new Set(keys.filter((k, m) => keys[m + 1]?.startsWith(`${k} `)));
  // Two forms of one title ("Ủy viên BTV Thành ủy", "Ủy viên Ban Thường vụ Thành ủy"): the first kept.
  const seen = new Set<string>();
  return titles.filter((t) => {
    const k = titleKey(t);
    if (extended.has(k) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Abbreviations written out in {@link titleKey}: `abbreviation = words`. */
const TITLE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  readWordList('officials/titles/title-abbreviations.txt').map((line) => {
    const [abbr = '', full = ''] = line.split('=').map((s) => foldVietnamese(s.trim()));
    return [abbr, full] as const;
  }),
);

/**
 * The key two forms of one title share: folded, abbreviations written out, dashes and dots
 * spaced alike. "Phó Chủ tịch HĐND TP.HCM" and "Phó chủ tịch Hội đồng nhân dân thành phố Hồ
 * Chí Minh" have one key; "Phó Chủ tịch HĐND TP" has a key that one extends.
 */
export function titleKey(title: string): string {
  return foldVietnamese(title)
    .replace(/\s*[-–]\s*/g, ' - ')
    .split(/\s+/)
    .map((w) => TITLE_ABBREVIATIONS.get(w) ?? TITLE_ABBREVIATIONS.get(w.replace(/\.$/, '')) ?? w)
    .join(' ')
    .trim();
}
