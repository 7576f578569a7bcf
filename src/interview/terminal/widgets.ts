import {
  createPrompt,
  isBackspaceKey,
  isDownKey,
  isEnterKey,
  isNumberKey,
  isSpaceKey,
  isUpKey,
  Separator,
  useEffect,
  useKeypress,
  usePagination,
  useState,
  type KeypressEvent,
} from '@inquirer/core';

// The four kinds of prompt the interview puts on the terminal, on @inquirer/core. Each one
// knows Esc (back to the previous question) and Ctrl-D (end of input: stop, as Ctrl-C), and
// none answers for the officer: a question without a suggestion waits for an explicit answer.

/** What every widget is told about looks and keys. */
export interface WidgetStyle {
  /** "?" while waiting, "✔" when answered. */
  prefix: { idle: string; done: string };
  bold: (s: string) => string;
  dim: (s: string) => string;
  highlight: (s: string) => string;
  error: (s: string) => string;
  answer: (s: string) => string;
  /** The key help line: ["↑↓", "move"], ["⏎", "choose"]… */
  keys: (keys: [string, string][]) => string;
}

export interface WidgetConfig {
  message: string;
  style: WidgetStyle;
  /** Esc pressed (when going back is possible) or Ctrl-D: the prompter ends the prompt. */
  onLeave: (why: 'back' | 'end') => void;
  canGoBack: boolean;
}

/** Esc and Ctrl-D, for every widget. Returns true when the key was one of them. */
function leaving(key: KeypressEvent, config: WidgetConfig): boolean {
  if (key.name === 'escape') {
    if (config.canGoBack) config.onLeave('back');
    return true;
  }
  if (key.ctrl && key.name === 'd') {
    config.onLeave('end');
    return true;
  }
  return false;
}

/**
 * The input ended while the prompt waits: Ctrl-D on an empty line (readline closes then,
 * before any key handler sees it) or the end of the stream (the terminal closed). The
 * prompter stops the interview as for Ctrl-C. A prompt that is answered removes this first.
 */
function useEndOfInput(config: WidgetConfig): void {
  useEffect((rl) => {
    const ended = () => config.onLeave('end');
    rl.on('close', ended);
    return () => {
      rl.removeListener('close', ended);
    };
  }, []);
}

function prefixOf(config: WidgetConfig, done: boolean): string {
  return done ? config.style.prefix.done : config.style.prefix.idle;
}

function backKey(config: WidgetConfig, words: Readonly<Record<string, string>>): [string, string][] {
  return config.canGoBack ? [['esc', words.back ?? 'back']] : [];
}

export interface YesNoConfig extends WidgetConfig {
  /** The suggested answer, if any: Enter gives it. Without one, Enter gives nothing. */
  default: boolean | undefined;
  parse: (text: string) => boolean | undefined;
  words: { yes: string; no: string; yesLetter: string; noLetter: string; error: string };
}

/** A yes/no question: (S/n) with a suggestion, (s/n) without; si, sí, yes, y, n, no… all read. */
export const yesNo = createPrompt<boolean, YesNoConfig>((config, done) => {
  useEndOfInput(config);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [value, setValue] = useState('');
  const [answer, setAnswer] = useState<boolean | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useKeypress((key, rl) => {
    if (status !== 'idle' || leaving(key, config)) return;
    if (isEnterKey(key)) {
      const typed = value.trim();
      const result = typed === '' ? config.default : config.parse(typed);
      if (result === undefined) {
        setError(config.words.error);
        rl.write(value);
        return;
      }
      setAnswer(result);
      setStatus('done');
      done(result);
      return;
    }
    setValue(rl.line);
    setError(undefined);
  });
  const { words, style } = config;
  const y = config.default === true ? words.yesLetter.toUpperCase() : words.yesLetter;
  const n = config.default === false ? words.noLetter.toUpperCase() : words.noLetter;
  if (status === 'done') return `${prefixOf(config, true)} ${style.bold(config.message)} ${style.answer(answer ? words.yes : words.no)}`;
  const line = `${prefixOf(config, false)} ${style.bold(config.message)} ${style.dim(`(${y}/${n})`)} ${value}`;
  return [line, error ? style.error(error) : ''];
});

export type ChoiceItem = { value: string; name: string; disabled?: string } | Separator;

export interface ChoiceConfig extends WidgetConfig {
  choices: readonly ChoiceItem[];
  /** The suggested choice: highlighted at the start. Without one, nothing is, and Enter asks for a choice. */
  default: string | undefined;
  pageSize: number;
  words: { chooseOne: string; disabled: string; keys: Readonly<Record<string, string>> };
}

/** One choice among numbered options. Nothing is chosen for the officer: without a suggestion the cursor starts on none. */
export const choice = createPrompt<string, ChoiceConfig>((config, done) => {
  useEndOfInput(config);
  const items = config.choices;
  const selectable = (i: number) => {
    const item = items[i];
    return item !== undefined && !(item instanceof Separator);
  };
  const numbered = items.flatMap((item, i) => (item instanceof Separator ? [] : [i]));
  const initial = items.findIndex((item) => !(item instanceof Separator) && config.default !== undefined && item.value === config.default);
  const [active, setActive] = useState(initial);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [error, setError] = useState<string | undefined>(undefined);
  useKeypress((key, rl) => {
    if (status !== 'idle' || leaving(key, config)) return;
    setError(undefined);
    if (isEnterKey(key)) {
      const item = items[active];
      if (item === undefined || item instanceof Separator) {
        setError(config.words.chooseOne);
        return;
      }
      if (item.disabled) {
        setError(config.words.disabled);
        return;
      }
      setStatus('done');
      done(item.value);
      return;
    }
    if (isUpKey(key) || isDownKey(key)) {
      rl.clearLine(0);
      const step = isUpKey(key) ? -1 : 1;
      let next = active === -1 ? (step === 1 ? -1 : items.length) : active;
      do next += step;
      while (next >= 0 && next < items.length && !selectable(next));
      if (next >= 0 && next < items.length) setActive(next);
      return;
    }
    if (!isNumberKey(key) && rl.line !== '' && !/^\d/.test(rl.line)) {
      // Typing the start of an option goes to it: "Data gen" → "Data generated by the contractor: No".
      const typed = fold(rl.line);
      const found = numbered.find((i) => fold((items[i] as { name: string }).name).startsWith(typed));
      if (found !== undefined) setActive(found);
      return;
    }
    if (isNumberKey(key)) {
      // "1", "2"… pick an option; two digits typed quickly pick options 10 and above.
      const typed = Number(rl.line);
      const index = numbered[typed - 1] ?? numbered[Number(rl.line.slice(-1)) - 1];
      if (index !== undefined) setActive(index);
      if (rl.line.length > 1 || numbered.length < 10) rl.clearLine(0);
      return;
    }
    rl.clearLine(0);
  });
  const { style } = config;
  const chosen = items[active];
  if (status === 'done' && chosen && !(chosen instanceof Separator)) return `${prefixOf(config, true)} ${style.bold(config.message)} ${style.answer(chosen.name)}`;
  const page = usePagination({
    items,
    active: Math.max(0, active),
    pageSize: config.pageSize,
    loop: false,
    renderItem: ({ item, index, isActive }) => {
      if (item instanceof Separator) return ` ${item.separator}`;
      const number = `${numbered.indexOf(index) + 1}. `;
      if (item.disabled) return style.dim(`- ${number}${item.name} ${item.disabled}`);
      return isActive && active !== -1 ? style.highlight(`❯ ${number}${item.name}`) : `  ${number}${item.name}`;
    },
  });
  const keys = config.words.keys;
  const help = style.keys([['↑↓', keys.navigate ?? 'move'], ['⏎', keys.select ?? 'choose'], ...backKey(config, keys)]);
  return [`${prefixOf(config, false)} ${style.bold(config.message)}\n${page}`, [error ? style.error(error) : '', help].filter(Boolean).join('\n')];
});

/** Lower case, without accents: what typing the start of an option compares. */
function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

export interface TicksConfig extends WidgetConfig {
  choices: readonly { value: string; name: string; checked: boolean }[];
  pageSize: number;
  validate: (values: string[]) => string | true;
  words: { keys: Readonly<Record<string, string>> };
}

/** Several choices, ticked with the space bar or their number. */
export const ticks = createPrompt<string[], TicksConfig>((config, done) => {
  useEndOfInput(config);
  const [checked, setChecked] = useState(config.choices.map((c) => c.checked));
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [error, setError] = useState<string | undefined>(undefined);
  const values = () => config.choices.filter((_, i) => checked[i]).map((c) => c.value);
  useKeypress((key, rl) => {
    if (status !== 'idle' || leaving(key, config)) return;
    setError(undefined);
    if (isEnterKey(key)) {
      const verdict = config.validate(values());
      if (verdict !== true) {
        setError(verdict);
        return;
      }
      setStatus('done');
      done(values());
      return;
    }
    const toggle = (i: number) => setChecked(checked.map((c, k) => (k === i ? !c : c)));
    if (isUpKey(key)) setActive(Math.max(0, active - 1));
    else if (isDownKey(key)) setActive(Math.min(config.choices.length - 1, active + 1));
    else if (isSpaceKey(key)) toggle(active);
    else if (isNumberKey(key)) {
      const i = Number(rl.line.slice(-1)) - 1;
      if (i >= 0 && i < config.choices.length) {
        setActive(i);
        toggle(i);
      }
    } else if (key.name === 'a') setChecked(checked.map(() => !checked.every(Boolean)));
    else if (key.name === 'i') setChecked(checked.map((c) => !c));
    rl.clearLine(0);
  });
  const { style } = config;
  if (status === 'done') return `${prefixOf(config, true)} ${style.bold(config.message)} ${style.answer(config.choices.filter((_, i) => checked[i]).map((c) => c.name).join(', '))}`;
  const page = usePagination({
    items: config.choices,
    active,
    pageSize: config.pageSize,
    loop: false,
    renderItem: ({ item, index, isActive }) => `${isActive ? '❯' : ' '}${checked[index] ? '◉' : '◯'} ${index + 1}. ${item.name}`,
  });
  const keys = config.words.keys;
  const help = style.keys([
    ['↑↓', keys.navigate ?? 'move'],
    ['space', keys.select ?? 'choose'],
    ['a', keys.all ?? 'all'],
    ['i', keys.invert ?? 'invert'],
    ['⏎', keys.submit ?? 'confirm'],
    ...backKey(config, keys),
  ]);
  return [`${prefixOf(config, false)} ${style.bold(config.message)}\n${page}`, [error ? style.error(error) : '', help].filter(Boolean).join('\n')];
});

export interface TextConfig extends WidgetConfig {
  /** Shown in brackets and given by Enter on an empty line. */
  default: string | undefined;
  /** An earlier answer, put on the line to edit. */
  prefill: string | undefined;
  validate: (text: string) => string | true;
  words: { keys: Readonly<Record<string, string>> };
}

/** A line of text. A suggestion is shown in brackets (Tab puts it on the line to edit); an earlier answer is on the line. */
export const text = createPrompt<string, TextConfig>((config, done) => {
  useEndOfInput(config);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [suggested, setSuggested] = useState(config.default);
  useEffect((rl) => {
    if (config.prefill) {
      rl.write(config.prefill);
      setValue(config.prefill);
    }
  }, []);
  useKeypress((key, rl) => {
    if (status !== 'idle' || leaving(key, config)) return;
    if (isEnterKey(key)) {
      const answer = value === '' && suggested !== undefined ? suggested : value;
      const verdict = config.validate(answer);
      if (verdict !== true) {
        setError(verdict);
        rl.write(value);
        return;
      }
      setValue(answer);
      setStatus('done');
      done(answer);
      return;
    }
    if (key.name === 'tab' && value === '' && suggested !== undefined) {
      rl.clearLine(0);
      rl.write(suggested);
      setValue(suggested);
      return;
    }
    // Backspace on an empty line drops the suggestion, so Enter gives an empty answer.
    if (isBackspaceKey(key) && value === '' && rl.line === '') setSuggested(undefined);
    setValue(rl.line);
    setError(undefined);
  });
  const { style } = config;
  if (status === 'done') return `${prefixOf(config, true)} ${style.bold(config.message)} ${style.answer(value)}`;
  const hint = suggested !== undefined && value === '' ? ` ${style.dim(`(${suggested})`)}` : '';
  return [`${prefixOf(config, false)} ${style.bold(config.message)}${hint} ${value}`, error ? style.error(error) : ''];
});
