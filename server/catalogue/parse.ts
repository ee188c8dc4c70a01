import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { catalogueSchema, type Catalogue } from './schema';

/** A catalogue file that cannot be loaded, naming the file, line and field at fault. */
export class CatalogueError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly field: string | null,
    readonly reason: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${field ? `${field}: ` : ''}${reason}`);
    this.name = 'CatalogueError';
  }
}

export function parseCatalogue(text: string, file: string): Catalogue {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    const line = lineCounter.linePos(syntaxError.pos[0]).line;
    throw new CatalogueError(file, line, null, syntaxError.message.split('\n')[0] ?? 'invalid YAML');
  }
  const result = catalogueSchema.safeParse(doc.toJS());
  if (result.success) return result.data;

  const issue = result.error.issues[0]!;
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  // Zod names the object that holds an unknown key; the author needs the key itself.
  if (issue.code === 'unrecognized_keys' && issue.keys[0]) path.push(issue.keys[0]);
  const field = path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${key}` : key),
    '',
  );
  return throwAt(file, field, issue.message, lineOf(doc, lineCounter, path));
}

function throwAt(file: string, field: string, reason: string, line: number | null): never {
  throw new CatalogueError(file, line, field || null, reason);
}

/**
 * The line of the deepest key that exists along the path: a bad value points at its key, a missing
 * key at its parent's key. (A block value starts on the line after its key, so nodes won't do.)
 */
function lineOf(doc: ReturnType<typeof parseDocument>, lines: LineCounter, path: (string | number)[]) {
  for (let depth = path.length; depth > 0; depth--) {
    const parent = doc.getIn(path.slice(0, depth - 1), true);
    const key = path[depth - 1];
    const node = isMap(parent)
      ? parent.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(key))?.key
      : isSeq(parent) && typeof key === 'number'
        ? parent.items[key]
        : undefined;
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return doc.contents?.range ? lines.linePos(doc.contents.range[0]).line : null;
}
