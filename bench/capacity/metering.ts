/**
 * The stand-in's arithmetic, apart from any I/O: item sizes and capacity units by DynamoDB's
 * published rules, a token bucket, and the few PartiQL statement shapes it meters by size.
 * Written independently of the engine's own estimate (src/dynamodb/bulk/item-size.ts), so that
 * the stand-in can disagree with the engine rather than repeat its mistakes.
 */

/** An attribute value in DynamoDB's JSON wire format. */
export type WireValue = {
  S?: string;
  N?: string;
  B?: string;
  BOOL?: boolean;
  NULL?: boolean;
  SS?: string[];
  NS?: string[];
  BS?: string[];
  L?: WireValue[];
  M?: Record<string, WireValue>;
};
export type WireItem = Record<string, WireValue>;

/** Size of a number: one byte per two significant digits (leading and trailing zeros trimmed), plus one. */
function numberBytes(n: string): number {
  const mantissa = n.replace(/^[-+]/, '').replace(/[eE].*$/, '');
  const digits = mantissa.replace('.', '').replace(/^0+/, '');
  return Math.ceil(Math.max(1, digits.replace(/0+$/, '').length) / 2) + 1;
}

/** Size of one value, without its attribute name. */
export function valueBytes(v: WireValue): number {
  if (v.S !== undefined) return Buffer.byteLength(v.S, 'utf8');
  if (v.N !== undefined) return numberBytes(v.N);
  if (v.B !== undefined) return Buffer.from(v.B, 'base64').length;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.SS) return v.SS.reduce((n, s) => n + Buffer.byteLength(s, 'utf8'), 0);
  if (v.NS) return v.NS.reduce((n, s) => n + numberBytes(s), 0);
  if (v.BS) return v.BS.reduce((n, b) => n + Buffer.from(b, 'base64').length, 0);
  // A list or map: 3 bytes of overhead, 1 per element, plus the elements (a map's with their names).
  if (v.L) return 3 + v.L.reduce((n, x) => n + 1 + valueBytes(x), 0);
  if (v.M)
    return 3 + Object.entries(v.M).reduce((n, [k, x]) => n + 1 + Buffer.byteLength(k, 'utf8') + valueBytes(x), 0);
  return 0;
}

/** An item's size: each attribute's name (UTF-8) plus its value. */
export function itemBytes(item: WireItem): number {
  let n = 0;
  for (const [name, v] of Object.entries(item)) n += Buffer.byteLength(name, 'utf8') + valueBytes(v);
  return n;
}

/** Write units: one per KB, rounded up, at least one. */
export function writeUnitsFor(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / 1024));
}

/** Read units of one item read: one per 4 KB, rounded up, at least one; half when eventually consistent. */
export function readUnitsFor(bytes: number, consistent: boolean): number {
  const units = Math.max(1, Math.ceil(bytes / 4096));
  return consistent ? units : units / 2;
}

/**
 * A token bucket: `rate` units per second, holding at most `max`. A request is let in while the
 * bucket is not empty and is then charged what it costs, which may take the bucket below zero;
 * later requests wait until it is paid back (DynamoDB lets a large Scan page through the same way).
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    public rate: number,
    public max: number,
    initial: number,
    now: number,
  ) {
    this.tokens = Math.min(max, initial);
    this.last = now;
  }

  /** Units available now (negative while in debt). */
  level(now: number): number {
    if (now > this.last) {
      this.tokens = Math.min(this.max, this.tokens + ((now - this.last) / 1000) * this.rate);
      this.last = now;
    }
    return this.tokens;
  }

  /** Whether a request may go in now. */
  open(now: number): boolean {
    return this.level(now) > 0;
  }

  charge(units: number, now: number): void {
    this.level(now);
    this.tokens -= units;
  }
}

/** What the stand-in understands of a PartiQL statement. */
export interface ParsedStatement {
  kind: 'update' | 'delete' | 'insert' | 'select' | 'other';
  table?: string | undefined;
  /** The key equalities of the WHERE clause (`"a" = ?` or a literal), by attribute. */
  where: Record<string, WireValue>;
  /** `SET a = ?` assignments of top-level attributes; undefined when a SET is beyond this parser (a path, a function). */
  set?: [string, WireValue][] | undefined;
  remove: string[];
  /** INSERT's item, when given as a parameter. */
  item?: WireItem | undefined;
}

const TOKEN = /\s*("(?:[^"]|"")*"|'(?:[^']|'')*'|\?|[A-Za-z_][\w.]*|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|<>|<=|>=|\S)/y;

function tokens(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) out.push(m[1]!);
  return out;
}

function identifier(t: string | undefined): string | undefined {
  if (!t) return undefined;
  if (t.startsWith('"')) return t.slice(1, -1).replaceAll('""', '"');
  return /^[A-Za-z_]\w*$/.test(t) ? t : undefined;
}

/**
 * Parses the statement shapes migrations send: `UPDATE "t" SET "a" = ? [, | SET] … REMOVE "b" …
 * WHERE "k" = ? AND …`, `DELETE FROM "t" WHERE …`, `INSERT INTO "t" VALUE ?`, `SELECT … FROM "t"
 * WHERE …`. Parameters are taken in order of the `?`s. Anything else is `other`.
 */
export function parseStatement(text: string, parameters: readonly WireValue[] = []): ParsedStatement {
  const t = tokens(text);
  let p = 0;
  const valueAt = (tok: string | undefined): WireValue | undefined => {
    if (tok === '?') return parameters[p++];
    if (tok?.startsWith("'")) return { S: tok.slice(1, -1).replaceAll("''", "'") };
    if (tok !== undefined && /^-?\d/.test(tok)) return { N: tok };
    return undefined;
  };
  const out: ParsedStatement = { kind: 'other', where: {}, remove: [] };
  const verb = t[0]?.toUpperCase();
  let i = 1;
  if (verb === 'UPDATE') {
    out.kind = 'update';
    out.table = identifier(t[i++]);
    out.set = [];
    const ends = [',', 'SET', 'REMOVE', 'WHERE'];
    let clause: 'set' | 'remove' | undefined;
    while (i < t.length && t[i]!.toUpperCase() !== 'WHERE') {
      const word = t[i]!.toUpperCase();
      if (word === 'SET' || word === 'REMOVE') clause = word === 'SET' ? 'set' : 'remove';
      else if (word !== ',') clause = undefined;
      const name = identifier(t[i + 1]);
      if (clause === 'remove' && name && (t[i + 2] === undefined || ends.includes(t[i + 2]!.toUpperCase()))) {
        out.remove.push(name);
        i += 2;
        continue;
      }
      if (
        clause === 'set' &&
        name &&
        t[i + 2] === '=' &&
        (t[i + 4] === undefined || ends.includes(t[i + 4]!.toUpperCase()))
      ) {
        const v = valueAt(t[i + 3]);
        if (v && out.set) out.set.push([name, v]);
        else out.set = undefined;
        i += 4;
        continue;
      }
      // Beyond this parser (a path, a function, list_append…): the after-image is unknown; count
      // the `?`s the clause holds so that WHERE's parameters still line up.
      out.set = undefined;
      for (i++; i < t.length && !ends.includes(t[i]!.toUpperCase()); i++) if (t[i] === '?') p++;
    }
  } else if (verb === 'DELETE') {
    out.kind = 'delete';
    if (t[i]?.toUpperCase() === 'FROM') i++;
    out.table = identifier(t[i++]);
  } else if (verb === 'INSERT') {
    out.kind = 'insert';
    if (t[i]?.toUpperCase() === 'INTO') i++;
    out.table = identifier(t[i++]);
    if (t[i]?.toUpperCase() === 'VALUE' && t[i + 1] === '?') {
      const v = parameters[p++];
      out.item = v?.M;
    }
    return out;
  } else if (verb === 'SELECT') {
    out.kind = 'select';
    for (; i < t.length && t[i]!.toUpperCase() !== 'FROM'; i++) if (t[i] === '?') p++;
    out.table = identifier(t[++i]);
    i++;
  } else return out;
  // WHERE: `name = value` pairs joined by AND; anything else (OR, functions) ends the key part.
  if (t[i]?.toUpperCase() === 'WHERE') {
    for (i++; i < t.length; ) {
      const name = identifier(t[i]);
      if (name && t[i + 1] === '=') {
        const v = valueAt(t[i + 2]);
        if (v) out.where[name] = v;
        i += 3;
        if (t[i]?.toUpperCase() === 'AND') i++;
        continue;
      }
      break;
    }
  }
  return out;
}

/** The item after an UPDATE's SETs and REMOVEs (undefined when the SETs were beyond the parser). */
export function applyUpdate(before: WireItem, st: ParsedStatement): WireItem | undefined {
  if (!st.set) return undefined;
  const after: WireItem = { ...before };
  for (const [name, v] of st.set) after[name] = v;
  for (const name of st.remove) delete after[name];
  return after;
}
