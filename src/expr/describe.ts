import type { Question } from '../schema/questions.js';
import type { Expr, Scalar } from './ast.js';
import type { QuestionLookup } from './check.js';

interface Phrases {
  applies: (text: string) => string;
  always: string;
  and: string;
  or: string;
  notTrue: (fact: string) => string;
  yes: (label: string) => string;
  /** A yes/no question answered no (an unanswered one does not count). */
  no: (label: string) => string;
  is: (label: string, value: string) => string;
  isNot: (label: string, value: string) => string;
  oneOf: (label: string, values: string) => string;
  among: (value: string, label: string) => string;
  cmp: Record<'<' | '<=' | '>' | '>=', (label: string, value: string) => string>;
  quote: (s: string) => string;
  number: (n: number) => string;
}

const en: Phrases = {
  applies: (t) => `Applies when ${t}.`,
  always: 'Always applies.',
  and: 'and',
  or: 'or',
  notTrue: (f) => `it is not the case that ${f}`,
  yes: (l) => `the answer to “${l}” is yes`,
  no: (l) => `the answer to “${l}” is no`,
  is: (l, v) => `${l} is ${v}`,
  isNot: (l, v) => `${l} is not ${v}`,
  oneOf: (l, v) => `${l} is ${v}`,
  among: (v, l) => `${l} include ${v}`,
  cmp: {
    '<': (l, v) => `${l} is less than ${v}`,
    '<=': (l, v) => `${l} is at most ${v}`,
    '>': (l, v) => `${l} is more than ${v}`,
    '>=': (l, v) => `${l} is at least ${v}`,
  },
  quote: (s) => `“${s}”`,
  number: (n) => n.toLocaleString('en-GB'),
};

const es: Phrases = {
  applies: (t) => `Se aplica cuando ${t}.`,
  always: 'Se aplica siempre.',
  and: 'y',
  or: 'o',
  notTrue: (f) => `no es cierto que ${f}`,
  yes: (l) => `la respuesta a «${l}» sea sí`,
  no: (l) => `la respuesta a «${l}» sea no`,
  is: (l, v) => `${l} sea ${v}`,
  isNot: (l, v) => `${l} no sea ${v}`,
  oneOf: (l, v) => `${l} sea ${v}`,
  among: (v, l) => `entre ${l} figure ${v}`,
  cmp: {
    '<': (l, v) => `${l} sea inferior a ${v}`,
    '<=': (l, v) => `${l} sea como máximo ${v}`,
    '>': (l, v) => `${l} sea superior a ${v}`,
    '>=': (l, v) => `${l} sea como mínimo ${v}`,
  },
  quote: (s) => `«${s}»`,
  number: (n) => n.toLocaleString('es-ES', { useGrouping: 'always' } as Intl.NumberFormatOptions),
};

// Catalan and Spanish read a condition in the subjunctive: «S'aplica quan l'empresa tracti…»,
// «no és cert que…». The questions' `fact` texts are written to match.
const ca: Phrases = {
  applies: (t) => `S'aplica quan ${t}.`,
  always: "S'aplica sempre.",
  and: 'i',
  or: 'o',
  notTrue: (f) => `no és cert que ${f}`,
  yes: (l) => `la resposta a «${l}» sigui sí`,
  no: (l) => `la resposta a «${l}» sigui no`,
  is: (l, v) => `${l} sigui ${v}`,
  isNot: (l, v) => `${l} no sigui ${v}`,
  oneOf: (l, v) => `${l} sigui ${v}`,
  among: (v, l) => `entre ${l} hi hagi ${v}`,
  cmp: {
    '<': (l, v) => `${l} sigui inferior a ${v}`,
    '<=': (l, v) => `${l} sigui com a màxim ${v}`,
    '>': (l, v) => `${l} sigui superior a ${v}`,
    '>=': (l, v) => `${l} sigui com a mínim ${v}`,
  },
  quote: (s) => `«${s}»`,
  number: (n) => n.toLocaleString('ca-ES', { useGrouping: 'always' } as Intl.NumberFormatOptions),
};

const phrasesByLanguage: Record<string, Phrases> = { en, es, ca };

export function phrasesFor(language: string): Phrases {
  return phrasesByLanguage[language.slice(0, 2)] ?? en;
}

/**
 * Spanish writes "e" for "y" before an /i/ sound and "u" for "o" before an /o/ sound.
 */
function conjunction(language: string, word: string, next: string): string {
  if (!language.startsWith('es')) return word;
  const n = next.toLowerCase();
  if (word === 'y' && /^(i|hi)(?![aeou\u00e1\u00e9\u00f3\u00fa])/.test(n)) return 'e';
  if (word === 'o' && /^(o|ho)/.test(n)) return 'u';
  return word;
}

/** "a, b and c", with the language's conjunction. */
export function joinWords(items: readonly string[], word: string, language: string): string {
  if (items.length <= 1) return items[0] ?? '';
  const head = items.slice(0, -1).join(', ');
  const last = items[items.length - 1]!;
  return `${head} ${conjunction(language, word, last)} ${last}`;
}

/**
 * A condition in plain words, built from the questions' labels and facts:
 * "Applies when the contractor processes personal data and the ENS category is medium or high."
 */
export function describeCondition(expr: Expr | undefined, questions: QuestionLookup, language: string): string {
  const p = phrasesFor(language);
  if (!expr) return p.always;
  const text = phrase(expr, questions, language, p);
  return p.applies(text);
}

/** The condition's words without the "Applies when" frame. */
export function phrase(expr: Expr, questions: QuestionLookup, language: string, p = phrasesFor(language)): string {
  const label = (name: string) => {
    const q = questions.get(name)?.question;
    return q ? lowerFirst(pickText(q.label, language) || name) : name;
  };
  const valueWords = (q: Question | undefined, value: Scalar): string => {
    if (typeof value === 'number') return p.number(value);
    if (typeof value === 'boolean') return String(value);
    const option = q?.options?.find((o) => o.value === value);
    // Option labels keep their own capitals (proper names, licences) and read as quotations.
    return p.quote(option ? pickText(option.label, language) : value);
  };
  const questionOf = (e: Expr) => (e.kind === 'ref' ? questions.get(e.name)?.question : undefined);

  const walk = (e: Expr, parent: Expr['kind'] | undefined): string => {
    switch (e.kind) {
      case 'ref': {
        const q = questions.get(e.name)?.question;
        const fact = q?.fact ? pickText(q.fact, language) : '';
        return fact || p.yes(label(e.name));
      }
      case 'literal':
        return String(e.value);
      case 'list':
        return joinWords(e.items.map((i) => String(i.value)), p.or, language);
      case 'not': {
        const o = e.operand;
        if (o.kind === 'compare' && o.op === '==') return walk({ ...o, op: '!=' }, parent);
        if (o.kind === 'compare' && o.op === '!=') return walk({ ...o, op: '==' }, parent);
        return p.notTrue(walk(o, 'not'));
      }
      case 'and':
      case 'or': {
        const parts = flatten(e, e.kind).map((x) => walk(x, e.kind));
        const text = joinWords(parts, e.kind === 'and' ? p.and : p.or, language);
        return parent && parent !== e.kind ? `(${text})` : text;
      }
      case 'compare': {
        const [ref, other, op] = orient(e);
        if (ref.kind === 'ref' && other.kind === 'literal') {
          const q = questionOf(ref);
          if (typeof other.value === 'boolean') {
            // `x == true` is the fact; `x == false` needs the answer no (no answer is neither).
            if (op === '==' && other.value) return walk(ref, 'compare');
            if (op === '==' || (op === '!=' && other.value)) return p.no(label(ref.name));
            return walk(ref, 'compare');
          }
          const v = valueWords(q, other.value);
          if (op === '==') return p.is(label(ref.name), v);
          if (op === '!=') return p.isNot(label(ref.name), v);
          return p.cmp[op](label(ref.name), v);
        }
        const l = e.left.kind === 'ref' ? label(e.left.name) : walk(e.left, 'compare');
        const r = e.right.kind === 'ref' ? label(e.right.name) : walk(e.right, 'compare');
        if (op === '==') return p.is(l, r);
        if (op === '!=') return p.isNot(l, r);
        return p.cmp[op](l, r);
      }
      case 'in': {
        if (e.left.kind === 'literal' && e.right.kind === 'ref') {
          return p.among(valueWords(questionOf(e.right), e.left.value), label(e.right.name));
        }
        if (e.left.kind === 'ref' && e.right.kind === 'ref') {
          // `contractTitle in cpvCodes`: the names are values here, not yes/no facts.
          return p.among(label(e.left.name), label(e.right.name));
        }
        if (e.left.kind === 'ref' && e.right.kind === 'list') {
          const q = questionOf(e.left);
          const values = e.right.items.map((i) => valueWords(q, i.value));
          return p.oneOf(label(e.left.name), joinWords(values, p.or, language));
        }
        return `${walk(e.left, 'in')} ∈ ${walk(e.right, 'in')}`;
      }
    }
  };
  return walk(expr, undefined);
}

/** Put the question on the left: `"x" == a` reads as `a == "x"`. */
function orient(e: Extract<Expr, { kind: 'compare' }>): [Expr, Expr, Extract<Expr, { kind: 'compare' }>['op']] {
  if (e.left.kind !== 'ref' && e.right.kind === 'ref') {
    const flipped = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as const;
    return [e.right, e.left, flipped[e.op]];
  }
  return [e.left, e.right, e.op];
}

function flatten(e: Expr, kind: 'and' | 'or'): Expr[] {
  return e.kind === kind ? [...flatten(e.left, kind), ...flatten(e.right, kind)] : [e];
}

function pickText(text: Record<string, string> | undefined, language: string): string {
  if (!text) return '';
  return text[language] ?? text.en ?? Object.values(text)[0] ?? '';
}

function lowerFirst(s: string): string {
  // Keep acronyms (ENS, CPV, IoT) as written: a first word with a capital after its first letter.
  const firstWord = s.split(/\s/)[0] ?? '';
  if (/[A-Z\u00c0-\u00dd]/.test(firstWord.slice(1))) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}
