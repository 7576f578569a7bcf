import { TamperedError } from './tampered.js';
import type { DocxPackage } from './package.js';
import { NS, parsePart, plainAttr } from './xml.js';

/**
 * The custom properties of the package (File > Properties > Custom in Word), by name, as
 * text. Two properties of one name are refused: which one a reader shows is not defined.
 */
export async function readCustomProperties(pkg: DocxPackage, part: string | undefined): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (part === undefined) return out;
  let name: string | undefined;
  let value = '';
  let depth = 0;
  await parsePart(pkg, part, {
    open(tag) {
      if ((tag.uri === NS.custom || tag.uri === NS.customStrict) && tag.local === 'property') {
        name = plainAttr(tag, 'name');
        value = '';
        if (name !== undefined && out.has(name)) {
          throw new TamperedError(`${pkg.display}: ${part} holds two properties named ${JSON.stringify(name)}: readers do not agree on which one counts`);
        }
      } else if (name !== undefined && (tag.uri === NS.vt || tag.uri === NS.vtStrict)) depth++;
    },
    close(tag) {
      if ((tag.uri === NS.custom || tag.uri === NS.customStrict) && tag.local === 'property') {
        if (name !== undefined) out.set(name, value);
        name = undefined;
      } else if (name !== undefined && (tag.uri === NS.vt || tag.uri === NS.vtStrict)) depth--;
    },
    text(text) {
      if (name !== undefined && depth > 0) value += text;
    },
  });
  return out;
}
