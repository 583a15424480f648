import type { DemoArticle } from '../types.ts';
import { DEMO_NOTICE, counter, esc, feedLink, longDate, paginationLinks, published, renderBlocks, shortDateTime, visitorStats, type PortalTemplate, type SiteContext } from './shared.ts';
import { formatVi, hhmm } from '../vietnamese.ts';

/**
 * A provincial party newspaper's modern template (the Báo Hà Giang style): top bar with a today-date
 * widget and login links, menu, breadcrumb, h1 + sapo in h2, body with <figure>, byline
 * "Tin, ảnh: …" at the end, share/print/font-size bar, "Tin liên quan", "Đọc nhiều", heavy footer.
 * URLs: `/<section>/<slug>-<id>.html`, listings `/<section>/?page=2`, feed `/rss/tin-moi.xml`.
 */
function head(site: SiteContext, title: string, extra = ''): string {
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
${feedLink(site)}
<link rel="stylesheet" href="/static/css/main.css?v=2.4.1">
${extra}
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());</script>
</head>`;
}

function chrome(site: SiteContext, crumbs: string): string {
  const menu = site.sections.map((s) => `<li><a href="/${s.slug}/">${esc(s.name)}</a></li>`).join('');
  return `<div class="top-bar"><div class="container">
<span class="today-date">${longDate(site.today)}</span>
<div class="top-links"><a href="/lien-he">Liên hệ</a> | <a href="/admin/dang-nhap">Đăng nhập</a> | <a href="/dang-ky">Đăng ký</a></div>
</div></div>
<header class="site-header"><div class="container">
<a class="logo" href="/"><img src="/static/img/logo.png" alt="${esc(site.name)}"></a>
<form class="search-form" action="/tim-kiem" method="get"><input type="text" name="q" placeholder="Tìm kiếm..."><button type="submit">Tìm</button></form>
</div></header>
<nav class="main-menu"><ul><li class="home"><a href="/">Trang chủ</a></li>${menu}<li><a href="/video/">Video</a></li><li><a href="/bao-in/">Báo in</a></li></ul></nav>
<div class="breadcrumb container"><a href="/">Trang chủ</a>${crumbs}</div>`;
}

function mostReadBox(items: DemoArticle[]): string {
  return `<div class="box-most-read"><h3 class="box-title">Đọc nhiều</h3><ol>${items.map((a) => `<li><a href="${a.path}">${esc(a.title)}</a></li>`).join('')}</ol></div>`;
}

function footer(site: SiteContext): string {
  const v = visitorStats(site.id);
  return `<footer class="site-footer"><div class="container">
<div class="footer-info">
<p><strong>${esc(site.name.toUpperCase())}</strong> - ${esc(site.owner)}</p>
<p>Tổng Biên tập: ${esc(site.editor)}</p>
<p>${esc(site.licence)}</p>
<p>Địa chỉ: ${esc(site.address)}</p>
<p>® Ghi rõ nguồn "${esc(site.name)}" khi phát hành lại thông tin từ website này.</p>
</div>
<div class="counter"><h4>Thống kê truy cập</h4><ul>
<li>Đang truy cập: ${v.online}</li><li>Hôm nay: ${v.today}</li><li>Tháng hiện tại: ${v.month}</li><li>Tổng lượt truy cập: ${v.total}</li>
</ul></div>
<p class="demo-notice">${DEMO_NOTICE}</p>
</div></footer>
</body>
</html>`;
}

export const modernNewspaper: PortalTemplate = {
  name: 'modern-newspaper',
  feedPath: '/rss/tin-moi.xml',
  articlePattern: '^/[a-z0-9-]+/[a-z0-9-]+-\\d+\\.html$',
  infoPaths: ['/lien-he', '/dang-ky', '/video/', '/bao-in/', '/quang-cao'],
  articlePath: (section, slug, id) => `/${section.slug}/${slug}-${id}.html`,
  listingPath: (section, page) => (page <= 1 ? `/${section.slug}/` : `/${section.slug}/?page=${page}`),

  article(site, { article, related, mostRead }) {
    const s = article.source;
    const section = site.sections.find((x) => x.section === article.section);
    const d = published(article);
    const body = renderBlocks(
      s.blocks,
      (t) => `<p>${esc(t)}</p>`,
      (img, cap) => `<figure class="image align-center"><img src="${img}" alt="${esc(cap)}" width="800"><figcaption>${esc(cap)}</figcaption></figure>`,
    );
    const meta = `<meta name="description" content="${esc(s.sapo)}">
<link rel="canonical" href="${article.url}">
<meta property="og:type" content="article"><meta property="og:title" content="${esc(s.title)}"><meta property="og:url" content="${article.url}"><meta property="og:site_name" content="${esc(site.name)}">`;
    return `${head(site, `${s.title} - ${site.name}`, meta)}
<body class="page-detail">
${chrome(site, ` › <a href="/${section?.slug ?? ''}/">${esc(section?.name ?? '')}</a>`)}
<main class="container"><div class="row">
<article class="detail col-main">
<h1 class="detail-title">${esc(s.title)}</h1>
<div class="detail-meta"><span class="post-date">${longDate(d)} ${hhmm(d)}</span> <span class="views">Lượt xem: ${formatVi(1000 + counter(article.id, 9000))}</span></div>
<div class="toolbar"><a class="share-fb" href="#">Chia sẻ</a> <a class="share-zalo" href="#">Zalo</a> <a class="print" href="javascript:window.print()">In bài</a> <span class="font-size">Cỡ chữ: <a href="#">A-</a> <a href="#">A+</a></span></div>
<h2 class="sapo">${esc(s.sapo)}</h2>
<div class="detail-content">
${body}
<p class="author" style="text-align:right"><strong>${esc(s.byline)}</strong></p>
</div>
<div class="tags">Từ khóa: <a href="/tim-kiem?q=${encodeURIComponent(site.province)}">${esc(site.province)}</a></div>
<div class="related-news"><h3>Tin liên quan</h3><ul>${related.map((a) => `<li><a href="${a.path}">${esc(a.title)}</a> <span class="date">(${shortDateTime(a)})</span></li>`).join('')}</ul></div>
</article>
<aside class="sidebar col-side">${mostReadBox(mostRead)}<div class="banner"><a href="/quang-cao"><img src="/static/img/banner-300.png" alt="Quảng cáo"></a></div></aside>
</div></main>
${footer(site)}`;
  },

  listing(site, view) {
    const items = view.items
      .map(
        (a) => `<div class="story">
<a class="thumb" href="${a.path}"><img src="/static/img/thumb.jpg" alt=""></a>
<h3 class="story-title"><a href="${a.path}">${esc(a.title)}</a></h3>
<span class="story-date">${shortDateTime(a)}</span>
<p class="story-sapo">${esc(a.source.sapo.slice(0, 180))}…</p>
</div>`,
      )
      .join('\n');
    return `${head(site, `${view.section.name} - Trang ${view.page} - ${site.name}`, `<link rel="canonical" href="${site.baseUrl}${view.pagePath(view.page)}">`)}
<body class="page-category">
${chrome(site, ` › <a href="/${view.section.slug}/">${esc(view.section.name)}</a>`)}
<main class="container"><section class="category-list"><h1 class="cate-title">${esc(view.section.name)}</h1>
${items}
${paginationLinks(view, { wrap: 'pagination', active: 'current' })}
</section></main>
${footer(site)}`;
  },

  home(site, view) {
    const [top, ...rest] = view.latest;
    const featured = top
      ? `<div class="featured"><h2><a href="${top.path}">${esc(top.title)}</a></h2><p>${esc(top.source.sapo)}</p></div>`
      : '';
    const latest = `<ul class="latest">${rest.map((a) => `<li><a href="${a.path}">${esc(a.title)}</a></li>`).join('')}</ul>`;
    const blocks = view.bySection
      .map(
        (b) =>
          `<section class="home-cate"><h2><a href="/${b.section.slug}/">${esc(b.section.name)}</a></h2><ul>${b.items.map((a) => `<li><a href="${a.path}">${esc(a.title)}</a></li>`).join('')}</ul></section>`,
      )
      .join('\n');
    return `${head(site, `${site.name} - Tin tức tỉnh ${site.province}`, `<link rel="canonical" href="${site.baseUrl}/">`)}
<body class="page-home">
${chrome(site, '')}
<main class="container">${featured}${latest}${blocks}<aside>${mostReadBox(view.mostRead)}</aside></main>
${footer(site)}`;
  },

  notFound(site, path) {
    return `${head(site, `Không tìm thấy trang - ${site.name}`)}
<body class="page-404">${chrome(site, '')}<main class="container"><h1>404 - Không tìm thấy trang</h1><p>Đường dẫn ${esc(path)} không tồn tại hoặc đã bị xóa.</p><p><a href="/">Về trang chủ</a></p></main>${footer(site)}`;
  },

  search(site, query) {
    return `${head(site, `Tìm kiếm: ${query} - ${site.name}`)}
<body class="page-search">${chrome(site, ' › Tìm kiếm')}<main class="container"><h1>Kết quả tìm kiếm cho "${esc(query)}"</h1><p>Không có kết quả phù hợp.</p></main>${footer(site)}`;
  },
};
