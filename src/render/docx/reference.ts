import { InputError } from '../../errors.js';
import { NS, parseXmlPart, XmlPartError } from './xml.js';
import { readZip, ZipPartTooLarge, type ZipEntry } from './zip.js';

/** Word's own styles part is some hundreds of kilobytes; a template with every style imaginable, a few megabytes. */
const MAX_PART_BYTES = 16 * 2 ** 20;

/** What a reference document lends: its styles (and the theme they draw fonts and colours from), checked well-formed. */
export interface ReferenceDoc {
  styles: string;
  theme?: string;
}

const STYLES = 'word/styles.xml';
const THEME = 'word/theme/theme1.xml';

/** Read a .docx given with --reference-doc. Anything that is not a Word document with styles is an input error. */
export async function readReferenceDoc(bytes: Uint8Array, display: string): Promise<ReferenceDoc> {
  const fix = 'give a .docx saved by Word or LibreOffice (for example one clausula built, restyled)';
  let entries: ZipEntry[];
  try {
    // Only the parts lent are unpacked, each within a limit far above any real styles part.
    entries = readZip(bytes, { only: (name) => name === STYLES || name === THEME, maxEntryBytes: MAX_PART_BYTES });
  } catch (error) {
    if (error instanceof ZipPartTooLarge) {
      throw new InputError(`${display}: ${error.part} unpacks to more than ${error.limit / 2 ** 20} MiB, far more than the styles of a Word document`, fix);
    }
    throw new InputError(`${display} is not a Word document (.docx): it is not a zip package`, fix);
  }
  const part = (name: string) => entries.find((e) => e.name === name)?.data.toString('utf8');
  const styles = part(STYLES);
  if (styles === undefined) throw new InputError(`${display} has no styles (${STYLES} is missing)`, fix);
  checked(styles, STYLES, NS.w, 'styles', 'WordprocessingML styles', display, fix);
  const theme = part(THEME);
  if (theme === undefined) return { styles };
  checked(theme, THEME, NS.a, 'theme', 'a DrawingML theme', display, fix);
  // The theme's own relationships (pictures in its fills) are not lent with it: a theme that needs them would be broken.
  if (new RegExp(`xmlns:\\w+="${NS.r}"`).test(theme)) return { styles };
  return { styles, theme };
}

function checked(text: string, name: string, ns: string, root: string, what: string, display: string, fix: string): void {
  try {
    parseXmlPart(text, ns, root);
  } catch (error) {
    if (!(error instanceof XmlPartError)) throw error;
    const kind = /root element/.test(error.message) ? `is not ${what}` : 'cannot be read';
    throw new InputError(`${display}: ${name} ${kind}: ${error.message}`, fix);
  }
}
