import { Document, Packer, type PageNumberEstimator } from 'docx';
import type { DocumentModel } from '../../assemble/document.js';
import { provenanceOf, toProperties } from '../../provenance/properties.js';
import { annexBlocks } from './annexes.js';
import { partParagraphs } from './clauses.js';
import { coverBlocks } from './cover.js';
import { Footnotes } from './footnotes.js';
import { mergeStyles } from './merge-styles.js';
import { listInstances, numberingOptions } from './numbering.js';
import { appProperties, multilevelHeadings, withLanguage } from './package-properties.js';
import { headersAndFooters, PAGE } from './page.js';
import { headingNumbers } from './page-numbers.js';
import type { ReferenceDoc } from './reference.js';
import { reproducibleParts, type PackagePart } from './reproducible.js';
import { writeZip, type ZipEntry } from './zip.js';
import { finishStyles, styleOptions } from './styles.js';
import { fixTocEntries, type TocPages } from './toc-entries.js';
import { tocBlocks } from './toc.js';

export { readReferenceDoc, type ReferenceDoc } from './reference.js';

export interface DocxOptions {
  /** The document's date and time, stamped on its properties and package (SOURCE_DATE_EPOCH or now). */
  date: Date;
  /** Styles (and theme) from --reference-doc. */
  reference?: ReferenceDoc;
  /**
   * The table of contents' page numbers: `'estimate'` lays the pages out with docx's own
   * engine (slow: seconds for a long document, and only close to Word's layout); a list
   * gives one page number for each entry, in order (as LibreOffice laid the pages out).
   * Without it the entries have no page numbers, for Word or LibreOffice to fill in.
   */
  tocPages?: 'estimate' | readonly string[];
  /**
   * `'document'` (the default): a document of its own, with cover, contents and a page for
   * each appendix. `'into'`: only the parts and appendices, one after the other, to go into a
   * host document (into.ts).
   */
  layout?: 'document' | 'into';
  /** Written before every heading number (`--number-prefix`): "A." numbers the parts A.1., A.2. and the clauses A.1.1. */
  numberPrefix?: string;
}

/** The document model as a Word document. Lays out what the model says; decides nothing. */
export async function renderDocx(model: DocumentModel, options: DocxOptions): Promise<Uint8Array> {
  const { entries, stamp } = await renderDocxParts(model, options);
  return writeZip(entries, stamp);
}

/** The parts of the Word document, ready to be zipped (or taken into a host document). */
export async function renderDocxParts(model: DocumentModel, options: DocxOptions): Promise<{ entries: ZipEntry[]; stamp: Date }> {
  const footnotes = new Footnotes();
  const ctx = { footnotes, newInstance: listInstances() };
  const own = options.layout !== 'into';
  const body = [
    ...(own ? [...coverBlocks(model), ...tocBlocks(model)] : []),
    ...model.parts.flatMap((part, i) => partParagraphs(model, part, own && i === 0, ctx)),
    ...annexBlocks(model, { pageBreaks: own }),
  ];
  const locale = model.words.locale;
  const document = new Document({
    title: model.title,
    subject: model.cover.contractTitle ?? model.library.title,
    creator: 'clausula',
    lastModifiedBy: 'clausula',
    description: `${model.words.generatedBy} (${model.library.release})`,
    keywords: model.library.release,
    revision: 1,
    styles: styleOptions(locale),
    numbering: numberingOptions(options.numberPrefix),
    // Justified lines that end in a line break are not stretched across the page (Word's and LibreOffice's setting).
    compatibility: { doNotExpandShiftReturn: true },
    footnotes: footnotes.notes,
    customProperties: toProperties(provenanceOf(model)),
    // The table of contents is written with its entries, so nothing asks to update fields on opening.
    pageNumbers: await pageNumberEstimator(model, options.tocPages),
    sections: [{ properties: PAGE, ...headersAndFooters(model), children: body }],
  });
  const tocPages: TocPages = options.tocPages === undefined ? 'none' : options.tocPages === 'estimate' ? 'written' : options.tocPages;
  return reproducibleParts(await packageParts(document), {
    date: options.date,
    ...(options.reference?.theme ? { replace: { 'word/theme/theme1.xml': options.reference.theme } } : {}),
    edit: (name, text) => {
      switch (name) {
        case 'word/document.xml':
          return fixTocEntries(text, tocPages);
        case 'word/styles.xml':
          return options.reference ? mergeStyles(finishStyles(text), options.reference.styles, locale) : finishStyles(text);
        case 'word/numbering.xml':
          return multilevelHeadings(text);
        case 'docProps/core.xml':
          return withLanguage(text, locale);
        case 'docProps/app.xml':
          return appProperties(model);
        default:
          return text;
      }
    },
  });
}

async function pageNumberEstimator(model: DocumentModel, pages: DocxOptions['tocPages']): Promise<PageNumberEstimator> {
  return pages === 'estimate' ? (await import('docx/layout')).estimatePageNumbers : headingNumbers(model);
}

type Compiler = { compile(file: Document, prettify?: undefined, overrides?: readonly unknown[]): Map<string, string | Uint8Array> };

/**
 * The package's parts. We rewrite every part anyway (src/render/docx/reproducible.ts), so we
 * take them uncompressed from docx's compiler rather than unzip what Packer zipped: a round
 * of deflate saved. Packer's compiler is not public API; if a docx release moves it, we
 * fall back to Packer.
 */
async function packageParts(document: Document): Promise<Uint8Array | PackagePart[]> {
  const compiler = (Packer as unknown as { compiler?: Partial<Compiler> }).compiler;
  if (typeof compiler?.compile !== 'function') return Packer.toBuffer(document);
  const parts = (compiler as Compiler).compile(document, undefined, []);
  return [...parts].map(([name, data]) => ({ name, data: typeof data === 'string' ? data : Buffer.from(data) }));
}
