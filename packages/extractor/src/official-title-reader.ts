/**
 * Officials scanner, layer 3 of 4: titles (see officials.ts).
 */
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
  LEVEL_WORDS,
  NUMBERED_UNIT_WORDS,
  OBJECT_BOUNDARIES,
  OBJECT_ORG_NOUNS,
  OBJECT_WORDS,
  OFFICE_WORDS,
  ORG_NOUNS,
  ORG_PHRASES_BY_FIRST_WORD,
  STANDING_ABBREVIATION,
  TRAILING,
  VERB_LIKE_ORG_WORDS,
  capitaliseCommittees,
  formerLowerCase,
  type TitleHead,
} from './official-titles.ts';
import { BOARDS, PRIVATE_MARKERS, PRIVATE_ORGS } from './official-traps.ts';
import { capitalizeFirst, foldVietnamese, isAllCaps, isCapitalized, titleCase, type Token } from './vietnamese-text.ts';
import { NameReader } from './official-name-reader.ts';

/** Party committees as district and commune portals abbreviate them inside a title. */
const PARTY_COMMITTEE_SHORTHAND: Readonly<Record<string, string>> = { ĐU: 'Đảng ủy', HU: 'Huyện ủy', TU: 'Tỉnh ủy', QU: 'Quận ủy' };

/**
 * Layer 3: titles — one title from its head to the end of its organisation ("Phó Trưởng Ban Kinh tế -
 * Ngân sách HĐND tỉnh"), written out ("BT huyện uỷ" → "Bí thư Huyện uỷ"), and the titles after a name,
 * including the office of an election or appointment.
 */
export class TitleReader extends NameReader {
  /**
   * Reads one title starting at a head at token i. Stops before a person's name (returned as
   * `nameStart`), at punctuation, at a verb (any lower-case word outside the organisation
   * vocabulary), or where a new title starts without a comma ("Tỉnh uỷ viên BT huyện uỷ").
   */
  protected readTitle(i: number): { title: string; last: number; nameStart: number | null } | null {
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
    if (this.privateMarkerIn(i + h.words.length, last, nameStart === null)) return null;
    return { title: caps ? this.formatCapsTitle(i, last, proper) : this.formatTitle(i, last, h), last, nameStart };
  }

  /**
   * True when a private body follows a title's head at token j ("Giám đốc | Công ty TNHH …",
   * "Chủ tịch | HĐQT Công ty …", "Giám đốc | HTX …"): its head is not an official.
   */
  protected privateBodyAfter(j: number): boolean {
    if (!this.spaceBefore(j)) return false;
    // A board of directors or members' council ("HĐQT", "Hội đồng quản trị") exists only in enterprises.
    return this.phraseLengthAt(j, BOARDS) > 0 || this.phraseLengthAt(j, PRIVATE_ORGS) > 0;
  }

  /**
   * True when a private marker ("tư nhân", "TNHH", "cổ phần") stands in a title read from token
   * `from` to `last`, or (with `lookAfter`) a private marker or body ("Công ty …") a few words after it.
   */
  protected privateMarkerIn(from: number, last: number, lookAfter: boolean): boolean {
    // Why 4: the private body's name or legal form follows the cut title within a few words
    // ("Trưởng phòng Kinh doanh | Công ty TNHH …"); a boundary word ("cho biết") ends the look.
    // Not when a name follows the title: the words after it are the person's.
    for (let k = from; k <= (lookAfter ? last + 4 : last) && k < this.tokens.length; k++) {
      if (k > from && !this.spaceBefore(k)) return false;
      const t = this.tokens[k] as Token;
      if (k > last && (OBJECT_BOUNDARIES.has(t.key) || TRAILING.has(t.key))) return false;
      if (this.phraseLengthAt(k, PRIVATE_MARKERS) > 0) return true;
      if (k > last && this.phraseLengthAt(k, PRIVATE_ORGS) > 0) return true;
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
  protected fieldSyllablesEnd(j: number): number {
    const field = this.tokens[j - 1];
    const before = this.tokens[j - 2];
    if (!field || !before || !this.spaceBefore(j) || !isCapitalized(field.text) || isAllCaps(field.text)) return -1;
    const afterNoun = ORG_NOUNS.has(before.key) && this.spaceBefore(j - 1);
    // "Trung tâm Nước sạch và Vệ | sinh môi trường …": the second field of a list joined by "và".
    const afterAnd = before.key === 'và' && this.spaceBefore(j - 1) && this.spaceBefore(j - 2);
    const afterDash = /^[ \t\u00a0]*[-–][ \t\u00a0]*$/.test(this.gapBefore(j - 1));
    if (!afterNoun && !afterDash && !afterAnd) return -1;
    for (let k = j; k < j + 5; k++) {
      const w = this.tokens[k];
      if (!w || isCapitalized(w.text) || /\d/.test(w.text) || OBJECT_BOUNDARIES.has(w.key) || TRAILING.has(w.key) || this.headAt(k)) return -1;
      if (k > j && !this.spaceBefore(k)) return -1;
      const next = this.tokens[k + 1];
      const gap = this.gapBefore(k + 1);
      const short = k - j < 2;
      if (!next || this.closedAfter(k)) return short ? k : -1;
      if (!/^[ \t\u00a0]+$/.test(gap)) return -1;
      if (isAllCaps(next.text) && next.text.length > 1) return k;
      // "Nước sạch | và Vệ sinh …", "Trồng trọt | và Bảo vệ thực vật": another capitalised field follows "và".
      const field2 = this.tokens[k + 2];
      if (next.key === 'và' && field2 && this.spaceBefore(k + 2) && isCapitalized(field2.text) && !this.headAt(k + 2) && this.nameAt(k + 2) === null) return k;
      if (isCapitalized(next.text) && this.orgPhraseAt(k + 1)) return k;
      // "Trung tâm Bảo tồn | Di tích Cố đô Huế, …": the name goes on in the usual casing of a body's
      // name (each word's first syllable capitalised) up to the punctuation that closes it.
      if (short && isCapitalized(next.text) && !isAllCaps(next.text)) {
        const end = this.properNameChainEnd(k + 1);
        if (end >= 0) return end;
      }
      if (LEVEL_WORDS.has(next.key)) return k;
      if (short && (OBJECT_BOUNDARIES.has(next.key) || OBJECT_BOUNDARIES.has(`${next.key} ${this.tokens[k + 2]?.key ?? ''}`))) return k;
    }
    return -1;
  }

  /**
   * The last token of a body's name written as capitalised words of one to three syllables ("Di
   * tích Cố đô Huế") from token j, when it closes with punctuation or the end of the line within
   * ten tokens and no word in it starts a title or a person's name; else -1.
   */
  protected properNameChainEnd(j: number): number {
    let lowerRun = 0;
    for (let k = j; k < j + 10; k++) {
      const w = this.tokens[k];
      if (!w || (k > j && !this.spaceBefore(k)) || /\d/.test(w.text) || isAllCaps(w.text)) return -1;
      if (isCapitalized(w.text)) {
        if (this.headAt(k) || this.nameAt(k) !== null) return -1;
        lowerRun = 0;
      } else if (++lowerRun > 2 || k === j || OBJECT_BOUNDARIES.has(w.key) || TRAILING.has(w.key) || LEVEL_WORDS.has(w.key)) return -1;
      if (this.closedAfter(k)) return k;
    }
    return -1;
  }

  /** True when the text closes after token k: its end, a line break or punctuation (",", ";", ".", ":", ")"). */
  protected closedAfter(k: number): boolean {
    const gap = this.gapBefore(k + 1);
    return !this.tokens[k + 1] || /^\s*[,;.:)]/.test(gap) || /\n/.test(gap);
  }

  /** True when token j is an abbreviation joined to the one before by "&" or a bare comma ("NN&PTNT", "VH,TT"). */
  protected abbreviationJoinAt(j: number): boolean {
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
  protected functionObjectEnd(orgNounAt: number, j: number): { end: number; bare: boolean } | null {
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
  protected fieldListAfterComma(j: number): boolean {
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
  protected formatCapsTitle(i: number, last: number, proper: ReadonlySet<number>): string {
    let out = '';
    for (let k = i; k <= last; k++) {
      const t = this.tokens[k] as Token;
      if (k > i) out += this.gapBefore(k).replace(/\s+/g, ' ');
      out += CAPS_ABBREVIATIONS.has(t.key) || /^[IVXLC]+$/.test(t.text) ? t.text : proper.has(k) ? titleCase(t.text) : t.text.toLowerCase();
    }
    return formerLowerCase(capitalizeFirst(capitaliseCommittees(out)));
  }

  /** Title text as written, abbreviation expanded, first letter and party committees capitalised. */
  protected formatTitle(i: number, last: number, h: TitleHead): string {
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
    // Portal shorthand for the Front inside a title: "UBMTTQ VN huyện" → "Ủy ban MTTQ Việt Nam huyện".
    rest = rest
      .replace(/(?<![\p{L}])UBMTTQ ?VN(?![\p{L}])/gu, 'Ủy ban MTTQ Việt Nam')
      .replace(/(?<![\p{L}])UBMTTQ(?![\p{L}])/gu, 'Ủy ban MTTQ')
      .replace(/(?<=MTTQ )VN(?![\p{L}])/gu, 'Việt Nam');
    // Portal shorthand for party committees: "BT ĐU" → "Bí thư Đảng ủy", "PBT TT HU" → "Phó Bí thư
    // Thường trực Huyện ủy", "UV BTV TU" → "Ủy viên BTV Tỉnh ủy" (never a document number: "NQ/HU").
    rest = rest.replace(/(?<![\p{L}\p{N}/-])(ĐU|HU|TU|QU)(?![\p{L}\p{N}/-])/gu, (m) => PARTY_COMMITTEE_SHORTHAND[m] ?? m);
    const title = `${headText}${capitaliseCommittees(rest)}`.trim();
    return formerLowerCase(capitalizeFirst(title));
  }

  /**
   * Reads a comma- or space-separated list of titles after a name ending at token `nameEnd`,
   * with the office the person is elected or appointed to ("được bầu giữ chức …"); `appointedBy`
   * is true when an appointment verb stands before the name ("bầu ông A làm …").
   */
  protected titlesAfter(nameEnd: number, appointedBy = false): { titles: string[]; last: number } {
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
      // A deputy's term stays: "trúng cử Đại biểu Quốc hội khóa XVI" is how the post is named.
      const term = appointed && !/^đại biểu/u.test(foldVietnamese(read.title));
      titles.push(term ? read.title.replace(/ kh(?:óa|oá) [IVXLC]+$/iu, '') : read.title);
      last = read.last;
      j = read.last + 1;
    }
    return { titles: completeCommitteeMembership(titles), last };
  }

  /**
   * After a name, the token where the office of an election or appointment starts: "được bầu
   * giữ chức | Bí thư …", "tái đắc cử (chức) | Chủ tịch …", "(bầu ông A) làm | Chủ tịch …". Null
   * when no link stands at token j or no title follows it.
   */
  protected appointedOfficeAt(j: number, appointedBy: boolean): number | null {
    let k = j;
    const link = this.phraseLengthAt(j, APPOINTMENT_LINKS);
    if (link > 0) k = j + link;
    else if (appointedBy && this.tokens[j]?.key === 'làm') k = j + 1;
    else if (this.tokens[j]?.key === 'được') {
      const verbEnd = this.appointingBodyVerbEnd(j + 1);
      if (verbEnd === null) return null;
      k = verbEnd + 1;
      // "… bầu giữ chức", "… chỉ định làm": the link after the verb is optional.
      const after = this.phraseLengthAt(k, APPOINTMENT_LINKS) || (this.tokens[k]?.key === 'làm' ? 1 : 0);
      if (after > 0 && this.spaceBefore(k)) k += after;
    } else return null;
    if (!this.spaceBefore(k)) return null;
    const office = this.phraseLengthAt(k, OFFICE_WORDS);
    if (office > 0) k += office;
    return this.spaceBefore(k) && this.headAt(k) ? k : null;
  }

  /**
   * After "được", the body that elects or appoints and its verbs: "(được) HĐND tỉnh bầu", "(được)
   * Bộ Chính trị điều động, chỉ định", "(được) Chủ tịch UBND tỉnh bổ nhiệm". Returns the last
   * token of the verbs, or null. Why 10: the body is a short name; a longer run is another clause.
   */
  private appointingBodyVerbEnd(from: number): number | null {
    for (let k = from; k < from + 10; k++) {
      if (!this.tokens[k] || !/^[ \t\u00a0]+$/.test(this.gapBefore(k))) return null;
      const verb = this.phraseLengthAt(k, APPOINTMENT_VERBS);
      if (verb > 0) {
        let end = k + verb - 1;
        // "điều động, chỉ định", "bầu và bổ nhiệm": several verbs (why 4: a real chain has two or three).
        for (let n = 0; n < 4; n++) {
          const gap = this.gapBefore(end + 1);
          const next = /^[ \t\u00a0]*,[ \t\u00a0]*$/.test(gap) ? end + 1 : this.tokens[end + 1]?.key === 'và' && /^[ \t\u00a0]+$/.test(gap) ? end + 2 : -1;
          const more = next > 0 && (next === end + 1 || this.spaceBefore(next)) ? this.phraseLengthAt(next, APPOINTMENT_VERBS) : 0;
          if (more === 0) return end;
          end = next + more - 1;
        }
        return end;
      }
      if (OBJECT_BOUNDARIES.has(this.tokens[k]?.key ?? '') && k > from) return null;
    }
    return null;
  }

}

/** A membership naming only the committee's organ: "Ủy viên BTV", "Ủy viên Ban Chấp hành". */
const ORGAN_ONLY = /^(?:Ủy|Uỷ) viên (?:BTV|BCH|Ban Thường vụ|Ban Chấp hành)$/u;
/** The party committee that ends a title: "… Huyện ủy", "… Đảng ủy xã Tân Phú". */
const PARTY_BODY = /(?:^| )((?:Tỉnh|Huyện|Thành|Thị|Quận|Đảng) (?:ủy|uỷ)(?: (?:xã|phường|thị trấn|đặc khu))?(?: \p{Lu}[\p{L} ]*)?)$/u;

/**
 * A committee membership that names the organ but not its body ("Ủy viên BTV", "Ủy viên BCH",
 * "Ủy viên Ban Thường vụ") in a chain whose later title ends with a party committee ("Trưởng Ban
 * Dân vận Huyện ủy"): the body is written once, at the end, and is the member's too.
 */
export function completeCommitteeMembership(titles: readonly string[]): string[] {
  return titles.map((t, k) => {
    if (!ORGAN_ONLY.test(t)) return t;
    for (const later of titles.slice(k + 1)) {
      const m = PARTY_BODY.exec(later);
      if (m?.[1]) return `${t} ${m[1]}`;
    }
    return t;
  });
}

