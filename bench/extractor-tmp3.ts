import { extractOfficials, extractArticle, resolvePlaces, parseByline, extractEventDate } from '@provnews/extractor';
const vocab = ['Nguyễn','Văn','Thị','An','NGUYỄN','VĂN','AN','Bí','thư','BÍ','THƯ','Tỉnh','ủy','TỈNH','ỦY','Chủ','tịch','UBND','huyện','HUYỆN','Bảo','Lạc','BẢO','LẠC','Sở','Văn','hóa',',',' ,','và','VÀ','Thể','thao','(',')','-','–','ông','bà','gia','đình','đồng','chí','kiểm','tra','Ngọc','Đoàn','ĐBQH','các','xã','2','Hà','Giang','Ly','khóa','XV',';','.','\n','Tại','cử','tri','em','Thượng','tá'];
let seed = 1; const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
let worst = 0;
for (let n = 0; n < 3000; n++) {
  const len = 5 + Math.floor(rnd() * 60);
  const parts: string[] = [];
  for (let k = 0; k < len; k++) parts.push(vocab[Math.floor(rnd() * vocab.length)]!);
  const text = parts.join(' ');
  try { extractOfficials(text); resolvePlaces(text); } catch (e) { console.log('CRASH', JSON.stringify(text), (e as Error).message); process.exit(1); }
}
for (const [name, text] of [
  ['caps names', 'NGUYỄN VĂN '.repeat(100_000)],
  ['caps titles', 'BÍ THƯ TỈNH ỦY '.repeat(70_000)],
  ['caps title+name', 'BÍ THƯ HUYỆN ỦY BẢO LẠC LÒ VĂN AN, '.repeat(30_000)],
  ['field lists', 'Giám đốc Sở Văn hóa, Thể thao, '.repeat(35_000)],
  ['org commas', 'Sở Văn hóa, '.repeat(90_000)],
  ['parens', 'đồng chí Nguyễn Văn An (giữa '.repeat(40_000)],
  ['Văn Thị', 'Ngọc Văn Thị '.repeat(80_000)],
  ['mixed', 'Ông Nguyễn Văn An, Chủ tịch UBND tỉnh. CHỦ TỊCH UBND TỈNH NGUYỄN VĂN AN THĂM '.repeat(12_000)],
  ['plural districts', 'các huyện Bảo Lạc, '.repeat(60_000)],
] as const) {
  const t0 = performance.now(); const r = extractOfficials(text); const p = resolvePlaces(text);
  const ms = performance.now() - t0; worst = Math.max(worst, ms);
  console.log(name, (text.length/1e6).toFixed(2), 'MB', ms.toFixed(0), 'ms', r.length, p.districts.length);
}
