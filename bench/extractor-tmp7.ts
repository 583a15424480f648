import { resolvePlaces } from '@provnews/extractor';
for (const t of ['Thăm gia đình ông A ở xóm Lũng Kim, xã Minh Tâm (Nguyên Bình).', 'xã Tân Thành (Bắc Quang) và xã Tân Thành (Hà Giang)', 'xã Lũng Cú (ảnh) đẹp']) {
  const r = resolvePlaces(t, { priorProvince: 'Cao Bằng' }); console.log(r.province, r.districts, r.places.map(p => p.level + ':' + p.name));
}
