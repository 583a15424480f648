import { PROVINCE_DISTRICTS } from './provinces.ts';
import type { ArticleExpectation, BodyBlock, ExpectedDocument, ExpectedMetric, ExpectedOfficial, GeneratedArticle, Section } from './types.ts';
import { addDays, formatVi, parseLocal, slugify, toIso, toIsoDate, type LocalDateTime } from './vietnamese.ts';

/** Options of `generateArticles`. */
export interface GenerateOptions {
  /** Same seed, same articles. */
  seed: number;
  /** A province of `PROVINCES`; default "Hà Giang". */
  province?: string;
  /** Restrict events to these districts of the province (a district portal passes its own). */
  districts?: string[];
  /** Prefix of the article keys; default `g<seed>`. */
  keyPrefix?: string;
}

/** mulberry32: tiny, fast and good enough to vary test articles and resample benchmarks; the same seed gives the same stream. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(private readonly next: () => number) {}
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** `k` distinct items in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, k);
  }
}

const FAMILY = ['Nguyễn', 'Hoàng', 'Nông', 'Lò', 'Vàng', 'Triệu', 'Lý', 'Hà', 'Sầm', 'Bế', 'Lục', 'Ma', 'Đàm', 'Phùng', 'Hứa', 'Lương', 'Vi', 'Mạc', 'Đinh', 'Trần'];
const MIDDLE_MALE = ['Văn', 'Đức', 'Quốc', 'Minh', 'Xuân', 'Thanh', 'Hữu', 'Quang'];
const MIDDLE_FEMALE = ['Thị', 'Thị Thu', 'Thị Hồng', 'Thị Minh', 'Thị Kim'];
const GIVEN_MALE = ['Khải', 'Thành', 'Hưng', 'Toản', 'Phong', 'Kiên', 'Luận', 'Dũng', 'Nghĩa', 'Tâm', 'Thắng', 'Sơn', 'Cường', 'Lâm', 'Quý'];
const GIVEN_FEMALE = ['Hằng', 'Lan', 'Hương', 'Nhung', 'Thủy', 'Huyền', 'Yến', 'Nga', 'Dung', 'Hạnh'];
const PEN_NAMES = ['Minh Hải', 'Thu Trang', 'Văn Toàn', 'Ngọc Mai', 'Đức Anh', 'Thanh Bình', 'Hồng Nhung', 'Quốc Việt', 'Lê Hoa', 'Bích Ngọc'];
const HAMLETS = ['Nà Lòa', 'Khuổi Nặm', 'Bản Muồng', 'Phiêng Lầu', 'Nà Mạ', 'Lũng Cáng', 'Cốc Phường', 'Pác Ngà'];
const COMMUNES = ['Minh Khai', 'Tân Lập', 'Quang Trung', 'Hồng Phong', 'Thượng Sơn', 'Yên Thổ', 'Đồng Tâm', 'Kim Ngọc'];

/** Province-level roles: the full title list given at first mention. Their last title is used later on. */
const PROVINCE_ROLES: readonly (readonly string[])[] = [
  ['Ủy viên BCH Trung ương Đảng', 'Bí thư Tỉnh ủy'],
  ['Phó Bí thư Tỉnh ủy', 'Chủ tịch UBND tỉnh'],
  ['Phó Bí thư Thường trực Tỉnh ủy', 'Chủ tịch HĐND tỉnh'],
  ['Ủy viên Ban Thường vụ Tỉnh ủy', 'Phó Chủ tịch UBND tỉnh'],
  ['Tỉnh ủy viên', 'Phó Chủ tịch UBND tỉnh'],
  ['Ủy viên Ban Thường vụ Tỉnh ủy', 'Trưởng Ban Tuyên giáo Tỉnh ủy'],
  ['Ủy viên Ban Thường vụ Tỉnh ủy', 'Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy'],
];
const DEPARTMENT_ROLES: readonly (readonly string[])[] = [
  ['Giám đốc Sở Nông nghiệp và Phát triển nông thôn'],
  ['Giám đốc Sở Kế hoạch và Đầu tư'],
  ['Phó Giám đốc Sở Tài chính'],
  ['Giám đốc Sở Lao động – Thương binh và Xã hội'],
];
const districtRoles = (d: string): (readonly string[])[] => [
  [`Bí thư Huyện ủy ${d}`],
  ['Phó Bí thư Huyện ủy', `Chủ tịch UBND huyện ${d}`],
  [`Phó Chủ tịch UBND huyện ${d}`],
];

interface Person {
  name: string;
  titles: readonly string[];
}
const lastTitle = (p: Person): string => p.titles[p.titles.length - 1] ?? '';
const introduce = (p: Person): string => `đồng chí ${p.name}, ${p.titles.join(', ')}`;
const mention = (p: Person): string => `${lastTitle(p)} ${p.name}`;

/** Accumulates body text and the metrics written into it, in text order. */
class BodyWriter {
  readonly metrics: ExpectedMetric[] = [];
  /** A clause with figures: `parts` alternate text and metrics. */
  clause(...parts: (string | { text: string; metric: ExpectedMetric })[]): string {
    return parts
      .map((part) => {
        if (typeof part === 'string') return part;
        this.metrics.push(part.metric);
        return part.text;
      })
      .join('');
  }
}

const ha = (n: number) => ({ text: `${formatVi(n)} ha`, metric: { value: n, unit: 'ha' } });
const ho = (n: number) => ({ text: `${formatVi(n)} hộ`, metric: { value: n, unit: 'hộ' } });
/** `tenths` of a percent: 965 → "96,5%". */
const pct = (tenths: number) => ({ text: `${formatVi(tenths / 10)}%`, metric: { value: tenths / 10, unit: '%' } });
/** Hundreds of tonnes written as "nghìn tấn": 172 → "17,2 nghìn tấn" = 17 200 tấn. */
const kiloTonnes = (hundreds: number) => ({ text: `${formatVi(hundreds / 10)} nghìn tấn`, metric: { value: hundreds * 100, unit: 'tấn' } });
const tonnes = (n: number) => ({ text: `${formatVi(n)} tấn`, metric: { value: n, unit: 'tấn' } });
/** Hundredths of a billion đồng: 1245 → "12,45 tỷ đồng" = 12 450 000 000 đồng. */
const billions = (hundredths: number) => ({ text: `${formatVi(hundredths / 100)} tỷ đồng`, metric: { value: hundredths * 10_000_000, unit: 'đồng' } });
const millions = (n: number) => ({ text: `${formatVi(n)} triệu đồng`, metric: { value: n * 1_000_000, unit: 'đồng' } });

interface DocumentSpec {
  kind: string;
  number: (dice: Dice) => string;
  issuer: string;
}
const DOCUMENT_SPECS: readonly DocumentSpec[] = [
  { kind: 'Nghị quyết', number: (d) => `${d.int(1, 60)}-NQ/TU`, issuer: 'Ban Thường vụ Tỉnh ủy' },
  { kind: 'Chỉ thị', number: (d) => `${d.int(1, 30)}-CT/TU`, issuer: 'Ban Thường vụ Tỉnh ủy' },
  { kind: 'Đề án', number: (d) => `${String(d.int(1, 12)).padStart(2, '0')}-ĐA/TU`, issuer: 'Tỉnh ủy' },
  { kind: 'Kế hoạch', number: (d) => `${d.int(10, 320)}/KH-UBND`, issuer: 'UBND tỉnh' },
  { kind: 'Quyết định', number: (d) => `${d.int(100, 2600)}/QĐ-UBND`, issuer: 'UBND tỉnh' },
];

const VISIT_TOPICS = [
  'kết quả thực hiện nhiệm vụ phát triển kinh tế – xã hội',
  'tiến độ thực hiện các chương trình mục tiêu quốc gia',
  'công tác xây dựng Đảng và hệ thống chính trị ở cơ sở',
  'kết quả xây dựng nông thôn mới và giảm nghèo bền vững',
];
const CONFERENCE_TOPICS = ['phát triển nông nghiệp hàng hóa', 'phát triển kinh tế lâm nghiệp', 'phát triển du lịch cộng đồng', 'xây dựng nông thôn mới', 'giảm nghèo bền vững'];
const INSPECTION_TOPICS = ['công tác khắc phục hậu quả mưa lũ', 'tiến độ xóa nhà tạm, nhà dột nát', 'công tác phòng, chống cháy rừng', 'tiến độ giải ngân vốn đầu tư công'];

/**
 * Deterministic, varied articles for benchmarks and load tests: official visits, conferences and
 * inspections in real districts of `province`, with invented officials, figures and documents.
 * Every article's `expected` block is built while its text is written, so it is always consistent.
 * Published dates spread over 2022–2024; the event happens earlier the same day or 1–2 days before.
 */
export function generateArticles(n: number, opts: GenerateOptions): GeneratedArticle[] {
  const province = opts.province ?? 'Hà Giang';
  const all = PROVINCE_DISTRICTS[province];
  if (!all) throw new Error(`unknown province "${province}"; known: ${Object.keys(PROVINCE_DISTRICTS).join(', ')}`);
  const districts = opts.districts?.length ? opts.districts : [...all];
  const dice = new Dice(seededRandom(opts.seed * 7919 + 17));
  const prefix = opts.keyPrefix ?? `g${opts.seed}`;
  const out: GeneratedArticle[] = [];
  for (let i = 0; i < n; i++) out.push(generateOne(dice, province, districts, `${prefix}-${String(i + 1).padStart(5, '0')}`));
  return out;
}

function personName(dice: Dice, used: Set<string>): string {
  for (;;) {
    const female = dice.chance(0.35);
    const name = `${dice.pick(FAMILY)} ${dice.pick(female ? MIDDLE_FEMALE : MIDDLE_MALE)} ${dice.pick(female ? GIVEN_FEMALE : GIVEN_MALE)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function eventPhrase(dice: Dice, published: LocalDateTime): { text: string; event: LocalDateTime } {
  // An event written up the same day must have happened before the story went out: "Sáng" needs a
  // publication after noon, "Chiều" one in the evening; otherwise the event was 1–2 days earlier.
  let offset = dice.int(0, 2);
  if (offset === 0 && published.hour < 12) offset = 1;
  const event = addDays(published, -offset);
  const part = offset === 0 ? (published.hour >= 18 ? dice.pick(['Sáng', 'Chiều']) : 'Sáng') : dice.pick(['Sáng', 'Chiều', 'Ngày']);
  return { text: `${part} ${event.day}/${event.month}`, event };
}

function documentRef(dice: Dice, published: LocalDateTime, docs: ExpectedDocument[]): string {
  const spec = dice.pick(DOCUMENT_SPECS);
  const number = spec.number(dice);
  const year = published.year - dice.int(1, 3);
  const date = { year, month: dice.int(1, 12), day: dice.int(1, 28) };
  const dated = dice.chance(0.8);
  if (!docs.some((d) => d.number === number)) docs.push({ kind: spec.kind, number, date: dated ? toIsoDate(date) : null });
  return dated ? `${spec.kind} số ${number} ngày ${date.day}/${date.month}/${date.year} của ${spec.issuer}` : `${spec.kind} số ${number} của ${spec.issuer}`;
}

function figuresParagraph(dice: Dice, w: BodyWriter, lead: string): string {
  const clauses: (() => string)[] = [
    () => w.clause('toàn huyện gieo trồng được ', ha(dice.int(300, 12000)), ' cây lương thực, đạt ', pct(dice.int(850, 1060)), ' kế hoạch'),
    () => w.clause('sản lượng lương thực ước đạt ', kiloTonnes(dice.int(40, 420))),
    () => w.clause('thu ngân sách trên địa bàn đạt ', billions(dice.int(150, 9800)), ', bằng ', pct(dice.int(420, 990)), ' dự toán'),
    () => w.clause('tỷ lệ hộ nghèo giảm còn ', pct(dice.int(35, 480))),
    () => w.clause('đã hỗ trợ xây dựng nhà ở cho ', ho(dice.int(20, 1800)), ' khó khăn'),
    () => w.clause('thu nhập bình quân đầu người đạt ', millions(dice.int(18, 65)), ' mỗi năm'),
    () => w.clause('trồng mới ', ha(dice.int(50, 3000)), ' rừng sản xuất'),
    () => w.clause('thu mua ', tonnes(dice.int(30, 2400)), ' chè búp tươi cho người dân'),
    () => w.clause('có ', ho(dice.int(30, 2500)), ' tham gia liên kết sản xuất với doanh nghiệp'),
    () => w.clause('giải ngân ', billions(dice.int(200, 12000)), ' vốn đầu tư công'),
  ];
  const chosen = dice.sample(clauses, dice.int(3, 5)).map((make) => make());
  return `${lead} ${chosen.join('; ')}.`;
}

function generateOne(dice: Dice, province: string, districts: string[], key: string): GeneratedArticle {
  // Published between 2022-01-01 and 2024-12-31, 06:00–21:59 Vietnam time.
  const publishedLocal = { ...addDays(parseLocal('2022-01-01'), dice.int(0, 1095)), hour: dice.int(6, 21), minute: dice.int(0, 59) };
  const { text: when, event } = eventPhrase(dice, publishedLocal);
  const used = new Set<string>();
  const w = new BodyWriter();
  const docs: ExpectedDocument[] = [];
  const kind = dice.pick(['visit', 'conference', 'inspection'] as const);
  const [d1 = districts[0] ?? '', d2] = dice.sample(districts, Math.min(2, districts.length));
  const leader: Person = { name: personName(dice, used), titles: dice.pick(PROVINCE_ROLES) };
  const local: Person = { name: personName(dice, used), titles: dice.pick(districtRoles(d1)) };
  const people: Person[] = [leader, local];
  const blocks: BodyBlock[] = [];
  const img = (k: number) => `/uploads/${publishedLocal.year}/${String(publishedLocal.month).padStart(2, '0')}/${key}-${k}.jpg`;
  let section: Section;
  let title: string;
  let sapo: string;

  if (kind === 'visit') {
    section = 'chinh-tri';
    const guest: Person = { name: personName(dice, used), titles: dice.pick(PROVINCE_ROLES.filter((r) => r !== leader.titles)) };
    people.push(guest);
    title = `${mention(leader)} làm việc tại huyện ${d1}`;
    sapo = `${when}, ${introduce(leader)} đã có buổi làm việc với Ban Thường vụ Huyện ủy ${d1} về ${dice.pick(VISIT_TOPICS)}. Cùng dự có ${introduce(guest)}; lãnh đạo một số sở, ngành của tỉnh.`;
    blocks.push({ kind: 'figure', image: img(1), caption: `${mention(leader)} phát biểu tại buổi làm việc.` });
    blocks.push({ kind: 'p', text: figuresParagraph(dice, w, `Báo cáo tại buổi làm việc, ${introduce(local)} cho biết: từ đầu năm đến nay,`) });
    blocks.push({ kind: 'p', text: `Thực hiện ${documentRef(dice, publishedLocal, docs)}, huyện đã tập trung chỉ đạo các nhiệm vụ trọng tâm, đột phá; công tác xây dựng Đảng, xây dựng hệ thống chính trị được quan tâm; quốc phòng – an ninh được giữ vững.` });
    blocks.push({ kind: 'p', text: `Tại buổi làm việc, ${mention(guest)} đề nghị huyện tăng cường kiểm tra, giám sát, sử dụng hiệu quả các nguồn vốn được giao.` });
    blocks.push({ kind: 'p', text: `Phát biểu kết luận, ${mention(leader)} ghi nhận những kết quả huyện ${d1} đạt được; yêu cầu huyện bám sát các chỉ tiêu nghị quyết đại hội, phát huy tiềm năng, lợi thế, chăm lo đời sống nhân dân.` });
  } else if (kind === 'conference') {
    section = 'kinh-te';
    const topic = dice.pick(CONFERENCE_TOPICS);
    const years = dice.int(2, 5);
    title = `Sơ kết ${years} năm thực hiện chính sách ${topic}`;
    sapo = `${when}, UBND tỉnh tổ chức hội nghị sơ kết ${years} năm thực hiện ${documentRef(dice, publishedLocal, docs)} về ${topic}. Đồng chí ${leader.name}, ${leader.titles.join(', ')} chủ trì hội nghị.`;
    blocks.push({ kind: 'figure', image: img(1), caption: `${mention(leader)} phát biểu chỉ đạo hội nghị.` });
    const where = d2 ? `các huyện ${d1}, ${d2}` : `huyện ${d1}`;
    blocks.push({ kind: 'p', text: figuresParagraph(dice, w, `Theo báo cáo, tại ${where},`) });
    blocks.push({ kind: 'p', text: `Phát biểu tại hội nghị, ${introduce(local)} kiến nghị tỉnh tiếp tục bố trí nguồn lực, hướng dẫn thủ tục để người dân được hưởng chính sách kịp thời.` });
    blocks.push({ kind: 'p', text: `Kết luận hội nghị, ${mention(leader)} yêu cầu các sở, ngành và địa phương rà soát, tháo gỡ khó khăn, nhân rộng các mô hình hiệu quả.` });
  } else {
    section = 'xa-hoi';
    const topic = dice.pick(INSPECTION_TOPICS);
    title = `${lastTitle(leader)} kiểm tra ${topic} tại ${d1}`;
    sapo = `${when}, ${introduce(leader)} đã kiểm tra ${topic} tại huyện ${d1}.`;
    const caption = `${mention(leader)} kiểm tra thực tế tại huyện ${d1}.`;
    blocks.push({ kind: 'figure', image: img(1), caption });
    blocks.push({ kind: 'p', text: figuresParagraph(dice, w, `Đồng chí ${local.name}, ${local.titles.join(', ')} cho biết, thời gian qua`) });
    blocks.push({ kind: 'figure', image: img(2), caption });
    blocks.push({ kind: 'p', text: `Thực hiện ${documentRef(dice, publishedLocal, docs)}, huyện đã huy động lực lượng tại chỗ, chủ động phương án hỗ trợ người dân.` });
    blocks.push({ kind: 'p', text: `${mention(leader)} yêu cầu huyện bảo đảm an toàn cho nhân dân, đẩy nhanh tiến độ, không để xảy ra tiêu cực, lãng phí.` });
  }
  if (dice.chance(0.5)) {
    // A citizen named with "ông"/"bà": never an official.
    blocks.push({ kind: 'p', text: `Dịp này, đoàn công tác đã thăm, tặng quà gia đình ${dice.pick(['ông', 'bà'])} ${personName(dice, used)} ở thôn ${dice.pick(HAMLETS)}, xã ${dice.pick(COMMUNES)}.` });
  }

  const authors = dice.sample(PEN_NAMES, 2);
  const [a1 = 'Minh Hải', a2 = 'Thu Trang'] = authors;
  const style = dice.int(0, 4);
  const byline = [`Tin, ảnh: ${a1}`, `BÀI, ẢNH: ${a1}`, a1.toUpperCase(), `BÀI: ${a1} – ẢNH: ${a2}`, a1][style] ?? a1;

  const text = [sapo, ...blocks.map((b) => (b.kind === 'p' ? b.text : b.caption))].join('\n');
  const officials: ExpectedOfficial[] = people
    .filter((p) => text.includes(p.name))
    .sort((a, b) => text.indexOf(a.name) - text.indexOf(b.name))
    .map((p) => ({ name: p.name, titles: [...p.titles] }));
  const expectedDistricts = districts.filter((d) => text.includes(d)).sort((a, b) => text.indexOf(a) - text.indexOf(b));
  const expected: ArticleExpectation = {
    officials,
    province,
    districts: expectedDistricts,
    authors: style === 3 ? [a1, a2] : [a1],
    eventDate: toIsoDate(event),
    documents: docs,
    metrics: w.metrics,
  };
  return { key, slug: slugify(title), section, title, sapo, blocks, byline, publishedAt: toIso(publishedLocal), expected };
}
