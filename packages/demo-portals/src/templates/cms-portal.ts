import type { DemoArticle } from '../types.ts';
import { hhmm } from '../vietnamese.ts';
import { DEMO_NOTICE, esc, feedLink, longDate, paginationLinks, published, renderBlocks, visitorStats, type PortalTemplate, type SiteContext } from './shared.ts';

/**
 * A portlet-style CMS (the Báo Cao Bằng / Quảng Ninh style): left sidebar with "Thống kê truy cập",
 * the site name in the only <h1> while the article title is an <h2>, date "Thứ Ba, 30/05/2023, 09:00 [GMT+7]",
 * sapo in <p class="lead"><em>, images and captions as centred paragraphs, lone "." paragraphs
 * after the byline, "Tin khác" list. No <article>, no JSON-LD.
 * URLs: `/<section>/<slug>-<id>`, listings `/<section>?page=2`, feed `/rss/tin-moi.xml`.
 */
function layout(site: SiteContext, title: string, main: string, headExtra = ''): string {
  const menu = site.sections.map((s) => `<li><a href="/${s.slug}">${esc(s.name)}</a></li>`).join('');
  const v = visitorStats(site.id);
  return `<html>
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<meta name="keywords" content="${esc(site.name)}, tin tức ${esc(site.province)}">
${feedLink(site)}
<link rel="stylesheet" href="/static/bootstrap.min.css">
${headExtra}
</head>
<body>
<div class="wrapper">
<div class="header-top"><div class="left">${longDate(site.today)}</div><div class="right"><a href="/admin/login">Đăng nhập</a></div></div>
<div class="header"><h1 class="site-name"><a href="/">${esc(site.name)}</a></h1></div>
<div class="menu-main"><ul><li><a href="/">Trang chủ</a></li>${menu}</ul></div>
<div class="row">
<div class="col-md-3 left-sidebar">
<div class="portlet"><div class="portlet-title">Thống kê truy cập</div>
<ul class="stats"><li>Đang truy cập: ${v.online}</li><li>Hôm nay: ${v.today}</li><li>Trong tuần: ${v.week}</li><li>Tháng hiện tại: ${v.month}</li><li>Tổng lượt truy cập: ${v.total}</li></ul></div>
<div class="portlet"><div class="portlet-title">Liên kết</div><ul><li><a href="https://dangcongsan.vn">Báo Điện tử Đảng Cộng sản Việt Nam</a></li></ul></div>
</div>
<div class="col-md-9">
${main}
</div>
</div>
<div class="footer">
<p>${esc(site.owner)}</p>
<p>Tổng Biên tập: ${esc(site.editor)} | ${esc(site.licence)}</p>
<p>Địa chỉ: ${esc(site.address)}</p>
<p class="demo-notice">${DEMO_NOTICE}</p>
</div>
</div>
</body>
</html>`;
}

function otherList(items: DemoArticle[]): string {
  return `<div class="news-other"><div class="title">Tin khác</div><ul>${items.map((a) => `<li><a href="${a.path}">${esc(a.title)}</a></li>`).join('')}</ul></div>`;
}

/** "Thứ Ba, 30/05/2023, 09:00 [GMT+7]". */
function gmtDate(a: DemoArticle): string {
  const d = published(a);
  return `${longDate(d)}, ${hhmm(d)} [GMT+7]`;
}

export const cmsPortal: PortalTemplate = {
  name: 'cms-portal',
  feedPath: '/rss/tin-moi.xml',
  articlePattern: '^/[a-z0-9-]+/[a-z0-9-]+-\\d+$',
  infoPaths: [],
  articlePath: (section, slug, id) => `/${section.slug}/${slug}-${id}`,
  listingPath: (section, n) => (n <= 1 ? `/${section.slug}` : `/${section.slug}?page=${n}`),

  article(site, { article, related, mostRead }) {
    const s = article.source;
    const body = renderBlocks(
      s.blocks,
      (t) => `<p>${esc(t)}</p>`,
      (img, cap) => `<p style="text-align:center"><img src="${img}" alt="" style="width:100%"></p>\n<p class="caption" style="text-align:center">${esc(cap)}</p>`,
    );
    const main = `<div class="news-detail">
<div class="news-title"><h2>${esc(s.title)}</h2></div>
<div class="news-date">${gmtDate(article)}</div>
<div class="news-body">
<p class="lead"><em>${esc(s.sapo)}</em></p>
${body}
<p style="text-align:right"><strong>${esc(s.byline)}</strong></p>
<p>.</p>
<p>.</p>
</div>
<div class="news-share">Chia sẻ: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Zalo</a></div>
${otherList(related)}
<div class="news-most-read"><div class="title">Xem nhiều</div><ul>${mostRead.map((a) => `<li><a href="${a.path}">${esc(a.title)}</a></li>`).join('')}</ul></div>
</div>`;
    return layout(site, s.title, main, `<meta name="description" content="${esc(s.sapo)}">\n<link rel="canonical" href="${article.url}">`);
  },

  listing(site, view) {
    const items = view.items
      .map((a) => `<div class="news-item"><a href="${a.path}" class="title">${esc(a.title)}</a><div class="date">${gmtDate(a)}</div><div class="summary">${esc(a.source.sapo.slice(0, 200))}...</div></div>`)
      .join('\n');
    return layout(site, `${view.section.name} - ${site.name}`, `<div class="cate-name">${esc(view.section.name)}</div>\n${items}\n${paginationLinks(view, { wrap: 'pagination', active: 'active' })}`);
  },

  home(site, view) {
    const latest = view.latest.map((a) => `<div class="news-item"><a href="${a.path}" class="title">${esc(a.title)}</a><div class="date">${gmtDate(a)}</div></div>`).join('\n');
    const blocks = view.bySection
      .map((b) => `<div class="home-cate"><div class="cate-name"><a href="/${b.section.slug}">${esc(b.section.name)}</a></div><ul>${b.items.map((a) => `<li><a href="${a.path}">${esc(a.title)}</a></li>`).join('')}</ul></div>`)
      .join('\n');
    return layout(site, `${site.name} - Trang chủ`, `<div class="home-latest">${latest}</div>\n${blocks}`, `<link rel="canonical" href="${site.baseUrl}/">`);
  },

  notFound(site, path) {
    return layout(site, `Không tìm thấy trang - ${site.name}`, `<div class="error-page"><h2>Không tìm thấy trang</h2><p>${esc(path)}</p></div>`);
  },

  search(site, query) {
    return layout(site, `Tìm kiếm - ${site.name}`, `<div class="search-page"><h2>Tìm kiếm: ${esc(query)}</h2><p>Không có kết quả.</p></div>`);
  },
};
