import { extractOfficials } from '@provnews/extractor';
for (const unit of ['BÍ THƯ HUYỆN ỦY BẢO LẠC LÒ VĂN AN, ', 'BÍ THƯ TỈNH ỦY ', 'Bí thư Tỉnh ủy ']) for (const n of [5000, 10000, 20000]) {
  const text = unit.repeat(n); const t0 = performance.now(); extractOfficials(text); console.log(unit, n, (performance.now() - t0).toFixed(0));
}
