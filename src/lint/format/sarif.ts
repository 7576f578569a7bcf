import { pathToFileURL } from 'node:url';
import { rules } from '../rule-meta.js';
import { terminalJson } from '../../text/terminal-safe.js';
import type { Formatter } from './types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards. */
export const formatSarif: Formatter = (findings, { toolVersion, root }) => {
  const ruleIds = Object.keys(rules);
  const extraIds = [...new Set(findings.map((f) => f.ruleId).filter((id) => !(id in rules)))];
  const allIds = [...ruleIds, ...extraIds];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'clausula',
            version: toolVersion,
            informationUri: 'https://github.com/clausula/clausula',
            rules: allIds.map((id) => ({
              id,
              name: id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
              shortDescription: { text: rules[id]?.description ?? id },
              defaultConfiguration: { level: LEVEL[rules[id]?.severity ?? 'error'] },
            })),
          },
        },
        originalUriBaseIds: { LIBRARYROOT: { uri: pathToFileURL(root.endsWith('/') ? root : root + '/').href } },
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: allIds.indexOf(f.ruleId),
          level: LEVEL[f.severity],
          message: { text: f.message + (f.fix ? ` (${f.fix})` : '') },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'LIBRARYROOT' },
                region: {
                  startLine: f.start.line,
                  startColumn: f.start.column,
                  ...(f.end ? { endLine: f.end.line, endColumn: f.end.column } : {}),
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return terminalJson(log) + '\n';
};
