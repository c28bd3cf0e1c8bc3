// The phrases case summaries introduce the diagnoses with; the list runs to the sentence's end.
const DIAGNOSIS = new RegExp(
  '\\b(?:(?:currently )?diagnosed (?:with|as having)|diagnos[ie]s (?:that )?(?:of|included?|were|are|was|is)|' +
    'Diagnoses, and-or impressions, were noted to include:|undergoing treatment for|being treated for(?! the diagnos))\\s+(?:an? )?([^.]+?)\\.(?:\\s|$)',
  'i',
);

/** Age, gender and diagnoses, from the case summary's sentences. */
export function readPatient(flat: string) {
  const text = flat.replace(/\n/g, ' ');
  const m =
    /\b(\d{1,3})[- ]year[- ]old,? (?:[a-z-]+ ){0,3}?(male|female|man|woman|gentleman|lady)\b/i.exec(
      text,
    );
  const g = m?.[2].toLowerCase();
  const diagnosis = DIAGNOSIS.exec(text);
  return {
    patient_age: m ? Number(m[1]) : null,
    patient_gender:
      g === 'male' || g === 'man' || g === 'gentleman'
        ? ('male' as const)
        : g
          ? ('female' as const)
          : null,
    diagnoses: diagnosis
      ? diagnosis[1]
          .split(/[,;]\s*(?:and\s+)?|\s+and\s+/)
          .map((d) => d.replace(/["“”]/g, '').trim())
          .filter(Boolean)
      : [],
  };
}
