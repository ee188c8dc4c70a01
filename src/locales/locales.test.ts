import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import deDemo from './de/demo.json';
import de from './de/portal.json';
import enDemo from './en/demo.json';
import en from './en/portal.json';
import deSignIn from './de/sign-in.json';
import enSignIn from './en/sign-in.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const srcDir = join(__dirname, '..');
const languages = { en: flatten(en), de: flatten(de) };
const files = sourceFiles(srcDir).map((path) => ({ path: relative(srcDir, path), text: readFileSync(path, 'utf8') }));

describe('translations', () => {
  it('have the same keys in every language, none empty', () => {
    const english = [...languages.en.keys()].sort();
    expect([...languages.de.keys()].sort()).toEqual(english);
    for (const [lang, entries] of Object.entries(languages)) {
      for (const [key, value] of entries) expect(value.trim(), `${lang}: ${key} is empty`).not.toBe('');
    }
  });

  // The demo's own strings (mocks/demo/), a namespace apart so the production bundle never carries them.
  it('have the same demo keys in every language, none empty', () => {
    const demo = { en: flatten(enDemo), de: flatten(deDemo) };
    expect([...demo.de.keys()].sort()).toEqual([...demo.en.keys()].sort());
    for (const [lang, entries] of Object.entries(demo)) {
      for (const [key, value] of entries) expect(value.trim(), `${lang}: demo ${key} is empty`).not.toBe('');
    }
  });

  // The sign-in page's strings (src/sign-in/, decision 019), a namespace apart so the page loads
  // none of the portal's. Its code names them by a type made from the English file, so a key it
  // uses and the file lacks fails the type check; a string both pages show must read the same.
  it('have the same sign-in keys in every language, none empty, and say what the portal says', () => {
    const signIn = { en: flatten(enSignIn), de: flatten(deSignIn) };
    expect([...signIn.de.keys()].sort()).toEqual([...signIn.en.keys()].sort());
    for (const [lang, entries] of Object.entries(signIn)) {
      for (const [key, value] of entries) {
        expect(value.trim(), `${lang}: sign-in ${key} is empty`).not.toBe('');
        const portal = languages[lang as keyof typeof languages].get(key);
        if (portal !== undefined) expect(value, `${lang}: sign-in ${key} differs from the portal's`).toBe(portal);
      }
    }
  });

  it('cover every key the code uses', () => {
    const known = (key: string) =>
      languages.en.has(key) || languages.en.has(`${key}_one`) || languages.en.has(`${key}_other`);
    const missing: string[] = [];
    for (const { path, text } of files) {
      for (const match of text.matchAll(/\bt\(\s*'([^']+)'/g))
        if (!known(match[1]!)) missing.push(`${path}: ${match[1]}`);
      // Keys built from a value (`roles.${role}`) must at least name a known group.
      for (const match of text.matchAll(/\bt\(\s*`([^`$]+)\.\$\{/g)) {
        const group = `${match[1]}.`;
        if (![...languages.en.keys()].some((k) => k.startsWith(group))) missing.push(`${path}: ${group}*`);
      }
    }
    expect(missing).toEqual([]);
  });
});

const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description']);
const hasWords = (text: string) => /\p{L}{2,}/u.test(text);

describe('user-visible text', () => {
  it('goes through i18next, never written straight into JSX', () => {
    const offenders: string[] = [];
    for (const { path, text } of files.filter((f) => f.path.endsWith('.tsx'))) {
      const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const report = (node: ts.Node, what: string) => {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        offenders.push(`${path}:${line + 1} ${what}`);
      };
      const visit = (node: ts.Node) => {
        if (ts.isJsxText(node) && hasWords(node.text)) report(node, JSON.stringify(node.text.trim()));
        if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText())) {
          const value = node.initializer;
          const literal =
            value && ts.isStringLiteral(value)
              ? value.text
              : value && ts.isJsxExpression(value) && value.expression && ts.isStringLiteralLike(value.expression)
                ? value.expression.text
                : null;
          if (literal && hasWords(literal)) report(node, `${node.name.getText()}=${JSON.stringify(literal)}`);
        }
        if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteralLike(node.expression)) {
          if (hasWords(node.expression.text)) report(node, JSON.stringify(node.expression.text));
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(offenders).toEqual([]);
  });
});
