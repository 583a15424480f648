/**
 * Officials scanner, layer 2 of 4: people's names (see officials.ts).
 */
import { GIVEN_NAME_ORG_WORDS, MARKED_MIDDLE_NAMES, NAME_STOP, SENTENCE_OPENERS, SOFT_NAME_STOP, SURNAMES } from './official-names.ts';
import { LEVEL_WORDS, TRAILING } from './official-titles.ts';
import { ORG_NAME_PRECEDERS } from './official-traps.ts';
import { foldVietnamese, isAllCaps, isCapitalized, type Token } from './vietnamese-text.ts';
import { OfficialTokens } from './official-tokens.ts';

/** The ward word, after which a capitalised run is a ward's name only if some ward or commune bears it. */
const WARD = foldVietnamese('phường');

/**
 * Layer 2: people's names — a name at a token (family name, middle name, given names that are also
 * organisation words, names in capitals bounded by names read in mixed case), names without a listed
 * family name after a trigger, and where a name starts inside a capitalised run after a title.
 */
export class NameReader extends OfficialTokens {
  /**
   * @param knownNames folded names found in mixed case by an earlier scan: they bound all-caps
   *   names in captions ("ĐỒNG CHÍ NGUYỄN VĂN AN PHÁT BIỂU" → "Nguyễn Văn An")
   */
  constructor(
    text: string,
    tokens: readonly Token[],
    protected readonly knownNames: ReadonlySet<string> = new Set(),
  ) {
    super(text, tokens);
    this.nameMemo = new Int32Array(tokens.length).fill(-2);
  }

  /** Memo of {@link nameAt} with the default length per token: -2 unknown, -1 none. */
  protected readonly nameMemo: Int32Array;

  /** Set when a name in capitals was looked at: a second scan knowing the names may bound it. */
  sawCapsName = false;

  /**
   * A word that can be part of a person's name ("Nguyễn", "Bá", "A"); with `caps`, a word of an
   * all-caps name ("NGUYỄN", "VĂN").
   */
  protected isNameWord(i: number, caps = false): boolean {
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

  /** End (inclusive) of the capitalised name-word run starting at i, or i-1 when empty. */
  protected runEnd(i: number, limit = 6, caps = this.isCapsWord(i)): number {
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
  protected givenNameOrgWord(k: number, caps: boolean): boolean {
    const t = this.tokens[k];
    if (!t || !GIVEN_NAME_ORG_WORDS.has(t.key) || !isCapitalized(t.text) || !/^\p{L}+$/u.test(t.text)) return false;
    if (t.text.length > 1 && this.isCapsWord(k) !== caps) return false;
    const next = this.tokens[k + 1];
    if (!next || !this.spaceBefore(k + 1)) return true;
    if (isCapitalized(next.text)) return false;
    return TRAILING.has(next.key) || !this.orgPhraseAt(k + 1);
  }

  /**
   * "Ngọc Văn Chung", "Sần Thị Mai": a family name outside {@link SURNAMES} still opens a name of
   * three or four words whose second word is "Văn" or "Thị", the commonest middle names.
   */
  protected markedMiddleName(i: number, e: number): boolean {
    const first = this.tokens[i];
    const middle = this.tokens[i + 1];
    if (e - i + 1 < 3 || !first || !middle || !MARKED_MIDDLE_NAMES.has(middle.key)) return false;
    // "Tại Văn Chấn, ...": a sentence-opening word before a place, not a family name.
    return !SENTENCE_OPENERS.has(first.key) && !this.isPlace(i + 1, e);
  }

  /** Does a ward or commune name of two words or more start at token i and end within i..e (the run may go on past it)? */
  protected wardNamedFrom(i: number, e: number): boolean {
    for (let k = e; k > i; k--) if (this.isWard(i, k)) return true;
    return false;
  }

  /**
   * A person's name starting exactly at token i: 2-4 name words beginning with a family name,
   * not a place ("Hà Quảng"), not after a street/school/organisation word ("đường Lê Lợi",
   * "Trường THPT Chu Văn An", "tổ chức bất hợp pháp Dương Văn Mình"). Returns the last token.
   */
  protected nameAt(i: number): number | null {
    const memo = this.nameMemo[i];
    if (memo === undefined) return null;
    if (memo !== -2) return memo === -1 ? null : memo;
    const found = this.findNameAt(i, 4);
    this.nameMemo[i] = found ?? -1;
    return found;
  }

  protected findNameAt(i: number, maxLen: number): number | null {
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
      // "phường Chu Văn An" is a ward named after a person; "UBND phường Đàm Quang Trí" (a title in
      // shorthand, then the official) is not, when no commune or ward of either system bears the name.
      const personAfterWard = prev.key === WARD && !this.wardNamedFrom(i, e);
      if (!personAfterWard && (!unless || this.tokens[i - 2]?.key !== unless)) return null;
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
  protected looseNameAt(i: number): number | null {
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
  protected splitRunAt(j: number, afterPhrase = false): { nameStart: number } | null {
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
    // Title first, family name outside SURNAMES ("… tỉnh Khưu Ngọc Diễm", "… xã Phước Thể Nhan Thành
    // Lợi cho biết"): after a bare level word or a known place, a rest of three name words that is
    // no place is the person the title names. Not in capitals (the run's end is unknown there).
    if (!caps) {
      const s = e - 2;
      const prevKey = this.tokens[j - 1]?.key ?? '';
      const afterPlace = s > j && this.isPlace(j, s - 1);
      const afterLevel = s === j && LEVEL_WORDS.has(prevKey);
      if ((afterPlace || afterLevel) && !this.isPlace(s, e) && !this.isWard(s, e) && !this.isPlace(s, s + 1) && !SENTENCE_OPENERS.has((this.tokens[s] as Token).key)) return { nameStart: s };
    }
    return null;
  }

  /**
   * The token after a name where its titles would start: after ", ", " - " or a space, or after
   * a short parenthesis ("Nguyễn Văn A (thứ hai từ trái sang), Bí thư ..."), or null.
   */
  protected titleStartAfter(nameEnd: number): number | null {
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
}
