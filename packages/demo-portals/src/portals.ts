import { CAO_BANG_ARTICLES } from './articles/cao-bang.ts';
import { HA_GIANG_ARTICLES } from './articles/ha-giang.ts';
import { LANG_SON_ARTICLES } from './articles/lang-son.ts';
import { QUAN_HOA_ARTICLES } from './articles/quan-hoa.ts';
import { cmsPortal } from './templates/cms-portal.ts';
import { jsonldNewspaper } from './templates/jsonld-newspaper.ts';
import { modernNewspaper } from './templates/modern-newspaper.ts';
import type { PortalTemplate, SectionInfo } from './templates/shared.ts';
import { tablePortal } from './templates/table-portal.ts';
import type { ArticleSource } from './types.ts';

/** Everything about a demo portal except where it runs. */
export interface PortalDefinition {
  id: string;
  name: string;
  province: string;
  template: PortalTemplate;
  /** Listings in menu order: the aggregate news listing (`all`) first, then one per section. */
  sections: SectionInfo[];
  articles: ArticleSource[];
  /** Districts the generator may use for this portal (a district portal writes about itself). */
  generatorDistricts?: string[];
  /** First numeric article id; ids grow in publication order. */
  idBase: number;
  editor: string;
  licence: string;
  owner: string;
  address: string;
}

/** The demo portals, in a fixed order (their generator seeds depend on it). */
export const PORTAL_DEFINITIONS: readonly PortalDefinition[] = [
  {
    id: 'demo-hagiang',
    name: 'Báo Hà Giang điện tử',
    province: 'Hà Giang',
    template: modernNewspaper,
    sections: [
      { section: 'all', slug: 'tin-tuc', name: 'Tin tức' },
      { section: 'chinh-tri', slug: 'chinh-tri', name: 'Chính trị' },
      { section: 'kinh-te', slug: 'kinh-te', name: 'Kinh tế' },
      { section: 'xa-hoi', slug: 'xa-hoi', name: 'Xã hội' },
    ],
    articles: HA_GIANG_ARTICLES,
    idBase: 202_101,
    editor: 'Vũ Mạnh Cường',
    licence: 'Giấy phép số 45/GP-BTTTT ngày 12/02/2021 của Bộ Thông tin và Truyền thông',
    owner: 'Cơ quan của Đảng bộ, Chính quyền và Nhân dân tỉnh Hà Giang',
    address: 'Số 12, đường Nguyễn Trãi, thành phố Hà Giang. Điện thoại: 0219.3866.xxx',
  },
  {
    id: 'demo-langson',
    name: 'Báo Lạng Sơn',
    province: 'Lạng Sơn',
    template: jsonldNewspaper,
    sections: [
      { section: 'all', slug: 'tin-moi', name: 'Tin mới' },
      { section: 'chinh-tri', slug: 'chinh-tri', name: 'Chính trị' },
      { section: 'kinh-te', slug: 'kinh-te', name: 'Kinh tế' },
      { section: 'xa-hoi', slug: 'xa-hoi', name: 'Xã hội' },
    ],
    articles: LANG_SON_ARTICLES,
    idBase: 500_101,
    editor: 'Đinh Quang Khải',
    licence: 'Giấy phép số 118/GP-BTTTT ngày 08/4/2020',
    owner: 'Cơ quan của Đảng bộ, Chính quyền, Nhân dân các dân tộc tỉnh Lạng Sơn',
    address: 'Số 8, đường Hoàng Văn Thụ, thành phố Lạng Sơn',
  },
  {
    id: 'demo-caobang',
    name: 'Báo Cao Bằng điện tử',
    province: 'Cao Bằng',
    template: cmsPortal,
    sections: [
      { section: 'all', slug: 'tin-moi', name: 'Tin mới' },
      { section: 'chinh-tri', slug: 'thoi-su-chinh-tri', name: 'Thời sự - Chính trị' },
      { section: 'kinh-te', slug: 'kinh-te', name: 'Kinh tế' },
      { section: 'xa-hoi', slug: 'xa-hoi', name: 'Xã hội' },
    ],
    articles: CAO_BANG_ARTICLES,
    idBase: 73_101,
    editor: 'Lê Thị Hồng Vân',
    licence: 'Giấy phép số 230/GP-BTTTT ngày 05/6/2019',
    owner: 'Cơ quan của Đảng bộ, Chính quyền, Nhân dân các dân tộc tỉnh Cao Bằng',
    address: 'Số 3, đường Hoàng Đình Giong, thành phố Cao Bằng',
  },
  {
    id: 'demo-quanhoa',
    name: 'Cổng thông tin điện tử huyện Quan Hóa',
    province: 'Thanh Hóa',
    template: tablePortal,
    sections: [
      { section: 'all', slug: 'tin-tuc-su-kien', name: 'Tin tức - Sự kiện' },
      { section: 'chinh-tri', slug: 'tin-hoat-dong-chinh-tri', name: 'Tin hoạt động chính trị' },
      { section: 'kinh-te', slug: 'kinh-te-nong-nghiep', name: 'Kinh tế - Nông nghiệp' },
      { section: 'xa-hoi', slug: 'van-hoa-xa-hoi', name: 'Văn hóa - Xã hội' },
    ],
    articles: QUAN_HOA_ARTICLES,
    generatorDistricts: ['Quan Hóa'],
    idBase: 1_201,
    // The district party secretary heads the editorial board: his name is in every page's footer
    // and in some article bodies, so "named in the body" cannot be told from "named on the page".
    editor: 'Hà Văn Thắm',
    licence: 'Giấy phép số 12/GP-STTTT ngày 20/5/2018 của Sở Thông tin và Truyền thông tỉnh Thanh Hóa',
    owner: 'UBND huyện Quan Hóa, tỉnh Thanh Hóa',
    address: 'Khu 1, thị trấn Hồi Xuân, huyện Quan Hóa. Điện thoại: 0237.3875.xxx',
  },
];

/** Ids of the demo portals. */
export const DEMO_PORTAL_IDS: readonly string[] = PORTAL_DEFINITIONS.map((d) => d.id);

/** The definition of a portal by id; throws on an unknown id. */
export function portalDefinition(id: string): PortalDefinition {
  const def = PORTAL_DEFINITIONS.find((d) => d.id === id);
  if (!def) throw new Error(`unknown demo portal "${id}"; known: ${DEMO_PORTAL_IDS.join(', ')}`);
  return def;
}
