// Classification rules, read top to bottom: the first pattern that matches a treatment wins.
// Patterns are case-insensitive regular expressions; categories and subcategories are the
// state's (model/taxonomy.json). A test checks every pair against that vocabulary. A service
// is classified by what it is: words of surgical context ("Associated surgical service:",
// "post-op", "pre-operative") are taken out first (see SURGICAL_CONTEXT).

export type Rule = [pattern: string, category: string, subcategory: string];

/** Words saying a service goes with a surgery; kept as the item's surgical_context. */
export const SURGICAL_CONTEXT =
  '\\b(?:associated surgical services?|post[- ]?op(?:erative(?:ly)?)?|pre[- ]?op(?:erative(?:ly)?)?|peri-?operative)\\b:?';

// A modality (heat, stimulation, traction, ...) given in sessions is a therapy visit; the
// same word with one of these is equipment.
const EQUIPMENT = '\\b(?:units?|rentals?|rent|purchase|device|machines?|stimulators?|system)\\b';
const PT_MODALITY =
  '\\b(?:electrical (?:muscle )?stimulation|e-?stim|EMS|ultrasound|traction|infrared|ice|heat|hot/cold|cold|manual therapy|therapeutic exercises?|therapeutic activit\\w+|modalities|gait training|neuromuscular re-?education)\\b';
const SESSIONS =
  '\\b(?:sessions?|visits?|treatments?|times|x\\s?\\d+|\\d+\\s?x|per week|a week|weekly)\\b';

/** Procedures and services checked before the drug lexicon (a trigger point injection with lidocaine is an injection). */
export const BEFORE_DRUGS: Rule[] = [
  ['\\b(?:electro-?\\s?acupuncture|acupuncture|acupressure)', 'Rehabilitation', 'Acupuncture'],
  [
    '\\b(?:compound(?:ed|ing)?|cream base)\\b|\\d\\s?%.*,.*\\d\\s?%',
    'Pharmaceuticals',
    'Topical Compounds',
  ],
  [
    '\\b(?:psycholog\\w*|psychiatric|neuropsycholog\\w*|psych) (?:testing|evaluation|eval|consult\\w*|assessment)',
    'Psych Services',
    'Evaluation & Management',
  ],
  [
    '\\bfacet\\b|medial branch|radiofrequency (?:ablation|neurotomy|rhizotomy)|\\brhizotomy\\b',
    'Injection',
    'Facet Injection',
  ],
  [
    '\\b(?:epidural|ESI|trigger point|nerve block|platelet[- ]rich|PRP|neurolytic|sacroiliac|SI joint injection|steroid injection|cortisone injection|botox|stellate|intra-?articular|joint injection|genicular)\\b',
    'Injection',
    'Injection',
  ],
  [
    '\\b(?:lumbar|cervical|thoracic|spinal) (?:fusion|laminectomy|discectomy|decompression|laminotomy)|\\b(?:fusion|laminectomy|discectomy|foraminotomy|kyphoplasty|neuroplasty|adhesiolysis|spinal cord stimulator)\\b',
    'Surgery',
    'Spine',
  ],
  ['\\barthroscop', 'Surgery', 'Arthroscopic Surgery'],
  [
    '^(?=.*\\b(?:consult\\w*|evaluation|eval|referral|refer|TOC|transfer of care|second opinion|visit|follow[- ]?up)\\b)(?=.*\\b(?:surgeons?|surgical|surgery|neurosurg\\w*|orthopa?edic|ortho|replacement specialist|spine specialist)\\b)',
    'Surgery',
    'Surgical Consult',
  ],
  [
    '\\b(?:assistant (?:surgeon|PA)|PA assist\\w*|assist(?:ant|ing)? surgeon|surgical assist\\w*|co-?surgeon|clearance|inpatient (?:hospital )?(?:stay|days?|admission)|hospital stay|length of stay|overnight stay|anesthesia|anesthesiologist)\\b',
    'Surgery',
    'Adjunct Surgical Services',
  ],
];

/** Everything else, checked after the drug lexicon. */
export const AFTER_DRUGS: Rule[] = [
  [
    '\\b(?:MRI|MR arthrogram|CT|CAT scan|x-?rays?|radiograph|bone scan|imaging|myelogram|discogram|DEXA|scan)\\b|\\bultrasound\\b(?!.*\\b(?:therapy|treatment|sessions?|times|x\\s?\\d|\\d\\s?x|a week|per week)\\b)',
    'Diagnostic Testing',
    'Imaging & Radiology',
  ],
  ['\\b(?:EMG|NCV|NCS|nerve conduction|electromyograph)', 'Diagnostic Testing', 'EMG/NCV/NCS'],
  [
    '\\b(?:lab(?:s|oratory)?|urine|urinalysis|drug screen|drug test|toxicology|CBC|CMP|BMP|PT/PTT|PT/INR|blood (?:test|work|panel)|hepatic|renal function|genetic|DNA)\\b',
    'Diagnostic Testing',
    'Lab & Pathology',
  ],
  [
    '\\b(?:EKG|ECG|electrocardiogram|electroencephalogram|EEG|functional capacity evaluation|FCE|sleep study|polysomnogra\\w*|jamar|grip (?:strength )?test|range of motion (?:of )?test|computeri[sz]ed (?:ROM|range)|pulmonary function|SSEP|somatosensory|evoked potentials?|audiogram|videonystagmography|VNG|stress test)\\b',
    'Diagnostic Testing',
    'Other Diagnostic Tests',
  ],
  [
    `^(?=.*\\bchiro)(?=.*\\b(?:evaluation|eval|re-?exam\\w*)\\b)(?!.*${SESSIONS})`,
    'Evaluation & Management',
    'Medical Specialties',
  ],
  [
    '\\b(?:chiro\\w*|spinal manipulation|manipulation therapy|manipulative)',
    'Rehabilitation',
    'Chiropractic',
  ],
  [
    '\\b(?:massage|myofascial|shockwave|ESWT|paraffin|diathermy|iontophoresis|phonophoresis|laser therapy|cold laser|kinesio taping|whirlpool)\\b(?!.*' +
      EQUIPMENT +
      ')',
    'Rehabilitation',
    'Other Therapies',
  ],
  [
    '\\b(?:physical therapy|occupational therapy|PT/OT|physiotherapy|PT|OT|hand therapy|aquatic therapy|pool therapy|water therapy|work (?:hardening|conditioning)|inpatient rehabilitation|rehabilitation unit|acute rehab\\w*)\\b',
    'Rehabilitation',
    'Physical Therapy/Occupational Therapy (PT/OT)',
  ],
  [
    `^(?!.*${EQUIPMENT})(?=.*${PT_MODALITY})(?=.*${SESSIONS})`,
    'Rehabilitation',
    'Physical Therapy/Occupational Therapy (PT/OT)',
  ],
  [
    '\\b(?:braces?|orthotics?|orthosis|orthoses|insoles?|splints?|slings?|(?:back|lumbar|lumbosacral|knee|wrist|ankle|arch|abdominal|elbow|thumb|cervical) supports?|collar|corset|binder|prosthe\\w*|hearing aids?|compression (?:stockings|garments?|sleeves?))\\b',
    'DMEPOS',
    'Prosthetics/Orthotics',
  ],
  [
    '\\b(?:gloves|wipes|dressings?|electrodes|batteries|supplies|catheters?|bandages?|wraps?|pads?|patch(?:es)?|tape|ice packs?|gel packs?)\\b',
    'DMEPOS',
    'Supplies',
  ],
  // Cold therapy not given in sessions is a cold therapy unit.
  [`^(?!.*${SESSIONS})(?=.*\\b(?:cold|cryo\\w*)\\b)`, 'DMEPOS', 'DME'],
  [
    `\\b(?:TENS|interferential|IF unit|H-wave|NMES|muscle stimulator)\\b|^(?=.*\\b(?:E-?stim|electrical (?:muscle )?stimulat\\w*|EMS|neuromuscular stimulat\\w*)\\b)(?=.*${EQUIPMENT})`,
    'DMEPOS',
    'Electrical Stimulation',
  ],
  [
    '\\b(?:wheelchair|walker|cane|crutch\\w*|commode|shower chair|bath\\w* chair|hospital bed|hot/cold|cold therapy|cold therapy unit|heat(?:ing)? unit|ice (?:unit|machine)|cryo\\w*|CPM|continuous passive motion|traction|mattress|pillow|workstation|chair|scooter|lift|DME|unit|machine|device)\\b',
    'DMEPOS',
    'DME',
  ],
  [
    '\\b(?:psych\\w*|cognitive behavio\\w*|CBT|biofeedback|counsel\\w*|hypnotherapy|mental health)\\b',
    'Psych Services',
    'Therapies',
  ],
  [
    '\\b(?:functional restoration|HELP program|interdisciplinary|multidisciplinary|pain program|detox\\w*|weight loss program|gym membership|health club|pool membership|YMCA)\\b',
    'Programs',
    'Programs',
  ],
  [
    '\\b(?:home health|home aide|home care|home support|RN|nurse|nursing|caregiver|home assistance|attendant)\\b',
    'Home Health',
    'Home Health',
  ],
  ['\\b(?:transport\\w*|ambulance|mileage|taxi)\\b', 'Transportation', 'Transportation'],
  [
    '\\b(?:dental|dentist|teeth|tooth|oral surgeon)\\b',
    'Evaluation & Management',
    'Dental Services',
  ],
  [
    '\\b(?:arthroplasty|replacement|repair|release|reconstruction|excision|debridement|osteotomy|ORIF|carpal tunnel|tenodesis|meniscectomy|surgery|surgical)\\b',
    'Surgery',
    'Non-arthroscopic Surgery',
  ],
  ['\\binjections?\\b', 'Injection', 'Injection'],
  [
    '\\b(?:consult\\w*|referral|evaluation|eval|office visit|follow[- ]?up|re-?exam|TOC|transfer of care|specialist|visit|medication management)\\b',
    'Evaluation & Management',
    'Medical Specialties',
  ],
  [
    '\\b(?:ultrasound|laser|heat therapy|infrared|e-?stim|electrical (?:muscle )?stimulation|mechanical traction|kinesio|modalities)\\b',
    'Rehabilitation',
    'Other Therapies',
  ],
];
