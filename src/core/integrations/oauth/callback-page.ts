/**
 * The page the browser shows after the sign-in redirect lands on Izzie's loopback listener. It is
 * self-contained (no scripts, no external resources) so the response can carry a strict CSP.
 */
export function callbackPage(page: { readonly ok: boolean; readonly heading: string; readonly message: string }): string {
  const accent = page.ok ? '#1a7f37' : '#b42318';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.heading)} · Izzie</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;min-height:100vh;display:grid;place-items:center;background:#f6f7f9;color:#1f2328}
main{max-width:28rem;padding:2rem;background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.25rem;margin:0 0 .75rem;color:${accent}}
p{margin:0;line-height:1.5}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(page.heading)}</h1>
<p>${escapeHtml(page.message)}</p>
</main>
</body>
</html>
`;
}

/** Headers for every loopback answer: nothing cached, no referrer carrying the code onward, no scripts. */
export const CALLBACK_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  connection: 'close',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
