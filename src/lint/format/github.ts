import { terminalSafeStrings } from '../../text/terminal-safe.js';
import type { Formatter } from './types.js';

/** GitHub Actions workflow commands: each finding annotates the pull request at its line. */
export const formatGithub: Formatter = (findings) =>
  // The runner's log shows escape sequences as a terminal does.
  terminalSafeStrings(findings)
    .map((f) => {
      const command = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
      const props = [
        `file=${escapeProperty(f.file)}`,
        `line=${f.start.line}`,
        `col=${f.start.column}`,
        ...(f.end ? [`endLine=${f.end.line}`, `endColumn=${f.end.column}`] : []),
        `title=${escapeProperty(`clausula ${f.ruleId}`)}`,
      ];
      return `::${command} ${props.join(',')}::${escapeData(f.message + (f.fix ? ` (${f.fix})` : ''))}\n`;
    })
    .join('');

// The escaping GitHub's runner expects (actions/toolkit, command.ts).
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
