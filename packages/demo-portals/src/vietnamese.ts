/** Small Vietnamese text and date helpers used by the templates and the generator. */

/** The parts of an ISO timestamp with the +07:00 offset, read as written (no time-zone maths). */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/;

/** Reads `2022-11-21T17:45:00+07:00` (or `2022-11-21`) as the wall-clock time in Vietnam. */
export function parseLocal(iso: string): LocalDateTime {
  const m = ISO_LOCAL.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4] ?? 0), minute: Number(m[5] ?? 0) };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Weekday names as Vietnamese sites print them, Sunday first (matches `Date#getUTCDay`). */
const WEEKDAYS = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

/** "Thứ Hai" for 2022-11-21. */
export function weekdayName(d: LocalDateTime): string {
  return WEEKDAYS[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()] ?? 'Chủ Nhật';
}

/** "21/11/2022". */
export function ddmmyyyy(d: LocalDateTime): string {
  return `${pad2(d.day)}/${pad2(d.month)}/${d.year}`;
}

/** "17:45". */
export function hhmm(d: LocalDateTime): string {
  return `${pad2(d.hour)}:${pad2(d.minute)}`;
}

/** ISO timestamp with the Vietnam offset. */
export function toIso(d: LocalDateTime): string {
  return `${d.year}-${pad2(d.month)}-${pad2(d.day)}T${pad2(d.hour)}:${pad2(d.minute)}:00+07:00`;
}

/** `YYYY-MM-DD`. */
export function toIsoDate(d: Pick<LocalDateTime, 'year' | 'month' | 'day'>): string {
  return `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
}

/** The instant of a local Vietnam wall-clock time. */
export function toInstant(d: LocalDateTime): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day, d.hour - 7, d.minute));
}

/** Adds days to a local date (calendar maths in UTC, so no DST surprises). */
export function addDays(d: LocalDateTime, days: number): LocalDateTime {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days, d.hour, d.minute));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), hour: t.getUTCHours(), minute: t.getUTCMinutes() };
}

/** RFC 822 date for RSS `pubDate`: "Mon, 21 Nov 2022 17:45:00 +0700". */
export function rfc822(d: LocalDateTime): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const wd = days[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()];
  return `${wd}, ${pad2(d.day)} ${months[d.month - 1]} ${d.year} ${hhmm(d)}:00 +0700`;
}

/**
 * Vietnamese number formatting: "." groups thousands, "," marks decimals, trailing zeros dropped.
 * `formatVi(17.2)` → "17,2"; `formatVi(1250)` → "1.250"; `formatVi(1126.5)` → "1.126,5".
 */
export function formatVi(value: number, maxDecimals = 3): string {
  const fixed = value.toFixed(maxDecimals);
  const [intPart = '0', decPart = ''] = fixed.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const dec = decPart.replace(/0+$/, '');
  return dec ? `${grouped},${dec}` : grouped;
}

/** ASCII slug for URLs: "Bí thư Tỉnh ủy làm việc" → "bi-thu-tinh-uy-lam-viec". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 90)
    .replace(/-+$/, '');
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Escapes text for XML. */
export function escapeXml(text: string): string {
  return escapeHtml(text).replace(/'/g, '&apos;');
}
