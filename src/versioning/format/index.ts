import type { DiffFormatter } from './common.js';
import { formatDiffJson } from './json.js';
import { formatDiffMarkdown } from './markdown.js';
import { formatDiffStylish } from './stylish.js';

export const diffFormats = ['stylish', 'markdown', 'json'] as const;
export type DiffFormat = (typeof diffFormats)[number];

export const diffFormatters: Record<DiffFormat, DiffFormatter> = {
  stylish: formatDiffStylish,
  markdown: formatDiffMarkdown,
  json: formatDiffJson,
};
