import type { PrivateFolder } from '../../write/private-folder.js';

/**
 * A LibreOffice user profile of clausula's own, made afresh in a private folder for each
 * run, so that a LibreOffice the user has open (or another clausula run) neither swallows
 * the job nor shares settings with it, and nothing in it comes from a place others can
 * write. It holds only what LibreOffice needs to skip its first-start set-up (which would
 * overwrite the macros) and the Basic module that does the work:
 *
 * - `Pages(in, out)` opens the document hidden, lets LibreOffice update its table of
 *   contents (laying out every page) and writes the table's text to `out`: one entry a
 *   line, its page number after the last tab;
 * - `Export(in, pdf, title)` writes the PDF: PDF/A-2b, tagged for accessibility (headings,
 *   lists, tables, the reading order), the document's title shown instead of its file name,
 *   its outline as bookmarks. The language is the document's own.
 *
 * Another module can stand in for it (the tests read documents back through LibreOffice so).
 */
export function writeProfile(folder: PrivateFolder, module: string = MODULE): string {
  const root = folder.folder('profile');
  folder.folder('profile/user');
  folder.folder('profile/user/basic');
  folder.folder('profile/user/basic/Standard');
  folder.write(
    'profile/user/registrymodifications.xcu',
    xml(
      '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
      item('/org.openoffice.Setup/Office', 'ooSetupInstCompleted', 'true'),
      item('/org.openoffice.Office.Common/Misc', 'FirstRun', 'false'),
      // No macro from a document ever runs; ours is an application macro, which this does not touch.
      item('/org.openoffice.Office.Common/Security/Scripting', 'MacroSecurityLevel', '3'),
      item('/org.openoffice.Office.Common/Security/Scripting', 'DisableMacrosExecution', 'true'),
      '</oor:items>',
    ),
  );
  const libraries = (kind: string) =>
    xml(
      '<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">',
      '<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink">',
      `<library:library library:name="Standard" xlink:href="$(USER)/basic/Standard/${kind}.xlb/" xlink:type="simple" library:link="false"/>`,
      '</library:libraries>',
    );
  const library = (elements: string) =>
    xml(
      '<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">',
      `<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">${elements}</library:library>`,
    );
  folder.write('profile/user/basic/script.xlc', libraries('script'));
  folder.write('profile/user/basic/dialog.xlc', libraries('dialog'));
  folder.write('profile/user/basic/Standard/script.xlb', library('<library:element library:name="Clausula"/>'));
  folder.write('profile/user/basic/Standard/dialog.xlb', library(''));
  folder.write(
    'profile/user/basic/Standard/Clausula.xba',
    xml(
      '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">',
      `<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Clausula" script:language="StarBasic">${escape(module)}</script:module>`,
    ),
  );
  return root;
}

const MODULE = `
Function OpenHidden(url As String)
  Dim load(1) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden"
  load(0).Value = True
  load(1).Name = "ReadOnly"
  load(1).Value = True
  OpenHidden = StarDesktop.loadComponentFromURL(url, "_blank", 0, load())
End Function

Sub Pages(inUrl As String, outUrl As String)
  doc = OpenHidden(inUrl)
  indexes = doc.getDocumentIndexes()
  f = FreeFile
  Open ConvertFromURL(outUrl) For Output As #f
  For i = 0 To indexes.getCount() - 1
    indexes.getByIndex(i).update()
    Print #f, indexes.getByIndex(i).getAnchor().getString()
  Next
  Close #f
  doc.close(True)
End Sub

Sub Export(inUrl As String, pdfUrl As String)
  doc = OpenHidden(inUrl)
  Dim pdf(4) As New com.sun.star.beans.PropertyValue
  pdf(0).Name = "SelectPdfVersion"
  pdf(0).Value = 2
  pdf(1).Name = "UseTaggedPDF"
  pdf(1).Value = True
  pdf(2).Name = "DisplayPDFDocumentTitle"
  pdf(2).Value = True
  pdf(3).Name = "ExportBookmarks"
  pdf(3).Value = True
  pdf(4).Name = "ExportNotes"
  pdf(4).Value = False
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = "FilterName"
  store(0).Value = "writer_pdf_Export"
  store(1).Name = "FilterData"
  store(1).Value = pdf()
  doc.storeToURL(pdfUrl, store())
  doc.close(True)
End Sub
`;

function xml(...lines: string[]): string {
  return ['<?xml version="1.0" encoding="UTF-8"?>', ...lines].join('\n') + '\n';
}

function item(path: string, name: string, value: string): string {
  return `<item oor:path="${path}"><prop oor:name="${name}" oor:op="fuse"><value>${value}</value></prop></item>`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
