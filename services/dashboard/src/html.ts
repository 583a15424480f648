/** Escapes text for HTML element content and quoted attribute values: a failure reason with markup renders inert. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A tagged template whose `${}` values are escaped unless they are already-safe `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    const part = Array.isArray(v) ? v.map((x) => (x instanceof Html ? x.value : esc(x))).join('') : v instanceof Html ? v.value : esc(v);
    out += part + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

export interface PageUser {
  user: string;
  role: string;
  csrf: string;
}

/**
 * The page frame: navigation, the user and a logout form (a POST with the CSRF token). With
 * `refreshSeconds` the browser loads the page again after that long (a scan still running).
 */
export function page(title: string, body: Html, user: PageUser | null, refreshSeconds?: number): string {
  const nav = user
    ? html`<nav><a href="/overview">Overview</a> <a href="/failures">Failures</a> <a href="/queues/">Queues (bull-board)</a>
      <span class="who">${user.user} (${user.role})</span>
      <form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="${user.csrf}"><button type="submit">Log out</button></form></nav>`
    : html``;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
${refreshSeconds ? `<meta http-equiv="refresh" content="${Math.max(1, Math.round(refreshSeconds))}">` : ''}<title>${esc(title)} · provnews</title><link rel="stylesheet" href="/assets/dashboard.css"></head>
<body><header><h1>provnews</h1>${nav.value}</header><main>${body.value}</main></body></html>`;
}

export const CSS = `
body{font-family:system-ui,sans-serif;margin:0;color:#1d2630;background:#f6f7f9}
header{display:flex;align-items:center;gap:1.5rem;padding:.6rem 1.2rem;background:#1d2630;color:#fff}
header h1{font-size:1.1rem;margin:0}header a{color:#cfe3ff;margin-right:1rem}
nav{display:flex;align-items:center;gap:.4rem;flex:1}.who{margin-left:auto;opacity:.8}
main{padding:1rem 1.2rem;max-width:1400px}
table{border-collapse:collapse;width:100%;background:#fff;margin-bottom:1.2rem;font-size:.9rem}
th,td{border-bottom:1px solid #e2e6ea;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f4}td.n{text-align:right;font-variant-numeric:tabular-nums}
.ok{color:#157347}.bad{color:#b02a37}.muted{color:#6c757d}.inline{display:inline}
.charts{display:flex;flex-wrap:wrap;gap:1rem}.chart{background:#fff;padding:.5rem;border:1px solid #e2e6ea}
.chart h3{font-size:.85rem;margin:.2rem 0}form.action{display:inline-flex;gap:.3rem;align-items:center;margin:.2rem 0}
fieldset{background:#fff;border:1px solid #e2e6ea;margin-bottom:1rem}input,select,button{font:inherit}
.login{max-width:22rem;margin:4rem auto;background:#fff;padding:1.5rem;border:1px solid #e2e6ea}
.login label{display:block;margin:.6rem 0}.login input{width:100%}.error{color:#b02a37}
code{font-size:.85em}td.run{min-width:19rem}td.err{min-width:16rem;max-width:26rem;overflow-wrap:anywhere}td:first-child{min-width:9rem}
`;
