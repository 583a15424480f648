import type { Place } from '@provnews/record';
import { compactPlaceKey, gazetteer, placeKey, type AdminUnit, type Gazetteer } from './gazetteer.ts';
import { foldVietnamese, isAllCaps, isCapitalized, tokenize, type Token } from './vietnamese-text.ts';

/** Which index a cue word points into. */
type CueKind = 'province' | 'city' | 'district' | 'commune' | 'village';

interface Cue {
  /** Folded words of the cue ("huyện ủy"). */
  words: readonly string[];
  kind: CueKind;
  /** Level to prefer among same-named units, and the level reported for villages. */
  level: string | null;
}

/**
 * Words that announce an administrative unit, longest first at each start word. Cues match
 * case-insensitively ("Huyện ủy Bắc Quang", "huyện Bắc Quang", "BTV Huyện uỷ Quan Hoá");
 * the name after them must start with a capital ("xã hội" is not a commune called "hội").
 */
const CUES: readonly Cue[] = [
  { words: ['tỉnh', 'ủy'], kind: 'province', level: 'tỉnh' },
  { words: ['tỉnh'], kind: 'province', level: 'tỉnh' },
  { words: ['thành', 'phố'], kind: 'city', level: 'thành phố' },
  { words: ['thành', 'ủy'], kind: 'city', level: 'thành phố' },
  { words: ['tp'], kind: 'city', level: 'thành phố' },
  { words: ['huyện', 'ủy'], kind: 'district', level: 'huyện' },
  { words: ['huyện'], kind: 'district', level: 'huyện' },
  { words: ['quận', 'ủy'], kind: 'district', level: 'quận' },
  { words: ['quận'], kind: 'district', level: 'quận' },
  { words: ['thị', 'xã'], kind: 'district', level: 'thị xã' },
  { words: ['thị', 'ủy'], kind: 'district', level: 'thị xã' },
  { words: ['tx'], kind: 'district', level: 'thị xã' },
  { words: ['thị', 'trấn'], kind: 'commune', level: 'thị trấn' },
  { words: ['xã'], kind: 'commune', level: 'xã' },
  { words: ['phường'], kind: 'commune', level: 'phường' },
  { words: ['thôn'], kind: 'village', level: 'thôn' },
  { words: ['bản'], kind: 'village', level: 'bản' },
  { words: ['làng'], kind: 'village', level: 'làng' },
  { words: ['xóm'], kind: 'village', level: 'xóm' },
  { words: ['ấp'], kind: 'village', level: 'ấp' },
];

/**
 * Words before a village cue that make it part of another word: "nông thôn" (rural: "Sở Nông
 * nghiệp và Phát triển nông thôn <Giám đốc>"), "văn bản", "cơ bản", "kịch bản", "Nhật Bản".
 */
const VILLAGE_CUE_COMPOUND = new Set(['nông', 'văn', 'cơ', 'kịch', 'phiên', 'nhật', 'tư', 'xuất', 'căn', 'nguyên', 'bản', 'thôn', 'xóm', 'làng']);

/**
 * Common nouns of landmarks and works whose proper names may start with a village word: "thác
 * Bản Giốc", "hang Làng Đá", "chùa Thôn Thượng". After one of these, "Bản …" is a name, not a bản.
 */
const LANDMARK_BEFORE = new Set(['thác', 'hang', 'động', 'núi', 'đèo', 'chùa', 'đền', 'đình', 'miếu', 'hồ', 'suối', 'sông', 'cầu', 'chợ', 'khẩu', 'cột', 'mốc', 'đồi', 'bãi']);

/**
 * True when the village cue at token `i` is not announcing a village: part of a compound
 * ("nông thôn", "văn bản"), or the first word of a landmark's name ("thác Bản Giốc").
 */
function notAVillageCue(text: string, tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  const cue = tokens[i] as Token;
  if (!before) return false;
  const gap = text.slice(before.end, cue.start);
  if (!/^[ \t\u00a0]+$/.test(gap)) return false;
  return VILLAGE_CUE_COMPOUND.has(before.key) || LANDMARK_BEFORE.has(before.key);
}

/** Cue-like words that end a village name ("thôn Bắc Sơn xã Bắc Quỳnh"). */
const VILLAGE_STOP = new Set(['xã', 'huyện', 'tỉnh', 'phường', 'thị', 'thành', 'quận', 'thôn', 'bản']);

/** One place mention: the cue kind, candidate units, where the name sits. */
export interface PlaceMention {
  kind: CueKind;
  level: string;
  /** Name as the gazetteer writes it (or as written, for villages). */
  name: string;
  candidates: AdminUnit[];
  span: [number, number];
  /**
   * True for a unit named in a plural list ("các tỉnh Hà Giang, Lạng Sơn", "2 huyện Chi Lăng,
   * Hữu Lũng"): such lists name neighbours and partners as often as the article's own province.
   */
  inList?: boolean;
  /** A district in parentheses after its commune ("xã Minh Tâm (Nguyên Bình)"): locates, never an aside. */
  locator?: boolean;
}

/** Result of {@link resolvePlaces}. */
export interface ResolvedPlaces {
  /** Province (pre-2025 name) the article is about, or null when nothing points to one. */
  province: string | null;
  /**
   * Whether that province is named outright (a province mention such as "tỉnh X", "Tỉnh ủy X",
   * "TP.HCM", or the portal / publisher prior) rather than only inferred from its districts or
   * communes ("huyện Bắc Quang" alone).
   */
  provinceNamed: boolean;
  /** District-level units of that province named in the text (gazetteer spelling). */
  districts: string[];
  places: Place[];
}

/** Options for {@link resolvePlaces}. */
export interface ResolvePlacesOptions {
  /** The portal's province, used as a prior for ambiguous names ("Tam Nông"). Old or 2025 name. */
  priorProvince?: string | null;
  /**
   * How much the prior weighs, in votes (default 2.5, a little less than one "tỉnh X"). The
   * page's own publisher ("Báo Phú Yên") weighs more: see `publisherProvince`.
   */
  priorWeight?: number;
  /**
   * The article's publication date (any precision). From 1 July 2025 on, the 2025 system is
   * read first: commune names resolve to the 2025 communes and wards, and the province is given
   * as one of the 34 provinces.
   */
  asOf?: string | null;
}

/** The day the 34-province system took effect (Nghị quyết 202/2025/QH15). */
export const SYSTEM_2025_FROM = '2025-07-01';

/** True when a publication date falls in the 2025 system. */
export function inSystem2025(asOf: string | null | undefined): boolean {
  return !!asOf && asOf.slice(0, 10) >= SYSTEM_2025_FROM;
}

function gapIsSpace(text: string, a: Token, b: Token, allowDash: boolean): boolean {
  const gap = text.slice(a.end, b.start);
  return allowDash ? /^[ \t\u00a0]*[-–]?[ \t\u00a0]*$/.test(gap) && gap.length > 0 : /^[ \t\u00a0]+$/.test(gap);
}

/**
 * Words before a cue that make it plural, so a comma-separated list of names follows:
 * "các huyện Quang Bình, Vị Xuyên", "2 huyện Nguyên Bình, Thạch An", "hai xã A, B".
 */
const PLURAL_BEFORE_CUE = new Set(['các', 'những', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười']);

function pluralCue(tokens: readonly Token[], i: number, text: string): boolean {
  const before = tokens[i - 1];
  const cue = tokens[i];
  if (!before || !cue || !gapIsSpace(text, before, cue, false)) return false;
  return PLURAL_BEFORE_CUE.has(before.key) || /^\d{1,2}$/.test(before.text);
}

/** The gap after a listed name that continues the list: ", " or " và " (the "và" token is skipped). */
function listContinuation(text: string, tokens: readonly Token[], last: number, plural: boolean): number | null {
  const b = tokens[last];
  const next = tokens[last + 1];
  if (!b || !next) return null;
  if (next.key === 'và') {
    const after = tokens[last + 2];
    return after && gapIsSpace(text, b, next, false) && gapIsSpace(text, next, after, false) ? last + 2 : null;
  }
  if (plural && /^[ \t\u00a0]*,[ \t\u00a0]*$/.test(text.slice(b.end, next.start))) return last + 1;
  return null;
}

/** A district cue, for names read without one. */
const DISTRICT_CUE: Cue = { words: ['huyện'], kind: 'district', level: null };

/**
 * "xã Minh Tâm (Nguyên Bình)": the district of a commune in parentheses after it. Only a district
 * that one of the commune's candidates belongs to counts, so "(ảnh)" or "(Hà Giang)" do not.
 */
function districtInParentheses(
  g: Gazetteer,
  text: string,
  tokens: readonly Token[],
  communeLast: number,
  communes: readonly AdminUnit[],
): { mention: PlaceMention; last: number } | null {
  const b = tokens[communeLast];
  const open = tokens[communeLast + 1];
  if (!b || !open || !/^[ \t\u00a0]*\([ \t\u00a0]*$/.test(text.slice(b.end, open.start))) return null;
  // "(TP. Vinh)", "(huyện Tam Nông)": the locator may carry its own cue.
  const cue = matchCue(tokens, communeLast + 1, text);
  const nameAt = cue && (cue.kind === 'district' || cue.kind === 'city') ? communeLast + 1 + cue.words.length : communeLast + 1;
  const first = tokens[nameAt];
  if (!first) return null;
  const hit = lookupAt(g, text, tokens, nameAt, DISTRICT_CUE);
  const last = hit ? tokens[hit.last] : undefined;
  const after = hit ? tokens[hit.last + 1] : undefined;
  if (!hit || !last || !/^[ \t\u00a0]*\)/.test(text.slice(last.end, after?.start ?? text.length))) return null;
  const units = hit.units.filter((d) => communes.some((c) => c.province === d.province && c.district !== null && placeKey(c.district) === placeKey(d.name)));
  const unit = units[0];
  if (!unit) return null;
  return { mention: { kind: 'district', level: unit.level, name: unit.name, candidates: units, span: [first.start, last.end], locator: true }, last: hit.last };
}

function matchCue(tokens: readonly Token[], i: number, text: string): Cue | null {
  for (const cue of CUES) {
    let ok = true;
    for (let k = 0; k < cue.words.length; k++) {
      const t = tokens[i + k];
      if (!t || t.key !== cue.words[k] || (k > 0 && !gapIsSpace(text, tokens[i + k - 1] as Token, t, false))) {
        ok = false;
        break;
      }
    }
    if (ok) return cue;
  }
  return null;
}

function indexFor(g: Gazetteer, kind: CueKind, system2025 = false): Map<string, AdminUnit[]>[] {
  switch (kind) {
    case 'province':
      return [g.provinceIndex];
    case 'city':
      return [g.provinceIndex, g.districtIndex];
    case 'district':
      return [g.districtIndex];
    case 'commune':
      // A name of the other system is read too: a 2025 article recalls "xã X (cũ)", an old
      // article may name a commune that the older list spells differently.
      return system2025 ? [g.commune2025Index, g.communeIndex] : [g.communeIndex, g.commune2025Index];
    case 'village':
      return [];
  }
}

/** Longest gazetteer name starting at token `k`; names must start with a capital letter. */
function lookupAt(
  g: Gazetteer,
  text: string,
  tokens: readonly Token[],
  k: number,
  cue: Cue,
  system2025 = false,
): { units: AdminUnit[]; last: number } | null {
  const first = tokens[k];
  if (!first || !isCapitalized(first.text)) return null;
  const indexes = indexFor(g, cue.kind, system2025);
  let words: string[] = [];
  let best: { units: AdminUnit[]; last: number } | null = null;
  for (let n = 0; n < g.maxNameWords; n++) {
    const t = tokens[k + n];
    if (!t) break;
    if (n > 0 && !gapIsSpace(text, tokens[k + n - 1] as Token, t, true)) break;
    words = [...words, t.text];
    const key = placeKey(words.join(' '));
    for (const index of indexes) {
      let units = index.get(key);
      if (!units) continue;
      if (cue.kind === 'city') {
        // "thành phố Hà Nội" is a province; "thành phố Hà Giang" the district-level city.
        units = units.filter((u) => u.level === 'thành phố');
        if (units.length === 0) continue;
      } else if (cue.level && cue.kind !== 'province') {
        const sameLevel = units.filter((u) => u.level === cue.level);
        if (sameLevel.length > 0) units = sameLevel;
      }
      best = { units, last: k + n };
      break;
    }
  }
  return best;
}

/** Reads a village name after "thôn"/"bản": one to three capitalised words. */
function villageAt(text: string, tokens: readonly Token[], k: number): { name: string; last: number } | null {
  const words: string[] = [];
  let last = k;
  for (let n = 0; n < 3; n++) {
    const t = tokens[k + n];
    if (!t || !isCapitalized(t.text) || VILLAGE_STOP.has(t.key) || /\d/.test(t.text) || isAllCaps(t.text) && t.text.length > 1) break;
    if (n > 0 && !gapIsSpace(text, tokens[k + n - 1] as Token, t, false)) break;
    words.push(t.text);
    last = k + n;
  }
  return words.length > 0 ? { name: words.join(' '), last } : null;
}

/**
 * Finds every cue-announced place in the text ("huyện Bắc Quang", "Huyện ủy Bình Liêu",
 * "thị trấn Việt Quang và Vĩnh Tuy", "xã Phú Lệ", "thôn Bắc Sơn", "tỉnh Lạng Sơn"), linear in
 * the number of words.
 */
export function findPlaceMentions(text: string, tokens: readonly Token[] = tokenize(text), system2025 = false): PlaceMention[] {
  const g = gazetteer();
  const out: PlaceMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const cue = matchCue(tokens, i, text);
    if (!cue) {
      // "TP.HCM", "TPHCM": the province written as one token.
      const t = tokens[i] as Token;
      if (/^tp\.?hcm$/.test(t.key)) {
        const units = g.provinceIndex.get(placeKey(t.text)) ?? [];
        if (units[0]) out.push({ kind: 'province', level: 'thành phố', name: units[0].name, candidates: units, span: [t.start, t.end] });
      }
      i++;
      continue;
    }
    let k = i + cue.words.length;
    const cueEnd = tokens[k - 1] as Token;
    const next = tokens[k];
    // "TP. Vinh" may put a dot after the cue; a village cue may not: "các thôn, bản. Trước đó, …"
    // ends a sentence there.
    const dotAllowed = cue.kind !== 'village';
    if (!next || !gapIsSpace(text, cueEnd, next, false) && !(dotAllowed && /^\.\s*$/.test(text.slice(cueEnd.end, next.start)))) {
      i = k;
      continue;
    }
    if (cue.kind === 'village' && notAVillageCue(text, tokens, i)) {
      i = k;
      continue;
    }
    let matchedAny = false;
    const plural = pluralCue(tokens, i, text);
    // Loop handles "thị trấn Việt Quang và Vĩnh Tuy" and "các huyện Quang Bình, Vị Xuyên và
    // Bắc Mê": the same cue applies to each name of the list.
    for (;;) {
      if (cue.kind === 'village') {
        const v = villageAt(text, tokens, k);
        if (!v) break;
        const a = tokens[k] as Token;
        const b = tokens[v.last] as Token;
        out.push({ kind: 'village', level: cue.level ?? 'thôn', name: v.name, candidates: [], span: [a.start, b.end] });
        k = v.last + 1;
        matchedAny = true;
        break;
      }
      const hit = lookupAt(g, text, tokens, k, cue, system2025);
      if (!hit || !hit.units[0]) break;
      const a = tokens[k] as Token;
      const b = tokens[hit.last] as Token;
      const unit = hit.units[0];
      out.push({
        kind: cue.kind,
        level: cue.kind === 'district' || cue.kind === 'city' ? unit.level : (cue.level ?? unit.level),
        name: unit.name,
        candidates: hit.units,
        span: [a.start, b.end],
        ...(plural ? { inList: true } : {}),
      });
      matchedAny = true;
      k = hit.last + 1;
      if (cue.kind === 'commune') {
        const district = districtInParentheses(g, text, tokens, hit.last, hit.units);
        if (district) {
          out.push(district.mention);
          k = district.last + 1;
        }
      }
      const nextName = listContinuation(text, tokens, hit.last, plural);
      if (nextName !== null) {
        const more = lookupAt(g, text, tokens, nextName, cue, system2025);
        // After a comma only a unit of the cue's own level continues the list: "các huyện Bảo
        // Lạc, Bảo Lâm" but not "huyện Bảo Lạc, Cao Bằng" read as a second district.
        const sameLevel = !cue.level || cue.kind === 'province' || tokens[nextName - 1]?.key === 'và' || more?.units.some((u) => u.level === cue.level);
        if (more && sameLevel) {
          k = nextName;
          continue;
        }
      }
      break;
    }
    i = matchedAny ? k : i + cue.words.length;
  }
  return out;
}

/**
 * How a mention stands in its sentence: inside parentheses ("chuyên gia lưu trú tại thành phố X
 * (tỉnh Y)": an aside that locates something else), or marked as a former unit ("HĐND tỉnh X
 * (cũ)"). Why bounded windows: a parenthesis around a place name is short, and the scan must
 * stay linear.
 */
function mentionStanding(text: string, span: readonly [number, number]): { aside: boolean; former: boolean } {
  const before = text.slice(Math.max(0, span[0] - 40), span[0]);
  const after = text.slice(span[1], span[1] + 40);
  const open = before.lastIndexOf('(');
  const aside = open >= 0 && open > before.lastIndexOf(')') && after.includes(')') && (after.indexOf('(') < 0 || after.indexOf(')') < after.indexOf('('));
  const former = /^[ \t\u00a0]*\([ \t\u00a0]*cũ[ \t\u00a0]*\)/iu.test(after);
  return { aside, former };
}

/**
 * Resolves the places of an article: finds cue-announced mentions, votes for the province
 * (an explicit "tỉnh X" counts most, then districts, then communes, each split between the
 * provinces a name exists in; the portal's or publisher's province is a prior; a place in an
 * aside in parentheses or marked "(cũ)" counts little), then attaches every mention to that
 * province when it can. "huyện Bắc Quang" alone gives Hà Giang; "huyện Tam Nông" on a Phú Thọ
 * portal gives Phú Thọ. A commune named in several provinces goes to the one whose district the
 * text also names ("phường Lê Lợi (TP. Vinh)"). In a 2025-system article (`asOf` from 1 July
 * 2025) votes count for the 34 provinces, so the province is given in that system; every place
 * records the 2025 province that contains it (`province2025`).
 */
export function resolvePlaces(text: string, options: ResolvePlacesOptions = {}, tokens?: readonly Token[]): ResolvedPlaces {
  const g = gazetteer();
  const system2025 = inSystem2025(options.asOf);
  const toks = tokens ?? tokenize(text);
  const mentions = findPlaceMentions(text, toks, system2025);
  // In the 2025 system a vote for an old province counts for the new one that contains it.
  const votingName = (province: string): string => (system2025 ? (g.provinceIn2025(province) ?? province) : province);
  const votes = new Map<string, number>();
  const vote = (province: string, w: number): void => {
    const key = votingName(province);
    votes.set(key, (votes.get(key) ?? 0) + w);
  };
  // Provinces named outright: by a province mention ("tỉnh X", "Tỉnh ủy X", "TP.HCM") or the prior.
  const named = new Set<string>();
  const prior = options.priorProvince ? priorProvinces(g, options.priorProvince) : [];
  const priorWeight = options.priorWeight ?? 2.5;
  for (const p of prior) {
    vote(p, priorWeight / prior.length);
    named.add(votingName(p));
  }
  for (const m of mentions) {
    // A unit of the other system: in an old article, a 2025 name only where nothing older
    // matched; it is recorded but does not vote (its province is of the other system).
    if (!system2025 && m.candidates.some((u) => u.system === '2025')) continue;
    const provinces = [...new Set(m.candidates.map((u) => u.province))];
    if (provinces.length === 0) continue;
    // A province named in a plural list ("liên kết với các tỉnh Hà Giang, Lạng Sơn") is a
    // neighbour or partner more often than the subject, so it weighs less than "tỉnh X" alone.
    let weight = m.kind === 'province' ? (m.inList ? 1 : 3) : m.kind === 'district' || m.kind === 'city' ? 2 : 0.5;
    const standing = m.locator ? { aside: false, former: false } : mentionStanding(text, m.span);
    if (standing.aside) weight *= 0.25;
    if (standing.former && !system2025) weight *= 0.5;
    for (const p of provinces) vote(p, weight / provinces.length);
    if (m.kind === 'province' || namesProvinceCity(g, m, system2025)) for (const p of provinces) named.add(votingName(p));
  }
  let province: string | null = null;
  let bestVotes = 0;
  for (const [p, v] of votes) {
    if (v > bestVotes) {
      province = p;
      bestVotes = v;
    }
  }
  // "ở Sóc Trăng", "huyện Đông Anh (Hà Nội)": the province the places point to, written out bare.
  if (province !== null && !named.has(province) && bareProvinceNamed(g, text, toks, province, votingName)) named.add(province);
  // The province's units in the system the province is named in: a 2025 province stands for
  // every old province it absorbed.
  const provinceSet = new Set(province ? (system2025 ? [...(g.mergers2025.get(province) ?? []), province] : [province]) : []);
  const oldProvince = province && !system2025 ? province : null;

  // Why a loop, not push(...): a 1 MB list yields more mentions than the call stack takes arguments.
  if (oldProvince) for (const m of bareDistrictMentions(g, text, toks, oldProvince, mentions)) mentions.push(m);

  // Districts the text names, to place same-named communes: "phường Lê Lợi, TP Vinh".
  const namedDistricts = new Set<string>();
  for (const m of mentions) {
    if (m.kind !== 'district' && m.kind !== 'city') continue;
    for (const u of m.candidates) namedDistricts.add(`${u.province}|${placeKey(u.name)}`);
  }

  const places: Place[] = [];
  const seen = new Set<string>();
  const districts: string[] = [];
  for (const m of mentions) {
    const inDistrict = m.kind === 'commune' && m.candidates.length > 1 ? m.candidates.filter((u) => u.district !== null && namedDistricts.has(`${u.province}|${placeKey(u.district)}`)) : [];
    const inProvince = (inDistrict.length > 0 ? inDistrict : m.candidates).find((u) => provinceSet.has(u.province));
    const unit = inProvince ?? (inDistrict.length === 1 ? inDistrict[0] : undefined) ?? (m.candidates.length === 1 ? m.candidates[0] : undefined);
    const placeProvince = m.kind === 'village' ? province : (unit?.province ?? null);
    const name = unit?.name ?? m.name;
    // "thị trấn Yên Minh và Mậu Duệ": the unit's own level once it is known.
    const level = m.kind === 'commune' && unit ? unit.level : m.level;
    const key = `${level}|${placeKey(name)}|${placeProvince ?? ''}`;
    if (!seen.has(key)) {
      seen.add(key);
      const place: Place = { name, level, province: placeProvince, province2025: placeProvince ? g.provinceIn2025(placeProvince) : null, span: m.span };
      if (unit) place.system = unit.system ?? 'pre-2025';
      places.push(place);
    }
    const districtLevel = unit && !unit.system && !namesProvinceCity(g, m, system2025) && (unit.level === 'huyện' || unit.level === 'quận' || unit.level === 'thị xã' || (unit.level === 'thành phố' && g.districtIndex.get(placeKey(unit.name))?.includes(unit)));
    if (districtLevel && unit && (province === null || provinceSet.has(unit.province)) && !districts.some((d) => compactPlaceKey(d) === compactPlaceKey(unit.name))) {
      // A name written run together ("Đakrông") or with other marks on a transliterated syllable
      // ("Đăk Glei" for "Đắk Glei") is reported as the article writes it.
      const written = text.slice(m.span[0], m.span[1]);
      const asWritten = foldVietnamese(written) !== foldVietnamese(unit.name) && compactPlaceKey(written) === compactPlaceKey(unit.name);
      districts.push(asWritten ? written : unit.name);
    }
  }
  return { province, provinceNamed: province !== null && named.has(province), districts, places };
}

/**
 * "thành phố Đà Nẵng", "UBND TP Cần Thơ": a city that is a province itself (a centrally run city)
 * names that province, as "tỉnh X" does. In a 2025-system article "thành phố Huế" is the province
 * Huế, though the older list knows it only as the district-level city of Thừa Thiên Huế.
 */
function namesProvinceCity(g: Gazetteer, m: PlaceMention, system2025: boolean): boolean {
  if (m.kind !== 'city') return false;
  return m.candidates.some((u) => {
    if (u.level !== 'thành phố') return false;
    if (u.district === null && u.province === u.name && g.provinceIndex.get(placeKey(u.name))?.includes(u)) return true;
    // A province renamed after its city in 2025 became that city (Thừa Thiên Huế → Huế). Not a
    // province that kept its name: "thành phố Lào Cai (cũ)" is the former district-level city.
    const now = placeKey(g.provinceIn2025(u.province) ?? '');
    return system2025 && !u.system && now === placeKey(u.name) && now !== placeKey(u.province);
  });
}

/**
 * True when the province that the article's places point to is also written out as a name of its
 * own, with no level word: "nông dân ở Sóc Trăng", "huyện Đông Anh (Hà Nội)". The name must stand
 * alone (no capitalised word right before or after it: not "Báo Sóc Trăng", not "Sóc Trăng Xanh"),
 * and be the province's name in the article's system. Linear: a few lookups per capitalised word.
 */
function bareProvinceNamed(g: Gazetteer, text: string, tokens: readonly Token[], province: string, votingName: (p: string) => string): boolean {
  const target = placeKey(province);
  // The name must be the province's own in the article's system (not an old name it absorbed).
  if (!g.provinceIndex.get(target)?.some((u) => votingName(u.province) === province)) return false;
  const words = province.split(/\s+/).length;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!isCapitalized(t.text) || isAllCaps(t.text)) continue;
    const prev = tokens[i - 1];
    if (prev && gapIsSpace(text, prev, t, false) && isCapitalized(prev.text) && !BEFORE_A_PLACE.has(prev.key)) continue;
    const last = tokens[i + words - 1];
    if (!last) break;
    let ok = true;
    for (let n = 1; n < words && ok; n++) ok = gapIsSpace(text, tokens[i + n - 1] as Token, tokens[i + n] as Token, false) && isCapitalized((tokens[i + n] as Token).text);
    if (!ok || placeKey(text.slice(t.start, last.end)) !== target) continue;
    const after = tokens[i + words];
    if (after && gapIsSpace(text, last, after, false) && isCapitalized(after.text)) continue;
    return true;
  }
  return false;
}

/** Prepositions that open a sentence before a place ("Tại Mường Lát, ...", "Ở Bảo Lạc, ..."). */
const BEFORE_A_PLACE = new Set(['tại', 'ở', 'về', 'từ', 'đến', 'với']);

/** Lower-case words before a capitalised run that make it the name of something else ("trường Mường Lát", "chợ Bảo Lạc"). */
const NOT_A_DISTRICT_BEFORE = new Set(['trường', 'đường', 'phố', 'cầu', 'chợ', 'bến', 'sông', 'suối', 'núi', 'đèo', 'hồ', 'đập', 'báo', 'đài', 'cổng', 'ty', 'xã', 'phường', 'trấn', 'thôn', 'bản', 'ấp', 'xóm', 'làng', 'ngõ', 'hẻm', 'kiệt']);

/** Words before a name that make it a person's ("ông Bảo Lâm", "đồng chí Hà Quảng", "chị Hòa An"). */
const PERSON_BEFORE = new Set(['ông', 'bà', 'anh', 'chị', 'em', 'cụ', 'chí', 'thầy', 'cô', 'chú', 'bác', 'cháu', 'già']);

/**
 * "Sơn Động: Hỗ trợ người dân ..." — a line opened by a place and a colon, with no full stop at
 * its end, is the headline of another article (a leftover of a "Tin liên quan" list), not the text.
 */
function isHeadlineKicker(text: string, nameStart: number, nameEnd: number): boolean {
  if (!/^[ \t\u00a0]*:/.test(text.slice(nameEnd, nameEnd + 4))) return false;
  // Why bounded windows: a kicker line is short, and the scan must stay linear on 1 MB inputs.
  const back = text.slice(Math.max(0, nameStart - 8), nameStart);
  const lineStart = nameStart - back.length + back.lastIndexOf('\n') + 1;
  if ((lineStart === nameStart - back.length && lineStart !== 0) || text.slice(lineStart, nameStart).trim() !== '') return false;
  const ahead = text.slice(nameEnd, nameEnd + 200);
  const cut = ahead.indexOf('\n');
  if (cut === -1 && nameEnd + 200 < text.length) return false;
  const line = text.slice(lineStart, nameEnd) + (cut === -1 ? ahead : ahead.slice(0, cut));
  return !/[.!?…]["”»)]*$/u.test(line.trim());
}

/**
 * Districts of the article's province named without a cue word: "Tại Mường Lát, mưa lũ ...",
 * "người dân Nam Trà My". Only names of two words or more that are not also a province's name
 * ("Lạng Sơn" the city or the province), standing as a capitalised run of their own (not
 * "Trường THPT Bảo Lạc", not "Bảo Lạc Phát", not the house address "số 12 Bảo Lạc"), outside
 * the cue mentions already read. A one-word name ("Đakrông", "Krông Pa" is two) counts only
 * right after another district of the province in a list: "các xã biên giới của Hướng Hóa,
 * Đakrông", "huyện Mường Lát và Quan Sơn" — alone, a one-word name is too often a person's or a
 * commune's. Linear: a few lookups per word.
 */
function bareDistrictMentions(g: Gazetteer, text: string, tokens: readonly Token[], province: string, cued: readonly PlaceMention[]): PlaceMention[] {
  const own = new Map<string, AdminUnit>();
  const oneWord = new Map<string, AdminUnit>();
  for (const d of g.districts) {
    const key = placeKey(d.name);
    if (d.province !== province || g.provinceIndex.has(key)) continue;
    if (key.includes(' ')) own.set(key, d);
    oneWord.set(compactPlaceKey(d.name), d);
  }
  // Where a district of the province ends: a listed one-word name must follow one of these.
  const districtEnds = new Set(cued.filter((m) => (m.kind === 'district' || m.kind === 'city') && m.candidates.some((u) => u.province === province)).map((m) => m.span[1]));
  const covered = cued.map((m) => m.span).sort((a, b) => a[0] - b[0]);
  let c = 0;
  const out: PlaceMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!isCapitalized(t.text) || isAllCaps(t.text)) continue;
    const prev = tokens[i - 1];
    if (prev && gapIsSpace(text, prev, t, false) && ((isCapitalized(prev.text) && !BEFORE_A_PLACE.has(prev.key)) || NOT_A_DISTRICT_BEFORE.has(prev.key) || PERSON_BEFORE.has(prev.key) || /^\d+[a-z]?$/i.test(prev.text))) continue;
    const listed = oneWord.get(t.key);
    if (listed && prev && followsDistrict(text, tokens, i, districtEnds)) {
      const after = tokens[i + 1];
      if (!(after && gapIsSpace(text, t, after, false) && isCapitalized(after.text))) {
        out.push({ kind: 'district', level: listed.level, name: listed.name, candidates: [listed], span: [t.start, t.end] });
        districtEnds.add(t.end);
        continue;
      }
    }
    // "xã Lũng Cú (Vị Xuyên)": a locator after another place, judged by `districtInParentheses`.
    if (prev && /\(\s*$/.test(text.slice(prev.end, t.start))) continue;
    while (c < covered.length && (covered[c] as [number, number])[1] <= t.start) c++;
    const cover = covered[c];
    if (cover && cover[0] <= t.start) continue;
    let words = t.text;
    for (let n = 1; n < g.maxNameWords; n++) {
      const a = tokens[i + n - 1] as Token;
      const b = tokens[i + n];
      if (!b || !gapIsSpace(text, a, b, false) || !isCapitalized(b.text) || isAllCaps(b.text)) break;
      words += ` ${b.text}`;
      const unit = own.get(placeKey(words));
      const after = tokens[i + n + 1];
      if (!unit || (after && gapIsSpace(text, b, after, false) && isCapitalized(after.text))) continue;
      if (isHeadlineKicker(text, t.start, b.end)) break;
      out.push({ kind: 'district', level: unit.level, name: unit.name, candidates: [unit], span: [t.start, b.end] });
      districtEnds.add(b.end);
      i += n;
      break;
    }
  }
  return out;
}

/** True when token `i` continues a list (", " or " và ") right after a district's name. */
function followsDistrict(text: string, tokens: readonly Token[], i: number, districtEnds: ReadonlySet<number>): boolean {
  const t = tokens[i] as Token;
  const prev = tokens[i - 1];
  if (!prev) return false;
  if (prev.key === 'và') {
    const before = tokens[i - 2];
    return !!before && gapIsSpace(text, before, prev, false) && gapIsSpace(text, prev, t, false) && districtEnds.has(before.end);
  }
  return /^[ \t\u00a0]*,[ \t\u00a0]*$/.test(text.slice(prev.end, t.start)) && districtEnds.has(prev.end);
}

/** A prior province as pre-2025 provinces: a 2025 name stands for every province it absorbed. */
function priorProvinces(g: Gazetteer, name: string): string[] {
  const merged = [...g.mergers2025.entries()].find(([now]) => placeKey(now) === placeKey(name));
  const olds = merged ? [...merged[1]] : [name];
  const out: string[] = [];
  for (const old of olds) {
    const unit = g.provinceIndex.get(placeKey(old))?.[0];
    if (unit) out.push(unit.name);
  }
  return out;
}
