import { LineCounter, parseDocument } from 'yaml';
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
  const field = path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${key}` : key),
    '',
  );
  return throwAt(file, field, issue.message, lineOf(doc, lineCounter, path));
}

function throwAt(file: string, field: string, reason: string, line: number | null): never {
  throw new CatalogueError(file, line, field || null, reason);
}

/** The line of the deepest node that exists along the path (a missing key points at its parent). */
function lineOf(doc: ReturnType<typeof parseDocument>, lines: LineCounter, path: (string | number)[]) {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return null;
}
