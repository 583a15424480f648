/**
 * Vocabulary of people's names for the officials scanner (data in `vocabulary/officials/names/`):
 * family names, words that stop or may end a name, honorifics, and the words that introduce a
 * person ("đồng chí", "đ/c", "ông", "bà").
 */
import { foldedWordSet, readWordList } from './word-list.ts';
import { foldVietnamese, type Token } from './vietnamese-text.ts';

/**
 * Family names of the Kinh majority and of the peoples the provincial press writes about. A
 * capitalised run counts as a person's name when it starts with one of these, or when its
 * second word is a marked middle name ({@link MARKED_MIDDLE_NAMES}).
 */
export const SURNAMES = foldedWordSet('officials/names/surnames.txt');

/** Capitalised words that open an organisation or title, never part of a person's name. */
export const NAME_STOP = foldedWordSet('officials/names/name-stop-words.txt');

/**
 * Given names that also open an organisation: a name word unless the organisation's next word
 * follows ("Dương Công Nẻng", "Hứa Văn Tài" but "Công an", "Tài chính", "Thường trực").
 */
export const SOFT_NAME_STOP: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  readWordList('officials/names/soft-name-stops.txt').map((line) => {
    const [word = '', next = ''] = line.split(':');
    return [foldVietnamese(word.trim()), new Set(next.trim().split(' ').map(foldVietnamese))] as const;
  }),
);

/**
 * Organisation nouns that are also given names ("Hà Văn Ban", "Hoàng Văn Hội"). They end a
 * person's name (never open one) when the name already has a family name and the word is not
 * followed by the organisation it would open.
 */
export const GIVEN_NAME_ORG_WORDS = foldedWordSet('officials/names/given-name-org-words.txt');

/** Middle names that mark a person's name even with an unknown family name ("Ngọc Văn A", "Sần Thị B"). */
export const MARKED_MIDDLE_NAMES = foldedWordSet('officials/names/middle-names.txt');

/**
 * Honorifics before a name that are not part of it: "Bs Lò Văn A", "TS Hà Thị B", "thầy Lê Văn C".
 * Like "ông"/"bà" they make no one an official by themselves: a title must follow.
 */
export const HONORIFICS = foldedWordSet('officials/names/honorifics.txt');

/** Words that open a sentence in capitals but are never family names ("Tại", "Theo", "Với"). */
export const SENTENCE_OPENERS = foldedWordSet('officials/names/sentence-openers.txt');

/**
 * Length in tokens of a word that introduces people at token i — "đồng chí", "các đồng chí",
 * "đ/c", "ông", "bà", an honorific, "bác sĩ" — or 0.
 */
export function triggerLength(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  if (!t) return 0;
  // "cô" only in lower case: capitalised it opens places ("huyện Cô Tô").
  if (t.key === 'đ/c' || t.key === 'ông' || t.key === 'bà' || (HONORIFICS.has(t.key) && (t.key !== 'cô' || t.text === 'cô'))) return 1;
  // "bác sĩ Lò Văn A – Giám đốc Trung tâm Y tế huyện", "thạc sĩ …", "tiến sĩ …".
  if ((t.key === 'bác' || t.key === 'thạc' || t.key === 'tiến') && tokens[i + 1]?.key === 'sĩ') return 2;
  if (t.key === 'đồng' && tokens[i + 1]?.key === 'chí') return 2;
  if (t.key === 'các' && tokens[i + 1]?.key === 'đồng' && tokens[i + 2]?.key === 'chí') return 3;
  return 0;
}
