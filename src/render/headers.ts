/**
 * The HTTP headers both sites ask their host for, in the `_headers` format that Netlify,
 * Cloudflare Pages and others read: a Content-Security-Policy, and the headers that stop
 * framing, MIME sniffing and referrer leaks. Every page also carries the policy in a
 * `<meta http-equiv>` (written by Astro), so hosts that ignore `_headers` still enforce it —
 * except `frame-ancestors`, which only a header can carry.
 */

/** Directives besides `script-src` and `style-src`, which Astro writes with the hashes of each page. */
export const cspDirectives = [
  "default-src 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "form-action 'self'",
  "frame-src 'none'",
  "media-src 'none'",
  // Pagefind's interface draws its icons from data: URLs; images are otherwise the site's own.
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
] as const;

/** Scripts: the site's own files, the hashes Astro adds, and WebAssembly for Pagefind's search. */
export const scriptSources = ["'self'", "'wasm-unsafe-eval'"] as const;

/**
 * Styles: the site's own stylesheets and hashed `<style>` elements. The handbook's charts position
 * their marks with `style` attributes, which cannot run code; the trust center has none.
 */
export const styleSources = (audience: 'public' | 'internal') =>
  audience === 'public' ? (["'self'"] as const) : ([{ resource: "'self'", kind: 'element' }, { resource: "'unsafe-inline'", kind: 'attribute' }] as const);

/**
 * The `_headers` file. `pagePolicies` are the policies of the built pages (from their `<meta>`):
 * the header's policy allows what each allows, and adds `frame-ancestors`.
 */
export function headersFile(audience: 'public' | 'internal', pagePolicies: readonly string[]): string {
  const csp = `${mergePolicies(pagePolicies)}; frame-ancestors 'none'`;
  const rules: [string, [string, string][]][] = [
    [
      '/*',
      [
        ['Content-Security-Policy', csp],
        ['X-Content-Type-Options', 'nosniff'],
        ['X-Frame-Options', 'DENY'],
        ['Referrer-Policy', 'strict-origin-when-cross-origin'],
        ['Cross-Origin-Opener-Policy', 'same-origin'],
        ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
        ...(audience === 'internal' ? ([['X-Robots-Tag', 'noindex, nofollow']] as [string, string][]) : []),
      ],
    ],
    ...(audience === 'public'
      ? ([
          ['/.well-known/security.txt', [['Content-Type', 'text/plain; charset=utf-8']]],
          ['/trust.json', [['Content-Type', 'application/json; charset=utf-8'], ['Access-Control-Allow-Origin', '*']]],
          ['/trust.schema.json', [['Content-Type', 'application/schema+json; charset=utf-8'], ['Access-Control-Allow-Origin', '*']]],
          ['/updates/feed.xml', [['Content-Type', 'application/atom+xml; charset=utf-8']]],
        ] as [string, [string, string][]][])
      : []),
  ];
  return `${rules.map(([path, headers]) => [path, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n')).join('\n')}\n`;
}

/** One policy that allows, directive by directive, every source any of the given policies allows. */
export function mergePolicies(policies: readonly string[]): string {
  const merged = new Map<string, Set<string>>();
  for (const policy of policies) {
    for (const directive of policy.split(';')) {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (!name) continue;
      const set = merged.get(name) ?? new Set<string>();
      for (const source of sources) set.add(source);
      merged.set(name, set);
    }
  }
  return [...merged].map(([name, sources]) => [name, ...[...sources].sort()].join(' ')).join('; ');
}
