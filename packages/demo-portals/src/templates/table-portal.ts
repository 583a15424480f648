import type { DemoArticle } from '../types.ts';
import { ddmmyyyy, hhmm } from '../vietnamese.ts';
import { DEMO_NOTICE, esc, feedLink, longDate, paginationLinks, published, renderBlocks, visitorStats, type PortalTemplate, type SiteContext } from './shared.ts';

/**
 * A district government portal on an old table-based CMS (the Quan Hóa style): XHTML transitional,
 * tables for layout, left-column menu, "Ngày xuất bản: 05/09/2019 - 16:02", body in
 * `<div class="content-detail">` of `<p><span style>` with the sapo in bold, centred images with
 * italic captions as separate paragraphs, "Các tin khác" table. The page title is a `<span class="Title">`.
 * URLs: `/Pages/tin-tuc/<id>/<slug>.aspx`, listings `/Pages/chuyen-muc/<section>.aspx?page=2`, feed `/rss`.
 */
function page(site: SiteContext, title: string, main: string, headExtra = ''): string {
  const menu = site.sections
    .map((s) => `<tr><td class="menu-item">&raquo; <a href="/Pages/chuyen-muc/${s.slug}.aspx">${esc(s.name)}</a></td></tr>`)
    .join('\n');
  const v = visitorStats(site.id);
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>${esc(site.name)} - ${esc(title)}</title>
${feedLink(site)}
<link href="/Portals/_default/default.css" type="text/css" rel="stylesheet" />
${headExtra}
</head>
<body topmargin="0" leftmargin="0">
<form name="Form" method="post" action="" id="Form">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk" />
<table width="1000" align="center" cellpadding="0" cellspacing="0" border="0" class="main-table">
<tr><td colspan="2" class="banner"><img src="/Portals/0/banner.jpg" width="1000" height="150" alt="${esc(site.name)}" /></td></tr>
<tr><td colspan="2" class="topmenu"><a href="/">Trang chủ</a> | <a href="/Pages/gioi-thieu.aspx">Giới thiệu</a> | <a href="/Pages/van-ban.aspx">Văn bản chỉ đạo điều hành</a> | <a href="/Pages/thu-tuc-hanh-chinh.aspx">Thủ tục hành chính</a> | <a href="/Pages/lien-he.aspx">Liên hệ</a> <span class="today">Hôm nay: ${longDate(site.today)}</span></td></tr>
<tr>
<td width="220" valign="top" class="leftcol">
<table width="100%" cellpadding="3" cellspacing="0" class="menu-left">
<tr><td class="menu-title">DANH MỤC TIN</td></tr>
${menu}
</table>
<table width="100%" cellpadding="3" cellspacing="0" class="box-left"><tr><td class="menu-title">LIÊN KẾT WEBSITE</td></tr>
<tr><td><select onchange="window.open(this.value)"><option>-- Chọn liên kết --</option><option value="https://chinhphu.vn">Cổng TTĐT Chính phủ</option></select></td></tr></table>
<table width="100%" cellpadding="3" cellspacing="0" class="box-left"><tr><td class="menu-title">THỐNG KÊ TRUY CẬP</td></tr>
<tr><td>Đang online: ${v.online}<br />Hôm nay: ${v.today}<br />Số lượt truy cập: ${v.total}</td></tr></table>
</td>
<td valign="top" class="maincol">
${main}
</td>
</tr>
<tr><td colspan="2" class="footer" align="center">
<b>${esc(site.name.toUpperCase())}</b><br />
Cơ quan chủ quản: ${esc(site.owner)}<br />
Trưởng Ban biên tập: ${esc(site.editor)} - ${esc(site.licence)}<br />
Địa chỉ: ${esc(site.address)}<br />
<i>${DEMO_NOTICE}</i>
</td></tr>
</table>
</form>
</body>
</html>`;
}

const dateLine = (a: DemoArticle): string => {
  const d = published(a);
  return `${ddmmyyyy(d)} - ${hhmm(d)}`;
};

export const tablePortal: PortalTemplate = {
  name: 'table-portal',
  feedPath: '/rss',
  articlePattern: '^/Pages/tin-tuc/\\d+/[a-z0-9-]+\\.aspx$',
  infoPaths: ['/Pages/gioi-thieu.aspx', '/Pages/van-ban.aspx', '/Pages/thu-tuc-hanh-chinh.aspx', '/Pages/lien-he.aspx', '/Pages/gui-email.aspx'],
  articlePath: (_section, slug, id) => `/Pages/tin-tuc/${id}/${slug}.aspx`,
  listingPath: (section, n) => (n <= 1 ? `/Pages/chuyen-muc/${section.slug}.aspx` : `/Pages/chuyen-muc/${section.slug}.aspx?page=${n}`),

  article(site, { article, related }) {
    const s = article.source;
    const span = (t: string) => `<span style="font-size: 14px; font-family: 'Times New Roman';">${esc(t)}</span>`;
    const body = renderBlocks(
      s.blocks,
      (t) => `<p style="text-align: justify;">&nbsp;&nbsp;&nbsp; ${span(t)}</p>`,
      (img, cap) => `<p style="text-align: center;"><img src="${img}" width="500" height="333" alt="" /></p>\n<p style="text-align: center;"><em>${span(cap)}</em></p>`,
    );
    const others = related
      .map((a) => `<tr><td class="other-item">&#8226; <a href="${a.path}">${esc(a.title)}</a> <span class="date">(${ddmmyyyy(published(a))})</span></td></tr>`)
      .join('\n');
    const main = `<table width="100%" cellpadding="5" cellspacing="0" class="news-detail">
<tr><td class="title-detail"><span class="Title">${esc(s.title)}</span></td></tr>
<tr><td class="date-detail">Ngày xuất bản: ${dateLine(article)}</td></tr>
<tr><td>
<div class="content-detail">
<p style="text-align: justify;"><strong>${span(s.sapo)}</strong></p>
${body}
<p style="text-align: right;"><strong>${span(s.byline)}</strong></p>
</div>
</td></tr>
<tr><td class="tool" align="right"><a href="javascript:window.print()">[In trang]</a> <a href="/Pages/gui-email.aspx">[Gửi email]</a> <a href="javascript:history.back()">[Quay lại]</a></td></tr>
</table>
<table width="100%" cellpadding="3" cellspacing="0" class="other-news">
<tr><td class="other-title">Các tin khác</td></tr>
${others}
</table>`;
    return page(site, s.title, main, `<meta name="description" content="${esc(s.sapo)}" />`);
  },

  listing(site, view) {
    const rows = view.items
      .map(
        (a) => `<tr><td width="110" valign="top"><a href="${a.path}"><img src="/Portals/0/thumb.jpg" width="100" height="70" border="0" alt="" /></a></td>
<td valign="top"><a class="news-title" href="${a.path}">${esc(a.title)}</a> <span class="date">(${dateLine(a)})</span><br />${esc(a.source.sapo.slice(0, 160))}...</td></tr>`,
      )
      .join('\n');
    const main = `<table width="100%" cellpadding="4" cellspacing="0" class="news-list">
<tr><td colspan="2" class="cate-title">${esc(view.section.name.toUpperCase())}</td></tr>
${rows}
<tr><td colspan="2" align="center">${paginationLinks(view, { wrap: 'pager', active: 'pager-current' }, { prev: '&lt;&lt; Trước', next: 'Sau &gt;&gt;' })}</td></tr>
</table>`;
    return page(site, view.section.name, main);
  },

  home(site, view) {
    const rows = view.latest.map((a) => `<tr><td>&#8226; <a href="${a.path}">${esc(a.title)}</a> <span class="date">(${ddmmyyyy(published(a))})</span></td></tr>`).join('\n');
    const blocks = view.bySection
      .map(
        (b) =>
          `<table width="100%" class="home-cate"><tr><td class="cate-title"><a href="/Pages/chuyen-muc/${b.section.slug}.aspx">${esc(b.section.name.toUpperCase())}</a></td></tr>${b.items.map((a) => `<tr><td>&#8226; <a href="${a.path}">${esc(a.title)}</a></td></tr>`).join('')}</table>`,
      )
      .join('\n');
    return page(site, 'Trang chủ', `<table width="100%" class="home-latest"><tr><td class="cate-title">TIN MỚI NHẤT</td></tr>${rows}</table>\n${blocks}`);
  },

  notFound(site, path) {
    return page(site, 'Lỗi', `<table width="100%"><tr><td class="error">Trang ${esc(path)} không tồn tại. <a href="/">Quay về trang chủ</a></td></tr></table>`);
  },

  search(site, query) {
    return page(site, 'Tìm kiếm', `<table width="100%"><tr><td>Kết quả tìm kiếm "${esc(query)}": 0 kết quả</td></tr></table>`);
  },
};
