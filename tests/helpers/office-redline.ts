import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findOffice, pathToFileURL, runMacro } from '../../src/render/office/office.js';
import { writeProfile } from '../../src/render/office/profile.js';
import { withPrivateFolder } from '../../src/write/private-folder.js';

/**
 * What LibreOffice makes of a document with tracked changes: the changes it sees (type and
 * author, in order), the text after accepting them all, and after rejecting them all. A
 * Basic module of the tests' own, run the way clausula runs LibreOffice (src/render/office).
 */
const MODULE = `
Function OpenDoc(url As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden"
  load(0).Value = True
  OpenDoc = StarDesktop.loadComponentFromURL(url, "_blank", 0, load())
End Function

Function AllText(doc) As String
  Dim out As String
  e = doc.getText().createEnumeration()
  Do While e.hasMoreElements()
    p = e.nextElement()
    out = out & p.getString() & Chr(10)
  Loop
  AllText = out
End Function

Function Dispatched(url As String, command As String) As String
  doc = OpenDoc(url)
  helper = createUnoService("com.sun.star.frame.DispatchHelper")
  Dim none() As New com.sun.star.beans.PropertyValue
  helper.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, none())
  Dispatched = AllText(doc)
  doc.close(True)
End Function

Sub Redlines(inUrl As String, outUrl As String)
  doc = OpenDoc(inUrl)
  Dim out As String
  e = doc.getRedlines().createEnumeration()
  Do While e.hasMoreElements()
    r = e.nextElement()
    out = out & r.RedlineType & Chr(9) & r.RedlineAuthor & Chr(10)
  Loop
  doc.close(True)
  out = out & "==accepted" & Chr(10) & Dispatched(inUrl, ".uno:AcceptAllTrackedChanges")
  out = out & "==rejected" & Chr(10) & Dispatched(inUrl, ".uno:RejectAllTrackedChanges")
  files = createUnoService("com.sun.star.ucb.SimpleFileAccess")
  stream = createUnoService("com.sun.star.io.TextOutputStream")
  stream.setOutputStream(files.openFileWrite(outUrl))
  stream.setEncoding("UTF-8")
  stream.writeString(out)
  stream.closeOutput()
End Sub
`;

export interface OfficeRedline {
  /** "Insert\tauthor" or "Delete\tauthor", one per change LibreOffice sees. */
  changes: string[];
  accepted: string[];
  rejected: string[];
}

export async function officeRedline(docx: Uint8Array): Promise<OfficeRedline> {
  const program = findOffice(process.env, 'the redline test');
  return withPrivateFolder('office-test', async (folder) => {
    const profile = writeProfile(folder, MODULE);
    const input = folder.write('redline.docx', docx);
    const out = join(folder.path, 'redline.txt');
    await runMacro(program, profile, 'Redlines', [pathToFileURL(input).href, pathToFileURL(out).href], process.env);
    if (!existsSync(out)) throw new Error('LibreOffice wrote no result');
    const [changes, rest] = readFileSync(out, 'utf8').split('==accepted\n') as [string, string];
    const [accepted, rejected] = rest.split('==rejected\n') as [string, string];
    const lines = (s: string) => s.replace(/\n$/, '').split('\n');
    return { changes: changes === '' ? [] : lines(changes), accepted: lines(accepted), rejected: lines(rejected) };
  });
}

export function hasOffice(): boolean {
  try {
    findOffice(process.env, 'test');
    return true;
  } catch {
    return false;
  }
}
