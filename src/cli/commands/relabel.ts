import { relabelCase } from '../../app/relabel.js';
import { withApp, type Command } from '../registry.js';

export const relabelCommands: Command[] = [
  {
    name: 'relabel',
    usage: 'relabel [--all]',
    summary: '用当前的分类器重新给消息打标签 relabel messages with the current classifier',
    help:
      '每条事件都记着给它打标签的分类器版本；版本变了，启动时会自动重新打标签，也可以用这个命令。--all 全部重新打。\n' +
      '标签是派生数据，证据链不变（huxun evidence check 照样通过）。\n' +
      'Each event names the classifier version that labelled it; when the version changes the app relabels on start, or with this command. --all relabels every message. Labels are derived data: the evidence chain does not change.',
    flags: ['all'],
    async run({ flags, io }) {
      const r = await withApp(flags, 'cli: relabel', (ctx) =>
        relabelCase(ctx, { force: flags.bool('all'), onProgress: (p) => io.err(`relabel: ${p.done}/${p.total}`) }),
      );
      io.data(r, () => `分类器 classifier ${r.version}: ${r.events} 条消息重新打标签 messages relabelled, ${r.changed} 条有变化 changed, ${r.contextual} 条按上下文 labelled by context; ${r.collectors} 个催收方 collectors`);
    },
  },
];
