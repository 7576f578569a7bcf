import { posix } from 'node:path';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, stringify, visit, type Document, type Node } from 'yaml';
import type { Finding, Position } from '../finding.js';

/** Files larger than this are refused: a clause library has no business with them. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** More aliases than this in one file is treated as an alias bomb ("billion laughs"). */
export const MAX_ALIASES = 100;

export type PathSegment = string | number;

/**
 * A parsed YAML file. Only the plain data is kept; the syntax tree that maps values to
 * positions is rebuilt from the text the first time a message needs a position
 * (`positioned`). Most files never need one, and not keeping thousands of trees
 * alive is what keeps lint fast and small on large libraries.
 */
export interface YamlSource {
  /** The path shown in messages: relative to the library folder, forward slashes. */
  file: string;
  text: string;
  /** The plain data, or undefined when the file could not be parsed. */
  data: unknown;
  /**
   * For a file of a base library seen through a library that extends it: the path from that
   * library's folder to the base's folder. `file` stays relative to the base's own folder
   * (what its id and place are checked against); messages name `prefix/file`.
   */
  prefix?: string;
}

/** The path a message names for a source: relative to the library folder, through its base's folder when it has one. */
export function shownFile(source: Pick<YamlSource, 'file' | 'prefix'>): string {
  return source.prefix ? posix.join(source.prefix, source.file) : source.file;
}

/**
 * The same file, seen from a library whose folder is `prefix` away from the one the source
 * knows. The text is still read only when a position is needed.
 */
export function rebased(source: YamlSource, prefix: string): YamlSource {
  const inner = source.prefix ? posix.join(prefix, source.prefix) : prefix;
  return {
    file: source.file,
    prefix: inner,
    get text() {
      return source.text;
    },
    get data() {
      return source.data;
    },
  };
}

interface Positioned {
  doc: Document.Parsed | undefined;
  lineCounter: LineCounter;
}

const positionedCache = new WeakMap<YamlSource, Positioned>();

// logLevel 'error': the yaml package reports some oddities (a list or mapping used as a key)
// as Node process warnings on stderr ("(node:123) Warning: …"); the schema check reports them
// as findings instead. resolveKnownTags false: the YAML 1.1 tags !!binary, !!timestamp, !!set,
// !!omap and !!pairs would turn values into bytes, dates, sets and maps that no clausula file
// holds; they are unknown tags like any other.
// Duplicate keys are found by duplicateKeys() below: the yaml package's own check costs
// almost half of its parsing time on a large library.
const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, logLevel: 'error', resolveKnownTags: false } as const;

let plainEnv: NodeJS.ProcessEnv | undefined;

/**
 * parseDocument, with a plain copy of the environment standing in for process.env. The yaml
 * package looks up process.env.LOG_TOKENS and LOG_STREAM once per token, and each lookup asks
 * the real environment: about an eighth of its parsing time on a large library. Parsing is
 * synchronous, so nothing else can see the swap.
 */
function yamlDocument(text: string, options: Parameters<typeof parseDocument>[1]): Document.Parsed {
  const real = process.env;
  plainEnv ??= { ...real };
  process.env = plainEnv;
  try {
    return parseDocument(asYaml12(text), options);
  } finally {
    process.env = real;
  }
}

/**
 * Every file is read as YAML 1.2, whatever its %YAML directive says. Under `%YAML 1.1` the
 * yaml package would read 2026-01-15 as a date, yes/no/on/off as booleans and 010 as 8:
 * a changelog date would become "a mapping", an option `no` a boolean. The directive, only
 * where directives stand (before the document, among comments and blank lines), is read as
 * 1.2: the same length, so every position stays where it is.
 */
function asYaml12(text: string): string {
  const prologue = /^(?:(?:[ \t]*(?:#[^\n]*)?|%[^\n]*)\r?\n)*/.exec(text)![0];
  const directive = /^%YAML[ \t]+1\.1(?=[ \t\r\n#]|$)/m.exec(prologue);
  if (!directive) return text;
  const at = directive.index + directive[0].length - 1;
  return `${text.slice(0, at)}2${text.slice(at + 1)}`;
}

/** The source's syntax tree and line table, parsed on first use. */
function positioned(source: YamlSource): Positioned {
  let cached = positionedCache.get(source);
  if (!cached) {
    const lineCounter = new LineCounter();
    let doc: Document.Parsed | undefined;
    try {
      doc = source.text === '' ? undefined : yamlDocument(source.text, { lineCounter, ...PARSE_OPTIONS });
    } catch {
      doc = undefined;
    }
    if (!doc) lineCounter.addNewLine(0);
    cached = { doc, lineCounter };
    positionedCache.set(source, cached);
  }
  return cached;
}

/** Line and column of an offset in a source's text. */
export function positionOf(source: YamlSource, offset: number): Position {
  return toPosition(positioned(source).lineCounter, offset);
}

export interface Range {
  start: Position;
  end: Position;
}

export interface ParseResult {
  source: YamlSource;
  findings: Finding[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
// Not defined on Windows, where opening a pipe does not block.
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** Read a YAML file from disk, refusing what is not a reasonable UTF-8 text file. */
export function readYamlFile(absolutePath: string, file: string): ParseResult {
  const read = readYamlText(absolutePath, file);
  return 'text' in read ? parseYamlText(read.text, file) : read;
}

/** The text of a file, or why it cannot be YAML: unreadable, over the size limit, binary, not UTF-8. */
export function readYamlText(absolutePath: string, file: string): { text: string } | ParseResult {
  const fail = (message: string, fix: string, start: Position = { line: 1, column: 1 }): ParseResult => ({
    source: emptySource(file),
    findings: [{ ruleId: 'yaml-syntax', severity: 'error', file, start, message, fix }],
  });
  // Said for every file clausula reads: clause, questions and template files, and answers files.
  const tooLarge = (size: string) =>
    fail(`the file is ${size} bytes, over the limit of ${MAX_FILE_BYTES} bytes (1 MiB)`, 'no library or answers file is this large: remove what was pasted in by mistake, or split a library file into smaller ones');
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    // Opened without blocking, as a pipe would block opening (and reading); what is opened is
    // read only if it is a regular file: a device (/dev/zero) never ends.
    fd = openSync(absolutePath, constants.O_RDONLY | NONBLOCK);
    const kind = fstatSync(fd);
    if (kind.isDirectory()) return fail('cannot read the file: it is a folder', 'check that the file exists and is readable');
    if (!kind.isFile()) return fail('cannot read the file: it is not a regular file (a device, a pipe or a socket)', 'give the path of a YAML file');
    const size = kind.size;
    if (size > MAX_FILE_BYTES) return tooLarge(String(size));
    const read = readBounded(fd, size, MAX_FILE_BYTES);
    if (!read) return tooLarge(`more than ${MAX_FILE_BYTES}`);
    bytes = read;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(`cannot read the file: ${code === 'EISDIR' ? 'it is a folder' : (code ?? String(error))}`, 'check that the file exists and is readable');
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return fail('the file is binary (it contains a NUL byte), not YAML text', 'save it as UTF-8 text', byteOffsetPosition(bytes, nul));
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return fail('the file is not valid UTF-8', 'save the file with UTF-8 encoding', byteOffsetPosition(bytes, bad));
  }
}

/**
 * A file's bytes, never reading more than one byte past `max` (undefined then): a file may grow
 * while it is read, or report no size at all (/proc), so its size is a first guess only.
 */
function readBounded(fd: number, expected: number, max: number): Buffer | undefined {
  let buffer = Buffer.allocUnsafe(Math.min(expected, max) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > max) return undefined;
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, max + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) return buffer.subarray(0, length);
    length += n;
  }
}

/** Parse YAML text strictly. Every problem becomes a finding with its position. */
export function parseYamlText(rawText: string, file: string): ParseResult {
  const text = stripBom(rawText);
  const findings: Finding[] = [];
  const source: YamlSource = { file, text, data: undefined };
  const at = (offset: number): Position => positionOf(source, offset);
  const syntax = (start: Position, message: string, fix?: string, end?: Position): Finding => ({
    ruleId: 'yaml-syntax',
    severity: 'error',
    file,
    start,
    ...(end ? { end } : {}),
    message,
    ...(fix ? { fix } : {}),
  });

  let doc: Document.Parsed;
  try {
    doc = yamlDocument(text, PARSE_OPTIONS);
  } catch (error) {
    if (error instanceof RangeError) return { source, findings: [syntax({ line: 1, column: 1 }, 'the YAML is nested too deeply to read', 'flatten the structure')] };
    throw error;
  }
  // The yaml package can run out of stack more than once on the same nesting: said once.
  const tooDeep = doc.errors.findIndex((e) => e.code === 'RESOURCE_EXHAUSTION');
  for (const e of [...doc.errors.filter((e, i) => e.code !== 'RESOURCE_EXHAUSTION' || i === tooDeep), ...doc.warnings]) {
    findings.push(syntax(at(e.pos[0]), yamlMessage(e.code, e.message), yamlFix(e.code), at(e.pos[1])));
  }
  try {
    for (const d of duplicateKeys(doc.contents)) {
      findings.push(syntax(at(d.start), `duplicate key: ${d.key} appears twice in the same mapping`, yamlFix('DUPLICATE_KEY'), at(d.end)));
    }
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    if (tooDeep === -1) findings.push(syntax({ line: 1, column: 1 }, 'the YAML is nested too deeply to read', 'flatten the structure'));
  }
  if (findings.length > 0) return { source, findings: findings.sort((a, b) => a.start.line - b.start.line || a.start.column - b.start.column) };
  try {
    source.data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const deep = error instanceof RangeError;
    const aliases = countAliases(doc);
    const message = deep
      ? 'the YAML is nested too deeply to read'
      : `the file expands its aliases more than ${MAX_ALIASES} times (${aliases.count} aliases): this is how "billion laughs" attacks start`;
    findings.push(syntax(at(aliases.firstOffset), message, 'write the values out instead of using aliases (*name)'));
  }
  return { source, findings };
}

/** Keys that appear a second time in the same mapping (compared as the yaml package does: by value). */
function duplicateKeys(node: unknown, out: { start: number; end: number; key: string }[] = []): { start: number; end: number; key: string }[] {
  if (isMap(node)) {
    const seen = new Set<unknown>();
    for (const pair of node.items) {
      const key = pair.key;
      if (isScalar(key)) {
        if (seen.has(key.value)) out.push({ start: key.range?.[0] ?? 0, end: key.range?.[1] ?? 0, key: String(key.value) });
        else seen.add(key.value);
      }
      duplicateKeys(pair.value, out);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) duplicateKeys(item, out);
  }
  return out;
}

/** A byte-order mark is not content; editors do not count it as a column. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The source of a file that could not be read. */
export function emptySource(file: string): YamlSource {
  return { file, text: '', data: undefined };
}

function countAliases(doc: Document.Parsed): { count: number; firstOffset: number } {
  let count = 0;
  let firstOffset = 0;
  visit(doc, {
    Alias(_key, node) {
      if (count === 0) firstOffset = node.range?.[0] ?? 0;
      count++;
    },
  });
  return { count, firstOffset };
}

function yamlMessage(code: string, message: string): string {
  // The yaml package's messages end with " at line L, column C" and a code frame; we print positions ourselves.
  const first = message.split('\n')[0] ?? message;
  const plain = first.replace(/ at line \d+, column \d+:?$/, '').trim();
  switch (code) {
    case 'DUPLICATE_KEY':
      return `duplicate key: ${plain.replace(/^Map keys must be unique;?\s*/i, '') || 'a key appears twice in the same mapping'}`.replace(/: $/, '');
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML indents with spaces';
    case 'TAG_RESOLVE_FAILED':
      // "Unresolved tag: tag:yaml.org,2002:js/function" → "unknown tag !!js/function", as it was written.
      return `unknown tag ${plain.replace(/^Unresolved tag:\s*/, '').replace(/^tag:yaml\.org,2002:/, '!!')}`;
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (a line with ---)';
    case 'RESOURCE_EXHAUSTION':
      // The parser ran out of stack ("Maximum call stack size exceeded"): say what that means for the file.
      return 'the YAML is nested too deeply to read';
    default:
      return plain.charAt(0).toLowerCase() + plain.slice(1);
  }
}

function yamlFix(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'remove one of the two entries';
    case 'TAB_AS_INDENT':
      return 'replace the tab with spaces';
    case 'TAG_RESOLVE_FAILED':
      return 'remove the tag: clausula reads plain YAML values only';
    case 'MULTIPLE_DOCS':
      return 'keep one document a file: remove the --- line and what follows, or move it to a file of its own';
    case 'RESOURCE_EXHAUSTION':
      return 'flatten the structure';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return 'check the indentation and quoting on this line';
    default:
      // Every syntax error says what to look at, even the rare ones without advice of their own.
      return 'check the YAML on this line: indentation, the colon after each key, and matching quotes and brackets';
  }
}

export function toPosition(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function byteOffsetPosition(bytes: Buffer, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Count characters, not bytes, up to the offset (the prefix is valid UTF-8).
  const column = Buffer.from(bytes.subarray(lineStart, offset)).toString('utf8').length + 1;
  return { line, column };
}

function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i]!;
    const extra = c < 0x80 ? 0 : c >> 5 === 6 ? 1 : c >> 4 === 14 ? 2 : c >> 3 === 30 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) if (i + k >= bytes.length || bytes[i + k]! >> 6 !== 2) return i;
    i += extra + 1;
  }
  return bytes.length;
}

/** The node at a data path, or the deepest node on the way there. */
function nodeAt(source: YamlSource, path: readonly PathSegment[], target: 'key' | 'value'): Node | undefined {
  let node: unknown = positioned(source).doc?.contents;
  let found: Node | undefined = node as Node | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
      if (!pair) return found;
      if (last && target === 'key') return pair.key as Node;
      node = pair.value;
      found = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (!node) return found;
      found = node as Node;
    } else {
      return found;
    }
    if (isAlias(node)) return found;
  }
  return found;
}

/** A key as the plain data names it. */
function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  // A list or mapping used as a key: the data names it in flow style, "[ a, b ]", as the yaml package stringifies it.
  if (isCollection(key)) {
    const flow = key.clone();
    flow.flow = true;
    return stringify(flow).trim();
  }
  return undefined;
}

/** The plain data at a path of the file, or undefined. */
export function dataAt(source: YamlSource, path: readonly PathSegment[]): unknown {
  let value: unknown = source.data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** A scalar value as written in the file (`1.0`, not the number 1), when the path leads to one. */
export function rawScalar(source: YamlSource, path: readonly PathSegment[]): string | undefined {
  const node = nodeAt(source, path, 'value');
  if (!isScalar(node) || !node.range) return undefined;
  return source.text.slice(node.range[0], node.range[1]).trim();
}

/** Where a value (or its key) sits in the file. The whole file when the path is not found. */
export function locate(source: YamlSource, path: readonly PathSegment[], target: 'key' | 'value' = 'value'): Range {
  const node = nodeAt(source, path, target);
  const range = node?.range;
  if (!range) return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  return { start: positionOf(source, range[0]), end: positionOf(source, range[1]) };
}

/**
 * Where a piece of a string value sits in the file, given its offset in the parsed string.
 * Exact for plain, quoted and block scalars without escapes inside the piece: we find the
 * same occurrence of the piece's text in the raw source of the scalar.
 */
export function locateInString(
  source: YamlSource,
  path: readonly PathSegment[],
  value: string,
  offset: number,
  length: number,
): Range {
  const node = nodeAt(source, path, 'value');
  const whole = locate(source, path);
  if (!node?.range || !isScalar(node)) return whole;
  const needle = value.slice(offset, offset + length);
  if (needle.length === 0) return whole;
  let occurrence = 0;
  for (let i = value.indexOf(needle); i !== -1 && i < offset; i = value.indexOf(needle, i + 1)) occurrence++;
  const raw = source.text.slice(node.range[0], node.range[1]);
  let at = -1;
  for (let k = 0, from = 0; k <= occurrence; k++) {
    at = raw.indexOf(needle, from);
    if (at === -1) break;
    from = at + 1;
  }
  if (at === -1) return whole;
  const startOffset = node.range[0] + at;
  return {
    start: positionOf(source, startOffset),
    end: positionOf(source, startOffset + needle.length),
  };
}
