import { decryptBundleFile, exportBundle, isEncryptedBundle, SEALED_BUNDLE_SUFFIX, verifyBundleFile } from '../../app/bundle.js';
import { UsageError } from '../args.js';
import { withApp, type Command } from '../registry.js';

/** Env variable for a bundle passphrase: never on the command line, where `ps` shows it to every local user. */
const BUNDLE_PASS_ENV = 'HUXUN_BUNDLE_PASSPHRASE';

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let text = '';
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (err: Error | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(text);
    };
    const onData = (s: string) => {
      for (const ch of s) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done(null);
        if (ch === '\u0003') return done(new UsageError('已取消 cancelled'));
        if (ch === '\u007f' || ch === '\b') text = [...text].slice(0, -1).join('');
        else if (ch >= ' ') text += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The bundle passphrase from HUXUN_BUNDLE_PASSPHRASE, else asked on the terminal (twice when it is a new one). */
async function bundlePassphrase(confirm: boolean): Promise<string> {
  const env = process.env[BUNDLE_PASS_ENV];
  if (env) return env;
  if (!process.stdin.isTTY) throw new UsageError(`需要证据包口令：请设置环境变量 ${BUNDLE_PASS_ENV}，或在终端中运行 the bundle passphrase is needed: set ${BUNDLE_PASS_ENV} or run on a terminal`);
  const p = await promptHidden('证据包口令 bundle passphrase: ');
  if (confirm && (await promptHidden('再输一遍 again: ')) !== p) throw new UsageError('两次输入的口令不一样 the two entries differ');
  return p;
}

export const bundleCommands: Command[] = [
  {
    name: 'export bundle',
    usage: 'export bundle --out FILE.zip [--redact-third-parties] [--encrypt]',
    summary: '导出可核验的证据包 export a verifiable evidence bundle',
    help: `--encrypt: 用单独的口令加密整个证据包（写成 FILE.zip${SEALED_BUNDLE_SUFFIX}）；口令取自 ${BUNDLE_PASS_ENV} 或终端输入。seal the whole zip under its own passphrase (written as FILE.zip${SEALED_BUNDLE_SUFFIX}); the passphrase comes from ${BUNDLE_PASS_ENV} or the terminal.`,
    flags: ['out', 'redact-third-parties', 'encrypt'],
    async run({ flags, io }) {
      let out = flags.str('out');
      if (!out) throw new UsageError('export bundle needs --out FILE.zip');
      const encrypt = flags.bool('encrypt');
      // An encrypted bundle is not a zip: its name says so, so nobody double-clicks it and thinks it is broken.
      if (encrypt && !out.endsWith(SEALED_BUNDLE_SUFFIX)) out += SEALED_BUNDLE_SUFFIX;
      const encryptPassphrase = encrypt ? await bundlePassphrase(true) : undefined;
      const r = await withApp(flags, 'cli: export bundle', (ctx) => exportBundle(ctx, out, { redactThirdParties: flags.bool('redact-third-parties'), encryptPassphrase }));
      io.data(r, () =>
        [
          `已导出 exported ${r.path}${r.encrypted ? ' （已加密 encrypted）' : ''}`,
          `${r.records} 条记录 records, ${r.attachments} 个附件 attachments, head ${r.head}${r.redactedRecords ? `\n已遮盖第三人信息的记录 redacted records: ${r.redactedRecords}` : ''}`,
          r.encrypted
            ? `核验 verify: huxun verify ${r.path}  (口令 passphrase: ${BUNDLE_PASS_ENV} 或终端输入 or the prompt)\n解密 decrypt: huxun decrypt bundle ${r.path} --out FILE.zip`
            : `核验 verify: huxun verify ${r.path}  (或解压后 sha256sum -c manifest.sha256)`,
        ].join('\n'),
      );
    },
  },
  {
    name: 'decrypt bundle',
    usage: 'decrypt bundle FILE.zip.hxseal --out FILE.zip',
    summary: '解密加密的证据包 decrypt an encrypted evidence bundle',
    help: `口令取自 ${BUNDLE_PASS_ENV} 或终端输入 the passphrase comes from ${BUNDLE_PASS_ENV} or the terminal`,
    flags: ['out'],
    async run({ flags, args, io }) {
      const f = args[0];
      const out = flags.str('out');
      if (!f || !out) throw new UsageError('decrypt bundle needs FILE and --out FILE.zip');
      const r = await decryptBundleFile(f, await bundlePassphrase(false), out);
      io.data(r, () => `已解密 decrypted ${r.path}\n核验 verify: huxun verify ${r.path}`);
    },
  },
  {
    name: 'verify',
    usage: 'verify FILE.zip [--head HASH]',
    summary: '核验证据包 verify an evidence bundle',
    help: `加密的证据包（.hxseal）先解密到临时文件再核验；口令取自 ${BUNDLE_PASS_ENV} 或终端输入。an encrypted bundle (.hxseal) is decrypted to a private temp file first; the passphrase comes from ${BUNDLE_PASS_ENV} or the terminal.`,
    flags: ['head'],
    async run({ flags, args, io }) {
      const f = args[0];
      if (!f) throw new UsageError('verify needs FILE.zip');
      const passphrase = isEncryptedBundle(f) ? await bundlePassphrase(false) : undefined;
      const r = await verifyBundleFile(f, flags.str('head'), { passphrase });
      io.data(r, () =>
        r.ok
          ? `✓ 证据包完好 bundle OK: ${r.records} 条记录 records, ${r.attachments} 个附件 attachments, head ${r.head}`
          : `✗ 证据包不符 bundle does NOT verify: ${r.message}${r.record ? ` (record seq ${r.record.seq ?? '?'}, #${r.record.index + 1})` : ''}${r.file ? ` [${r.file}]` : ''}`,
      );
      return r.ok ? 0 : 1;
    },
  },
];
