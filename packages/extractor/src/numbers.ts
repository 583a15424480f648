/**
 * Vietnamese number rules: a dot groups thousands and a comma marks decimals ("5.012" is five
 * thousand and twelve, "28,757" is twenty-eight point seven five seven), and words multiply
 * ("17,2 nghìn", "38,2 triệu", "28,757 tỷ").
 */

/** Word multipliers as written in the press, with both spellings of "tỷ/tỉ" and "nghìn/ngàn". */
export const MULTIPLIERS: Readonly<Record<string, number>> = {
  'nghìn': 1e3,
  'ngàn': 1e3,
  'vạn': 1e4,
  'triệu': 1e6,
  'tỷ': 1e9,
  'tỉ': 1e9,
  'nghìn tỷ': 1e12,
  'nghìn tỉ': 1e12,
  'ngàn tỷ': 1e12,
};

/**
 * Parses a Vietnamese-formatted number, optionally followed by a multiplier word.
 *
 * - "5.012" → 5012, "28,757" → 28.757, "3.456,7" → 3456.7, "1.234.567" → 1234567
 * - "17,2 nghìn" → 17200, "28,757 tỷ" → 28757000000, "12,4 tỉ" → 12400000000
 * - a dot not followed by exactly three digits is read as a decimal point ("2.5" → 2.5), as
 *   careless copy sometimes writes it
 *
 * @returns the number, or null when the input is not a number
 */
export function parseVietnameseNumber(input: string): number | null {
  const text = input.normalize('NFC').trim().toLowerCase();
  // Why: a leading number then an optional multiplier word, e.g. "28,757 tỷ", "17,2 nghìn".
  const m = /^([\d.,]+)(?:\s+(nghìn tỷ|nghìn tỉ|ngàn tỷ|nghìn|ngàn|vạn|triệu|tỷ|tỉ))?$/u.exec(text);
  if (!m || !m[1]) return null;
  const base = parseDigits(m[1]);
  if (base === null) return null;
  const mult = m[2] ? (MULTIPLIERS[m[2]] ?? 1) : 1;
  return roundFloat(base * mult);
}

/** Parses the digit part only ("5.012", "28,757", "3.456,7"). */
export function parseDigits(raw: string): number | null {
  if (!/^\d/.test(raw) || /[.,]$/.test(raw) || /[.,]{2}/.test(raw)) return null;
  const commas = raw.split(',');
  if (commas.length > 2) {
    // "1,234,567": English thousands grouping.
    if (commas.slice(1).every((g) => /^\d{3}$/.test(g)) && !raw.includes('.')) return Number(commas.join(''));
    return null;
  }
  const [intPart = '', decPart] = commas;
  let integer: number;
  const dotGroups = intPart.split('.');
  if (dotGroups.length === 1) {
    integer = Number(intPart);
  } else if (dotGroups.slice(1).every((g) => /^\d{3}$/.test(g)) && /^\d{1,3}$/.test(dotGroups[0] ?? '')) {
    integer = Number(dotGroups.join(''));
  } else if (dotGroups.length === 2 && decPart === undefined) {
    // "2.5": a dot used as decimal point.
    integer = Number(intPart);
  } else {
    return null;
  }
  if (!Number.isFinite(integer)) return null;
  if (decPart === undefined) return integer;
  if (!/^\d+$/.test(decPart)) return null;
  return Number(`${integer}.${decPart}`);
}

/** Removes binary floating-point noise (17.2 * 1000 = 17200.000000000004). */
export function roundFloat(n: number): number {
  return Number.parseFloat(n.toPrecision(12));
}
