import type { CommandContext } from './context.js';

/** What a command module exports: run it, get the exit code. */
export interface CommandModule {
  run(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<number>;
}

export interface OptionSpec {
  flags: string;
  description: string;
  choices?: readonly string[];
  default?: string | boolean;
}

export interface CommandSpec {
  /** Name and arguments, as commander reads them: `lint [dir]`. */
  usage: string;
  summary: string;
  options?: OptionSpec[];
  examples?: string[];
  /** A command procurement officers run: its messages are in the answers' language (--lang, the locale), not only English. */
  officer?: boolean;
  /** Loaded only when the command runs, so start-up stays fast. */
  load: () => Promise<CommandModule>;
}

const formats = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;

/** The table of commands. Adding a command = a row here and a module in commands/. */
export const commandSpecs: CommandSpec[] = [
  {
    usage: 'lint [dir]',
    summary: 'check a clause library: YAML, schemas, references, conditions, translations, versions',
    options: [
      { flags: '-f, --format <format>', description: 'output format', choices: formats, default: 'stylish' },
      { flags: '--max-warnings <n>', description: 'fail when there are more warnings than this' },
      { flags: '--quiet', description: 'report errors only' },
      { flags: '-o, --output <file>', description: 'write the report to a file instead of standard output' },
    ],
    examples: ['clausula lint', 'clausula lint ../my-library --format github', 'clausula lint --format sarif -o lint.sarif'],
    load: () => import('./commands/lint.js'),
  },
  {
    officer: true,
    usage: 'explain <answers> [clause]',
    summary: 'for each clause: in or out, and the condition with the answers that decided it',
    options: [
      { flags: '--lang <language>', description: 'language of titles and plain-words conditions' },
      { flags: '--include-drafts', description: 'let draft clauses be selected' },
      { flags: '--json', description: 'print JSON' },
    ],
    examples: ['clausula explain examples/smart-parking.yaml', 'clausula explain tender.yaml personal-data.processor-terms --json'],
    load: () => import('./commands/explain.js'),
  },
  {
    usage: 'test [dir]',
    summary: "run the library's scenario tests: answers → clauses expected in and out",
    options: [
      { flags: '-f, --format <format>', description: 'output format', choices: ['stylish', 'json', 'junit'], default: 'stylish' },
      { flags: '-o, --output <file>', description: 'write the report to a file instead of standard output' },
    ],
    examples: ['clausula test', 'clausula test ../my-library --format junit -o scenarios.xml'],
    load: () => import('./commands/test.js'),
  },
  {
    usage: 'graph',
    summary: 'the clauses and their requires/excludes links, as Mermaid or Graphviz',
    options: [
      { flags: '--format <format>', description: 'graph language', choices: ['mermaid', 'dot'], default: 'mermaid' },
      { flags: '--lang <language>', description: 'language of the category titles' },
      { flags: '--all', description: 'include deprecated clauses' },
    ],
    examples: ['clausula graph > clauses.mmd', 'clausula graph --format dot | dot -Tsvg > clauses.svg'],
    load: () => import('./commands/graph.js'),
  },
  {
    usage: 'list',
    summary: 'list the clauses of the library',
    options: [
      { flags: '--category <category>', description: 'only this category' },
      { flags: '--status <status>', description: 'only this status', choices: ['draft', 'approved', 'deprecated'] },
      { flags: '--lang <language>', description: 'language of the titles' },
      { flags: '--json', description: 'print JSON' },
    ],
    examples: ['clausula list --category personal-data', 'clausula list --status draft --json'],
    load: () => import('./commands/list.js'),
  },
  {
    usage: 'show <id>',
    summary: 'show one clause: text, guidance, condition, legal bases',
    options: [
      { flags: '--lang <language>', description: 'language to show' },
      { flags: '--json', description: 'print JSON' },
    ],
    examples: ['clausula show ownership.generated-data --lang en'],
    load: () => import('./commands/show.js'),
  },
  {
    usage: 'schema',
    summary: 'print or write the JSON Schemas of every library file',
    options: [
      { flags: '--out <dir>', description: 'write one <kind>.schema.json file per kind into this folder' },
      { flags: '--force', description: 'replace schema files that are already there' },
    ],
    examples: ['clausula schema --out schemas'],
    load: () => import('./commands/schema.js'),
  },
  {
    usage: 'init <dir>',
    summary: 'create a new, valid, minimal clause library, or a library over a shared base',
    options: [
      { flags: '--id <id>', description: 'the library id (default: the folder name)' },
      { flags: '--languages <list>', description: 'comma-separated language codes (default: en; with --extends, the base\'s)' },
      { flags: '--extends <library>', description: 'start a library over this base: a folder, the id of the shipped library, or an installed npm package' },
    ],
    examples: ['clausula init my-library', 'clausula init lib --languages ca,es,en', 'clausula init girona --extends bcn-data-clauses', 'clausula init girona --extends ../bcn-data-clauses'],
    load: () => import('./commands/init.js'),
  },
  {
    usage: 'lock [dir]',
    summary: "record each clause's version and content hash in clauses/clauses.lock.yaml",
    options: [
      { flags: '--force', description: 'write the lock even when a changed clause or the library has no new version (a library not yet released)' },
      { flags: '--json', description: 'print JSON' },
    ],
    examples: ['clausula lock', 'clausula lock ../my-library'],
    load: () => import('./commands/lock.js'),
  },
  {
    usage: 'diff <old> <new>',
    summary: 'what changed between two releases (folders or git revisions), and whether each version bump matches the policy',
    options: [
      { flags: '-f, --format <format>', description: 'output format (docx: a Word redline with tracked changes, to -o FILE)', choices: ['stylish', 'markdown', 'json', 'docx'], default: 'stylish' },
      { flags: '--lang <language>', description: 'docx: the language of the redline (default: the new library\'s)' },
      { flags: '--force', description: 'docx: replace the output file if it exists' },
      { flags: '--library-path <path>', description: "for revisions: the library's folder inside the git repository (default: the current folder or the nearest above it holding clauses/library.yaml)" },
      { flags: '-o, --output <file>', description: 'write the report to a file instead of standard output' },
    ],
    examples: ['clausula diff v1.2.0 HEAD', 'clausula diff v1.2.0 . --format markdown -o RELEASE-NOTES.md', 'clausula diff ../library-old ../library-new', 'clausula diff v1.2.0 v2.0.0 --format docx -o redline.docx --lang ca'],
    load: () => import('./commands/diff.js'),
  },
  {
    usage: 'upgrade [dir]',
    summary: "what a new release of the base changes for a library over it (default: the library in the current folder): the base's changes beside the library's own adaptations",
    options: [
      { flags: '--to <version>', description: 'the base release to review (default: the one installed if newer than the one locked, else the newest git tag)' },
      { flags: '-f, --format <format>', description: 'output format', choices: ['stylish', 'markdown', 'json'], default: 'stylish' },
      { flags: '--lang <language>', description: 'language of the texts shown side by side' },
      { flags: '-o, --output <file>', description: 'write the report to a file instead of standard output' },
    ],
    examples: ['clausula upgrade', 'clausula upgrade ../girona-clauses --to 2.1.0', 'clausula upgrade --to 2.1.0 --format markdown -o UPGRADE.md'],
    load: () => import('./commands/upgrade.js'),
  },
  {
    officer: true,
    usage: 'build <answers>',
    summary: 'build the document (Word, Markdown, HTML or JSON) from an answers file, no questions asked',
    options: [
      { flags: '-o, --output <file>', description: 'where to write it (default: next to the answers file, named after it; - for standard output)' },
      { flags: '-f, --format <format>', description: 'document format (pdf: PDF/A through LibreOffice)', choices: ['docx', 'pdf', 'md', 'html', 'json'], default: 'docx' },
      { flags: '--lang <language>', description: "the document's language (default: the answers file's, else the library's)" },
      { flags: '--template <name>', description: "the template (default: the answers file's, else the library's defaultTemplate)" },
      { flags: '--into <pliego.docx>', description: 'write the clauses into this .docx (the PCAP or PPT), in place of its {{ clausula }} paragraph' },
      { flags: '--number-prefix <text>', description: 'with --into: number the clauses on their own, after this text (such as "A.")' },
      { flags: '--reference-doc <file>', description: 'take the styles of this .docx, as pandoc does (docx, pdf)' },
      { flags: '--toc-page-numbers', description: 'write page numbers in the table of contents, laid out by LibreOffice when installed (slower)' },
      { flags: '--rationale', description: 'add an annex saying why each clause is in' },
      { flags: '--include-drafts', description: 'let draft clauses in (the document then says it is not for tender use)' },
      { flags: '--force', description: 'replace the output file if it exists' },
    ],
    examples: [
      'clausula build examples/smart-parking.yaml',
      'clausula build tender.yaml -o data-clauses.docx --rationale',
      'clausula build tender.yaml --template ppt-data-requirements --lang es',
      'clausula build tender.yaml --format md -o -',
    ],
    load: () => import('./commands/build.js'),
  },
  {
    usage: 'guide',
    summary: 'the guideline for tenders: every clause with when it applies, its text, guidance, legal bases, version and status',
    options: [
      { flags: '-o, --output <file>', description: 'where to write it (default: <library id>-guide.<language>.<format> here; - for standard output)' },
      { flags: '-f, --format <format>', description: 'document format (pdf: PDF/A through LibreOffice)', choices: ['docx', 'pdf', 'md', 'html', 'json'], default: 'docx' },
      { flags: '--lang <language>', description: "the guideline's language (default: the library's)" },
      { flags: '--reference-doc <file>', description: 'take the styles of this .docx, as pandoc does (docx, pdf)' },
      { flags: '--toc-page-numbers', description: 'write page numbers in the table of contents, laid out by LibreOffice when installed (slower)' },
      { flags: '--force', description: 'replace the output file if it exists' },
    ],
    examples: ['clausula guide -o guia-clausules.docx', 'clausula guide --lang es --format html -o guia.html'],
    load: () => import('./commands/guide.js'),
  },
  {
    officer: true,
    usage: 'verify <file>',
    summary: 'check a built .docx against the library: release, clause versions and hashes, and every paragraph and footnote against the document built again from the answers it records',
    options: [
      { flags: '--answers <file>', description: "the officer's answers file: the answers the document records must be these" },
      { flags: '--lang <language>', description: "the report's language (default: the document's)" },
      { flags: '--json', description: 'print JSON' },
    ],
    examples: ['clausula verify data-clauses.docx', 'clausula verify data-clauses.docx --answers tender.yaml', 'clausula --library ../bcn-clauses verify tender.docx --json'],
    load: () => import('./commands/verify.js'),
  },
  {
    officer: true,
    usage: 'interview [answers]',
    summary: 'answer the questions about the tender (section by section, with help), review and change the answers, save them, then build the document',
    options: [
      { flags: '--lang <language>', description: "the interview's language (default: the answers file's, else your locale's if the library has it, else the library's)" },
      { flags: '--review', description: 'go straight to the review of the answers in the file' },
    ],
    examples: ['clausula interview tender.yaml', 'clausula interview tender.yaml --review', 'clausula interview --lang es'],
    load: () => import('./commands/interview.js'),
  },
  {
    usage: 'serve [answers]',
    summary: 'the interview as a page in your browser, served from this computer only; every answer is saved in the answers file at once',
    officer: true,
    options: [
      { flags: '--lang <language>', description: "the interview's language (default: the answers file's, else your locale's if the library has it, else the library's)" },
      { flags: '--port <n>', description: 'the port to listen on, on 127.0.0.1 (default: 0, any free port)' },
      { flags: '--no-open', description: 'do not open the browser; open the printed address yourself' },
    ],
    examples: ['clausula serve tender.yaml', 'clausula serve tender.yaml --lang es --port 8123 --no-open'],
    load: () => import('./commands/serve.js'),
  },
];
