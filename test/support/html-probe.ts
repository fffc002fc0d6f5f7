/** Small readers over served HTML for HTTP tests (the browser tests use a real DOM). */
export function attr(html: string, tagPattern: string, name: string): string | null {
  const tag = new RegExp(`<${tagPattern}[^>]*>`).exec(html)?.[0];
  if (!tag) return null;
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
}

export function hreflangs(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)) out[m[1] as string] = m[2] as string;
  return out;
}

export function canonical(html: string): string | null {
  return /<link rel="canonical" href="([^"]+)">/.exec(html)?.[1] ?? null;
}

export function jsonLd(html: string): Record<string, unknown> | null {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  return m ? (JSON.parse(m[1] as string) as Record<string, unknown>) : null;
}

export function text(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}
