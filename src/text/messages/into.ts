import { m } from './define.js';

/** `build --into PLIEGO.docx`: the city's own document, its {{ clausula }} paragraph, and the options that go with it. */
export const into = {
  notZip: m({
    en: (file: string) => `${file} is not a Word document (.docx): it is not a zip package`,
    es: (file) => `${file} no es un documento de Word (.docx): no es un paquete zip`,
    ca: (file) => `${file} no és un document de Word (.docx): no és un paquet zip`,
  }),
  partTooLarge: m({
    en: (file: string, part: string, mib: number) => `${file}: ${part} unpacks to more than ${mib} MiB; it is not a PCAP or PPT`,
    es: (file, part, mib) => `${file}: ${part} ocupa más de ${mib} MiB al descomprimirse; no es un PCAP ni un PPT`,
    ca: (file, part, mib) => `${file}: ${part} ocupa més de ${mib} MiB en descomprimir-se; no és un PCAP ni un PPT`,
  }),
  missingPart: m({
    en: (file: string, part: string) => `${file} is not a Word document: ${part} is missing`,
    es: (file, part) => `${file} no es un documento de Word: falta ${part}`,
    ca: (file, part) => `${file} no és un document de Word: hi falta ${part}`,
  }),
  noBody: m({
    en: (file: string) => `${file} is not a Word document: it has no body`,
    es: (file) => `${file} no es un documento de Word: no tiene cuerpo`,
    ca: (file) => `${file} no és un document de Word: no té cos`,
  }),
  unreadablePart: m({
    en: (file: string, part: string, why: string) => `${file}: ${part} cannot be read: ${why}`,
    es: (file, part, why) => `${file}: no se puede leer ${part}: ${why}`,
    ca: (file, part, why) => `${file}: no es pot llegir ${part}: ${why}`,
  }),
  giveHost: m({
    en: 'give the .docx of the PCAP or PPT, saved by Word or LibreOffice, with {{ clausula }} alone in the paragraph where the clauses go',
    es: 'indique el .docx del PCAP o del PPT, guardado con Word o LibreOffice, con {{ clausula }} solo en el párrafo donde van las cláusulas',
    ca: 'indiqueu el .docx del PCAP o del PPT, desat amb Word o LibreOffice, amb {{ clausula }} sol al paràgraf on van les clàusules',
  }),
  /** Where a paragraph is: "paragraph 14, after “3. Obligaciones de las partes”". */
  paragraph: m({
    en: (n: number, after: string | undefined) => `paragraph ${n}${after === undefined ? ', at the start' : `, after “${after}”`}`,
    es: (n, after) => `párrafo ${n}${after === undefined ? ', al principio' : `, después de «${after}»`}`,
    ca: (n, after) => `paràgraf ${n}${after === undefined ? ', al principi' : `, després de «${after}»`}`,
  }),
  noMarker: m({
    en: (file: string) => `${file} has no paragraph that reads {{ clausula }}`,
    es: (file) => `${file} no tiene ningún párrafo que diga {{ clausula }}`,
    ca: (file) => `${file} no té cap paràgraf que digui {{ clausula }}`,
  }),
  writeMarker: m({
    en: 'write {{ clausula }} alone in the paragraph where the clauses go, save it, and build again',
    es: 'escriba {{ clausula }} solo en el párrafo donde van las cláusulas, guarde el documento y vuelva a generarlo',
    ca: 'escriviu {{ clausula }} sol al paràgraf on van les clàusules, deseu el document i torneu a generar-lo',
  }),
  markerAmongText: m({
    en: (file: string, where: string, text: string) => `${file} has {{ clausula }} only among other text, in ${where}: “${text}”`,
    es: (file, where, text) => `${file} solo tiene {{ clausula }} dentro de otro texto, en el ${where}: «${text}»`,
    ca: (file, where, text) => `${file} només té {{ clausula }} dins d’un altre text, al ${where}: «${text}»`,
  }),
  ownParagraph: m({
    en: 'put {{ clausula }} in a paragraph of its own: the clauses replace the whole paragraph',
    es: 'ponga {{ clausula }} en un párrafo propio: las cláusulas sustituyen el párrafo entero',
    ca: 'poseu {{ clausula }} en un paràgraf propi: les clàusules substitueixen el paràgraf sencer',
  }),
  markers: m({
    en: (file: string, n: number, where: string) => `${file} has ${n} paragraphs that read {{ clausula }}: ${where}`,
    es: (file, n, where) => `${file} tiene ${n} párrafos que dicen {{ clausula }}: ${where}`,
    ca: (file, n, where) => `${file} té ${n} paràgrafs que diuen {{ clausula }}: ${where}`,
  }),
  keepOne: m({
    en: 'keep one: the clauses go in one place',
    es: 'deje uno: las cláusulas van en un solo lugar',
    ca: 'deixeu-ne un: les clàusules van en un sol lloc',
  }),
  markerInside: m({
    en: (file: string, where: string, inside: string) => `${file}: the paragraph {{ clausula }} (${where}) is ${inside}`,
    es: (file, where, inside) => `${file}: el párrafo {{ clausula }} (${where}) está ${inside}`,
    ca: (file, where, inside) => `${file}: el paràgraf {{ clausula }} (${where}) és ${inside}`,
  }),
  inside: m({
    en: { table: 'inside a table', textBox: 'inside a text box', control: 'inside a content control', drawing: 'inside a drawing or an object' },
    es: { table: 'dentro de una tabla', textBox: 'dentro de un cuadro de texto', control: 'dentro de un control de contenido', drawing: 'dentro de un dibujo o un objeto' },
    ca: { table: 'dins d’una taula', textBox: 'dins d’un quadre de text', control: 'dins d’un control de contingut', drawing: 'dins d’un dibuix o un objecte' },
  }),
  moveOut: m({
    en: 'move {{ clausula }} out of it, into a paragraph of its own in the body of the document',
    es: 'saque {{ clausula }} de ahí y póngalo en un párrafo propio del cuerpo del documento',
    ca: 'traieu {{ clausula }} d’allà i poseu-lo en un paràgraf propi del cos del document',
  }),
  severalDocuments: m({
    en: (file: string, n: number, ids: string) => `--into writes one document into ${file}, and this tender has ${n}: ${ids}`,
    es: (file, n, ids) => `--into escribe un solo documento en ${file}, y esta licitación tiene ${n}: ${ids}`,
    ca: (file, n, ids) => `--into escriu un sol document a ${file}, i aquesta licitació en té ${n}: ${ids}`,
  }),
  /** The documents' ids: all but the last, joined with commas, and the last one. */
  chooseDocument: m({
    en: (others: string, last: string) => `choose the one the pliego takes with --template (${others} or ${last})`,
    es: (others, last) => `elija con --template el que va en el pliego (${others} o ${last})`,
    ca: (others, last) => `trieu amb --template el que va al plec (${others} o ${last})`,
  }),
  hostIsOutput: m({
    en: (file: string) => `-o names ${file} itself: the city's document is never overwritten`,
    es: (file) => `-o indica el propio ${file}: el pliego nunca se sobrescribe`,
    ca: (file) => `-o indica el mateix ${file}: el plec no se sobreescriu mai`,
  }),
  newFile: m({
    en: 'write the result to a new file with -o, such as pliego-with-clauses.docx',
    es: 'escriba el resultado en un fichero nuevo con -o, como pliego-con-clausulas.docx',
    ca: 'escriviu el resultat en un fitxer nou amb -o, com ara plec-amb-clausules.docx',
  }),
  onlyWord: m({
    en: (format: string) => `--into writes a Word document, not ${format}`,
    es: (format) => `--into escribe un documento de Word, no ${format}`,
    ca: (format) => `--into escriu un document de Word, no ${format}`,
  }),
  dropFormat: m({
    en: 'drop --format, or build without --into',
    es: 'quite --format, o genere el documento sin --into',
    ca: 'traieu --format, o genereu el document sense --into',
  }),
  notWithInto: m({
    en: (option: string, own: 'styles' | 'contents') => `${option} does not go with --into: the document keeps its own ${own === 'styles' ? 'styles' : 'table of contents'}`,
    es: (option, own) => `${option} no se puede usar con --into: el documento conserva ${own === 'styles' ? 'sus propios estilos' : 'su propio índice'}`,
    ca: (option, own) => `${option} no es pot fer servir amb --into: el document conserva ${own === 'styles' ? 'els seus propis estils' : 'el seu propi índex'}`,
  }),
  drop: m({
    en: (option: string) => `drop ${option}`,
    es: (option) => `quite ${option}`,
    ca: (option) => `traieu ${option}`,
  }),
  prefixWithoutInto: m({
    en: '--number-prefix only applies with --into',
    es: '--number-prefix solo se aplica con --into',
    ca: '--number-prefix només s’aplica amb --into',
  }),
  prefixWithoutIntoFix: m({
    en: 'drop --number-prefix, or build into the city’s document with --into PLIEGO.docx',
    es: 'quite --number-prefix, o genere las cláusulas dentro del pliego con --into PLIEGO.docx',
    ca: 'traieu --number-prefix, o genereu les clàusules dins del plec amb --into PLEC.docx',
  }),
  badPrefix: m({
    en: (prefix: string) => `--number-prefix ${prefix} cannot go before a heading number`,
    es: (prefix) => `--number-prefix ${prefix} no puede ir delante de un número de título`,
    ca: (prefix) => `--number-prefix ${prefix} no pot anar davant d’un número de títol`,
  }),
  badPrefixFix: m({
    en: 'give up to 20 characters, without %, such as "A." (which numbers the clauses A.1.1, A.1.2, …)',
    es: 'indique hasta 20 caracteres, sin %, como "A." (que numera las cláusulas A.1.1, A.1.2…)',
    ca: 'indiqueu fins a 20 caràcters, sense %, com ara "A." (que numera les clàusules A.1.1, A.1.2…)',
  }),
};
