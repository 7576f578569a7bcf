import { InputError } from '../../errors.js';
import { readZip, ZipPartTooLarge, type ZipEntry } from './zip.js';

/** Word's own styles part is some hundreds of kilobytes; a template with every style imaginable, a few megabytes. */
const MAX_PART_BYTES = 16 * 2 ** 20;

/** What a reference document lends: its styles (and the theme they draw fonts and colours from). */
export interface ReferenceDoc {
  styles: string;
  theme?: string;
}

/** Read a .docx given with --reference-doc. Anything that is not a Word document with styles is an input error. */
export async function readReferenceDoc(bytes: Uint8Array, display: string): Promise<ReferenceDoc> {
  const fix = 'give a .docx saved by Word or LibreOffice (for example one clausula built, restyled)';
  let entries: ZipEntry[];
  try {
    // Only the parts lent are unpacked, each within a limit far above any real styles part.
    entries = readZip(bytes, { only: (name) => name === 'word/styles.xml' || name === 'word/theme/theme1.xml', maxEntryBytes: MAX_PART_BYTES });
  } catch (error) {
    if (error instanceof ZipPartTooLarge) {
      throw new InputError(`${display}: ${error.part} unpacks to more than ${error.limit / 2 ** 20} MiB, far more than the styles of a Word document`, fix);
    }
    throw new InputError(`${display} is not a Word document (.docx): it is not a zip package`, fix);
  }
  const part = (name: string) => entries.find((e) => e.name === name)?.data.toString('utf8');
  const styles = part('word/styles.xml');
  if (styles === undefined) throw new InputError(`${display} has no styles (word/styles.xml is missing)`, fix);
  if (!/<w:styles[\s>]/.test(styles) || !/<\/w:styles>\s*$/.test(styles)) {
    throw new InputError(`${display} has a styles part that is not WordprocessingML styles`, fix);
  }
  const theme = part('word/theme/theme1.xml');
  return { styles, ...(theme !== undefined ? { theme } : {}) };
}
