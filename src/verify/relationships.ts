import { posix } from 'node:path';
import type { DocxPackage } from './package.js';
import { NS, parsePart, plainAttr } from './xml.js';

export interface Relationship {
  id: string;
  /** The last segment of the relationship type: officeDocument, styles, footnotes, header, … */
  kind: string;
  /** The target part's name inside the package; undefined for an external target. */
  part: string | undefined;
}

/**
 * The relationships of a part (the package's own for ''), as Word follows them: which
 * part is the main document is said here, not by the part's name.
 */
export async function readRelationships(pkg: DocxPackage, source: string): Promise<Relationship[]> {
  const dir = posix.dirname(source);
  const relsPart = source === '' ? '_rels/.rels' : posix.join(dir, '_rels', `${posix.basename(source)}.rels`);
  const out: Relationship[] = [];
  await parsePart(pkg, relsPart, {
    open(tag) {
      if (tag.uri !== NS.relationships || tag.local !== 'Relationship') return;
      const id = plainAttr(tag, 'Id') ?? '';
      const type = plainAttr(tag, 'Type') ?? '';
      const target = plainAttr(tag, 'Target') ?? '';
      const external = plainAttr(tag, 'TargetMode') === 'External';
      out.push({ id, kind: kindOf(type), part: external ? undefined : resolveTarget(source === '' ? '' : dir, target) });
    },
    close() {},
    text() {},
  });
  return out;
}

/** Transitional and Strict spell the types differently (custom-properties, customProperties); both end in the kind. */
function kindOf(type: string): string {
  const last = type.slice(type.lastIndexOf('/') + 1);
  return last === 'custom-properties' ? 'customProperties' : last;
}

function resolveTarget(dir: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // Not percent-encoded as a URI should be: taken as written.
  }
  const joined = decoded.startsWith('/') ? decoded.slice(1) : posix.join(dir, decoded);
  return posix.normalize(joined).replace(/^(\.\.\/)+/, '');
}
