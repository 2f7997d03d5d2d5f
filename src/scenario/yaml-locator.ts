import { isMap, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
import type { PathSegment } from './problem.ts';

/**
 * Finds the line of a path in a parsed YAML document. When the path runs past what the
 * document has (a missing key), the deepest node that exists is used, so the line still
 * points at the right mapping.
 */
export class YamlLocator {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** `onKey` points at the key of the last segment instead of its value (unknown keys, bad ids). */
  line(path: readonly PathSegment[], onKey = false): number {
    let node: unknown = this.doc.contents;
    let offset = rangeStart(node) ?? 0;
    for (const [index, segment] of path.entries()) {
      const last = index === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        const keyStart = rangeStart(pair.key);
        if (last && onKey && keyStart !== undefined) return this.toLine(keyStart);
        node = pair.value;
        offset = rangeStart(pair.value) ?? keyStart ?? offset;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) break;
        node = item;
        offset = rangeStart(item) ?? offset;
      } else {
        break;
      }
    }
    return this.toLine(offset);
  }

  private toLine(offset: number): number {
    return this.lines.linePos(offset).line;
  }
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return Array.isArray(range) ? range[0] : undefined;
}
