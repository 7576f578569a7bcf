import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentModel } from '../../assemble/document.js';
import { InputError } from '../../errors.js';
import { withPrivateFolder, type PrivateFolder } from '../../write/private-folder.js';
import { renderDocx, type DocxOptions } from '../docx/index.js';
import { findOffice, pathToFileURL, runMacro } from './office.js';
import { writeProfile } from './profile.js';

export { findOffice, INSTALL_OFFICE } from './office.js';

export interface OfficeOptions extends Omit<DocxOptions, 'tocPages'> {
  /** The environment LibreOffice is looked for in (PATH, CLAUSULA_SOFFICE) and run with. */
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * The document as a PDF/A-2b, tagged for accessibility, with its language and title, laid
 * out by LibreOffice: once to find the page of every heading, then, with those page numbers
 * written into the table of contents, to export the PDF.
 */
export async function renderPdf(model: DocumentModel, options: OfficeOptions): Promise<Uint8Array> {
  const program = findOffice(options.env, 'a PDF');
  return withPrivateFolder('office', async (folder) => {
    const profile = writeProfile(folder);
    const pages = await tocPages(model, options, program, profile, folder);
    const docx = folder.write('document.docx', await renderDocx(model, { ...docxOptions(options), tocPages: pages }));
    const pdf = join(folder.path, 'document.pdf');
    await runMacro(program, profile, 'Export', [pathToFileURL(docx).href, pathToFileURL(pdf).href], options.env);
    if (!existsSync(pdf)) throw new InputError('LibreOffice did not write the PDF', 'check that LibreOffice Writer can open and export documents on this machine (soffice --headless --convert-to pdf FILE.docx)');
    return readFileSync(pdf);
  });
}

/** The page of each entry of the table of contents, in order, as LibreOffice lays the document out. */
export async function layOutTocPages(model: DocumentModel, options: OfficeOptions): Promise<string[]> {
  const program = findOffice(options.env, '--toc-page-numbers');
  return withPrivateFolder('office', (folder) => tocPages(model, options, program, writeProfile(folder), folder));
}

async function tocPages(model: DocumentModel, options: OfficeOptions, program: string, profile: string, folder: PrivateFolder): Promise<string[]> {
  const docx = folder.write('pages.docx', await renderDocx(model, docxOptions(options)));
  const out = join(folder.path, 'pages.txt');
  await runMacro(program, profile, 'Pages', [pathToFileURL(docx).href, pathToFileURL(out).href], options.env);
  const expected = model.parts.reduce((n, p) => n + 1 + p.clauses.length, 0) + model.annexes.length;
  const pages = existsSync(out) ? parseTocPages(readFileSync(out, 'latin1')) : [];
  if (pages.length !== expected) {
    throw new InputError(`LibreOffice laid out ${pages.length} entries of the table of contents, not the document's ${expected}`, 'check that LibreOffice Writer opens documents on this machine (soffice --headless --version)');
  }
  return pages;
}

function docxOptions(options: OfficeOptions): Omit<DocxOptions, 'tocPages'> {
  return { date: options.date, ...(options.reference ? { reference: options.reference } : {}) };
}

/** The text of LibreOffice's updated table of contents: each entry's page number is after its last tab. */
export function parseTocPages(text: string): string[] {
  const pages: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const page = /\t\s*(\d+|[ivxlcdm]+)\s*$/i.exec(line)?.[1];
    if (page !== undefined) pages.push(page);
  }
  return pages;
}
