import type { ChalkInstance } from 'chalk';
import type { WrittenParagraph } from '../render/docx/text.js';
import type { Position, TextDifference } from './compare-text.js';
import { printable, verifyMessages } from './messages.js';
import type { VerifyReport } from './verify-document.js';

export interface ReportContext {
  file: string;
  /** The report's language: --lang, else the document's. */
  language: string;
  answersFile?: string;
  /** How many answers the document records. */
  answerCount: number;
  /** How many paragraphs each place of the build has, to say when one is missing whole. */
  placeSizes: ReadonlyMap<WrittenParagraph['place'], number>;
}

/** The report as a reader reads it, in its language (the document's unless --lang says otherwise). */
export function formatReport(report: VerifyReport, ctx: ReportContext, chalk: ChalkInstance): string {
  const m = verifyMessages(ctx.language);
  const d = report.document;
  const bad = chalk.red('✗');
  const out: string[] = [];
  // Every message may hold text from the document or the library: each goes through printable
  // before our own colours are added.
  const file = printable(ctx.file);
  out.push(printable(m.built(file, d.release + m.overBases(d.bases), d.template, d.language, d.date)).replace(file, chalk.bold(file)));
  out.push(printable(m.library(report.library.release + m.overBases(report.library.bases), report.library.lock)));
  const differ = report.problems.some((p) => p.kind === 'answers-differ');
  out.push(printable(m.answers(ctx.answerCount, d.answers, ctx.answersFile ? { display: ctx.answersFile, same: !differ } : undefined)), '');
  for (const problem of report.problems) out.push(`${bad} ${printable(m.problem(problem))}`);
  if (report.problems.length > 0) out.push('');

  const width = Math.max(0, ...report.clauses.map((c) => printable(c.id).length));
  for (const c of report.clauses) {
    const reasons = [...(c.edited ? [m.editedClause] : []), ...c.problems.map((p) => printable(m.clauseProblem(p)))];
    const label = c.verdict === 'ok' ? '' : `  ${chalk.red(m.verdict[c.verdict])}: ${reasons.join('; ')}`;
    out.push(`${c.verdict === 'ok' ? chalk.green('✓') : bad} ${printable(c.id).padEnd(width)}  ${printable(c.version)}${label}`);
  }
  if (report.clauses.length > 0) out.push('');

  const lines = differenceLines(report.text.differences, ctx.placeSizes, m);
  out.push(m.text(report.text.compared, report.text.region === 'bookmark', lines.length));
  for (const line of lines) out.push(`  ${bad} ${line}`);
  out.push('');

  const failing = report.clauses.filter((c) => c.verdict !== 'ok').length;
  out.push(m.clauses(report.clauses.length, failing));
  if (report.edited.length > 0) out.push(m.editedClauses(report.edited.map(printable).join(', ')));
  out.push(report.ok ? chalk.green(m.verified) : chalk.red(m.notVerified));
  return out.join('\n') + '\n';
}

/** One line a difference; a place whose paragraphs are all missing, in a row, is one line. */
function differenceLines(differences: readonly TextDifference[], sizes: ReadonlyMap<WrittenParagraph['place'], number>, m: ReturnType<typeof verifyMessages>): string[] {
  const out: string[] = [];
  for (let i = 0; i < differences.length; i++) {
    const d = differences[i]!;
    const place = d.kind === 'missing' ? d.position.paragraph?.place : undefined;
    const size = place ? sizes.get(place) : undefined;
    if (place && size !== undefined && size > 1 && place.kind !== 'cover' && place.kind !== 'contents') {
      let j = i;
      while (j < differences.length && differences[j]!.kind === 'missing' && placeOf(differences[j]!) === place) j++;
      if (j - i === size) {
        out.push(m.placeMissing(place, size));
        i = j - 1;
        continue;
      }
    }
    out.push(m.difference(d));
  }
  return out.map(printable).map((line) => line.charAt(0).toUpperCase() + line.slice(1));
}

function placeOf(d: TextDifference): WrittenParagraph['place'] | undefined {
  return 'position' in d ? (d.position as Position).paragraph?.place : undefined;
}

/** The report as JSON: every problem and difference with its message, positions as the place and paragraph they name. */
export function reportJson(report: VerifyReport, file: string, language: string): unknown {
  const m = verifyMessages(language);
  const position = (p: Position) => (p.paragraph ? { at: p.at, place: p.paragraph.place, paragraph: p.paragraph.index } : { at: p.at });
  return {
    version: 2,
    file,
    ok: report.ok,
    document: report.document,
    library: report.library,
    problems: report.problems.map((p) => ({ ...p, message: m.problem(p) })),
    clauses: report.clauses.map((c) => ({ ...c, problems: c.problems.map((p) => ({ ...p, message: m.clauseProblem(p) })) })),
    text: {
      compared: report.text.compared,
      region: report.text.region,
      differences: report.text.differences.map((d) => ('position' in d ? { ...d, position: position(d.position) } : d)).map((d, i) => ({ ...d, message: m.difference(report.text.differences[i]!) })),
    },
    edited: report.edited,
  };
}
