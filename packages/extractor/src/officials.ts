import type { Official, Span } from '@provnews/record';
import { gazetteer, placeKey } from './gazetteer.ts';
import { GIVEN_NAME_ORG_WORDS, MARKED_MIDDLE_NAMES, NAME_STOP, SENTENCE_OPENERS, SOFT_NAME_STOP, SURNAMES, triggerLength } from './official-names.ts';
import {
  AFTER_LEVEL_WORD,
  APPOINTMENT_LINKS,
  APPOINTMENT_VERBS,
  CAPS_ABBREVIATIONS,
  COMMITTEE,
  CONCURRENTLY,
  DELEGATION,
  DELEGATION_HEADS,
  DELEGATION_PURPOSES,
  FORMER,
  HEADS_BY_FIRST_WORD,
  LEVEL_WORDS,
  NUMBERED_UNIT_WORDS,
  OBJECT_BOUNDARIES,
  OBJECT_ORG_NOUNS,
  OBJECT_WORDS,
  ORG_AFTER_ABBREVIATION,
  ORG_NOUNS,
  OFFICE_WORDS,
  ORG_PHRASES_BY_FIRST_WORD,
  STANDING,
  STANDING_ABBREVIATION,
  TRAILING,
  VERB_LIKE_ORG_WORDS,
  capitaliseCommittees,
  formerHead,
  formerLowerCase,
  fullestTitles,
  type TitleHead,
} from './official-titles.ts';
import {
  BOARDS,
  CITIZEN_BEFORE,
  HISTORICAL_CONTEXT,
  HISTORICAL_LEADERS,
  HO_VERBS,
  HOUSEHOLD,
  ORG_NAME_PRECEDERS,
  PRIVATE_MARKERS,
  PRIVATE_ORGS,
} from './official-traps.ts';
import { capitalizeFirst, foldVietnamese, isAllCaps, isCapitalized, titleCase, tokenize, type Token } from './vietnamese-text.ts';

/** Scans tokens for officials; carries the text for gap checks. */
class OfficialScanner {
  private readonly found = new Map<string, { name: string; titles: string[]; titleKeys: Set<string>; spans: Span[] }>();
  private readonly placeIndexes = (() => {
    const g = gazetteer();
    return [g.provinceIndex, g.districtIndex, g.communeIndex];
  })();

  /** Memo of {@link nameAt} with the default length per token: -2 unknown, -1 none. */
  private readonly nameMemo: Int32Array;

  /** Set when a name in capitals was looked at: a second scan knowing the names may bound it. */
  sawCapsName = false;

  /**
   * @param knownNames folded names found in mixed case by an earlier scan: they bound all-caps
   *   names in captions ("ĐỒNG CHÍ NGUYỄN VĂN AN PHÁT BIỂU" → "Nguyễn Văn An")
   */
  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly knownNames: ReadonlySet<string> = new Set(),
  ) {
    this.nameMemo = new Int32Array(tokens.length).fill(-2);
    this.capsMemo = new Int8Array(tokens.length).fill(-1);
  }

  /** Memo of {@link isCapsWord} per token: -1 unknown, 0 no, 1 yes. */
  private readonly capsMemo: Int8Array;

  /** The characters between token i-1 and token i. */
  private gapBefore(i: number): string {
    const a = this.tokens[i - 1];
    const b = this.tokens[i];
    if (!a || !b) return '';
    return this.text.slice(a.end, b.start);
  }

  private spaceBefore(i: number): boolean {
    return /^[ \t\u00a0]+$/.test(this.gapBefore(i));
  }

  /** Head phrase starting at token i, if any. */
  headAt(i: number): TitleHead | null {
    const t = this.tokens[i];
    // "nguyên Phó Chủ tịch UBND tỉnh": a former office is still a title, "nguyên" kept in it.
    // In capitals only at a sentence's start: "Nguyên" is also a given name ("Lê Văn Nguyên").
    if (t && t.key === FORMER && this.spaceBefore(i + 1) && (t.text === FORMER || t.text === 'NGUYÊN' || (t.text === 'Nguyên' && this.sentenceStartAt(i)))) {
      const inner = this.plainHeadAt(i + 1);
      return inner ? formerHead(inner) : null;
    }
    return this.plainHeadAt(i);
  }

  /** True when token i opens a sentence or a line. */
  private sentenceStartAt(i: number): boolean {
    return i === 0 || /[.!?:;\n]/.test(this.gapBefore(i));
  }

  private plainHeadAt(i: number): TitleHead | null {
    const candidates = HEADS_BY_FIRST_WORD.get(this.tokens[i]?.key ?? '');
    if (!candidates) return null;
    for (const h of candidates) {
      let ok = true;
      for (let k = 0; k < h.words.length; k++) {
        const t = this.tokens[i + k];
        if (!t || t.key !== h.words[k] || (k > 0 && !this.spaceBefore(i + k))) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (h.needsOrg) {
        const t = this.tokens[i];
        // "PBT Thường trực huyện ủy", "PCT TT UBND huyện": the standing deputy, then the organisation.
        let o = i + h.words.length;
        // "CT. HĐND huyện": the abbreviation may carry its dot.
        const dotted = /^\.[ \t\u00a0]+$/.test(this.gapBefore(o));
        if (this.tokens[o]?.key === STANDING[0] && this.tokens[o + 1]?.key === STANDING[1] && this.spaceBefore(o) && this.spaceBefore(o + 1)) o += 2;
        else if (this.tokens[o]?.text === 'TT' && this.spaceBefore(o) && this.spaceBefore(o + 1)) o += 1;
        const next = this.tokens[o];
        const gapOk = this.spaceBefore(o) || (dotted && o === i + h.words.length);
        if (!t || !isAllCaps(t.text) || !next || !ORG_AFTER_ABBREVIATION.has(next.key) || !gapOk) continue;
      }
      return h;
    }
    return null;
  }

  /**
   * A word that can be part of a person's name ("Nguyễn", "Bá", "A"); with `caps`, a word of an
   * all-caps name ("NGUYỄN", "VĂN").
   */
  private isNameWord(i: number, caps = false): boolean {
    const t = this.tokens[i];
    // "H'Phi", "K'Duyên": Ê Đê and K'Ho given names keep their apostrophe.
    if (!t || !isCapitalized(t.text) || !/^\p{L}+(?:['’]\p{L}+)?$/u.test(t.text)) return false;
    if (t.text.length > 1 && this.isCapsWord(i) !== caps) return false;
    if (NAME_STOP.has(t.key)) return false;
    const next = this.tokens[i + 1]?.key ?? '';
    if (SOFT_NAME_STOP.get(t.key)?.has(next)) return false;
    if (t.key === 'trung' && next === 'ương') return false;
    return this.headAt(i) === null;
  }

  /** True when token i is a word in capitals ("NGUYỄN"), so a name there is read in caps mode. */
  private isCapsWord(i: number): boolean {
    const memo = this.capsMemo[i];
    if (memo === undefined) return false;
    if (memo >= 0) return memo === 1;
    const t = this.tokens[i] as Token;
    const caps = t.text.length > 1 && isAllCaps(t.text);
    this.capsMemo[i] = caps ? 1 : 0;
    return caps;
  }

  /** End (inclusive) of the capitalised name-word run starting at i, or i-1 when empty. */
  private runEnd(i: number, limit = 6, caps = this.isCapsWord(i)): number {
    let e = i - 1;
    for (let k = i; k < i + limit; k++) {
      if (k > i && !this.spaceBefore(k)) break;
      if (this.isNameWord(k, caps)) {
        e = k;
        continue;
      }
      if (k - i >= 2 && this.givenNameOrgWord(k, caps)) e = k;
      break;
    }
    return e;
  }

  /**
   * An organisation noun closing a name of two words or more ("Hà Văn Ban, PBT huyện ủy"): not
   * followed by a capitalised word or an organisation phrase it would open ("Ban Dân vận",
   * "Ban quản lý", "Hội đồng").
   */
  private givenNameOrgWord(k: number, caps: boolean): boolean {
    const t = this.tokens[k];
    if (!t || !GIVEN_NAME_ORG_WORDS.has(t.key) || !isCapitalized(t.text) || !/^\p{L}+$/u.test(t.text)) return false;
    if (t.text.length > 1 && this.isCapsWord(k) !== caps) return false;
    const next = this.tokens[k + 1];
    if (!next || !this.spaceBefore(k + 1)) return true;
    if (isCapitalized(next.text)) return false;
    return TRAILING.has(next.key) || !this.orgPhraseAt(k + 1);
  }

  /** True when an organisation phrase ("quản lý", "chỉ đạo", "huyện") starts at token j. */
  private orgPhraseAt(j: number): boolean {
    const t = this.tokens[j];
    if (!t) return false;
    return (ORG_PHRASES_BY_FIRST_WORD.get(t.key) ?? []).some((p) => this.phraseAt(j, p));
  }

  /**
   * "Ngọc Văn Chung", "Sần Thị Mai": a family name outside {@link SURNAMES} still opens a name of
   * three or four words whose second word is "Văn" or "Thị", the commonest middle names.
   */
  private markedMiddleName(i: number, e: number): boolean {
    const first = this.tokens[i];
    const middle = this.tokens[i + 1];
    if (e - i + 1 < 3 || !first || !middle || !MARKED_MIDDLE_NAMES.has(middle.key)) return false;
    // "Tại Văn Chấn, ...": a sentence-opening word before a place, not a family name.
    return !SENTENCE_OPENERS.has(first.key) && !this.isPlace(i + 1, e);
  }

  private foldedRun(from: number, to: number): string {
    return this.tokens
      .slice(from, to + 1)
      .map((t) => t.key)
      .join(' ');
  }

  private isPlace(from: number, to: number): boolean {
    const key = placeKey(this.tokens.slice(from, to + 1).map((t) => t.text).join(' '));
    return this.placeIndexes.some((index) => index.has(key));
  }

  /**
   * A person's name starting exactly at token i: 2-4 name words beginning with a family name,
   * not a place ("Hà Quảng"), not after a street/school/organisation word ("đường Lê Lợi",
   * "Trường THPT Chu Văn An", "tổ chức bất hợp pháp Dương Văn Mình"). Returns the last token.
   */
  nameAt(i: number): number | null {
    const memo = this.nameMemo[i];
    if (memo === undefined) return null;
    if (memo !== -2) return memo === -1 ? null : memo;
    const found = this.findNameAt(i, 4);
    this.nameMemo[i] = found ?? -1;
    return found;
  }

  private findNameAt(i: number, maxLen: number): number | null {
    const t = this.tokens[i];
    if (!t) return null;
    const caps = this.isCapsWord(i);
    let e = this.runEnd(i, maxLen + 1, caps);
    let len = e - i + 1;
    if (len < 2) return null;
    if (!SURNAMES.has(t.key) && !this.markedMiddleName(i, e)) return null;
    if (caps) {
      // "ĐỒNG CHÍ NGUYỄN VĂN AN PHÁT BIỂU": capitals hide where the name ends. A name read in
      // mixed case elsewhere bounds it (longest first); otherwise the run must end by itself.
      this.sawCapsName = true;
      for (let k = Math.min(maxLen, len); k >= 2; k--) {
        if (this.knownNames.has(this.foldedRun(i, i + k - 1))) {
          e = i + k - 1;
          len = k;
          break;
        }
      }
    }
    if (len > maxLen) return null;
    if (this.isPlace(i, e)) return null;
    const prev = this.tokens[i - 1];
    // "huyện Tam Đường Lò Thị A": a capitalised "Đường" closing a place name is no street.
    const prevInProperName = !!prev && isCapitalized(prev.text) && !isAllCaps(prev.text) && this.isNameWord(i - 2) && this.spaceBefore(i - 1);
    if (prev && this.spaceBefore(i) && !prevInProperName && ORG_NAME_PRECEDERS.has(prev.key)) {
      const unless = ORG_NAME_PRECEDERS.get(prev.key);
      if (!unless || this.tokens[i - 2]?.key !== unless) return null;
    }
    // "Hà Giang Lò Thị Hoa": a place name first, the person after it.
    for (let p = 2; p <= len - 2; p++) if (this.isPlace(i, i + p - 1)) return null;
    return e;
  }

  /**
   * A name without a known family name, read only after "đồng chí"/"đ/c"/"ông"/"bà" and only when
   * a title follows it: "đ/c Y Khiêm – Phó Bí thư …", "bà H'Lan Niê, Chủ tịch …". Ethnic names
   * without a surname are full names. 2-4 capitalised words in mixed case, not a place.
   */
  private looseNameAt(i: number): number | null {
    if (this.isCapsWord(i)) return null;
    const e = this.runEnd(i, 5, false);
    const len = e - i + 1;
    if (len < 2 || len > 4 || this.isPlace(i, e) || SENTENCE_OPENERS.has((this.tokens[i] as Token).key)) return null;
    const start = this.titleStartAfter(e);
    return start !== null && this.headAt(start) ? e : null;
  }

  /**
   * Where the person's name starts in the capitalised run at token j, which may open with a
   * place or an organisation name: "Huyện ủy Bắc Quang Hà Văn A" (place "Bắc Quang", then the
   * name), "quận Ninh Kiều Nguyễn Văn B", "Trường THPT Chu Văn An Nguyễn Thị C". Null when the
   * run holds no name (a place, "Sở Tài chính").
   */
  private splitRunAt(j: number, afterPhrase = false): { nameStart: number } | null {
    const caps = this.isCapsWord(j);
    // Only at the start of a run; in capitals every word of the title is "in the run".
    // After a capitalised organisation phrase ("Bộ Công Thương | Lê Văn A") a new run starts.
    if (!caps && !afterPhrase && this.isNameWord(j - 1) && this.spaceBefore(j)) return null;
    const e = this.runEnd(j, 8, caps);
    const len = e - j + 1;
    if (len < 2) return null;
    if (this.isPlace(j, e)) return null;
    // In capitals the run also holds the words after the name ("... NGUYỄN VĂN AN PHÁT BIỂU").
    const endsName = (k: number): boolean => {
      const end = this.nameAt(k);
      return end === e || (caps && end !== null);
    };
    for (let p = 1; p <= len - 2; p++) {
      if (this.isPlace(j, j + p - 1) && endsName(j + p)) return { nameStart: j + p };
    }
    if (endsName(j)) return { nameStart: j };
    for (const k of [3, 2, 4]) {
      const s = e - k + 1;
      if (s > j && this.nameAt(s) === e) return { nameStart: s };
    }
    return null;
  }

  /**
   * Reads one title starting at a head at token i. Stops before a person's name (returned as
   * `nameStart`), at punctuation, at a verb (any lower-case word outside the organisation
   * vocabulary), or where a new title starts without a comma ("Tỉnh uỷ viên BT huyện uỷ").
   */
  private readTitle(i: number): { title: string; last: number; nameStart: number | null } | null {
    const h = this.headAt(i);
    if (!h || this.privateBodyAfter(i + h.words.length)) return null;
    let last = i + h.words.length - 1;
    let orgWords = 0;
    let nameStart: number | null = null;
    let j = last + 1;
    // Index of the last organisation noun read ("Sở", "Ban"): a field list may follow it.
    let orgNounAt = ORG_NOUNS.has((this.tokens[last] as Token).key) ? last : -1;
    // The organisation ended with a level word and no place ("Chủ tịch UBND tỉnh").
    let afterBareLevel = false;
    // Last token of the latest organisation phrase ("Công Thương"): a name may start right after it.
    let phraseEnd = -1;
    // A title in capitals ("BÍ THƯ TỈNH ỦY"): case says nothing, so only the organisation
    // vocabulary, abbreviations and place names continue it; `proper` marks the place names.
    const caps = h.expand === null && h.words.every((_, k) => this.isCapsWord(i + k));
    const proper = new Set<number>();
    // Why the bound: a title is a handful of words; bounding it keeps the scan linear on
    // adversarial input (1 MB of "Bí thư Tỉnh Tỉnh Tỉnh ...").
    while (j < this.tokens.length && j - i < 24) {
      const t = this.tokens[j] as Token;
      const gap = this.gapBefore(j);
      const dashBefore = /^[ \t\u00a0]*[-–][ \t\u00a0]*$/.test(gap);
      // "CT. HĐND huyện": the dot of an abbreviated head.
      const abbreviationDot = j === i + h.words.length && h.expand !== null && /^\.[ \t\u00a0]+$/.test(gap);
      if (!/^[ \t\u00a0]+$/.test(gap) && !abbreviationDot) {
        // "Sở Lao động - Thương binh và Xã hội": a dash inside an organisation name;
        // "Sở Văn hóa, Thể thao và Du lịch": a comma inside its list of fields.
        // "Sở NN&PTNT", "Sở VH,TT&DL": abbreviated fields joined by "&" or a bare comma.
        const insideOrg =
          orgWords > 0 &&
          isCapitalized(t.text) &&
          (dashBefore || (orgNounAt >= j - 5 && this.fieldListAfterComma(j)) || this.abbreviationJoinAt(j));
        if (!insideOrg) break;
      }
      // "Phó Giám đốc phụ trách Sở Tài chính": the deputy in charge of a body, one title.
      if (j === i + h.words.length && t.key === 'phụ' && this.tokens[j + 1]?.key === 'trách' && this.spaceBefore(j) && this.spaceBefore(j + 1)) {
        const body = this.tokens[j + 2];
        if (body && this.spaceBefore(j + 2) && isCapitalized(body.text) && ORG_NOUNS.has(body.key)) {
          last = j + 1;
          j += 2;
          continue;
        }
      }
      // "Trưởng đoàn công tác", "Phó Trưởng đoàn giám sát", "Trưởng đoàn kiểm tra số 3": the
      // delegation's purpose is part of the head's title.
      if (j === i + h.words.length && (this.tokens[j - 1] as Token).key === DELEGATION && !isCapitalized(t.text)) {
        const purpose = this.phraseLengthAt(j, DELEGATION_PURPOSES);
        if (purpose > 0 && this.spaceBefore(j)) {
          last = j + purpose - 1;
          const no = this.tokens[last + 1];
          const num = this.tokens[last + 2];
          if (no?.key === 'số' && num && /^\d{1,3}$/.test(num.text) && this.spaceBefore(last + 1) && this.spaceBefore(last + 2)) last += 2;
          j = last + 1;
          orgWords++;
          continue;
        }
      }
      const split = this.splitRunAt(j, phraseEnd === j - 1);
      if (split) {
        if (split.nameStart > j) last = split.nameStart - 1;
        for (let k = j; k < split.nameStart; k++) proper.add(k);
        nameStart = split.nameStart;
        break;
      }
      // "Thượng tá Y Khoa Niê, Trưởng Công an huyện": right after a rank or a bare head, a name
      // without a listed family name, when its own titles follow it.
      if (orgWords === 0 && j === i + h.words.length && !caps && this.looseNameAt(j) !== null) {
        nameStart = j;
        break;
      }
      // "Chánh Văn phòng Đoàn ĐBQH": after "Đoàn" the deputies are the delegation, not a new title.
      const delegation = (this.tokens[j - 1] as Token).key === DELEGATION && DELEGATION_HEADS.has(t.key);
      if ((orgWords > 0 || h.complete) && !delegation && this.headAt(j)) break;
      // Phrases first, in any case: "Ủy ban Kiểm tra", "Sở Kế hoạch và đầu tư", "Thường trực".
      const phrase = (ORG_PHRASES_BY_FIRST_WORD.get(t.key) ?? []).find((p) => this.phraseAt(j, p));
      const capsWord = caps && this.isCapsWord(j) && !CAPS_ABBREVIATIONS.has(t.key) && !/^[IVXLC]+$/.test(t.text);
      if (capsWord && !phrase) {
        // "BÍ THƯ HUYỆN ỦY BẢO LẠC": a place name in capitals; any other word ends the title.
        let reach = j;
        while (reach < j + 3 && this.isCapsWord(reach + 1) && this.spaceBefore(reach + 1)) reach++;
        let placeEnd = -1;
        for (let k = reach; k >= j && placeEnd < 0; k--) if (this.isPlace(j, k)) placeEnd = k;
        if (placeEnd < 0) break;
        for (let k = j; k <= placeEnd; k++) proper.add(k);
        last = placeEnd;
        afterBareLevel = false;
        orgWords++;
        j = placeEnd + 1;
        continue;
      }
      const lower = !isCapitalized(t.text) || capsWord;
      if (afterBareLevel && lower && !AFTER_LEVEL_WORD.has(t.key)) break;
      if (phrase) {
        const joined = phrase.join(' ');
        if (lower && VERB_LIKE_ORG_WORDS.has(joined)) {
          const prevKey = (this.tokens[j - 1] as Token).key;
          // "Huyện ủy | kiểm tra": a party committee is named by its level, never by a function.
          if ((!ORG_NOUNS.has(prevKey) || prevKey === COMMITTEE) && prevKey !== 'và' && !dashBefore) break;
        }
        last = j + phrase.length - 1;
        phraseEnd = last;
        if (ORG_NOUNS.has((this.tokens[last] as Token).key)) orgNounAt = last;
        const following = this.tokens[last + 1];
        afterBareLevel = LEVEL_WORDS.has(joined) && (!following || !isCapitalized(following.text));
        orgWords++;
        j += phrase.length;
        continue;
      }
      // "Phó Tư lệnh Quân khu 2", "Chính ủy Sư đoàn 316": a numbered unit keeps its number.
      const numberedUnit = orgWords > 0 && /^\d{1,3}$/.test(t.text) && NUMBERED_UNIT_WORDS.has((this.tokens[j - 1] as Token).key);
      if (!lower || /^[IVXLC]+$/.test(t.text) || numberedUnit) {
        last = j;
        if (ORG_NOUNS.has(t.key)) orgNounAt = j;
        afterBareLevel = false;
        orgWords++;
        j++;
        continue;
      }
      const level = caps ? null : this.functionObjectEnd(orgNounAt, j);
      if (level) {
        last = level.end;
        afterBareLevel = level.bare;
        orgWords++;
        j = level.end + 1;
        continue;
      }
      const fieldEnd = caps ? -1 : this.fieldSyllablesEnd(j);
      if (fieldEnd >= 0) {
        last = fieldEnd;
        afterBareLevel = false;
        orgWords++;
        j = fieldEnd + 1;
        continue;
      }
      break;
    }
    while (last >= i + h.words.length && TRAILING.has((this.tokens[last] as Token).key)) last--;
    // "Trưởng Ban Kinh tế Trung ương | và đoàn công tác": a bare lower-case body after "và" is
    // the company the official came with, not part of the title.
    const end = this.tokens[last] as Token;
    if (last - 1 > i + h.words.length && !isCapitalized(end.text) && ORG_NOUNS.has(end.key) && this.tokens[last - 1]?.key === 'và') last -= 2;
    // "Trưởng" alone heads nothing: no title ("Trưởng khoa" is caught as a non-public body above).
    if (h.needsBody && last === i + h.words.length - 1 && nameStart === null) return null;
    // "Giám đốc Bệnh viện đa khoa tư nhân …", "Chủ tịch Công ty cổ phần …": a private body's head.
    if (this.privateMarkerIn(i + h.words.length, last + 2)) return null;
    return { title: caps ? this.formatCapsTitle(i, last, proper) : this.formatTitle(i, last, h), last, nameStart };
  }

  /** Length of the word run of `phrases` starting at token j (words joined by spaces), or 0. */
  private phraseLengthAt(j: number, phrases: readonly (readonly string[])[]): number {
    for (const p of phrases) if (this.phraseAt(j, p)) return p.length;
    return 0;
  }

  /**
   * True when the words of phrase `p` stand at token j joined by single gaps of spaces; a word
   * written with a trailing comma in the vocabulary ("phòng,") is followed by a comma in the
   * text ("Ban Chỉ huy Phòng, chống thiên tai").
   */
  private phraseAt(j: number, p: readonly string[]): boolean {
    for (let k = 0; k < p.length; k++) {
      const w = p[k] as string;
      const comma = w.endsWith(',');
      if (this.tokens[j + k]?.key !== (comma ? w.slice(0, -1) : w)) return false;
      if (k > 0 && !(p[k - 1]?.endsWith(',') ? /^[ \t\u00a0]*,[ \t\u00a0]*$/.test(this.gapBefore(j + k)) : this.spaceBefore(j + k))) return false;
    }
    return true;
  }

  /**
   * True when a private body follows a title's head at token j ("Giám đốc | Công ty TNHH …",
   * "Chủ tịch | HĐQT Công ty …", "Giám đốc | HTX …"): its head is not an official.
   */
  private privateBodyAfter(j: number): boolean {
    if (!this.spaceBefore(j)) return false;
    const board = this.phraseLengthAt(j, BOARDS);
    if (board > 0 && !this.spaceBefore(j + board)) return false;
    return this.phraseLengthAt(j + board, PRIVATE_ORGS) > 0;
  }

  /** True when a private marker ("tư nhân", "TNHH", "cổ phần") starts at a token in [from, to]. */
  private privateMarkerIn(from: number, to: number): boolean {
    for (let k = from; k <= to && k < this.tokens.length; k++) {
      if (k > from && !this.spaceBefore(k)) return false;
      if (this.phraseLengthAt(k, PRIVATE_MARKERS) > 0) return true;
    }
    return false;
  }

  /**
   * The lower-case syllables of a field whose first syllable is capitalised, as organisation
   * names are written: "Phòng Giám | định kỹ thuật hình sự | Công an tỉnh", "Ban Kinh tế - Ngân
   * | sách | HĐND tỉnh", "Ban Dân | nguyện". Only right after an organisation noun or a dash inside
   * the organisation, and only when the syllables end where the organisation surely goes on or
   * ends: before an abbreviation in capitals, an organisation phrase or a level word (up to 5
   * syllables), or before punctuation or a word that ends titles (up to 2). Returns the last
   * syllable's index, or -1.
   */
  private fieldSyllablesEnd(j: number): number {
    const field = this.tokens[j - 1];
    const before = this.tokens[j - 2];
    if (!field || !before || !this.spaceBefore(j) || !isCapitalized(field.text) || isAllCaps(field.text)) return -1;
    const afterNoun = ORG_NOUNS.has(before.key) && this.spaceBefore(j - 1);
    const afterDash = /^[ \t\u00a0]*[-–][ \t\u00a0]*$/.test(this.gapBefore(j - 1));
    if (!afterNoun && !afterDash) return -1;
    for (let k = j; k < j + 5; k++) {
      const w = this.tokens[k];
      if (!w || isCapitalized(w.text) || /\d/.test(w.text) || OBJECT_BOUNDARIES.has(w.key) || TRAILING.has(w.key) || this.headAt(k)) return -1;
      if (k > j && !this.spaceBefore(k)) return -1;
      const next = this.tokens[k + 1];
      const gap = this.gapBefore(k + 1);
      const short = k - j < 2;
      if (!next || /^\s*[,;.:)]/.test(gap) || /\n/.test(gap)) return short ? k : -1;
      if (!/^[ \t\u00a0]+$/.test(gap)) return -1;
      if (isAllCaps(next.text) && next.text.length > 1) return k;
      if (isCapitalized(next.text) && this.orgPhraseAt(k + 1)) return k;
      if (LEVEL_WORDS.has(next.key)) return k;
      if (short && (OBJECT_BOUNDARIES.has(next.key) || OBJECT_BOUNDARIES.has(`${next.key} ${this.tokens[k + 2]?.key ?? ''}`))) return k;
    }
    return -1;
  }

  /** True when token j is an abbreviation joined to the one before by "&" or a bare comma ("NN&PTNT", "VH,TT"). */
  private abbreviationJoinAt(j: number): boolean {
    const a = this.tokens[j - 1];
    const b = this.tokens[j];
    if (!a || !b || !isAllCaps(a.text) || !isAllCaps(b.text)) return false;
    const gap = this.gapBefore(j);
    return /^[ \t\u00a0]*&[ \t\u00a0]*$/.test(gap) || gap === ',';
  }

  /**
   * An organisation named by what it does, whose object follows in lower case up to its level:
   * "Ban Chỉ đạo | các chương trình mục tiêu quốc gia | tỉnh", "Ban quản lý | dự án đầu tư xây
   * dựng | huyện", "Trung tâm | giáo dục nghề nghiệp | huyện". From token j (the first word the
   * closed vocabulary does not know), reads at most {@link OBJECT_WORDS} lower-case words with
   * plain spaces and no boundary word ("tại", "với", "đã", "phát biểu" …) and returns the level
   * word that closes them, or null. Only right after such an organisation's noun (and its
   * function, "Chỉ đạo"), never after a proper name ("Sở Y tế | kiểm tra ... huyện").
   */
  private functionObjectEnd(orgNounAt: number, j: number): { end: number; bare: boolean } | null {
    const noun = this.tokens[orgNounAt];
    if (orgNounAt < 0 || !noun || !OBJECT_ORG_NOUNS.has(noun.key) || j - orgNounAt > 4) return null;
    // Between the noun and j only lower case or a two-word function in capitals ("Ban Chỉ đạo").
    for (let k = orgNounAt + 1; k < j; k++) {
      const w = this.tokens[k] as Token;
      if (isCapitalized(w.text) && !VERB_LIKE_ORG_WORDS.has(this.foldedRun(k, Math.min(k + 1, j - 1))) && !VERB_LIKE_ORG_WORDS.has(this.foldedRun(k - 1, k))) return null;
    }
    for (let k = j; k < j + OBJECT_WORDS; k++) {
      const w = this.tokens[k];
      if (!w || !this.spaceBefore(k) || (isCapitalized(w.text) && !isAllCaps(w.text)) || /^\d/.test(w.text)) return null;
      // "dự án", "dự toán" are nouns; "dự" alone is "attends".
      const nounDu = w.key === 'dự' && (this.tokens[k + 1]?.key === 'án' || this.tokens[k + 1]?.key === 'toán');
      // "... thi đua của huyện": "của" only right before the closing level word.
      const ofLevel = w.key === 'của' && k > j && LEVEL_WORDS.has(this.tokens[k + 1]?.key ?? '');
      if ((OBJECT_BOUNDARIES.has(w.key) && !nounDu && !ofLevel) || this.headAt(k)) return null;
      if (k > j && (OBJECT_BOUNDARIES.has(this.foldedRun(k - 1, k)))) return null;
      const two = this.foldedRun(k, k + 1);
      const levelEnd = LEVEL_WORDS.has(two) && this.spaceBefore(k + 1) ? k + 1 : LEVEL_WORDS.has(w.key) ? k : -1;
      if (levelEnd >= 0) {
        if (k === j) return null;
        const following = this.tokens[levelEnd + 1];
        return { end: levelEnd, bare: !following || !isCapitalized(following.text) || !this.spaceBefore(levelEnd + 1) };
      }
    }
    return null;
  }

  /**
   * After a comma inside an organisation, true when a list of fields closed by "và" follows
   * ("Sở Văn hóa, Thể thao và Du lịch", "Bộ Lao động, Thương binh và Xã hội"), not a new title
   * or a name ("Giám đốc Sở Y tế, Chủ tịch Hội ...", "Sở Y tế, Lò Văn A và ..."). Looks ahead at
   * most a few words.
   */
  private fieldListAfterComma(j: number): boolean {
    if (!/^[ \t\u00a0]*,[ \t\u00a0]*$/.test(this.gapBefore(j))) return false;
    for (let k = j; k < j + 7; k++) {
      const t = this.tokens[k];
      if (!t || this.headAt(k) || this.nameAt(k) !== null) return false;
      if (k > j && !/^[ \t\u00a0]*,?[ \t\u00a0]*$/.test(this.gapBefore(k))) return false;
      if (t.key === 'và' && k > j) {
        const next = this.tokens[k + 1];
        return !!next && isCapitalized(next.text) && this.spaceBefore(k + 1) && !this.headAt(k + 1) && this.nameAt(k + 1) === null;
      }
      if (k === j && !isCapitalized(t.text)) return false;
    }
    return false;
  }

  /**
   * A title written in capitals, re-cased: "CHỦ TỊCH UBND HUYỆN BẢO LẠC" → "Chủ tịch UBND huyện
   * Bảo Lạc". Abbreviations stay in capitals, place names (`proper`) get initial capitals.
   */
  private formatCapsTitle(i: number, last: number, proper: ReadonlySet<number>): string {
    let out = '';
    for (let k = i; k <= last; k++) {
      const t = this.tokens[k] as Token;
      if (k > i) out += this.gapBefore(k).replace(/\s+/g, ' ');
      out += CAPS_ABBREVIATIONS.has(t.key) || /^[IVXLC]+$/.test(t.text) ? t.text : proper.has(k) ? titleCase(t.text) : t.text.toLowerCase();
    }
    return formerLowerCase(capitalizeFirst(capitaliseCommittees(out)));
  }

  /** Title text as written, abbreviation expanded, first letter and party committees capitalised. */
  private formatTitle(i: number, last: number, h: TitleHead): string {
    const start = (this.tokens[i] as Token).start;
    const headEnd = (this.tokens[i + h.words.length - 1] as Token).end;
    const end = (this.tokens[last] as Token).end;
    const headText = h.expand ?? this.text.slice(start, headEnd);
    let rest = this.text.slice(headEnd, end).replace(/\s+/g, ' ');
    if (h.expand !== null) {
      // "CT. HĐND" → "Chủ tịch HĐND"; "PBT TT huyện ủy" → "Phó Bí thư Thường trực Huyện ủy".
      rest = rest.replace(/^\./, '');
      if (this.tokens[i + h.words.length]?.key === STANDING_ABBREVIATION && i + h.words.length <= last) rest = rest.replace(/^ TT(?= |$)/, ' Thường trực');
    }
    const title = `${headText}${capitaliseCommittees(rest)}`.trim();
    return formerLowerCase(capitalizeFirst(title));
  }

  /**
   * The token after a name where its titles would start: after ", ", " - " or a space, or after
   * a short parenthesis ("Nguyễn Văn A (thứ hai từ trái sang), Bí thư ..."), or null.
   */
  private titleStartAfter(nameEnd: number): number | null {
    const end = (this.tokens[nameEnd] as Token).end;
    const gap = this.gapBefore(nameEnd + 1);
    if (/\n/.test(gap)) return null;
    if (/^\s*[,–-]?\s*$/.test(gap)) return nameEnd + 1;
    if (!/^\s*\(/.test(gap)) return null;
    // "Lê Văn A (Bí thư Huyện ủy X)": the titles inside the parenthesis.
    if (/^\s*\(\s*$/.test(gap) && this.headAt(nameEnd + 1)) return nameEnd + 1;
    // Why 60: a caption's position note is a few words; a longer parenthesis is an aside.
    const close = this.text.slice(end, end + 60).search(/[)\n]/);
    if (close < 0 || this.text.charAt(end + close) !== ')') return null;
    let j = nameEnd + 1;
    while (j < nameEnd + 12 && (this.tokens[j]?.start ?? Infinity) < end + close) j++;
    const after = this.tokens[j];
    if (!after || !/^\)\s*[,–-]?\s*$/.test(this.text.slice(end + close, after.start))) return null;
    return j;
  }

  /**
   * Reads a comma- or space-separated list of titles after a name ending at token `nameEnd`,
   * with the office the person is elected or appointed to ("được bầu giữ chức …"); `appointedBy`
   * is true when an appointment verb stands before the name ("bầu ông A làm …").
   */
  private titlesAfter(nameEnd: number, appointedBy = false): { titles: string[]; last: number } {
    const titles: string[] = [];
    let last = nameEnd;
    let j = this.titleStartAfter(nameEnd) ?? nameEnd + 1;
    for (;;) {
      const gap = this.gapBefore(j);
      const allowed =
        j === nameEnd + 1 ? /^\s*[,–(-]?\s*$/.test(gap) : titles.length > 0 ? /^\s*[,–-]?\s*$/.test(gap) : /^\)\s*[,–-]?\s*$/.test(gap);
      if (!allowed || /\n/.test(gap)) break;
      // "Phó Chủ tịch UBND huyện kiêm Trưởng Công an huyện": "kiêm" (holding also) adds a title.
      if (titles.length > 0 && this.tokens[j]?.key === CONCURRENTLY && this.spaceBefore(j + 1) && this.headAt(j + 1)) j++;
      // "A (, Phó Bí thư Huyện ủy,) được bầu giữ chức Chủ tịch UBND huyện": the office elected to.
      let appointed = false;
      if (!this.headAt(j)) {
        const office = this.appointedOfficeAt(j, appointedBy);
        appointed = office !== null;
        j = office ?? j;
      }
      const read = this.headAt(j) ? this.readTitle(j) : null;
      if (!read || read.nameStart !== null) break;
      // "được bầu giữ chức Chủ tịch HĐND huyện khóa XX": the term is the council's, not the post's.
      titles.push(appointed ? read.title.replace(/ kh(?:óa|oá) [IVXLC]+$/iu, '') : read.title);
      last = read.last;
      j = read.last + 1;
    }
    return { titles, last };
  }

  /**
   * After a name, the token where the office of an election or appointment starts: "được bầu
   * giữ chức | Bí thư …", "tái đắc cử (chức) | Chủ tịch …", "(bầu ông A) làm | Chủ tịch …". Null
   * when no link stands at token j or no title follows it.
   */
  private appointedOfficeAt(j: number, appointedBy: boolean): number | null {
    let k = j;
    const link = this.phraseLengthAt(j, APPOINTMENT_LINKS);
    if (link > 0) k = j + link;
    else if (appointedBy && this.tokens[j]?.key === 'làm') k = j + 1;
    else return null;
    if (!this.spaceBefore(k)) return null;
    const office = this.phraseLengthAt(k, OFFICE_WORDS);
    if (office > 0) k += office;
    return this.spaceBefore(k) && this.headAt(k) ? k : null;
  }

  /** True when an appointment verb ("bầu", "bổ nhiệm") stands right before token i or its trigger. */
  private appointmentVerbBefore(i: number): boolean {
    for (let back = 1; back <= 4; back++) {
      if (!this.spaceBefore(i - back + 1)) return false;
      for (const p of APPOINTMENT_VERBS) if (back >= p.length && this.phraseAt(i - back, p) && back - p.length <= 3) return true;
    }
    return false;
  }

  /**
   * True when the mention starting at token `from` speaks of a person of the past: a word of
   * {@link HISTORICAL_CONTEXT} a few words before it in the same sentence ("Sinh thời, Thủ tướng
   * …", "ngày sinh đồng chí …"); one-word markers ("cố") only right before it. Another person's
   * title or trigger in between ends the look-back.
   */
  private historicalBefore(from: number): boolean {
    // Why 8: the marker and the mention share a short clause ("kỷ niệm 110 năm ngày sinh đồng chí").
    for (let k = from - 1; k >= 0 && k >= from - 8; k--) {
      if (/[.!?;\n]/.test(this.gapBefore(k + 1))) return false;
      for (const p of HISTORICAL_CONTEXT) {
        const s = k - p.length + 1;
        if (s < 0 || (p.length === 1 && k !== from - 1)) continue;
        if (this.phraseAt(s, p)) return true;
      }
      // "ngày sinh Chủ tịch Hồ Chí Minh, đồng chí A, Bí thư …": the marker belongs to the
      // mention in between, not to this one.
      if (this.headAt(k) || triggerLength(this.tokens, k) > 0) return false;
    }
    return false;
  }

  /**
   * Records a person with titles; `from` is where the mention starts (its trigger or first
   * title), for the historical-context check. Leaders of the past are never recorded.
   */
  private record(nameFrom: number, nameTo: number, titles: readonly string[], from = nameFrom): void {
    const a = this.tokens[nameFrom] as Token;
    const b = this.tokens[nameTo] as Token;
    const written = this.tokens
      .slice(nameFrom, nameTo + 1)
      .map((t) => t.text)
      .join(' ');
    const name = isAllCaps(written.replace(/\s/g, '')) ? titleCase(written) : written;
    const key = foldVietnamese(name);
    if (HISTORICAL_LEADERS.has(key) || this.historicalBefore(Math.min(from, nameFrom))) return;
    let entry = this.found.get(key);
    if (!entry) {
      entry = { name, titles: [], titleKeys: new Set(), spans: [] };
      this.found.set(key, entry);
    }
    for (const title of titles) {
      const tk = foldVietnamese(title);
      if (entry.titleKeys.has(tk)) continue;
      entry.titleKeys.add(tk);
      entry.titles.push(title);
    }
    entry.spans.push([a.start, b.end]);
  }

  /** Reads "đồng chí A, T1, T2; B, T3 và C, T4" starting at a name at token i. Returns the next index. */
  private readNameList(i: number, requireTitle: boolean, loose = false, from = i): number {
    let j = i;
    let next = i;
    const nameAt = (k: number): number | null => this.nameAt(k) ?? (loose ? this.looseNameAt(k) : null);
    const appointedBy = this.appointmentVerbBefore(from);
    for (;;) {
      const nameEnd = nameAt(j);
      if (nameEnd === null) break;
      const { titles, last } = this.titlesAfter(nameEnd, appointedBy);
      if (titles.length === 0 && requireTitle) break;
      if (titles.length > 0) this.record(j, nameEnd, titles, j === i ? from : j);
      next = last + 1;
      // Continue the list after ";" or "," or "và" when another name follows.
      const gap = this.gapBefore(last + 1);
      const after = this.tokens[last + 1];
      if (!after) break;
      // A closing parenthesis may end the titles: "A (Bí thư Huyện ủy); B (Chủ tịch UBND huyện)".
      if (/^\s*\)?\s*[;,]\s*$/.test(gap) && !/\n/.test(gap) && nameAt(last + 1) !== null && titles.length > 0) {
        j = last + 1;
        continue;
      }
      if (after.key === 'và' && /^\)?[ \t\u00a0]+$/.test(gap) && nameAt(last + 2) !== null && titles.length > 0) {
        j = last + 2;
        continue;
      }
      break;
    }
    return Math.max(next, i + 1);
  }

  /** True when the one or two words before token i make a person there a citizen ("gia đình ông"). */
  private citizenBefore(i: number): boolean {
    const one = this.tokens[i - 1];
    const two = this.tokens[i - 2];
    if (!one || !this.spaceBefore(i)) return false;
    if (one.key === HOUSEHOLD && two && HO_VERBS.has(two.key)) return false;
    if (CITIZEN_BEFORE.has(one.key)) return true;
    return !!two && this.spaceBefore(i - 1) && CITIZEN_BEFORE.has(`${two.key} ${one.key}`);
  }

  /** Runs the scan and returns the merged officials in order of first mention. */
  scan(): Official[] {
    const n = this.tokens.length;
    let i = 0;
    while (i < n) {
      const trig = triggerLength(this.tokens, i);
      if (trig > 0) {
        let k = i + trig;
        const nameEnd = /^\s*:?\s*$/.test(this.gapBefore(k)) ? (this.nameAt(k) ?? this.looseNameAt(k)) : null;
        if (nameEnd !== null) {
          // "gia đình ông A, Trưởng thôn ...": a citizen; skip the name so no rule reads it.
          i = this.citizenBefore(i) ? nameEnd + 1 : this.readNameList(k, true, true, i);
          continue;
        }
        i = k;
        continue;
      }
      const prev = this.tokens[i - 1];
      const startsRun = !prev || !this.spaceBefore(i) || !this.isNameWord(i - 1, this.isCapsWord(i - 1));
      const nameEnd = startsRun ? this.nameAt(i) : null;
      if (nameEnd !== null) {
        if (this.citizenBefore(i)) {
          i = nameEnd + 1;
          continue;
        }
        // "Nguyễn Văn A, Chủ tịch ...", "Nguyễn Văn A (giữa) - Chủ tịch ...": a name, then its
        // titles after punctuation (after a bare space the title belongs to what follows).
        const titleStart = /^\s+$/.test(this.gapBefore(nameEnd + 1)) ? null : this.titleStartAfter(nameEnd);
        // "Nguyễn Văn A được bầu giữ chức Chủ tịch …": the office of an election or appointment.
        const appointed = /^[ \t\u00a0]+$/.test(this.gapBefore(nameEnd + 1)) && this.appointedOfficeAt(nameEnd + 1, false) !== null;
        if ((titleStart !== null && this.headAt(titleStart)) || appointed) {
          i = this.readNameList(i, true);
          continue;
        }
      }
      if (this.headAt(i)) {
        i = this.readTitleChain(i);
        continue;
      }
      i++;
    }
    return [...this.found.values()].map((e) => ({ name: e.name, titles: fullestTitles(e.titles), spans: e.spans }));
  }

  /**
   * "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh Triệu Đình Lê": titles joined by commas
   * (or not, "Tỉnh uỷ viên BT huyện uỷ") ending at a name. Titles after the name are added too
   * ("Thượng tá Lò Văn A, Trưởng Công an huyện").
   */
  private readTitleChain(i: number): number {
    const titles: string[] = [];
    // "các Đại biểu Quốc hội A, B và C", "Các đồng chí Ủy viên BTV Tỉnh ủy: A, T1; B, T2": the
    // title belongs to every name of the list that follows.
    const plural = this.pluralBefore(i);
    let j = i;
    for (;;) {
      const read = this.readTitle(j);
      if (!read) return Math.max(j, i + 1);
      titles.push(read.title);
      if (read.nameStart !== null) {
        const nameEnd = (this.nameAt(read.nameStart) ?? this.looseNameAt(read.nameStart)) as number;
        const after = this.titlesAfter(nameEnd);
        this.record(read.nameStart, nameEnd, [...titles, ...after.titles], i);
        return plural ? this.readSharedList(after.last + 1, titles, i, true) : after.last + 1;
      }
      const nextIdx = read.last + 1;
      const gap = this.gapBefore(nextIdx);
      if (/^\s*,?\s*$/.test(gap) && !/\n/.test(gap) && this.headAt(nextIdx)) {
        j = nextIdx;
        continue;
      }
      // "Đại biểu Quốc hội: A, B, C": a colon after the title opens the list.
      if (/^[ \t\u00a0]*:[ \t\u00a0]*$/.test(gap) && this.nameAt(nextIdx) !== null) return this.readSharedList(nextIdx, titles, i, false);
      return nextIdx;
    }
  }

  /** True when "các"/"những" or "các đồng chí" stands right before token i (a plural title). */
  private pluralBefore(i: number): boolean {
    const one = this.tokens[i - 1];
    if (!one || !this.spaceBefore(i)) return false;
    if (one.key === 'các' || one.key === 'những') return true;
    return one.key === 'chí' && this.tokens[i - 2]?.key === 'đồng' && this.tokens[i - 3]?.key === 'các';
  }

  /**
   * Reads the names of a list that share `shared` titles: "A, B và C" or "A, T1; B, T2, T3" (each
   * name with its own titles too). With `separatorFirst`, the list goes on after a first name
   * already recorded (from a separator at token j); otherwise a name stands at j. Names must have
   * a listed family name (no title after them vouches for them). Returns the next index.
   */
  private readSharedList(j: number, shared: readonly string[], from: number, separatorFirst: boolean): number {
    let k = j;
    let next = j;
    for (let first = true; ; first = false) {
      if (!first || separatorFirst) {
        const gap = this.gapBefore(k);
        if (/^[ \t\u00a0]*[,;][ \t\u00a0]*$/.test(gap) && this.nameAt(k) !== null) {
          // a comma or a semicolon, then the next name
        } else if (this.tokens[k]?.key === 'và' && /^[ \t\u00a0]+$/.test(gap) && this.spaceBefore(k + 1) && this.nameAt(k + 1) !== null) k++;
        else return Math.max(next, j);
      }
      const nameEnd = this.nameAt(k);
      if (nameEnd === null) return Math.max(next, j + 1);
      const own = this.titlesAfter(nameEnd);
      this.record(k, nameEnd, [...shared, ...own.titles], from);
      next = own.last + 1;
      k = next;
    }
  }
}

/**
 * Officials named in the text with every title the article gives them, in the forms the press
 * uses: "đồng chí A, T1, T2; B, T3" lists, "Bí thư Tỉnh ủy Đặng Văn A" (title before name),
 * "đ/c Lê Văn B tỉnh uỷ viên, BT huyện uỷ" (abbreviations expanded), ranks ("Thượng tá …"),
 * "ông/bà X, Chủ tịch …", organisations with commas and dashes ("Sở Văn hóa, Thể thao và Du
 * lịch"), captions in capitals ("ĐỒNG CHÍ X, BÍ THƯ HUYỆN ỦY Y"). A title ends at the first word
 * outside the organisation vocabulary ("Chủ tịch UBND tỉnh | kiểm tra ..."). The same person
 * mentioned several ways is one entry. Not officials: people without a title ("gia đình ông
 * Dương Văn C"), citizens even with a title-like word ("hộ ông X, Trưởng thôn", "cử tri X",
 * "em X", "cháu X"), names inside places or organisations ("phường Trần Phú", "Trường THPT Chu
 * Văn An", "đường Lê Lợi", "tổ chức bất hợp pháp Dương Văn D").
 * Linear in the number of words (every scan step advances; look-ahead is bounded); a second scan
 * runs only when names in capitals need the names read in mixed case.
 *
 * @param text the text to read; `spans` point at each mention of the name in it
 */
export function extractOfficials(text: string, tokens: readonly Token[] = tokenize(text)): Official[] {
  const first = new OfficialScanner(text, tokens);
  const found = first.scan();
  if (!first.sawCapsName || found.length === 0) return found;
  // A caption in capitals names someone the body named in mixed case: scan again knowing the names.
  return new OfficialScanner(text, tokens, new Set(found.map((o) => foldVietnamese(o.name)))).scan();
}
