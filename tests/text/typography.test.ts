import { describe, expect, it } from 'vitest';
import { typeset, Typesetter } from '../../src/text/typography.js';

describe('quotation marks and apostrophes as each language prints them', () => {
  it.each([
    ['ca', `L'Administració i l'empresa: "dades obertes" i "el "nostre" model".`, 'L’Administració i l’empresa: «dades obertes» i «el “nostre” model».'],
    ['es', 'El "Contrato" (y sus "anexos").', 'El «Contrato» (y sus «anexos»).'],
    ['en', `The Contractor's data, the "Platform" and 'raw' data.`, 'The Contractor’s data, the “Platform” and ‘raw’ data.'],
    ['en', '"Quoted" at the start, and "nested "inner" marks".', '“Quoted” at the start, and “nested ‘inner’ marks”.'],
    ['ca-ES', `d'abril`, 'd’abril'],
  ])('%s: %s', (language, text, printed) => {
    expect(typeset(text, language)).toBe(printed);
  });

  it('leaves answers as typed, but takes them into account for the mark after them', () => {
    const t = new Typesetter('es');
    const out = [t.text('el contrato "'), t.literal(`Parking "Sur" d'Or`), t.text('" y "'), t.literal('X'), t.text('".')].join('');
    expect(out).toBe(`el contrato «Parking "Sur" d'Or» y «X».`);
  });

  it('opens after a bracket, a dash or a line start, and closes after a word or a full stop', () => {
    expect(typeset('("a") —"b" "c." end', 'en')).toBe('(“a”) —“b” “c.” end');
  });
});
