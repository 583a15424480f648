/**
 * Officials scanner, layer 1 of 4: words, gaps, heads and places at a token (see officials.ts).
 */
import { gazetteer, placeKey } from './gazetteer.ts';
import {
  FORMER,
  OFFICE_PREFIXES,
  HEADS_BY_FIRST_WORD,
  ORG_AFTER_ABBREVIATION,
  ORG_PHRASES_BY_FIRST_WORD,
  STANDING,
  prefixedHead,
  type TitleHead,
} from './official-titles.ts';
import { foldVietnamese, isAllCaps, isCapitalized, type Token } from './vietnamese-text.ts';

/** Words that make "quyền" part of a compound noun or verb: thẩm quyền, chính quyền, ủy quyền, nhân quyền… */
const QUYEN_COMPOUND_HEADS: ReadonlySet<string> = new Set(['thẩm', 'chính', 'ủy', 'nhân', 'dân', 'bình', 'đặc', 'chủ', 'bản', 'toàn', 'trao', 'có'].map(foldVietnamese));

/**
 * The token layer the officials scanner reads through: gaps between words, title heads, organisation
 * phrases and place names at a token. Members are protected: {@link NameReader}, {@link TitleReader}
 * and the scanner build on them.
 */
export class OfficialTokens {
  constructor(
    protected readonly text: string,
    protected readonly tokens: readonly Token[],
  ) {
    this.capsMemo = new Int8Array(tokens.length).fill(-1);
  }

  protected readonly placeIndexes = (() => {
    const g = gazetteer();
    return [g.provinceIndex, g.districtIndex, g.communeIndex];
  })();

  /** Communes and wards of both systems, by folded name: is "phường X" a ward, or a person after "phường"? */
  protected readonly wardIndexes = (() => {
    const g = gazetteer();
    return [g.communeIndex, g.commune2025Index];
  })();

  /** Memo of {@link isCapsWord} per token: -1 unknown, 0 no, 1 yes. */
  protected readonly capsMemo: Int8Array;

  /** The characters between token i-1 and token i. */
  protected gapBefore(i: number): string {
    const a = this.tokens[i - 1];
    const b = this.tokens[i];
    if (!a || !b) return '';
    return this.text.slice(a.end, b.start);
  }

  protected spaceBefore(i: number): boolean {
    return /^[ \t\u00a0]+$/.test(this.gapBefore(i));
  }

  /** Head phrase starting at token i, if any. */
  protected headAt(i: number): TitleHead | null {
    const t = this.tokens[i];
    // "nguyên Phó Chủ tịch UBND tỉnh", "Quyền Giám đốc Sở": a former or acting office is still a
    // title, its prefix kept. Capitalised only where no name goes on into it: "Nguyên", "Quyền"
    // are also given names ("Lê Văn Nguyên Chủ tịch …" is no former office).
    if (t && OFFICE_PREFIXES.has(t.key) && this.spaceBefore(i + 1)) {
      const lower = t.text === t.text.toLowerCase() || isAllCaps(t.text);
      const prev = this.tokens[i - 1];
      const afterNameWord = !!prev && this.spaceBefore(i) && isCapitalized(prev.text) && !isAllCaps(prev.text);
      // "thẩm quyền Chủ tịch UBND tỉnh" (the chairman's competence), "chính quyền", "ủy quyền":
      // "quyền" closing a compound is no acting office.
      const compound = t.key !== FORMER && !!prev && this.spaceBefore(i) && QUYEN_COMPOUND_HEADS.has(prev.key);
      if (!compound && (lower || this.sentenceStartAt(i) || !afterNameWord)) {
        const inner = this.plainHeadAt(i + 1);
        return inner ? prefixedHead(t.key, inner) : null;
      }
    }
    // "Phó CT UBND huyện", "Phó BT Đảng ủy": a written-out "Phó" before an abbreviated head is its deputy.
    if (t?.key === 'phó' && this.spaceBefore(i + 1)) {
      const inner = this.plainHeadAt(i + 1);
      if (inner?.expand && !/^phó /iu.test(inner.expand) && inner.words.length === 1 && isAllCaps(this.tokens[i + 1]?.text ?? '')) return prefixedHead('phó', inner);
    }
    return this.plainHeadAt(i);
  }

  /** True when token i opens a sentence or a line. */
  protected sentenceStartAt(i: number): boolean {
    return i === 0 || /[.!?:;\n]/.test(this.gapBefore(i));
  }

  protected plainHeadAt(i: number): TitleHead | null {
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

  /** True when token i is a word in capitals ("NGUYỄN"), so a name there is read in caps mode. */
  protected isCapsWord(i: number): boolean {
    const memo = this.capsMemo[i];
    if (memo === undefined) return false;
    if (memo >= 0) return memo === 1;
    const t = this.tokens[i] as Token;
    const caps = t.text.length > 1 && isAllCaps(t.text);
    this.capsMemo[i] = caps ? 1 : 0;
    return caps;
  }

  /** True when an organisation phrase ("quản lý", "chỉ đạo", "huyện") starts at token j. */
  protected orgPhraseAt(j: number): boolean {
    const t = this.tokens[j];
    if (!t) return false;
    return (ORG_PHRASES_BY_FIRST_WORD.get(t.key) ?? []).some((p) => this.phraseAt(j, p));
  }

  protected foldedRun(from: number, to: number): string {
    return this.tokens
      .slice(from, to + 1)
      .map((t) => t.key)
      .join(' ');
  }

  protected isPlace(from: number, to: number): boolean {
    return this.namedIn(this.placeIndexes, from, to);
  }

  /** True when tokens from..to name a commune or ward, before or after the 2025 reform. */
  protected isWard(from: number, to: number): boolean {
    return this.namedIn(this.wardIndexes, from, to);
  }

  /** True when one of `indexes` holds the place name written by tokens from..to. */
  private namedIn(indexes: readonly ReadonlyMap<string, unknown>[], from: number, to: number): boolean {
    const key = placeKey(this.tokens.slice(from, to + 1).map((t) => t.text).join(' '));
    return indexes.some((index) => index.has(key));
  }

  /** Length of the word run of `phrases` starting at token j (words joined by spaces), or 0. */
  protected phraseLengthAt(j: number, phrases: readonly (readonly string[])[]): number {
    for (const p of phrases) if (this.phraseAt(j, p)) return p.length;
    return 0;
  }

  /**
   * True when the words of phrase `p` stand at token j joined by single gaps of spaces; a word
   * written with a trailing comma in the vocabulary ("phòng,") is followed by a comma in the
   * text ("Ban Chỉ huy Phòng, chống thiên tai").
   */
  protected phraseAt(j: number, p: readonly string[]): boolean {
    for (let k = 0; k < p.length; k++) {
      const w = p[k] as string;
      const comma = w.endsWith(',');
      if (this.tokens[j + k]?.key !== (comma ? w.slice(0, -1) : w)) return false;
      if (k > 0 && !(p[k - 1]?.endsWith(',') ? /^[ \t\u00a0]*,[ \t\u00a0]*$/.test(this.gapBefore(j + k)) : this.spaceBefore(j + k))) return false;
    }
    return true;
  }
}
