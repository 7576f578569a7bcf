import { InputError } from '../../errors.js';
import { readZip, type ZipEntry } from './zip.js';

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
    entries = readZip(bytes);
  } catch {
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
