import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { styleSource } from './index-page';

/**
 * The build's stylesheets, to write into the pages in place of their <link>s (decision 020).
 * A linked stylesheet blocks the first paint for a round trip of its own; inline, the header the
 * page paints from its first byte shows as soon as the HTML has come (on a phone on slow 4G, a
 * good half second earlier), before any script. The stylesheet is small (about 6 kB compressed)
 * and is the same for every page, so it is read once, at the first page, like the branding.
 */
export type InlineStyles = {
  /** The page with each stylesheet link of the build's replaced by a <style> holding its text. */
  inline: (html: string) => string;
  /** Each inlined stylesheet's source for the content security policy (CSP 3 `'sha256-…'`). */
  sources: string[];
};

/** A stylesheet link as Vite writes it into a page: `<link rel="stylesheet" crossorigin href="/assets/….css">`. */
const STYLESHEET_LINK = /<link rel="stylesheet"(?: crossorigin)? href="\/assets\/([\w.-]+\.css)">/g;

/**
 * Reads every stylesheet the build's pages (the .html files of `clientDir`) link. A stylesheet
 * whose text could close the <style> early is left linked. No build yet: nothing to inline.
 */
export function readInlineStyles(clientDir: string): Promise<InlineStyles> {
  // A folder we cannot read serves pages as built, with their links, rather than failing them.
  return readStyles(clientDir).catch(() => ({ inline: (html) => html, sources: [] }));
}

async function readStyles(clientDir: string): Promise<InlineStyles> {
  const pages = existsSync(clientDir) ? (await readdir(clientDir)).filter((name) => name.endsWith('.html')) : [];
  const linked = new Set<string>();
  for (const page of pages) {
    for (const [, name] of (await readFile(join(clientDir, page), 'utf8')).matchAll(STYLESHEET_LINK)) linked.add(name!);
  }
  const styles = new Map<string, string>();
  for (const name of linked) {
    const css = await readFile(join(clientDir, 'assets', name), 'utf8').catch(() => null);
    if (css !== null && !/<\/style/i.test(css)) styles.set(name, css);
  }
  return {
    inline: (html) =>
      html.replace(STYLESHEET_LINK, (link, name: string) =>
        styles.has(name) ? `<style>${styles.get(name)}</style>` : link,
      ),
    sources: [...styles.values()].map(styleSource),
  };
}
