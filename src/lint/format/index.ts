import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { Formatter } from './types.js';

export const lintFormats = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type LintFormat = (typeof lintFormats)[number];

export const formatters: Record<LintFormat, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
};
