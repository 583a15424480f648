import type { DemoArticle } from '../types.ts';
import { ddmmyyyy, hhmm } from '../vietnamese.ts';
import { DEMO_NOTICE, esc, feedLink, longDate, paginationLinks, published, renderBlocks, shortDateTime, type PortalTemplate, type SiteContext } from './shared.ts';

/**
 * A second newspaper template (the Báo Lạng Sơn style) rich in machine-readable metadata: JSON-LD
 * NewsArticle, `article:published_time`, `<time datetime>`. The sapo carries the "(LSO) –" dateline,
 * images sit in `<table class="image">` with a `td.image_desc` caption, a "Xem thêm" box is inserted
 * inside the body after the second paragraph, the byline is a capitalised `<p class="author">`.
 * URLs: `/tin-tuc/<section>/<slug>-a<id>.html`, listings `/tin-tuc/<section>/trang-2`, feed `/rss`.
 */
function head(site: SiteContext, title: string, extra: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title>
${feedLink(site)}
<link rel="icon" href="/favicon.ico">
${extra}
<link rel="stylesheet" href="/static/css/style.min.css">
</head>`;
}

function header(site: SiteContext): string {
  const nav = site.sections.map((s) => `<li><a href="/tin-tuc/${s.slug}">${esc(s.name)}</a></li>`).join('');
  return `<div id="header">
<div class="hd-top"><span class="hd-date">${longDate(site.today).replace(', ', ', ngày ')}</span><span class="hd-hotline">Đường dây nóng: 0205.3812.xxx</span></div>
<div class="logo"><a href="/"><img src="/static/images/logo.svg" alt="${esc(site.name)}"></a></div>
<ul class="nav"><li><a href="/">Trang chủ</a></li>${nav}<li><a href="/tin-tuc/quoc-phong-an-ninh">Quốc phòng - An ninh</a></li><li><a href="/multimedia">Multimedia</a></li></ul>
</div>`;
}

function footer(site: SiteContext): string {
  return `<div id="footer">
<div class="ft-name">${esc(site.name.toUpperCase())}</div>
<p>${esc(site.owner)}. Tổng Biên tập: ${esc(site.editor)}</p>
<p>${esc(site.licence)}</p>
<p>Địa chỉ: ${esc(site.address)}</p>
<p class="copyright">® Ghi rõ nguồn "${esc(site.name)}" khi phát hành lại thông tin từ website này.</p>
<p class="demo-notice">${DEMO_NOTICE}</p>
</div>
<script src="/static/js/app.min.js" defer></script>
</body>
</html>`;
}

function hotBox(items: DemoArticle[]): string {
  return `<div class="box-hot"><h3>Tin đọc nhiều</h3><ul>${items.map((a) => `<li><a href="${a.path}">${esc(a.title)}</a></li>`).join('')}</ul></div>`;
}

/** The byline names as they appear in capitals: "HOÀNG HẢI – MAI LAN" → ["Hoàng Hải", "Mai Lan"]. */
function jsonLdAuthors(a: DemoArticle): { '@type': 'Person'; name: string }[] {
  return a.expected.authors.map((name) => ({ '@type': 'Person', name }));
}

export const jsonldNewspaper: PortalTemplate = {
  name: 'jsonld-newspaper',
  feedPath: '/rss',
  articlePattern: '^/tin-tuc/[a-z0-9-]+/[a-z0-9-]+-a\\d+\\.html$',
  infoPaths: ['/multimedia', '/quang-cao', '/tin-tuc/quoc-phong-an-ninh'],
  articlePath: (section, slug, id) => `/tin-tuc/${section.slug}/${slug}-a${id}.html`,
  listingPath: (section, n) => (n <= 1 ? `/tin-tuc/${section.slug}` : `/tin-tuc/${section.slug}/trang-${n}`),

  article(site, { article, related, mostRead }) {
    const s = article.source;
    const section = site.sections.find((x) => x.section === article.section);
    const d = published(article);
    const firstImage = s.blocks.find((b) => b.kind === 'figure');
    const jsonLd = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: s.title,
      description: s.sapo,
      datePublished: s.publishedAt,
      dateModified: s.publishedAt,
      author: jsonLdAuthors(article),
      publisher: { '@type': 'Organization', name: site.name, logo: { '@type': 'ImageObject', url: `${site.baseUrl}/static/images/logo.png` } },
      mainEntityOfPage: { '@type': 'WebPage', '@id': article.url },
      articleSection: section?.name,
      image: firstImage && firstImage.kind === 'figure' ? [`${site.baseUrl}${firstImage.image}`] : [],
    };
    const meta = `<meta name="description" content="${esc(s.sapo)}">
<link rel="canonical" href="${article.url}">
<meta property="og:type" content="article">
<meta property="og:title" content="${esc(s.title)}">
<meta property="og:description" content="${esc(s.sapo)}">
<meta property="og:site_name" content="${esc(site.name)}">
<meta property="article:published_time" content="${s.publishedAt}">
<meta property="article:modified_time" content="${s.publishedAt}">
<meta property="article:section" content="${esc(section?.name ?? '')}">
<meta name="author" content="${esc(article.expected.authors.join(', '))}">
<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, '\\u003c')}</script>`;
    let paragraphs = 0;
    const inline = `<div class="box-related-inline"><p class="title">Xem thêm:</p><ul>${related
      .slice(0, 2)
      .map((a) => `<li><a href="${a.path}">${esc(a.title)}</a></li>`)
      .join('')}</ul></div>`;
    const body = renderBlocks(
      s.blocks,
      (t) => {
        paragraphs++;
        return `<p>${esc(t)}</p>${paragraphs === 2 && related.length ? `\n${inline}` : ''}`;
      },
      (img, cap) => `<table class="image center"><tbody><tr><td><img src="${img}" alt="${esc(cap)}"></td></tr><tr><td class="image_desc">${esc(cap)}</td></tr></tbody></table>`,
    );
    return `${head(site, `${s.title} | ${site.name}`, meta)}
<body>
${header(site)}
<div id="main"><div class="col-left"><div class="article">
<div class="cate-path"><a href="/">Trang chủ</a> / <a href="/tin-tuc/${section?.slug ?? ''}">${esc(section?.name ?? '')}</a></div>
<h1 class="article-title">${esc(s.title)}</h1>
<div class="article-info"><time datetime="${s.publishedAt}">${ddmmyyyy(d)} ${hhmm(d)}</time> <span class="cmt">0 bình luận</span></div>
<div class="article-sapo"><p>${esc(s.sapo)}</p></div>
<div class="article-body" itemprop="articleBody">
${body}
<p class="author">${esc(s.byline)}</p>
</div>
<div class="box-comment"><h4>Ý kiến bạn đọc</h4><form action="/binh-luan" method="post"><textarea name="c"></textarea><input name="ten" placeholder="Họ tên"><button>Gửi</button></form></div>
<div class="box-news-other"><h3>Tin cùng chuyên mục</h3><ul>${related.map((a) => `<li><a href="${a.path}">${esc(a.title)}</a> <span>${shortDateTime(a)}</span></li>`).join('')}</ul></div>
</div></div>
<div class="col-right">${hotBox(mostRead)}<div class="banner-ad"><a href="/quang-cao">Quảng cáo</a></div></div></div>
${footer(site)}`;
  },

  listing(site, view) {
    const items = view.items
      .map(
        (a) =>
          `<li class="news-item"><a href="${a.path}"><img src="/static/images/noimage.jpg" alt=""></a><h2><a href="${a.path}">${esc(a.title)}</a></h2><time datetime="${a.publishedAt}">${shortDateTime(a)}</time><p>${esc(a.source.sapo.slice(0, 200))}…</p></li>`,
      )
      .join('\n');
    return `${head(site, `${view.section.name} | ${site.name}`, `<link rel="canonical" href="${site.baseUrl}${view.pagePath(view.page)}">`)}
<body>
${header(site)}
<div id="main"><div class="col-left"><h1 class="cate-name">${esc(view.section.name)}</h1><ul class="list-news">
${items}
</ul>
${paginationLinks(view, { wrap: 'paging', active: 'active' }, { prev: 'Trang trước', next: 'Trang sau' })}
</div></div>
${footer(site)}`;
  },

  home(site, view) {
    const latest = view.latest.map((a) => `<li><a href="${a.path}">${esc(a.title)}</a> <time datetime="${a.publishedAt}">${shortDateTime(a)}</time></li>`).join('');
    const blocks = view.bySection
      .map((b) => `<div class="home-box"><h2><a href="/tin-tuc/${b.section.slug}">${esc(b.section.name)}</a></h2><ul>${b.items.map((a) => `<li><a href="${a.path}">${esc(a.title)}</a></li>`).join('')}</ul></div>`)
      .join('\n');
    return `${head(site, `${site.name} - Tin tức, sự kiện tỉnh ${site.province}`, `<link rel="canonical" href="${site.baseUrl}/">`)}
<body>
${header(site)}
<div id="main"><div class="col-left"><div class="home-latest"><h2>Tin mới</h2><ul>${latest}</ul></div>${blocks}</div><div class="col-right">${hotBox(view.mostRead)}</div></div>
${footer(site)}`;
  },

  notFound(site, path) {
    return `${head(site, `Không tìm thấy | ${site.name}`, '<meta name="robots" content="noindex">')}
<body>${header(site)}<div id="main"><h1>Trang bạn tìm không tồn tại</h1><p>${esc(path)}</p></div>${footer(site)}`;
  },

  search(site, query) {
    return `${head(site, `Tìm kiếm | ${site.name}`, '<meta name="robots" content="noindex">')}
<body>${header(site)}<div id="main"><h1>Tìm kiếm: ${esc(query)}</h1><p>Không tìm thấy bài viết nào.</p></div>${footer(site)}`;
  },
};
