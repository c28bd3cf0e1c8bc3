import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metadataLine } from '../etl/state-coding/metadata-load.ts';
import { runEtl } from '../etl/pipeline/run.ts';
import { stateAgreement } from '../etl/state-coding/apply.ts';
import { runFetch } from '../fetch/run.ts';
import { january, LETTERS, manifest, options } from './fetch-helpers.ts';
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

(CI || existsSync(LETTERS) ? describe : describe.skip)('--metadata-only, then the letters', () => {
  let site: Site;
  const cases = january();
  // One letter link gives an HTML page: that case keeps its metadata row after the full fetch.
  const failed = cases[3];
  failed.letter = 'html';
  beforeAll(async () => {
    site = await startSite(cases, LETTERS);
  });
  afterAll(() => site.close());

  const perCase = (out: string) => {
    const n = new Map<string, number>();
    for (const r of manifest(out)) n.set(r.case_number, (n.get(r.case_number) ?? 0) + 1);
    return [...n].map(([letter_id, n]) => ({ letter_id, n })).sort(byId);
  };
  const byId = (a: { letter_id: string }, b: { letter_id: string }) =>
    a.letter_id.localeCompare(b.letter_id);
  const SERVICES = `SELECT i.letter_id, i.item_no, i.decision, i.category, i.subcategory, i.state_category,
    i.state_subcategory, i.state_decision, i.category_source, i.guideline_sources, i.rationale,
    l.flags, l.layout, l.full_text, l.program, l.synthetic, l.decision_date::VARCHAR AS decision_date,
    l.reviewer_specialty, l.source_file FROM items i JOIN letters l USING (letter_id) ORDER BY 1, 2`;

  it("loads the state's rows as services without a letter, then replaces them by the letters", async () => {
    const out = tempDir();
    const db = join(tempDir(), 'imr.duckdb');
    await runFetch(options(site, out, { metadataOnly: true }));
    const state = manifest(out);
    const first = await runEtl(out, db, { quiet: true });
    expect(first).toMatchObject({ files: 0, letters: 0 });
    expect(first.state).toMatchObject({ matched: 0, state_only: state.length });
    expect(first.state!.metadata_only).toBe(state.length);
    const loaded = await rows(db, SERVICES);
    expect(loaded).toEqual(
      state
        .map((r) => ({
          letter_id: r.case_number,
          item_no: Number(r.position),
          decision: r.decision === 'Uphold' ? 'Upheld' : 'Overturned',
          category: r.category,
          subcategory: r.subcategory,
          state_category: r.category,
          state_subcategory: r.subcategory,
          state_decision: r.decision,
          category_source: 'state',
          guideline_sources: null,
          rationale: null,
          flags: ['metadata only: no letter'],
          layout: null,
          full_text: null,
          program: 'DWC',
          synthetic: false,
          decision_date: r.decision_date,
          reviewer_specialty: r.reviewer_specialty,
          source_file: `manifest.csv#${r.case_number}`,
        }))
        .sort((a, b) => byId(a, b) || a.item_no - b.item_no),
    );
    // The dashboard's tables count them: volume and uphold rate, program-wide.
    const upheld = state.filter((r) => r.decision === 'Uphold').length;
    expect(
      await rows(
        db,
        'SELECT count(*)::INTEGER AS n, sum(upheld::INTEGER)::INTEGER AS upheld FROM facts',
      ),
    ).toEqual([{ n: state.length, upheld }]);
    expect(await metadataLine(db)).toMatch(
      new RegExp(`^metadata only: ${state.length} services in ${cases.length} cases `),
    );

    // The same folder again adds nothing, even under another parser: there is no text to re-read.
    const again = await runEtl(out, db, { quiet: true, parserVersion: 'another' });
    expect(again).toMatchObject({ reparsed: 0, quarantined: 0 });
    expect(again.state!.metadata_only).toBe(state.length);
    expect(await rows(db, SERVICES)).toEqual(loaded);

    // The letters now fetched replace their cases' rows; the case whose letter failed keeps its.
    const full = await runFetch(options(site, out));
    expect(full.failedPdfs).toBe(1);
    const third = await runEtl(out, db, { quiet: true });
    expect(third).toMatchObject({
      new: cases.length - 1,
      letters: cases.length - 1,
      quarantined: 0,
    });
    expect(third.state).toMatchObject({
      matched: state.length - failed.services.length,
      state_only: failed.services.length,
      metadata_only: failed.services.length,
    });
    expect(
      await rows(db, `SELECT letter_id, count(*)::INTEGER AS n FROM items GROUP BY 1 ORDER BY 1`),
    ).toEqual(perCase(out));
    expect(
      await rows(
        db,
        `SELECT letter_id, source_file FROM letters WHERE list_contains(flags, 'metadata only: no letter')`,
      ),
    ).toEqual([
      { letter_id: failed.case_number, source_file: `manifest.csv#${failed.case_number}` },
    ]);
    expect(
      await rows(db, `SELECT count(*)::INTEGER AS n FROM letters WHERE full_text IS NOT NULL`),
    ).toEqual([{ n: cases.length - 1 }]);
    expect(await rows(db, 'SELECT count(*)::INTEGER AS n FROM facts')).toEqual([
      { n: state.length },
    ]);
    expect(await metadataLine(db)).toMatch(
      new RegExp(`^metadata only: ${failed.services.length} services in 1 cases `),
    );
    // The agreement counts only services the rules read from a letter.
    expect(await stateAgreement(db)).toMatch(
      new RegExp(`coding: ${state.length - failed.services.length} services coded by both\\n`),
    );
  });
});
