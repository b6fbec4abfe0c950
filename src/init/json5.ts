import { InputError } from '../core/errors';

/**
 * Parses JSON5 text (what OneTable's `migrate.json5` is written in): comments, unquoted keys,
 * single-quoted strings, trailing commas, hex numbers, leading or trailing decimal points,
 * Infinity and NaN. Errors name the file, line and column. Written here rather than taken as a
 * dependency: one config file is read, once, by `init --from-onetable`.
 */
export function parseJson5(text: string, file: string): unknown {
  const p = new Json5Parser(text, file);
  p.skipSpace();
  const value = p.value();
  p.skipSpace();
  if (!p.atEnd()) p.fail('unexpected text after the value');
  return value;
}

const IDENT_START = /[A-Za-z_$\p{L}]/u;
const IDENT_PART = /[A-Za-z0-9_$\p{L}\p{N}\u200c\u200d]/u;
const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', 0: '\0' };

class Json5Parser {
  private i = 0;

  constructor(
    private readonly s: string,
    private readonly file: string,
  ) {}

  atEnd(): boolean {
    return this.i >= this.s.length;
  }

  fail(what: string): never {
    const before = this.s.slice(0, this.i);
    const line = before.split('\n').length;
    const col = this.i - before.lastIndexOf('\n');
    throw new InputError(`${this.file}:${line}:${col}: invalid JSON5: ${what}.`);
  }

  skipSpace(): void {
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined) return;
      if (/\s|\ufeff/.test(c)) this.i++;
      else if (this.s.startsWith('//', this.i)) {
        const end = this.s.indexOf('\n', this.i);
        this.i = end < 0 ? this.s.length : end + 1;
      } else if (this.s.startsWith('/*', this.i)) {
        const end = this.s.indexOf('*/', this.i + 2);
        if (end < 0) this.fail('unterminated /* comment');
        this.i = end + 2;
      } else return;
    }
  }

  value(): unknown {
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"' || c === "'") return this.string();
    if (c !== undefined && /[-+.0-9]/.test(c)) return this.number();
    const word = this.identifier();
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    if (word === 'Infinity') return Number.POSITIVE_INFINITY;
    if (word === 'NaN') return Number.NaN;
    if (word) this.fail(`unexpected word "${word}"`);
    return this.fail(c === undefined ? 'unexpected end of text' : `unexpected "${c}"`);
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.i++;
    for (;;) {
      this.skipSpace();
      if (this.s[this.i] === '}') {
        this.i++;
        return out;
      }
      const c = this.s[this.i];
      const key = c === '"' || c === "'" ? this.string() : this.identifier();
      if (!key && c !== '"' && c !== "'") this.fail('expected a key');
      this.skipSpace();
      if (this.s[this.i] !== ':') this.fail(`expected ":" after "${key}"`);
      this.i++;
      this.skipSpace();
      Object.defineProperty(out, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      this.skipSpace();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== '}') this.fail('expected "," or "}"');
    }
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    this.i++;
    for (;;) {
      this.skipSpace();
      if (this.s[this.i] === ']') {
        this.i++;
        return out;
      }
      out.push(this.value());
      this.skipSpace();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== ']') this.fail('expected "," or "]"');
    }
  }

  private string(): string {
    const quote = this.s[this.i];
    let out = '';
    this.i++;
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined || c === '\n') this.fail('unterminated string');
      this.i++;
      if (c === quote) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.s[this.i++];
      if (e === undefined) this.fail('unterminated string');
      if (e === '\r' && this.s[this.i] === '\n') this.i++;
      else if (e === '\n' || e === '\r' || e === '\u2028' || e === '\u2029') continue;
      else if (e === 'x' || e === 'u') {
        const n = e === 'x' ? 2 : 4;
        const hex = this.s.slice(this.i, this.i + n);
        if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) this.fail(`bad \\${e} escape`);
        out += String.fromCharCode(Number.parseInt(hex, 16));
        this.i += n;
      } else out += ESCAPES[e] ?? e;
    }
  }

  private number(): number {
    const m = /^[-+]?(0[xX][0-9a-fA-F]+|Infinity|NaN|(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)/.exec(this.s.slice(this.i));
    if (!m) this.fail('bad number');
    this.i += m[0].length;
    const sign = m[0].startsWith('-') ? -1 : 1;
    const body = m[1]!;
    if (/^0[xX]/.test(body)) return sign * Number.parseInt(body.slice(2), 16);
    if (body === 'Infinity') return sign * Number.POSITIVE_INFINITY;
    if (body === 'NaN') return Number.NaN;
    return sign * Number(body);
  }

  private identifier(): string {
    const start = this.i;
    if (!IDENT_START.test(this.s[this.i] ?? '')) return '';
    this.i++;
    while (IDENT_PART.test(this.s[this.i] ?? '')) this.i++;
    return this.s.slice(start, this.i);
  }
}
