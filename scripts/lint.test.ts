import { describe, expect, it } from 'vitest';
import { checkFile } from './layers.js';
import { findLiteralUiText } from './ui-text.js';

describe('layer lint', () => {
  it('rejects domain importing the store', () => {
    const v = checkFile('src/domain/loans/irr.ts', "import { openStore } from '../../store/index.js';\n");
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ from: 'domain', to: 'store' });
  });
  it('rejects the CLI reaching into the store directly', () => {
    expect(checkFile('src/cli/main.ts', "import { x } from '../store/db.js'")).toHaveLength(1);
  });
  it('rejects I/O modules in domain', () => {
    expect(checkFile('src/domain/x.ts', "import fs from 'node:fs';")).toHaveLength(1);
  });
  it('lets tests use the shared test support but not source files', () => {
    expect(checkFile('src/store/store.test.ts', "import { makeStore } from '../../test/support/stores.js';")).toEqual([]);
    expect(checkFile('src/store/repo.ts', "import { makeStore } from '../../test/support/stores.js';")).toHaveLength(1);
  });
  it('accepts app importing domain, store and law', () => {
    const src = "import a from '../domain/money.js';\nimport b from '../store/db.js';\nexport { c } from '../law/index.js';";
    expect(checkFile('src/app/loans.ts', src)).toEqual([]);
  });
  it('finds literal Chinese text in JSX and ignores i18n calls', () => {
    const hits = findLiteralUiText('<Button title="删除">{t("save")}</Button>\n<p>违规发现</p>');
    expect(hits.map((h) => h.text)).toEqual(['违规发现', '删除']);
  });
});
