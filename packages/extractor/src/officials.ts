import type { Official, Span } from '@provnews/record';
import { gazetteer, placeKey } from './gazetteer.ts';
import { capitalizeFirst, foldVietnamese, isAllCaps, isCapitalized, titleCase, tokenize, type Token } from './vietnamese-text.ts';

/**
 * Family names of Vietnam's Kinh majority and of the northern mountain peoples (Tày, Nùng,
 * Dao, H'Mông, Thái) the provincial press writes about ("Lò Văn Sơn", "Giàng Seo Phử").
 * A capitalised run of words counts as a person's name when it starts with one of these, or
 * when its second word is "Văn" or "Thị" (see {@link MARKED_MIDDLE_NAMES}).
 */
const SURNAMES = new Set(
  (
    'nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý hà triệu đinh lương lò lục nông vi ' +
    'ma mã sầm giàng sùng thào vàng lù lầu mùa sình lưu chu đàm tô tạ cao mai đào quách trịnh trương đoàn lâm ' +
    'thái kiều khổng la hứa tăng lại vương phùng doãn khúc hầu mạc âu nghiêm tống đồng thân bế lành chẩu nịnh ' +
    'lộc đới bạch diệp giáp ninh trình tiêu ông lăng vy mông chảo phàn lãnh tòng cầm quàng lự bàn lèo đèo hờ ' +
    'thèn chẻo nhữ từ tôn lã lạc phí lữ khuất kim cù mẫn thạch lường quản nhâm đàng hạ ' +
    // More northern minority surnames (H'Mông, Dao, Tày, Nùng, Thái, Giáy, Lô Lô) and rarer Kinh ones.
    'ly lồ vừ xồng hạng tráng thò chang cứ sần tẩn mè kha khà cà vì ngần sái lềnh ' +
    'châu chế chung cung đậu hàn lỗ mạch thiều tiết bành biện cấn ứng ngọ văng cáp lều ' +
    // Family names of the Central Highlands (Jrai, Ê Đê, Ba Na, M'nông, K'Ho, Mạ, Cơ Tu), of the
    // south-central Chăm and Raglai, of the Khmer and of the Thái of western Nghệ An:
    // "Ksor H'Lan", "Rơ Châm Thuyên", "Điểu Brơi", "Liêng Jrang Ha Nhung", "Chau Sóc Khon", "Lô Văn Tịnh".
    'ksor rơ siu nay kpă rcom puih rah ayun niê mlô êban adrơng byă ktla hwing kbuôr mdrang ' +
    'điểu kră liêng cil bon touneh alăng bhling zơ pơloong arất coor clâu bríu ating kăn ' +
    'chamaléa pinăng katơr mấu chau danh néang lô xeo moong'
  )
    .split(' ')
    .map(foldVietnamese),
);

/** Capitalised words that open an organisation or title, never part of a person's name. */
const NAME_STOP = new Set(
  (
    'tỉnh huyện quận xã phường sở ban ủy bí chủ phó giám chánh đảng nhà khu cục bộ viện tòa mặt ' +
    'tổng thủ kế hội phòng cục'
  )
    .split(' ')
    .map(foldVietnamese),
);

/**
 * Given names that also open an organisation: a name word unless the organisation's next word
 * follows ("Dương Công Nẻng", "Hứa Văn Tài" but "Công an", "Tài chính", "Thường trực").
 */
const SOFT_NAME_STOP: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  (
    [
      ['công', 'an thương đoàn nghệ ty trình chức'],
      ['tài', 'chính nguyên'],
      ['thường', 'trực vụ'],
    ] as const
  ).map(([word, next]) => [foldVietnamese(word), new Set(next.split(' ').map(foldVietnamese))]),
);

/**
 * Organisation nouns that are also given names ("Hà Văn Ban", "Hoàng Văn Hội", "Lê Văn Đảng").
 * They end a person's name (never open one) when the name already has a family name and the
 * word is not followed by the organisation it would open: "Hà Văn Ban, Phó Bí thư ..." is a
 * name, "Trưởng Ban Dân vận", "Hà Văn | Ban quản lý" are not read as one.
 */
const GIVEN_NAME_ORG_WORDS: ReadonlySet<string> = new Set(['ban', 'hội', 'đảng', 'phòng'].map(foldVietnamese));

/**
 * Words before a capitalised run that make it a street, school, village or organisation name,
 * not a person: "đường Lê Lợi", "Trường THPT Chu Văn An", "thôn Nà Mạ", "tổ chức bất hợp pháp
 * Dương Văn Mình". Each entry is the folded word and, when it needs one, the word before it
 * that must NOT be there ("nông thôn" and "văn bản" do not announce a village).
 */
const ORG_NAME_PRECEDERS: ReadonlyMap<string, string | null> = new Map(
  (
    'đường phố phường làng xóm ấp trường thpt thcs ptdtnt ptdtbt cầu chợ đền chùa lăng tượng giải quỹ phái ty ' +
    'thôn:nông bản:văn tổ học:khoa pháp:tư non'
  )
    .split(' ')
    .map((w) => {
      const [word = '', unless] = w.split(':');
      return [foldVietnamese(word), unless ? foldVietnamese(unless) : null] as const;
    }),
);

interface TitleHead {
  words: readonly string[];
  /** Expansion for abbreviations ("BT" → "Bí thư"); null keeps the words as written. */
  expand: string | null;
  /** A whole title on its own ("Tỉnh ủy viên", "Thượng tá"): a following head starts a new title. */
  complete: boolean;
  /** Abbreviations that are titles only before an organisation ("BT huyện uỷ", not "CT MTQG"). */
  needsOrg: boolean;
}

function head(words: string, expand: string | null = null, complete = false, needsOrg = false): TitleHead {
  return { words: words.split(' ').map(foldVietnamese), expand, complete, needsOrg };
}

/**
 * Words that open a title, longest first. Abbreviations are expanded consistently
 * ("BT huyện uỷ" → "Bí thư huyện uỷ", "TUV" → "Tỉnh ủy viên"); organisation abbreviations
 * inside titles (HĐND, UBND, BTV, BCH T.Ư, ĐBQH) stay as written.
 */
const HEADS: readonly TitleHead[] = [
  head('phó chánh văn phòng'),
  head('phó chỉ huy trưởng'),
  head('phó tổng biên tập'),
  head('tổng bí thư', null, true),
  head('phó bí thư'),
  head('bí thư'),
  head('chủ tịch nước', null, true),
  head('phó chủ tịch'),
  head('chủ tịch'),
  head('phó thủ tướng', null, true),
  head('thủ tướng', null, true),
  head('bộ trưởng'),
  head('thứ trưởng'),
  head('tổng giám đốc'),
  head('phó giám đốc'),
  head('giám đốc'),
  head('phó chủ nhiệm'),
  head('chủ nhiệm'),
  head('chánh văn phòng'),
  head('chánh thanh tra'),
  head('phó chánh án'),
  head('chánh án'),
  head('phó viện trưởng'),
  head('viện trưởng'),
  head('phó cục trưởng'),
  head('cục trưởng'),
  head('vụ trưởng'),
  head('phó chi cục trưởng'),
  head('chi cục trưởng'),
  head('phó đồn trưởng'),
  head('đồn trưởng'),
  head('hiệu trưởng'),
  head('chỉ huy trưởng'),
  head('tham mưu trưởng'),
  head('tổng biên tập'),
  // "Trưởng đoàn ĐBQH khoá XIV của tỉnh": one title, the delegation's head.
  head('phó trưởng đoàn'),
  head('trưởng đoàn'),
  head('phó trưởng'),
  head('trưởng'),
  head('phó chính ủy'),
  head('chính ủy'),
  head('phó tư lệnh'),
  head('tư lệnh'),
  head('tỉnh ủy viên', null, true),
  head('huyện ủy viên', null, true),
  head('thành ủy viên', null, true),
  head('thị ủy viên', null, true),
  head('đảng ủy viên', null, true),
  head('ủy viên'),
  head('đại biểu quốc hội'),
  head('đbqh'),
  head('tuv', 'Tỉnh ủy viên', true),
  head('huv', 'Huyện ủy viên', true),
  head('uvbtv', 'Ủy viên BTV'),
  head('uvtv', 'Ủy viên BTV'),
  head('uvtw', 'Ủy viên Trung ương Đảng'),
  head('uvt.ư', 'Ủy viên Trung ương Đảng'),
  head('pbt', 'Phó Bí thư', false, true),
  head('bt', 'Bí thư', false, true),
  head('pct', 'Phó Chủ tịch', false, true),
  head('ct', 'Chủ tịch', false, true),
  head('đại tướng', null, true),
  head('thượng tướng', null, true),
  head('trung tướng', null, true),
  head('thiếu tướng', null, true),
  head('đại tá', null, true),
  head('thượng tá', null, true),
  head('trung tá', null, true),
  head('thiếu tá', null, true),
  head('đại úy', null, true),
  head('thượng úy', null, true),
  head('trung úy', null, true),
  head('thiếu úy', null, true),
];

/** Heads by their first word, so looking a head up costs a map lookup plus a few candidates. */
const HEADS_BY_FIRST_WORD: ReadonlyMap<string, readonly TitleHead[]> = (() => {
  const m = new Map<string, TitleHead[]>();
  for (const h of HEADS) {
    const first = h.words[0] ?? '';
    m.set(first, [...(m.get(first) ?? []), h]);
  }
  return m;
})();

/** The lower-case word that marks a former office ("nguyên Chủ tịch UBND tỉnh"). */
const FORMER = 'nguyên';
const formerHeads = new Map<TitleHead, TitleHead>();

/** The head "nguyên <head>": same kind of title, one word longer, "nguyên" kept in its text. */
function formerHead(inner: TitleHead): TitleHead {
  let h = formerHeads.get(inner);
  if (!h) {
    h = { words: [FORMER, ...inner.words], expand: inner.expand ? `${FORMER} ${inner.expand}` : null, complete: inner.complete, needsOrg: false };
    formerHeads.set(inner, h);
  }
  return h;
}

/**
 * "Nguyên Bí thư Tỉnh ủy" → "nguyên Bí thư Tỉnh ủy", "nguyên bí thư ..." (from capitals) →
 * "nguyên Bí thư ...": the prefix in lower case, the office capitalised as usual.
 */
function formerLowerCase(title: string): string {
  return foldVietnamese(title.slice(0, FORMER.length + 1)) === `${FORMER} ` ? `${FORMER} ${capitalizeFirst(title.slice(FORMER.length + 1))}` : title;
}

/** "Thường trực" between an abbreviated head and its organisation ("PBT Thường trực huyện ủy"). */
const STANDING = ['thường', 'trực'].map(foldVietnamese) as [string, string];

/** What may follow "BT"/"CT" for them to be titles: an organisation ("BT huyện uỷ", "CT HĐND"). */
const ORG_AFTER_ABBREVIATION = new Set(
  'huyện tỉnh thành xã phường thị quận hđnd ubnd ubmttq mttq đảng chi hội ủy liên đoàn hđqt'.split(' ').map(foldVietnamese),
);

/**
 * Lower-case words allowed inside a title's organisation part ("Giám đốc Sở Kế hoạch và đầu tư",
 * "Chánh văn phòng điều phối NTM tỉnh", "Trưởng đoàn ĐBQH khoá XIV của tỉnh"). A closed list, so
 * the verb that follows a title ("phát biểu", "làm trưởng đoàn", "chủ trì") ends it.
 */
const ORG_PHRASES: readonly (readonly string[])[] = (
  'thường trực|thường vụ|chấp hành|trung ương|ủy ban|nhân dân|hội đồng|văn phòng|điều phối|kế hoạch|đầu tư|' +
  'tài chính|xây dựng|giao thông|vận tải|nông nghiệp|phát triển|nông thôn|tài nguyên|môi trường|giáo dục|đào tạo|' +
  'y tế|văn hóa|thể thao|du lịch|công thương|nội vụ|tư pháp|lao động|thương binh|xã hội|khoa học|công nghệ|' +
  'thông tin|truyền thông|dân tộc|tôn giáo|kiểm tra|tuyên giáo|dân vận|tổ chức|nội chính|mặt trận|tổ quốc|công an|' +
  'quân sự|biên phòng|bộ chỉ huy|chỉ huy|đại biểu|quốc hội|nhiệm kỳ|chính phủ|phụ nữ|nông dân|cựu chiến binh|' +
  'thanh niên|liên đoàn|chính trị|hành chính|ngân hàng|chính sách|chi nhánh|kho bạc|hải quan|trung tâm|quản lý|' +
  'kinh tế|thanh tra|tòa án|viện kiểm sát|thi hành án|chỉ đạo|quốc gia|đảng bộ|chi bộ|đảng ủy|tỉnh ủy|huyện ủy|' +
  'thành ủy|thị ủy|thành phố|thị xã|thị trấn|khu kinh tế|cửa khẩu|liên hiệp|khuyến học|chữ thập đỏ|doanh nghiệp|' +
  'hợp tác xã|lực lượng|vũ trang|đối ngoại|ngoại vụ|thống kê|bảo hiểm|dân cử|cơ quan|thường trực|tỉnh|huyện|xã|' +
  'phường|quận|ủy|viên|ban|đoàn|của|và|khóa|sở|phòng|cục|hội|đảng|cấp|nước|bộ|ngành|thôn|bản|' +
  'chuyên trách|bộ đội|quân đội|quân khu|quốc phòng|an ninh|trật tự|an toàn|phòng chống|thiên tai|cứu nạn|' +
  'cứu hộ|tìm kiếm|phát thanh|truyền hình|nhà nước|kiểm lâm|lâm nghiệp|thủy lợi|thủy sản|chăn nuôi|thú y|' +
  'bảo vệ thực vật|khuyến nông|đất đai|dân số|gia đình|trẻ em|người cao tuổi|thương mại|dịch vụ|việc làm|' +
  'giảm nghèo|mục tiêu|đô thị|hạ tầng|cảnh sát|phòng cháy|chữa cháy|đội|chi cục|công đoàn|hữu nghị|' +
  'hòa bình|kiến trúc|quy hoạch|hoạt động|cộng đồng|' +
  // Youth-union committees are named by their level: "Bí thư Tỉnh đoàn", "Phó Bí thư Huyện đoàn".
  'tỉnh đoàn|huyện đoàn|thành đoàn|thị đoàn|đồn|đồn biên phòng|liên minh'
)
  .split('|')
  .map((p) => p.split(' ').map(foldVietnamese))
  .sort((a, b) => b.length - a.length);

/** Organisation phrases by their first word (longest first within each list). */
const ORG_PHRASES_BY_FIRST_WORD: ReadonlyMap<string, readonly (readonly string[])[]> = (() => {
  const m = new Map<string, (readonly string[])[]>();
  for (const p of ORG_PHRASES) {
    const first = p[0] ?? '';
    m.set(first, [...(m.get(first) ?? []), p]);
  }
  return m;
})();

const COMMITTEE = foldVietnamese('ủy');

/** Organisation nouns whose lower-case object may follow ("Ban quản lý dự án ... huyện"); see `functionObjectEnd`. */
const OBJECT_ORG_NOUNS: ReadonlySet<string> = new Set('ban tâm đoàn đội hội phòng'.split(' ').map(foldVietnamese));

/** Why 8: an organisation's object is a short noun phrase ("các chương trình mục tiêu quốc gia"). */
const OBJECT_WORDS = 8;

/**
 * Words that end a title wherever they stand: prepositions, auxiliaries and the verbs that follow
 * a title in reports ("Trưởng Ban Tổ chức | phát biểu tại huyện"). One or two folded words.
 */
const OBJECT_BOUNDARIES: ReadonlySet<string> = new Set(
  (
    'tại|với|về|cho|của|cùng|đã|đang|sẽ|vừa|mới|là|được|bị|trong|đến|tới|từ|theo|khi|để|có|không|nhằm|nhưng|mà|thì|' +
    'làm|đi|ra|vào|lên|trên|dưới|sau|trước|nên|cũng|đều|còn|rất|này|đó|ở|trao|tặng|thăm|dự|nêu|đề nghị|yêu cầu|' +
    'phát biểu|nhấn mạnh|chủ trì|báo cáo|cho biết|làm việc|đánh giá|giới thiệu|khẳng định|quán triệt|trình bày|' +
    'kiểm tra|chỉ đạo|ghi nhận|biểu dương|đồng chí|ông|bà'
  )
    .split('|')
    .map(foldVietnamese),
);

/** Last words of army units that are numbered: "Quân khu 2", "Sư đoàn 316", "Trung đoàn 12", "Bệnh viện 103". */
const NUMBERED_UNIT_WORDS: ReadonlySet<string> = new Set(['khu', 'đoàn', 'đội', 'viện', 'vùng'].map(foldVietnamese));

/** Connector words that cannot end a title ("Bí thư Tỉnh ủy và các thành viên ..."). */
const TRAILING = new Set(['và', 'của', 'cùng']);

/**
 * Organisation words that are also verbs ("kiểm tra", "chỉ đạo", "xây dựng"). In lower case they
 * belong to a title only right after an organisation noun or "và" ("Ủy ban kiểm tra", "Ban chỉ
 * đạo", "Sở Kế hoạch và đầu tư"); elsewhere they are the verb after the title: "Chủ tịch UBND
 * tỉnh kiểm tra ...", "Giám đốc Sở Y tế chỉ đạo ...".
 */
const VERB_LIKE_ORG_WORDS: ReadonlySet<string> = new Set(
  'kiểm tra|chỉ đạo|phát triển|xây dựng|quản lý|tổ chức|đào tạo|điều phối|đầu tư|giáo dục|thanh tra|chỉ huy|khuyến học|thông tin|thống kê'
    .split('|')
    .map(foldVietnamese),
);

/** Nouns that open an organisation and may be followed by its field in lower case ("Ban chỉ đạo"). */
const ORG_NOUNS: ReadonlySet<string> = new Set(
  'sở ban phòng cục vụ viện bộ hội ủy đoàn tâm trung tâm đội đồn'.split(' ').map(foldVietnamese),
);

/**
 * Administrative level words. After one that no place name follows ("Chủ tịch UBND tỉnh"), the
 * organisation is complete: only "khóa", "nhiệm kỳ" or "của" may continue the title in lower case.
 */
const LEVEL_WORDS: ReadonlySet<string> = new Set(
  'tỉnh|huyện|xã|phường|quận|thị xã|thị trấn|thành phố'.split('|').map(foldVietnamese),
);
const AFTER_LEVEL_WORD: ReadonlySet<string> = new Set(['khóa', 'nhiệm', 'của'].map(foldVietnamese));

/**
 * Words before a person that make them a citizen, not an official, even when a title follows:
 * "gia đình ông A", "hộ bà B", "cử tri C", "em D", "cháu E". Matched on the one or two words
 * before the name (or before "ông"/"bà").
 */
const CITIZEN_BEFORE: ReadonlySet<string> = new Set(
  'gia đình|hộ|hộ gia đình|cử tri|em|cháu|cụ|bé|học sinh|sinh viên|bệnh nhân|nạn nhân|bị cáo|đối tượng|thí sinh|nhà ông|nhà bà'
    .split('|')
    .map(foldVietnamese),
);

/**
 * Private bodies whose heads are not officials: "Giám đốc Công ty TNHH Chè Xanh", "Giám đốc
 * công ty", "Giám đốc HTX", "Chủ tịch HĐQT Tập đoàn …", "Chủ nhiệm Hợp tác xã …". Folded word
 * runs matched right after a title's head (and an optional board, "HĐQT").
 */
const PRIVATE_ORGS: readonly (readonly string[])[] = (
  'công ty|htx|hợp tác xã|doanh nghiệp|tập đoàn|ngân hàng tmcp|nhà máy|cơ sở|trang trại|tổ hợp tác|homestay|hộ kinh doanh|khách sạn|nhà hàng'
)
  .split('|')
  .map((p) => p.split(' ').map(foldVietnamese));

/** A company's board between a head and the company: "Chủ tịch HĐQT", "Chủ tịch Hội đồng quản trị". */
const BOARDS: readonly (readonly string[])[] = 'hđqt|hđtv|hội đồng quản trị|hội đồng thành viên'
  .split('|')
  .map((p) => p.split(' ').map(foldVietnamese));

/** Organisation abbreviations kept in capitals when an all-caps title is re-cased. */
const CAPS_ABBREVIATIONS: ReadonlySet<string> = new Set(
  'ubnd hđnd mttq ubmttq bch btv đbqh tw t.ư nq tu hu hđqt ntm ctmtqg vh tt dl lđtbxh'.split(' ').map(foldVietnamese),
);

/** Heads that name a body after "Đoàn" ("Đoàn ĐBQH tỉnh", "Đoàn đại biểu Quốc hội"). */
const DELEGATION_HEADS: ReadonlySet<string> = new Set(['đbqh', 'đại']);
const DELEGATION = foldVietnamese('đoàn');
const CONCURRENTLY = foldVietnamese('kiêm');

/** What a delegation is sent to do, after "Trưởng đoàn": "công tác", "giám sát", "kiểm tra". */
const DELEGATION_PURPOSES: readonly (readonly string[])[] = 'công tác|giám sát|khảo sát|kiểm tra|thanh tra|kiểm toán'
  .split('|')
  .map((p) => p.split(' ').map(foldVietnamese));

/** Words that open a sentence in capitals but are never family names ("Tại", "Theo", "Với"). */
const SENTENCE_OPENERS: ReadonlySet<string> = new Set(
  'tại theo với từ ở cho về do trong khi sau trước để của và các những đến tới qua bởi nhờ cùng dù nếu thăm gặp còn nay riêng ngoài'
    .split(' ')
    .map(foldVietnamese),
);

/** Verbs that make "hộ" part of a verb, not "household": "ủng hộ ông A", "cứu hộ", "bảo hộ". */
const HO_VERBS: ReadonlySet<string> = new Set(['ủng', 'cứu', 'bảo', 'giúp'].map(foldVietnamese));
const HOUSEHOLD = foldVietnamese('hộ');

/** Middle names that mark a person's name even with an unknown family name ("Ngọc Văn A", "Sần Thị B"). */
const MARKED_MIDDLE_NAMES: ReadonlySet<string> = new Set(['văn', 'thị']);

/**
 * Honorifics before a name that are not part of it: "Bs Lò Văn A", "TS Hà Thị B", "thầy Lê Văn C".
 * Like "ông"/"bà" they make no one an official by themselves: a title must follow.
 */
const HONORIFICS: ReadonlySet<string> = new Set('bs ths ts pgs gs ks thầy cô'.split(' ').map(foldVietnamese));

/** Words that introduce people: "đồng chí", "đ/c", "ông", "bà". */
function triggerLength(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  if (!t) return 0;
  // "cô" only in lower case: capitalised it opens places ("huyện Cô Tô").
  if (t.key === 'đ/c' || t.key === 'ông' || t.key === 'bà' || (HONORIFICS.has(t.key) && (t.key !== 'cô' || t.text === 'cô'))) return 1;
  // "bác sĩ Lò Văn A – Giám đốc Trung tâm Y tế huyện", "thạc sĩ …", "tiến sĩ …".
  if ((t.key === 'bác' || t.key === 'thạc' || t.key === 'tiến') && tokens[i + 1]?.key === 'sĩ') return 2;
  if ((t.key === 'đồng' && tokens[i + 1]?.key === 'chí')) return 2;
  if (t.key === 'các' && tokens[i + 1]?.key === 'đồng' && tokens[i + 2]?.key === 'chí') return 3;
  return 0;
}

/**
 * A person's titles without those a fuller mention extends: "Thứ trưởng" is dropped when
 * "Thứ trưởng Bộ Y tế" was also read ("Thứ trưởng A" then "Thứ trưởng Bộ Y tế A").
 */
function fullestTitles(titles: readonly string[]): string[] {
  // Why sorted: every key extending "k " sorts right after "k" (no key holds a character below
  // the space), so one look at the next key suffices and the check stays O(n log n).
  const keys = [...new Set(titles.map(foldVietnamese))].sort();
  const extended = new Set(keys.filter((k, m) => keys[m + 1]?.startsWith(`${k} `)));
  return titles.filter((t) => !extended.has(foldVietnamese(t)));
}

/** Scans tokens for officials; carries the text for gap checks. */
class OfficialScanner {
  private readonly found = new Map<string, { name: string; titles: string[]; titleKeys: Set<string>; spans: Span[] }>();
  private readonly placeIndexes = (() => {
    const g = gazetteer();
    return [g.provinceIndex, g.districtIndex, g.communeIndex];
  })();

  /** Memo of {@link nameAt} with the default length per token: -2 unknown, -1 none. */
  private readonly nameMemo: Int32Array;

  /** Set when a name in capitals was looked at: a second scan knowing the names may bound it. */
  sawCapsName = false;

  /**
   * @param knownNames folded names found in mixed case by an earlier scan: they bound all-caps
   *   names in captions ("ĐỒNG CHÍ NGUYỄN VĂN AN PHÁT BIỂU" → "Nguyễn Văn An")
   */
  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly knownNames: ReadonlySet<string> = new Set(),
  ) {
    this.nameMemo = new Int32Array(tokens.length).fill(-2);
    this.capsMemo = new Int8Array(tokens.length).fill(-1);
  }

  /** Memo of {@link isCapsWord} per token: -1 unknown, 0 no, 1 yes. */
  private readonly capsMemo: Int8Array;

  /** The characters between token i-1 and token i. */
  private gapBefore(i: number): string {
    const a = this.tokens[i - 1];
    const b = this.tokens[i];
    if (!a || !b) return '';
    return this.text.slice(a.end, b.start);
  }

  private spaceBefore(i: number): boolean {
    return /^[ \t\u00a0]+$/.test(this.gapBefore(i));
  }

  /** Head phrase starting at token i, if any. */
  headAt(i: number): TitleHead | null {
    const t = this.tokens[i];
    // "nguyên Phó Chủ tịch UBND tỉnh": a former office is still a title, "nguyên" kept in it.
    // In capitals only at a sentence's start: "Nguyên" is also a given name ("Lê Văn Nguyên").
    if (t && t.key === FORMER && this.spaceBefore(i + 1) && (t.text === FORMER || t.text === 'NGUYÊN' || (t.text === 'Nguyên' && this.sentenceStartAt(i)))) {
      const inner = this.plainHeadAt(i + 1);
      return inner ? formerHead(inner) : null;
    }
    return this.plainHeadAt(i);
  }

  /** True when token i opens a sentence or a line. */
  private sentenceStartAt(i: number): boolean {
    return i === 0 || /[.!?:;\n]/.test(this.gapBefore(i));
  }

  private plainHeadAt(i: number): TitleHead | null {
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
        // "PBT Thường trực huyện ủy": the standing deputy, then the organisation.
        let o = i + h.words.length;
        if (this.tokens[o]?.key === STANDING[0] && this.tokens[o + 1]?.key === STANDING[1] && this.spaceBefore(o) && this.spaceBefore(o + 1)) o += 2;
        const next = this.tokens[o];
        if (!t || !isAllCaps(t.text) || !next || !ORG_AFTER_ABBREVIATION.has(next.key) || !this.spaceBefore(o)) continue;
      }
      return h;
    }
    return null;
  }

  /**
   * A word that can be part of a person's name ("Nguyễn", "Bá", "A"); with `caps`, a word of an
   * all-caps name ("NGUYỄN", "VĂN").
   */
  private isNameWord(i: number, caps = false): boolean {
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

  /** True when token i is a word in capitals ("NGUYỄN"), so a name there is read in caps mode. */
  private isCapsWord(i: number): boolean {
    const memo = this.capsMemo[i];
    if (memo === undefined) return false;
    if (memo >= 0) return memo === 1;
    const t = this.tokens[i] as Token;
    const caps = t.text.length > 1 && isAllCaps(t.text);
    this.capsMemo[i] = caps ? 1 : 0;
    return caps;
  }

  /** End (inclusive) of the capitalised name-word run starting at i, or i-1 when empty. */
  private runEnd(i: number, limit = 6, caps = this.isCapsWord(i)): number {
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
  private givenNameOrgWord(k: number, caps: boolean): boolean {
    const t = this.tokens[k];
    if (!t || !GIVEN_NAME_ORG_WORDS.has(t.key) || !isCapitalized(t.text) || !/^\p{L}+$/u.test(t.text)) return false;
    if (t.text.length > 1 && this.isCapsWord(k) !== caps) return false;
    const next = this.tokens[k + 1];
    if (!next || !this.spaceBefore(k + 1)) return true;
    if (isCapitalized(next.text)) return false;
    return TRAILING.has(next.key) || !this.orgPhraseAt(k + 1);
  }

  /** True when an organisation phrase ("quản lý", "chỉ đạo", "huyện") starts at token j. */
  private orgPhraseAt(j: number): boolean {
    const t = this.tokens[j];
    if (!t) return false;
    return (ORG_PHRASES_BY_FIRST_WORD.get(t.key) ?? []).some((p) => p.every((w, k) => this.tokens[j + k]?.key === w && (k === 0 || this.spaceBefore(j + k))));
  }

  /**
   * "Ngọc Văn Chung", "Sần Thị Mai": a family name outside {@link SURNAMES} still opens a name of
   * three or four words whose second word is "Văn" or "Thị", the commonest middle names.
   */
  private markedMiddleName(i: number, e: number): boolean {
    const first = this.tokens[i];
    const middle = this.tokens[i + 1];
    if (e - i + 1 < 3 || !first || !middle || !MARKED_MIDDLE_NAMES.has(middle.key)) return false;
    // "Tại Văn Chấn, ...": a sentence-opening word before a place, not a family name.
    return !SENTENCE_OPENERS.has(first.key) && !this.isPlace(i + 1, e);
  }

  private foldedRun(from: number, to: number): string {
    return this.tokens
      .slice(from, to + 1)
      .map((t) => t.key)
      .join(' ');
  }

  private isPlace(from: number, to: number): boolean {
    const key = placeKey(this.tokens.slice(from, to + 1).map((t) => t.text).join(' '));
    return this.placeIndexes.some((index) => index.has(key));
  }

  /**
   * A person's name starting exactly at token i: 2-4 name words beginning with a family name,
   * not a place ("Hà Quảng"), not after a street/school/organisation word ("đường Lê Lợi",
   * "Trường THPT Chu Văn An", "tổ chức bất hợp pháp Dương Văn Mình"). Returns the last token.
   */
  nameAt(i: number): number | null {
    const memo = this.nameMemo[i];
    if (memo === undefined) return null;
    if (memo !== -2) return memo === -1 ? null : memo;
    const found = this.findNameAt(i, 4);
    this.nameMemo[i] = found ?? -1;
    return found;
  }

  private findNameAt(i: number, maxLen: number): number | null {
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
      if (!unless || this.tokens[i - 2]?.key !== unless) return null;
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
  private looseNameAt(i: number): number | null {
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
  private splitRunAt(j: number, afterPhrase = false): { nameStart: number } | null {
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
    return null;
  }

  /**
   * Reads one title starting at a head at token i. Stops before a person's name (returned as
   * `nameStart`), at punctuation, at a verb (any lower-case word outside the organisation
   * vocabulary), or where a new title starts without a comma ("Tỉnh uỷ viên BT huyện uỷ").
   */
  private readTitle(i: number): { title: string; last: number; nameStart: number | null } | null {
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
      if (!/^[ \t\u00a0]+$/.test(gap)) {
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
      // "Chánh Văn phòng Đoàn ĐBQH": after "Đoàn" the deputies are the delegation, not a new title.
      const delegation = (this.tokens[j - 1] as Token).key === DELEGATION && DELEGATION_HEADS.has(t.key);
      if ((orgWords > 0 || h.complete) && !delegation && this.headAt(j)) break;
      // Phrases first, in any case: "Ủy ban Kiểm tra", "Sở Kế hoạch và đầu tư", "Thường trực".
      const phrase = (ORG_PHRASES_BY_FIRST_WORD.get(t.key) ?? []).find((p) => p.every((w, k) => this.tokens[j + k]?.key === w && (k === 0 || this.spaceBefore(j + k))));
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
      break;
    }
    while (last >= i + h.words.length && TRAILING.has((this.tokens[last] as Token).key)) last--;
    // "Trưởng Ban Kinh tế Trung ương | và đoàn công tác": a bare lower-case body after "và" is
    // the company the official came with, not part of the title.
    const end = this.tokens[last] as Token;
    if (last - 1 > i + h.words.length && !isCapitalized(end.text) && ORG_NOUNS.has(end.key) && this.tokens[last - 1]?.key === 'và') last -= 2;
    return { title: caps ? this.formatCapsTitle(i, last, proper) : this.formatTitle(i, last, h), last, nameStart };
  }

  /** Length of the word run of `phrases` starting at token j (words joined by spaces), or 0. */
  private phraseLengthAt(j: number, phrases: readonly (readonly string[])[]): number {
    for (const p of phrases) if (p.every((w, k) => this.tokens[j + k]?.key === w && (k === 0 || this.spaceBefore(j + k)))) return p.length;
    return 0;
  }

  /**
   * True when a private body follows a title's head at token j ("Giám đốc | Công ty TNHH …",
   * "Chủ tịch | HĐQT Công ty …", "Giám đốc | HTX …"): its head is not an official.
   */
  private privateBodyAfter(j: number): boolean {
    if (!this.spaceBefore(j)) return false;
    const board = this.phraseLengthAt(j, BOARDS);
    if (board > 0 && !this.spaceBefore(j + board)) return false;
    return this.phraseLengthAt(j + board, PRIVATE_ORGS) > 0;
  }

  /** True when token j is an abbreviation joined to the one before by "&" or a bare comma ("NN&PTNT", "VH,TT"). */
  private abbreviationJoinAt(j: number): boolean {
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
  private functionObjectEnd(orgNounAt: number, j: number): { end: number; bare: boolean } | null {
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
  private fieldListAfterComma(j: number): boolean {
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
  private formatCapsTitle(i: number, last: number, proper: ReadonlySet<number>): string {
    let out = '';
    for (let k = i; k <= last; k++) {
      const t = this.tokens[k] as Token;
      if (k > i) out += this.gapBefore(k).replace(/\s+/g, ' ');
      out += CAPS_ABBREVIATIONS.has(t.key) || /^[IVXLC]+$/.test(t.text) ? t.text : proper.has(k) ? titleCase(t.text) : t.text.toLowerCase();
    }
    return formerLowerCase(capitalizeFirst(this.capitaliseCommittees(out)));
  }

  /** Title text as written, abbreviation expanded, first letter and party committees capitalised. */
  private formatTitle(i: number, last: number, h: TitleHead): string {
    const start = (this.tokens[i] as Token).start;
    const headEnd = (this.tokens[i + h.words.length - 1] as Token).end;
    const end = (this.tokens[last] as Token).end;
    const headText = h.expand ?? this.text.slice(start, headEnd);
    const rest = this.text.slice(headEnd, end).replace(/\s+/g, ' ');
    const title = `${headText}${this.capitaliseCommittees(rest)}`.trim();
    return formerLowerCase(capitalizeFirst(title));
  }

  /** Why: "BT huyện uỷ" is written as "Bí thư Huyện uỷ": party committees are proper nouns. */
  private capitaliseCommittees(text: string): string {
    return text.replace(/(^| )(tỉnh|huyện|thành|thị|đảng)( (?:ủy|uỷ))(?= |$)/gu, (_m, sp: string, w: string, u: string) => `${sp}${capitalizeFirst(w)}${u}`);
  }

  /**
   * The token after a name where its titles would start: after ", ", " - " or a space, or after
   * a short parenthesis ("Nguyễn Văn A (thứ hai từ trái sang), Bí thư ..."), or null.
   */
  private titleStartAfter(nameEnd: number): number | null {
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

  /** Reads a comma- or space-separated list of titles after a name ending at token `nameEnd`. */
  private titlesAfter(nameEnd: number): { titles: string[]; last: number } {
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
      const read = this.headAt(j) ? this.readTitle(j) : null;
      if (!read || read.nameStart !== null) break;
      titles.push(read.title);
      last = read.last;
      j = read.last + 1;
    }
    return { titles, last };
  }

  private record(nameFrom: number, nameTo: number, titles: readonly string[]): void {
    const a = this.tokens[nameFrom] as Token;
    const b = this.tokens[nameTo] as Token;
    const written = this.tokens
      .slice(nameFrom, nameTo + 1)
      .map((t) => t.text)
      .join(' ');
    const name = isAllCaps(written.replace(/\s/g, '')) ? titleCase(written) : written;
    const key = foldVietnamese(name);
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
  private readNameList(i: number, requireTitle: boolean, loose = false): number {
    let j = i;
    let next = i;
    const nameAt = (k: number): number | null => this.nameAt(k) ?? (loose ? this.looseNameAt(k) : null);
    for (;;) {
      const nameEnd = nameAt(j);
      if (nameEnd === null) break;
      const { titles, last } = this.titlesAfter(nameEnd);
      if (titles.length === 0 && requireTitle) break;
      if (titles.length > 0) this.record(j, nameEnd, titles);
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
  private citizenBefore(i: number): boolean {
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
          i = this.citizenBefore(i) ? nameEnd + 1 : this.readNameList(k, true, true);
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
        if (titleStart !== null && this.headAt(titleStart)) {
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
  private readTitleChain(i: number): number {
    const titles: string[] = [];
    let j = i;
    for (;;) {
      const read = this.readTitle(j);
      if (!read) return Math.max(j, i + 1);
      titles.push(read.title);
      if (read.nameStart !== null) {
        const nameEnd = this.nameAt(read.nameStart) as number;
        const after = this.titlesAfter(nameEnd);
        this.record(read.nameStart, nameEnd, [...titles, ...after.titles]);
        return after.last + 1;
      }
      const nextIdx = read.last + 1;
      const gap = this.gapBefore(nextIdx);
      if (/^\s*,?\s*$/.test(gap) && !/\n/.test(gap) && this.headAt(nextIdx)) {
        j = nextIdx;
        continue;
      }
      return nextIdx;
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
