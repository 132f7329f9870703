// xorriso's own quoting, both ways. Paths go to xorriso in an options file (one command per line,
// quoted words) because thousands of `-map` pairs overflow a command line; they come back in
// `report_lba` / `-check_md5_r` lines quoted shell-style. Both sides use backslash codes so any byte
// of a name (quotes, newlines, Chinese, a leading dash) survives.

// Bytes that need no code inside double quotes; everything else becomes \xNN.
const plainByte = /[A-Za-z0-9/._,:=@+-]/;

/**
 * One word for an options file read under `-backslash_codes in_double_quotes`: every byte outside
 * plain ASCII is written as \xNN, so no quote, blank or newline of the name can end the word.
 */
export function quoteWord(text: string): string {
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += plainByte.test(char) ? char : `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return `${out}"`;
}

const namedCodes: Readonly<Record<string, number>> = { a: 7, b: 8, e: 27, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

/** Turns the backslash codes of `-backslash_codes encode_output` back into bytes. */
function decodeCodes(text: string): Buffer {
  const bytes: number[] = [];
  const raw = Buffer.from(text, 'utf8');
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== 92 || i + 1 >= raw.length) {
      bytes.push(raw[i]!);
      continue;
    }
    const rest = raw.subarray(i + 1, i + 4).toString('latin1');
    const octal = /^[0-7]{3}/.exec(rest);
    const hex = /^x([0-9a-fA-F]{2})/.exec(rest);
    const named = namedCodes[rest[0]!];
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else if (hex) {
      bytes.push(parseInt(hex[1]!, 16));
      i += 3;
    } else if (named !== undefined) {
      bytes.push(named);
      i += 1;
    } else {
      bytes.push(92);
    }
  }
  return Buffer.from(bytes);
}

/**
 * A path as xorriso prints it under `encode_output`: shell-style quoted pieces ('it'"'"'s') whose
 * content carries backslash codes (\n, \344). Returns the name as UTF-8 text.
 */
export function unquoteWord(quoted: string): string {
  let content = '';
  let i = 0;
  while (i < quoted.length) {
    const mark = quoted[i]!;
    if (mark === "'" || mark === '"') {
      const end = quoted.indexOf(mark, i + 1);
      if (end < 0) throw new Error(`unterminated quote in xorriso output: ${quoted}`);
      content += quoted.slice(i + 1, end);
      i = end + 1;
    } else {
      content += mark;
      i += 1;
    }
  }
  return decodeCodes(content).toString('utf8');
}
