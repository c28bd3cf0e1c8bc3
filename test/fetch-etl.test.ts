import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEtl } from '../etl/run.ts';
import { stateAgreement } from '../etl/state.ts';
import { runFetch } from '../fetch/run.ts';
import { january, LETTERS, options } from './fetch-helpers.ts';
import { startSite, type Site } from './fetch-server.ts';
import { CI, rows, tempDir } from './helpers.ts';

(CI || existsSync(LETTERS) ? describe : describe.skip)('npm run fetch, then npm run etl', () => {
  let site: Site;
  const cases = january();
  // The state's coding differs from the letters' in three ways the ETL must handle.
  const [recoded, flipped, longer] = [cases[0], cases[1], cases[2]];
  recoded.services[0] = { ...recoded.services[0], category: 'Surgery', subcategory: 'Spine' };
  flipped.services[0] = {
    ...flipped.services[0],
    decision: flipped.services[0].decision === 'Uphold' ? 'Overturn' : 'Uphold',
  };
  longer.services.push({
    category: 'Transportation',
    subcategory: 'Transportation',
    decision: 'Uphold',
  });
  beforeAll(async () => {
    site = await startSite(cases, LETTERS);
  });
  afterAll(() => site.close());

  it("gives matched services the state's coding, counts the mismatches and reports agreement", async () => {
    const out = tempDir();
    await runFetch(options(site, out, { range: { from: '2017-01-01', to: '2017-01-31' } }));
    const db = join(tempDir(), 'imr.duckdb');
    const s = await runEtl(out, db, { quiet: true });
    const services = cases.reduce((n, c) => n + c.services.length, 0);
    expect(s).toMatchObject({ letters: cases.length, quarantined: 0 });
    expect(s.state).toMatchObject({
      // the letters hold one service fewer than the state lists for `longer`
      matched: services - 1 - 1 - (longer.services.length - 1),
      decision_mismatch: 1,
      count_mismatch_letters: 1,
      count_mismatch_services: longer.services.length - 1,
      letter_only: 0,
      state_only: 0,
      problems: [],
    });
    const [first] = await rows(
      db,
      `SELECT category_source, state_category, state_subcategory, state_decision FROM items
       WHERE letter_id = '${recoded.case_number}' AND item_no = 1`,
    );
    expect(first).toEqual({
      category_source: 'state',
      state_category: 'Surgery',
      state_subcategory: 'Spine',
      state_decision: recoded.services[0].decision,
    });
    expect(
      await rows(
        db,
        `SELECT category_source, count(*)::INTEGER AS n FROM items GROUP BY 1 ORDER BY 1`,
      ),
    ).toEqual([
      { category_source: 'rules', n: 1 + (longer.services.length - 1) },
      { category_source: 'state', n: s.state!.matched },
    ]);
    const text = await stateAgreement(db);
    expect(text).toMatch(
      new RegExp(
        `^agreement of the project's rules with the state's coding: ${s.state!.matched} services coded by both\\n`,
      ),
    );
    expect(text).toMatch(/state: Surgery \/ Spine {2}<- {2}rules: /);
  });
});
