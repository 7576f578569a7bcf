import type { TSchema } from '@sinclair/typebox';
import { AnswersFile } from './answers.js';
import { Clause } from './clause.js';
import { LibraryManifestFile } from './library.js';
import { LockFile } from './lock.js';
import { QuestionsFile } from './questions.js';
import { Scenario } from './scenario.js';
import { Template } from './template.js';

/** Every kind of file clausula reads, with the schema that checks it. The one schema source. */
export const fileSchemas = {
  library: LibraryManifestFile,
  questions: QuestionsFile,
  clause: Clause,
  template: Template,
  scenario: Scenario,
  answers: AnswersFile,
  lock: LockFile,
} as const satisfies Record<string, TSchema>;

export type FileKind = keyof typeof fileSchemas;
export const fileKinds = Object.keys(fileSchemas) as FileKind[];

/** The published file name of a kind's JSON Schema. */
export function schemaFileName(kind: FileKind): string {
  return `${kind}.schema.json`;
}

export const SCHEMA_BASE_URL = 'https://clausula.dev/schemas/v1/';

/** The JSON Schema document for a kind, as published. */
export function jsonSchemaFor(kind: FileKind): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_BASE_URL + schemaFileName(kind),
    ...JSON.parse(JSON.stringify(fileSchemas[kind])),
  };
}
