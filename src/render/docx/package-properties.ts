import type { DocumentModel } from '../../assemble/document.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** docProps/core.xml with the document's language (dc:language), which docx does not write. */
export function withLanguage(core: string, locale: string): string {
  if (core.includes('<dc:language>')) return core.replace(/<dc:language>[^<]*<\/dc:language>/, `<dc:language>${escape(locale)}</dc:language>`);
  return core.replace('</cp:coreProperties>', `<dc:language>${escape(locale)}</dc:language></cp:coreProperties>`);
}

/** docProps/app.xml, which docx leaves empty: the program, the authority, and that links and sharing are as written. */
export function appProperties(model: DocumentModel): string {
  const company = model.cover.authority;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Application>clausula</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
    (company ? `<Company>${escape(company)}</Company>` : '') +
    '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>' +
    '</Properties>'
  );
}

/** The headings' list is one multi-level list (Word's "multilevel"), not a list of independent levels ("hybridMultilevel"). */
export function multilevelHeadings(numbering: string): string {
  return numbering.replace(/(<w:abstractNum\b[^>]*>)<w:multiLevelType w:val="hybridMultilevel"\/>(?=<w:lvl w:ilvl="0"[^>]*>(?:(?!<\/w:lvl>)[\s\S])*<w:pStyle w:val="Heading1"\/>)/, '$1<w:multiLevelType w:val="multilevel"/>');
}
