/**
 * What looks like an official and is not (data in `vocabulary/officials/traps/`): citizens named with
 * a title-like word, heads of private bodies, streets and schools named after people.
 */
import { foldedPhrases, foldedWordSet, readWordList } from './word-list.ts';
import { foldVietnamese } from './vietnamese-text.ts';

/**
 * Words before a capitalised run that make it a street, school, village or organisation name,
 * not a person: "đường Lê Lợi", "Trường THPT Chu Văn An". Each entry is the folded word and,
 * when it needs one, the word before it that must NOT be there ("nông thôn", "văn bản").
 */
export const ORG_NAME_PRECEDERS: ReadonlyMap<string, string | null> = new Map(
  readWordList('officials/traps/org-name-preceders.txt').map((line) => {
    const [word = '', unless] = line.split(' !');
    return [foldVietnamese(word), unless ? foldVietnamese(unless) : null] as const;
  }),
);

/** Words before a person that make them a citizen, not an official ("gia đình ông A", "cử tri B"). */
export const CITIZEN_BEFORE = foldedWordSet('officials/traps/citizen-markers.txt');

/** Private bodies whose heads are not officials ("Giám đốc Công ty TNHH …", "Giám đốc HTX …"). */
export const PRIVATE_ORGS = foldedPhrases('officials/traps/private-bodies.txt');

/** A company's board between a head and the company: "Chủ tịch HĐQT", "Chủ tịch Hội đồng quản trị". */
export const BOARDS = foldedPhrases('officials/traps/boards.txt');

/** Verbs that make "hộ" part of a verb, not "household": "ủng hộ ông A", "cứu hộ", "bảo hộ". */
export const HO_VERBS = foldedWordSet('officials/traps/household-verbs.txt');
export const HOUSEHOLD = foldVietnamese('hộ');

/** Words in or right after a body's name that make it private ("tư nhân", "TNHH", "cổ phần"). */
export const PRIVATE_MARKERS = foldedPhrases('officials/traps/private-markers.txt');

/** Words a few words before a mention that put the person in the past ("cố", "sinh thời", "ngày sinh"). */
export const HISTORICAL_CONTEXT = foldedPhrases('officials/traps/historical-context.txt');

/** Folded names of leaders of the past, never current officials ("Hồ Chí Minh", "Võ Nguyên Giáp"). */
export const HISTORICAL_LEADERS = foldedWordSet('officials/traps/historical-leaders.txt');
