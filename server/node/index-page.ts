import type { Branding } from '../../contract/catalogue';
import { escapeHtml } from '../http/escape-html';
import { encode, type Coding } from './content-coding';

/** What the page's head shows before any script runs: the tab, the bookmark, the browser's bar. */
export type PageBranding = Pick<Branding, 'title' | 'primaryColor' | 'faviconUrl'>;

/** The neutral icon in public/, for a vendor that names none. */
const FALLBACK_ICON = '/favicon.svg';

/**
 * index.html with the vendor's title, theme colour and icon in place of the build's defaults
 * (issue 11). Every value is escaped, and each tag is put in by a function so that `$&` and the
 * like in a title are text, not replacement patterns. A tag the page lacks goes before </head>.
 */
export function brandIndexHtml(html: string, branding: PageBranding): string {
  const tags: [RegExp, string][] = [
    [/<title>[\s\S]*?<\/title>/i, `<title>${escapeHtml(branding.title)}</title>`],
    [/<meta\s+name="theme-color"[^>]*>/i, `<meta name="theme-color" content="${escapeHtml(branding.primaryColor)}" />`],
    [/<link\s+rel="icon"[^>]*>/i, `<link rel="icon" href="${escapeHtml(branding.faviconUrl ?? FALLBACK_ICON)}" />`],
  ];
  return tags.reduce(
    (page, [existing, tag]) =>
      existing.test(page) ? page.replace(existing, () => tag) : page.replace(/<\/head>/i, () => `${tag}\n</head>`),
    html,
  );
}

/** The page in each coding we send, compressed once as hard as the build's files are. */
export type EncodedPage = Record<Coding | 'identity', Uint8Array<ArrayBuffer>>;

export async function encodePage(html: string): Promise<EncodedPage> {
  const identity = new TextEncoder().encode(html);
  const [br, gzip] = await Promise.all([encode('br', identity, 11), encode('gzip', identity, 9)]);
  return { identity, br, gzip };
}
