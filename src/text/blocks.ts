/** A run of literal text. `answer` marks text that came from the officer's answers. */
export type Run = { kind: 'text'; text: string; bold?: boolean; italic?: boolean; answer?: boolean } | { kind: 'break' };

/** Clause text resolved to literal runs: what a document shows, before any layout. */
export type DocBlock = { kind: 'paragraph'; runs: Run[] } | { kind: 'list'; ordered: boolean; items: DocBlock[][] };
