// Characters an XML 1.0 document cannot hold (C0 controls but tab, line feed and carriage
// return; U+FFFE/U+FFFF; lone surrogates), plus DEL and the C1 controls, which it can hold
// but no reader shows. Dropping them keeps every format able to carry the same text.
const UNSHOWABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as every document format can hold it: unshowable control characters dropped. */
export function showable(text: string): string {
  return text.replace(UNSHOWABLE, '');
}

/**
 * An answer as one line of literal text: line ends and tabs become spaces (an answer
 * never starts a paragraph or a list), unshowable control characters are dropped.
 */
export function literalAnswer(text: string): string {
  return showable(text.replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' '));
}
