import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

// The import boundaries of eslint.config.js, checked on one import line as if it were written
// in a file of that folder: [file, import, allowed].
const CASES: [string, string, boolean][] = [
  ['server/queries/x.ts', '../../etl/pipeline/run.ts', false],
  ['server/queries/x.ts', '../../warehouse/names.ts', true],
  ['server/queries/x.ts', '../../fetch/run.ts', false],
  ['server/start/default-db.ts', '../../etl/pipeline/run.ts', true],
  ['server/start/default-db.ts', '../../client/App.tsx', false],
  ['etl/pipeline/x.ts', '../../server/sql/filters.ts', false],
  ['etl/pipeline/x.ts', '../../warehouse/schema.ts', true],
  ['warehouse/x.ts', '../etl/pipeline/run.ts', false],
  ['model/x.ts', '../warehouse/names.ts', false],
  ['client/x.tsx', '../model/api.ts', true],
  ['client/x.tsx', '../server/sql/filters.ts', false],
  ['fetch/x.ts', '../etl/letters/parse.ts', false],
  ['etl/state-coding/x.ts', '../../fetch/manifest.ts', false],
  ['cli/x.ts', '../etl/cli/commands.ts', false],
];

describe('imports run one way', () => {
  const eslint = new ESLint({ cwd: ROOT });
  it.each(CASES)('%s importing %s: allowed %s', async (file, from, allowed) => {
    const [r] = await eslint.lintText(`import { x } from '${from}';\nexport const y = x;\n`, {
      filePath: `${ROOT}/${file}`,
    });
    const wrongWay = r.messages.filter((m) => m.ruleId === 'no-restricted-imports');
    expect(wrongWay.length === 0).toBe(allowed);
  });
});
