import { m } from './define.js';

/**
 * `diff --format docx`: the redline's own words around the clauses — title lines, what
 * changed about each clause besides its text — in the language of the clause texts, for
 * the lawyers who review a release.
 */
export const redline = {
  intro: m({
    en: (newRelease: string, newLabel: string, oldRelease: string, oldLabel: string) =>
      `The clauses of ${newRelease} (${newLabel}) against ${oldRelease} (${oldLabel}), as tracked changes: accept them all for the new text, reject them all for the old.`,
    es: (newRelease, newLabel, oldRelease, oldLabel) =>
      `Las cláusulas de ${newRelease} (${newLabel}) frente a ${oldRelease} (${oldLabel}), como control de cambios: acéptelos todos para obtener el texto nuevo; rechácelos todos para obtener el anterior.`,
    ca: (newRelease, newLabel, oldRelease, oldLabel) =>
      `Les clàusules de ${newRelease} (${newLabel}) davant de ${oldRelease} (${oldLabel}), com a control de canvis: accepteu-los tots per obtenir el text nou; rebutgeu-los tots per obtenir l’anterior.`,
  }),
  subject: m({
    en: (oldRelease: string, newRelease: string) => `Changes from ${oldRelease} to ${newRelease}`,
    es: (oldRelease, newRelease) => `Cambios de ${oldRelease} a ${newRelease}`,
    ca: (oldRelease, newRelease) => `Canvis de ${oldRelease} a ${newRelease}`,
  }),
  noChange: m({ en: 'No clause changed.', es: 'No ha cambiado ninguna cláusula.', ca: 'No ha canviat cap clàusula.' }),
  counts: m({
    en: (added: number, removed: number, deprecated: number, changed: number) =>
      `Clauses: ${[added && `${added} added`, removed && `${removed} removed`, deprecated && `${deprecated} deprecated`, changed && `${changed} changed`].filter(Boolean).join(', ')}.`,
    es: (added, removed, deprecated, changed) =>
      `Cláusulas: ${[added && `${added} ${added === 1 ? 'añadida' : 'añadidas'}`, removed && `${removed} ${removed === 1 ? 'suprimida' : 'suprimidas'}`, deprecated && `${deprecated} ${deprecated === 1 ? 'obsoleta' : 'obsoletas'}`, changed && `${changed} ${changed === 1 ? 'modificada' : 'modificadas'}`].filter(Boolean).join(', ')}.`,
    ca: (added, removed, deprecated, changed) =>
      `Clàusules: ${[added && `${added} ${added === 1 ? 'afegida' : 'afegides'}`, removed && `${removed} ${removed === 1 ? 'suprimida' : 'suprimides'}`, deprecated && `${deprecated} ${deprecated === 1 ? 'obsoleta' : 'obsoletes'}`, changed && `${changed} ${changed === 1 ? 'modificada' : 'modificades'}`].filter(Boolean).join(', ')}.`,
  }),
  statuses: m({
    en: { draft: 'draft', approved: 'approved', deprecated: 'deprecated' },
    es: { draft: 'borrador', approved: 'aprobada', deprecated: 'obsoleta' },
    ca: { draft: 'esborrany', approved: 'aprovada', deprecated: 'obsoleta' },
  }),
  added: m({
    en: (version: string, status: string) => `New clause, version ${version} (${status}).`,
    es: (version, status) => `Cláusula nueva, versión ${version} (${status}).`,
    ca: (version, status) => `Clàusula nova, versió ${version} (${status}).`,
  }),
  removed: m({
    en: (version: string) => `Removed; it was at version ${version}.`,
    es: (version) => `Suprimida; estaba en la versión ${version}.`,
    ca: (version) => `Suprimida; era a la versió ${version}.`,
  }),
  version: m({
    en: (from: string, to: string) => (from === to ? `Version ${from}, unchanged.` : `Version ${from} → ${to}.`),
    es: (from, to) => (from === to ? `Versión ${from}, sin cambios.` : `Versión ${from} → ${to}.`),
    ca: (from, to) => (from === to ? `Versió ${from}, sense canvis.` : `Versió ${from} → ${to}.`),
  }),
  status: m({
    en: (from: string, to: string, supersededBy?: string) => `Status: ${from} → ${to}${supersededBy ? `, superseded by ${supersededBy}` : ''}.`,
    es: (from, to, supersededBy) => `Estado: ${from} → ${to}${supersededBy ? `; la sustituye ${supersededBy}` : ''}.`,
    ca: (from, to, supersededBy) => `Estat: ${from} → ${to}${supersededBy ? `; la substitueix ${supersededBy}` : ''}.`,
  }),
  alsoChanged: m({
    en: (fields: string) => `Also changed: ${fields}.`,
    es: (fields) => `También cambia: ${fields}.`,
    ca: (fields) => `També canvia: ${fields}.`,
  }),
  changelog: m({
    en: (version: string, note: string) => `Changelog ${version}: ${note}`,
    es: (version, note) => `Registro de cambios ${version}: ${note}`,
    ca: (version, note) => `Registre de canvis ${version}: ${note}`,
  }),
};
