import { createHash } from 'node:crypto';
import type { Branding } from '../../contract/catalogue';
import { parseHex, readableTextOn } from '../../contract/contrast';
import { escapeHtml } from '../http/escape-html';
import { encode, type Coding } from './content-coding';

/** What the page's head shows before any script runs: the tab, the bookmark, the browser's bar. */
export type PageBranding = Pick<Branding, 'title' | 'primaryColor' | 'faviconUrl'> & { logoUrl?: string | null };

/** The neutral icon in public/, for a vendor that names none. */
const FALLBACK_ICON = '/favicon.svg';

/**
 * index.html with the vendor's title, theme colour and icon in place of the build's defaults, its
 * colours as the page's first style and its name in the header the page paints before any script
 * runs (issue 11). Every value is escaped, and each tag is put in by a function so that `$&` and
 * the like in a title are text, not replacement patterns. A tag the page lacks goes before </head>.
 */
export function brandIndexHtml(html: string, branding: PageBranding): string {
  const theme = themeStyle(branding.primaryColor);
  const logo = branding.logoUrl ? `<img src="${escapeHtml(branding.logoUrl)}" alt="" class="h-9 w-9 rounded" />` : '';
  const tags: [RegExp, string][] = [
    [/<title>[\s\S]*?<\/title>/i, `<title>${escapeHtml(branding.title)}</title>`],
    [/<meta\s+name="theme-color"[^>]*>/i, `<meta name="theme-color" content="${escapeHtml(branding.primaryColor)}" />`],
    [/<link\s+rel="icon"[^>]*>/i, `<link rel="icon" href="${escapeHtml(branding.faviconUrl ?? FALLBACK_ICON)}" />`],
    ...(theme ? ([[/<style>[\s\S]*?<\/style>/i, `<style>${theme}</style>`]] as [RegExp, string][]) : []),
  ];
  const head = tags.reduce(
    (page, [existing, tag]) =>
      existing.test(page) ? page.replace(existing, () => tag) : page.replace(/<\/head>/i, () => `${tag}\n</head>`),
    html,
  );
  // The header's name (index.html: a span holding the title alone as its text).
  return head.replace(
    /(<span data-shell-brand[^>]*>)[^<]*(<\/span>)/,
    (_, open: string, close: string) => `${open}${logo}<span>${escapeHtml(branding.title)}</span>${close}`,
  );
}

/**
 * The vendor's colours as the CSS variables index.css reads, so the header is theirs from the
 * first paint, not after the scripts (src/app/brand.tsx sets the same values later). Only a
 * colour that parses is written, as #rrggbb: nothing else can reach the style.
 */
export function themeStyle(primaryColor: string): string | null {
  const rgb = parseHex(primaryColor);
  if (!rgb) return null;
  const hex = `#${rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
  return `:root{--brand:${hex};--brand-contrast:${readableTextOn(hex)}}`;
}

/** The policy's source for that one style (CSP 3 `'sha256-…'`): no other inline style may run. */
export const styleSource = (css: string) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

/** The page without its preload of `path` (the tag index.html writes: rel, href, as, crossorigin). */
export const withoutPreloadOf = (path: string, html: string) =>
  html.replace(new RegExp(`\\s*<link rel="preload" href="${path.replace(/[/.]/g, '\\$&')}"[^>]*>`), '');

/** The page in each coding we send, compressed once as hard as the build's files are. */
export type EncodedPage = Record<Coding | 'identity', Uint8Array<ArrayBuffer>>;

export async function encodePage(html: string): Promise<EncodedPage> {
  const identity = new TextEncoder().encode(html);
  const [br, gzip] = await Promise.all([encode('br', identity, 11), encode('gzip', identity, 9)]);
  return { identity, br, gzip };
}
