/** A small argument parser: global options may stand before or after the subcommand. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** --format of a written document: pdf (the default), docx or txt. */
export function formatFlag(flags: Flags): 'pdf' | 'docx' | 'txt' {
  const f = flags.str('format') ?? 'pdf';
  if (f !== 'pdf' && f !== 'docx' && f !== 'txt') throw new UsageError('--format must be pdf, docx or txt');
  return f;
}

/** The --answer key=value flags of a document as a map (a later key wins). */
export function answersOf(list: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of list) {
    const i = a.indexOf('=');
    if (i <= 0) throw new UsageError(`--answer expects key=value, got ${JSON.stringify(a)}`);
    out[a.slice(0, i)] = a.slice(i + 1);
  }
  return out;
}

/** A flag's YYYY-MM-DD value; undefined when the flag is absent and not `required`. */
export function dateFlag(v: string | undefined, flag: string, required = true): string | undefined {
  if (v === undefined) {
    if (required) throw new UsageError(`missing ${flag} YYYY-MM-DD`);
    return undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`${flag}: expected YYYY-MM-DD, got ${JSON.stringify(v)}`);
  return v;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string[]>;
}

/** Flags that take no value. Every other --flag takes one (`--x v` or `--x=v`). */
const BOOLEAN_FLAGS = new Set(['json', 'help', 'version', 'redact-third-parties', 'quiet', 'no-open', 'guarantor', 'mark', 'force', 'touched', 'labelled', 'redact', 'encrypt', 'final', 'org', 'behind-tls', 'disabled', 'enable']);

export function parseArgs(argv: string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  const add = (k: string, v: string) => flags.set(k, [...(flags.get(k) ?? []), v]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-h') {
      add('help', 'true');
      continue;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (!name) throw new UsageError(`bad option ${a}`);
      if (BOOLEAN_FLAGS.has(name)) {
        add(name, eq >= 0 ? a.slice(eq + 1) : 'true');
      } else if (eq >= 0) {
        add(name, a.slice(eq + 1));
      } else {
        const v = argv[i + 1];
        if (v === undefined || (v.startsWith('--') && v.length > 2)) throw new UsageError(`option --${name} needs a value`);
        add(name, v);
        i++;
      }
      continue;
    }
    positionals.push(a);
  }
  return { positionals, flags };
}

export class Flags {
  private used = new Set<string>();
  constructor(private readonly parsed: ParsedArgs) {}
  get positionals() {
    return this.parsed.positionals;
  }
  str(name: string): string | undefined {
    this.used.add(name);
    const v = this.parsed.flags.get(name);
    return v ? v[v.length - 1] : undefined;
  }
  all(name: string): string[] {
    this.used.add(name);
    return this.parsed.flags.get(name) ?? [];
  }
  bool(name: string): boolean {
    this.used.add(name);
    const v = this.str(name);
    return v !== undefined && v !== 'false' && v !== '0';
  }
  int(name: string): number | undefined {
    const v = this.str(name);
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v)) throw new UsageError(`--${name} expects a whole number, got ${JSON.stringify(v)}`);
    return Number(v);
  }
  required(name: string): string {
    const v = this.str(name);
    if (v === undefined) throw new UsageError(`missing --${name}`);
    return v;
  }
  /** Fails on flags the command does not know, so a typo is not silently ignored. */
  assertNoUnknown(known: string[]) {
    const ok = new Set([...known, 'json', 'help', 'data', 'database', 'lang', 'tz', 'passphrase']);
    for (const k of this.parsed.flags.keys()) if (!ok.has(k)) throw new UsageError(`unknown option --${k}`);
  }
}
