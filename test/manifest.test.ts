import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ManifestRow } from '../model/manifest.ts';
import { agreement, stateName } from '../etl/state-coding/agreement.ts';
import { parseManifest, readManifests } from '../etl/state-coding/manifest.ts';
import { matchServices, stateDecision, type LetterService } from '../etl/state-coding/match.ts';
import { METADATA_FLAG, metadataCase, metadataCases } from '../etl/state-coding/metadata.ts';
import type { Decision } from '../etl/letters/types.ts';
import { tempDir } from './helpers.ts';

const row = (
  case_number: string,
  position: number,
  decision: string,
  category = 'Pharmaceuticals',
  subcategory = 'Opioids',
): ManifestRow => ({
  case_number,
  position,
  decision_date: '2017-01-05',
  date_of_injury: null,
  date_received: '2016-12-01',
  reviewer_specialty: 'Pain Management',
  category,
  subcategory,
  decision,
  letter_url: `https://www.dir.ca.gov/x/${case_number}.pdf`,
  pdf_status: 'fetched',
  pdf_error: '',
  fetched_at: '2024-01-01T00:00:00.000Z',
  sha256: 'ab',
});
const item = (case_number: string | null, item_no: number, decision: Decision): LetterService => ({
  letter_id: case_number ?? 'H-1',
  case_number,
  item_no,
  decision,
});

describe("matching a letter's services to the state's rows", () => {
  it('matches by case, then position and decision, and counts every kind of mismatch', () => {
    const rows = [
      row('CM17-0000001', 1, 'Uphold'),
      row('CM17-0000001', 2, 'Overturn'),
      row('CM17-0000002', 1, 'Uphold'),
      row('CM17-0000002', 2, 'Uphold'),
      row('CM17-0000003', 1, 'Uphold'),
      row('CM17-0000004', 1, 'Overturn'),
      row('CM17-0000004', 2, 'Uphold'),
      row('CM17-0000001', 1, 'Uphold'), // seen twice in the manifest
    ];
    const services = [
      item('CM17-0000001', 2, 'Overturned'),
      item('CM17-0000001', 1, 'Upheld'), // both match, out of order
      item('CM17-0000002', 1, 'Upheld'),
      item('CM17-0000002', 2, 'Overturned'), // position 2 differs
      item('CM17-0000003', 1, 'Upheld'),
      item('CM17-0000003', 2, 'Upheld'), // letter has one more
      item('CM17-0000009', 1, 'Upheld'),
      item(null, 1, 'Upheld'), // not in the manifest
    ];
    const { matches, stateOnly, counts } = matchServices(services, rows);
    expect(matches.map((m) => [m.letter_id, m.item_no, m.row.position, m.row.decision])).toEqual([
      ['CM17-0000001', 1, 1, 'Uphold'],
      ['CM17-0000001', 2, 2, 'Overturn'],
      ['CM17-0000002', 1, 1, 'Uphold'],
    ]);
    expect(counts).toEqual({
      matched: 3,
      decision_mismatch: 1,
      count_mismatch_letters: 1,
      count_mismatch_services: 2,
      letter_only: 2,
      state_only: 2,
    });
    expect(stateOnly.map((r) => [r.case_number, r.position])).toEqual([
      ['CM17-0000004', 1],
      ['CM17-0000004', 2],
    ]);
  });

  it.each([
    ['Uphold', 'Upheld'],
    ['upheld', 'Upheld'],
    ['Overturn', 'Overturned'],
    [' Overturned ', 'Overturned'],
    ['Partial Overturn', null],
    ['', null],
  ])("the state's decision %j is %j", (s, d) => expect(stateDecision(s)).toBe(d));
});

describe('the agreement report', () => {
  it.each([
    ['Calcium Cannel Blocker', 'Calcium Channel Blocker'],
    ['"Imaging *  Radiology"', 'Imaging & Radiology'],
    ['Opoid Antagonist', 'Opioid Antagonist'],
    ['  Opioids ', 'Opioids'],
  ])("reads the state's %j as %j", (s, name) => expect(stateName(s)).toBe(name));

  it('counts agreement overall and per category, and lists the commonest disagreements first', () => {
    const coded = (rc: string, rs: string, sc: string, ss: string) => ({
      rules_category: rc,
      rules_subcategory: rs,
      state_category: sc,
      state_subcategory: ss,
    });
    const text = agreement([
      coded('Pharmaceuticals', 'Opioids', 'Pharmaceuticals', 'Opioids'),
      coded(
        'Pharmaceuticals',
        'Calcium Channel Blocker',
        'Pharmaceuticals',
        'Calcium Cannel Blocker',
      ),
      coded('Pharmaceuticals', 'NSAID', 'Pharmaceuticals', 'Opioids'),
      coded('Unclassified', 'Unclassified', 'Rehabilitation', 'Acupuncture'),
      coded('Unclassified', 'Unclassified', 'Rehabilitation', 'Acupuncture'),
    ]);
    expect(text.split('\n')).toEqual([
      "agreement of the project's rules with the state's coding: 5 services coded by both",
      '  category: 3 (60.0%); category and subcategory: 2 (40.0%); unclassified by the rules: 2',
      "  by the state's category: services, category agrees, subcategory agrees",
      '    Pharmaceuticals                   3  100.0%   66.7%',
      '    Rehabilitation                    2    0.0%    0.0%',
      '  most common disagreements:',
      '       2  state: Rehabilitation / Acupuncture  <-  rules: Unclassified / Unclassified',
      '       1  state: Pharmaceuticals / Opioids  <-  rules: Pharmaceuticals / NSAID',
    ]);
  });
});

describe('reading manifests', () => {
  const HEADER =
    'case_number,position,decision_date,date_of_injury,date_received,reviewer_specialty,category,subcategory,decision,letter_url,pdf_status,pdf_error,fetched_at,sha256';
  it('reads every manifest.csv under a folder and names each row it cannot read', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'q1'));
    writeFileSync(
      join(dir, 'manifest.csv'),
      `${HEADER}\nCM17-0000001,1,2017-01-05,,2016-12-01,Pain Management,Injection,Facet Injection,Overturn,u,fetched,,t,ab\n`,
    );
    writeFileSync(
      join(dir, 'q1', 'manifest.csv'),
      `${HEADER}\nCM17-0000002,x,2017-01-05,,,A,B,C,Uphold,u,not fetched,,,\nCM17-0000003,1,5/1/2017,,,A,B,C,Uphold,u,not fetched,,,\n`,
    );
    const m = readManifests(dir);
    expect(m.rows).toEqual([
      {
        ...row('CM17-0000001', 1, 'Overturn', 'Injection', 'Facet Injection'),
        letter_url: 'u',
        fetched_at: 't',
        manifest: 'manifest.csv',
      },
    ]);
    expect(m.problems).toEqual([
      'q1/manifest.csv line 2: position "x": Invalid input: expected number, received NaN',
      expect.stringMatching(/^q1\/manifest\.csv line 3: decision_date "5\/1\/2017": /),
    ]);
  });

  it('names the columns a file lacks', () => {
    expect(parseManifest('case_number,position\nCM17-0000001,1\n', 'm.csv').problems).toEqual([
      'm.csv: no column decision_date, date_of_injury, date_received, reviewer_specialty, category, subcategory, decision, letter_url, pdf_status, pdf_error, fetched_at, sha256',
    ]);
  });
});

describe('a case the state lists without a letter (metadata only)', () => {
  const sourced = (r: ManifestRow) => ({ ...r, manifest: 'q1/manifest.csv' });
  const coded = (
    c: string,
    pos: number,
    decision: string,
    cat: string,
    sub: string,
    spec: string,
  ) => sourced({ ...row(c, pos, decision, cat, sub), reviewer_specialty: spec });

  it.each([
    // specialty as the state writes it, as letters' specialties are normalised
    ['Physical Medicine and Rehabilitation', 'Physical Medicine & Rehabilitation'],
    ['Allergy and  Immunology', 'Allergy and Immunology'],
    ['Pain Management', 'Pain Management'],
    ['', null],
  ])('reads the specialty %j as %j', (raw, specialty) => {
    const { letter } = metadataCase([
      coded('CM17-0000005', 1, 'Uphold', 'Injection', 'Injection', raw),
    ]);
    expect(letter.reviewer_specialty).toBe(specialty);
  });

  it.each([
    [['Uphold', 'Uphold'], 'Upheld'],
    [['Overturn'], 'Overturned'],
    [['Overturn', 'Uphold'], 'Partially Overturned'],
    [['Partial Overturn'], null],
  ])('gives the decisions %j the case outcome %j', (decisions, outcome) => {
    const rows = decisions.map((d, i) =>
      coded('CM17-0000006', i + 1, d, 'DMEPOS', 'DME', 'Pain Management'),
    );
    expect(metadataCase(rows).letter.case_outcome).toBe(outcome);
  });

  it("holds the state's coding as the services, and flags what it lacks", () => {
    const { letter, items } = metadataCase([
      coded(
        'CM17-0000007',
        1,
        'Overturn',
        'Pharmaceuticals',
        'Calcium Cannel Blocker',
        'Internal Medicine',
      ),
      coded('CM17-0000007', 2, 'Partial', 'Transportation', '', 'Internal Medicine'),
    ]);
    expect(letter).toMatchObject({
      letter_id: 'CM17-0000007',
      case_number: 'CM17-0000007',
      program: 'DWC',
      decision_date: '2017-01-05',
      application_received: '2016-12-01',
      item_count: 2,
      source_file: 'q1/manifest.csv#CM17-0000007',
      synthetic: false,
      flags: [
        METADATA_FLAG,
        `item 2: the state's decision "Partial" is neither Uphold nor Overturn`,
      ],
    });
    expect(letter.source_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(items).toEqual([
      {
        letter_id: 'CM17-0000007',
        item_no: 1,
        decision: 'Overturned',
        category: 'Pharmaceuticals',
        subcategory: 'Calcium Channel Blocker',
        treatment: 'Calcium Channel Blocker',
        service: 'Calcium Channel Blocker',
        state_category: 'Pharmaceuticals',
        state_subcategory: 'Calcium Channel Blocker',
        state_decision: 'Overturn',
        category_source: 'state',
        treatment_type: 'Pharmaceuticals',
      },
      expect.objectContaining({
        item_no: 2,
        decision: null,
        subcategory: null,
        treatment: 'Transportation',
        // the crosswalk lists Transportation / Transportation, not a blank subcategory
        treatment_type: null,
      }),
    ]);
  });

  it('groups rows by case, in order of position, and hashes each case by its rows', () => {
    const rows = [
      coded('CM17-0000008', 2, 'Uphold', 'DMEPOS', 'DME', 'Neurology'),
      coded('CM17-0000009', 1, 'Uphold', 'DMEPOS', 'DME', 'Neurology'),
      coded('CM17-0000008', 1, 'Overturn', 'Injection', 'Injection', 'Neurology'),
    ];
    const cases = metadataCases(rows);
    expect(cases.map((c) => [c.letter.letter_id, c.items.map((i) => i.item_no)])).toEqual([
      ['CM17-0000008', [1, 2]],
      ['CM17-0000009', [1]],
    ]);
    const again = metadataCases([{ ...rows[0], decision: 'Overturn' }, rows[1], rows[2]]);
    expect(again[0].letter.source_sha256).not.toBe(cases[0].letter.source_sha256);
    expect(again[1].letter.source_sha256).toBe(cases[1].letter.source_sha256);
  });
});
