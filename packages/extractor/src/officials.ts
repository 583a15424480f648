/**
 * Officials named in an article, with their titles. The scanner is four layers, one file each:
 * official-tokens.ts (words, gaps, heads, places) → official-name-reader.ts (names) →
 * official-title-reader.ts (titles) → this file (triggers, lists, traps, merging). Its vocabulary
 * is data in `vocabulary/officials/`, read by official-names.ts, official-titles.ts and
 * official-traps.ts.
 */
import type { Official, Span } from '@provnews/record';
import { triggerLength } from './official-names.ts';
import { APPOINTMENT_VERBS, fullestTitles } from './official-titles.ts';
import { CITIZEN_BEFORE, HISTORICAL_CONTEXT, HISTORICAL_LEADERS, HO_VERBS, HOUSEHOLD } from './official-traps.ts';
import { foldVietnamese, isAllCaps, titleCase, tokenize, type Token } from './vietnamese-text.ts';
import { TitleReader } from './official-title-reader.ts';

/**
 * Layer 4: the scan — triggers ("đồng chí", "ông"), lists of people, titles shared by a list, and the
 * traps (citizens, leaders of the past); merges mentions of one person.
 */
class OfficialScanner extends TitleReader {
  protected readonly found = new Map<string, { name: string; titles: string[]; titleKeys: Set<string>; spans: Span[] }>();

  /** True when an appointment verb ("bầu", "bổ nhiệm") stands right before token i or its trigger. */
  protected appointmentVerbBefore(i: number): boolean {
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
  protected historicalBefore(from: number): boolean {
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
  protected record(nameFrom: number, nameTo: number, titles: readonly string[], from = nameFrom): void {
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
  protected readNameList(i: number, requireTitle: boolean, loose = false, from = i): number {
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
  protected citizenBefore(i: number): boolean {
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
  protected readTitleChain(i: number): number {
    const titles: string[] = [];
    // "các Đại biểu Quốc hội A, B và C", "Các đồng chí Ủy viên BTV Tỉnh ủy: A, T1; B, T2": the
    // title belongs to every name of the list that follows.
    const plural = this.pluralBefore(i);
    let j = i;
    for (;;) {
      const read = this.readTitle(j);
      if (!read) return Math.max(j, i + 1);
      // "Chủ tịch Hồ Chí Minh": the leader's name read as a place; the chain names no one now.
      if (read.nameStart === null && this.endsWithHistoricalLeader(read.last)) return read.last + 1;
      titles.push(read.title);
      if (read.nameStart !== null) {
        const nameEnd = this.nameAt(read.nameStart) ?? this.looseNameAt(read.nameStart) ?? this.runEnd(read.nameStart, 4, false);
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
      // "Chủ tịch UBND xã, ông A cho biết", "Giám đốc Sở Y tế, bà B": the title, then the person.
      if (/^[ \t\u00a0]*,[ \t\u00a0]*$/.test(gap)) {
        const trig = triggerLength(this.tokens, nextIdx);
        const first = this.tokens[nextIdx]?.key;
        const nameStart = nextIdx + trig;
        const nameEnd = trig > 0 && first !== 'các' && this.spaceBefore(nameStart) ? (this.nameAt(nameStart) ?? null) : null;
        if (nameEnd !== null && !this.citizenBefore(nextIdx) && !this.historicalBefore(i)) {
          const after = this.titlesAfter(nameEnd);
          this.record(nameStart, nameEnd, [...titles, ...after.titles], i);
          return after.last + 1;
        }
      }
      // "các Đại biểu Quốc hội: A, B, C": a colon after a plural title opens the list. Not after a
      // singular one: "Tổng biên tập: A", "Giám đốc: B" are a masthead's credits, not news.
      if (plural && /^[ \t\u00a0]*:[ \t\u00a0]*$/.test(gap) && this.nameAt(nextIdx) !== null) return this.readSharedList(nextIdx, titles, i, false);
      return nextIdx;
    }
  }

  /** True when the words ending at token `last` are a leader of the past ("… Hồ Chí Minh"). */
  protected endsWithHistoricalLeader(last: number): boolean {
    // Why 2-4: Vietnamese full names are two to four words.
    for (let n = 2; n <= 4; n++) if (last - n + 1 >= 0 && HISTORICAL_LEADERS.has(this.foldedRun(last - n + 1, last))) return true;
    return false;
  }

  /** True when "các"/"những" or "các đồng chí" stands right before token i (a plural title). */
  protected pluralBefore(i: number): boolean {
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
  protected readSharedList(j: number, shared: readonly string[], from: number, separatorFirst: boolean): number {
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
