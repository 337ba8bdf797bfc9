import { exportBundle, verifyBundleFile } from '../../app/bundle.js';
import { UsageError } from '../args.js';
import { withApp, type Command } from '../registry.js';

export const bundleCommands: Command[] = [
  {
    name: 'export bundle',
    usage: 'export bundle --out FILE.zip [--redact-third-parties]',
    summary: '导出可核验的证据包 export a verifiable evidence bundle',
    flags: ['out', 'redact-third-parties'],
    async run({ flags, io }) {
      const out = flags.str('out');
      if (!out) throw new UsageError('export bundle needs --out FILE.zip');
      const r = await withApp(flags, 'cli: export bundle', (ctx) => exportBundle(ctx, out, { redactThirdParties: flags.bool('redact-third-parties') }));
      io.data(r, () => `已导出 exported ${r.path}\n${r.records} 条记录 records, ${r.attachments} 个附件 attachments, head ${r.head}${r.redactedRecords ? `\n已遮盖第三人信息的记录 redacted records: ${r.redactedRecords}` : ''}\n核验 verify: huxun verify ${r.path}  (或解压后 sha256sum -c manifest.sha256)`);
    },
  },
  {
    name: 'verify',
    usage: 'verify FILE.zip [--head HASH]',
    summary: '核验证据包 verify an evidence bundle',
    flags: ['head'],
    async run({ flags, args, io }) {
      const f = args[0];
      if (!f) throw new UsageError('verify needs FILE.zip');
      const r = await verifyBundleFile(f, flags.str('head'));
      io.data(r, () =>
        r.ok
          ? `✓ 证据包完好 bundle OK: ${r.records} 条记录 records, ${r.attachments} 个附件 attachments, head ${r.head}`
          : `✗ 证据包不符 bundle does NOT verify: ${r.message}${r.record ? ` (record seq ${r.record.seq ?? '?'}, #${r.record.index + 1})` : ''}${r.file ? ` [${r.file}]` : ''}`,
      );
      return r.ok ? 0 : 1;
    },
  },
];
