// Classification rules, read top to bottom: the first pattern that matches a treatment wins.
// Patterns are case-insensitive regular expressions; categories and subcategories are the
// state's (model/taxonomy.json). A test checks every pair against that vocabulary.

/** Procedures and services checked before the drug lexicon (a trigger point injection with lidocaine is an injection). */
export const BEFORE_DRUGS: [string, string, string][] = [
  ['\\b(compound(ed)?|cream base)\\b|\\d%.*,.*\\d%', 'Pharmaceuticals', 'Topical Compounds'],
  [
    '\\b(infrared|massage|myofascial|shockwave|ESWT|pulsed ultrasound|therapeutic ultrasound|manual therapy|diathermy|paraffin|iontophoresis|phonophoresis)\\b',
    'Rehabilitation',
    'Other Therapies',
  ],
  [
    '\\b(psycholog\\w*|psychiatric|neuropsycholog\\w*) (testing|evaluation|consult\\w*)',
    'Psych Services',
    'Evaluation & Management',
  ],
  [
    '\\bfacet\\b|medial branch|radiofrequency (ablation|neurotomy|rhizotomy)|\\brhizotomy\\b',
    'Injection',
    'Facet Injection',
  ],
  [
    '\\b(epidural|ESI|trigger point|nerve block|platelet[- ]rich|PRP|neurolytic|sacroiliac|SI joint injection|steroid injection|cortisone injection|botox|stellate|intra-?articular)\\b',
    'Injection',
    'Injection',
  ],
  ['\\binjection\\b', 'Injection', 'Injection'],
  [
    '\\b(lumbar|cervical|thoracic|spinal) (fusion|laminectomy|discectomy|decompression|laminotomy)|\\b(fusion|laminectomy|discectomy|foraminotomy|kyphoplasty|neuroplasty|spinal cord stimulator)\\b',
    'Surgery',
    'Spine',
  ],
  ['\\barthroscop', 'Surgery', 'Arthroscopic Surgery'],
  [
    '\\b(pre-?op(erative)?|post-?op(erative)?|assistant (surgeon|PA)|PA assist|surgical assistant|associated surgical|cold therapy unit|sling)\\b(?!.*\\b(percocet|norco|colace|zofran|ondansetron)\\b)',
    'Surgery',
    'Adjunct Surgical Services',
  ],
  ['\\bconsult(ation)? with\\b|\\bspecialist\\b', 'Evaluation & Management', 'Medical Specialties'],
  [
    '\\b(arthroplasty|replacement|repair|release|reconstruction|excision|debridement|osteotomy|ORIF|carpal tunnel|tenodesis|meniscectomy|surgery|surgical)\\b(?!.*\\b(specialist|consult|evaluation|eval)\\b)',
    'Surgery',
    'Non-arthroscopic Surgery',
  ],
];

/** Drug names, brand and generic, to the state's drug class (subcategory of Pharmaceuticals). */
export const DRUGS: Record<string, string> = Object.fromEntries(
  Object.entries({
    Opioids:
      'norco|hydrocodone|vicodin|percocet|oxycodone|oxycontin|tramadol|ultram|ultracet|nucynta|tapentadol|morphine|ms contin|methadone|fentanyl|duragesic|hydromorphone|dilaudid|oxymorphone|opana|codeine|tylenol (#|no\\.? ?)3|buprenorphine|butrans|suboxone|trezix|synapryn|kadian|zohydro|hysingla|xtampza|belbuca|lortab|roxicodone',
    'Muscle Relaxant':
      'cyclobenzaprine|flexeril|fexmid|amrix|tabradol|baclofen|tizanidine|zanaflex|carisoprodol|soma|methocarbamol|robaxin|metaxalone|skelaxin|orphenadrine|norflex|chlorzoxazone|lorzone|parafon|dantrolene',
    NSAID:
      'ibuprofen|motrin|advil|naproxen|anaprox|naprosyn|celecoxib|celebrex|meloxicam|mobic|etodolac|lodine|nabumetone|relafen|diclofenac|voltaren|arthrotec|ketorolac|toradol|indomethacin|indocin|ketoprofen|piroxicam|feldene|oxaprozin|daypro|fenoprofen|nalfon|duexis|vimovo',
    'Topical Analgesics':
      'lidoderm|lidocaine|lidopro|flector|pennsaid|salonpas|capsaicin|menthoderm|terocin|biofreeze|ben-?gay|anecream|cyclophene|ketophene|medrox',
    'Anti-epilepsy drugs':
      'gabapentin|neurontin|gralise|fanatrex|pregabalin|lyrica|topiramate|topamax|carbamazepine|tegretol|oxcarbazepine|lamotrigine|lamictal|levetiracetam|keppra',
    Antidepressant:
      'nortriptyline|pamelor|amitriptyline|elavil|duloxetine|cymbalta|venlafaxine|effexor|sertraline|zoloft|fluoxetine|prozac|citalopram|celexa|escitalopram|lexapro|paroxetine|paxil|bupropion|wellbutrin|trazodone|desyrel|mirtazapine|remeron|desipramine|doxepin|imipramine|savella',
    'Proton Pump Inhibitors':
      'omeprazole|prilosec|pantoprazole|protonix|esomeprazole|nexium|lansoprazole|prevacid|rabeprazole|aciphex|dexlansoprazole|dexilant',
    'H2 Blocker': 'famotidine|pepcid|ranitidine|zantac|deprizine|cimetidine|tagamet',
    Benzodiazepine:
      'diazepam|valium|alprazolam|xanax|lorazepam|ativan|clonazepam|klonopin|temazepam|restoril',
    'Sedative-hypnotics':
      'zolpidem|ambien|eszopiclone|lunesta|zaleplon|sonata|dicopanol|suvorexant|belsomra|ramelteon',
    Antiemetic: 'ondansetron|zofran|promethazine|phenergan|metoclopramide|reglan|meclizine',
    'GI Agents':
      'colace|docusate|senna|senokot|lactulose|linaclotide|linzess|amitiza|lubiprostone|movantik|relistor|miralax|dulcolax|bisacodyl|misoprostol|cytotec|sucralfate',
    'Impotence Agents': 'viagra|sildenafil|cialis|tadalafil|levitra|vardenafil',
    'Antimigraine Agent': 'sumatriptan|imitrex|rizatriptan|maxalt|fioricet|zolmitriptan',
    Stimulants: 'modafinil|provigil|armodafinil|nuvigil|adderall|methylphenidate|ritalin',
    'Atypical Antipsychotic':
      'quetiapine|seroquel|aripiprazole|abilify|olanzapine|zyprexa|risperidone|risperdal',
    AntiAnxiety: 'buspirone|buspar|hydroxyzine|vistaril|atarax',
    Antihistamine: 'diphenhydramine|benadryl|cetirizine|loratadine|cyproheptadine',
    'Nutritional Products':
      'theramine|sentradine|gabadone|trepadone|vitamin|supplement|medical food|glucosamine|chondroitin|fish oil|omega',
    'Misc Analgesics': 'acetaminophen|tylenol|apap',
    'Adrenal Cortical Steroids':
      'prednisone|medrol|methylprednisolone|dexamethasone|decadron|prednisolone',
    Antihypertensive: 'lisinopril|losartan|hydrochlorothiazide|amlodipine|clonidine',
    Antidiabetics: 'metformin|insulin|glipizide|januvia',
    'Anti-coagulant':
      'warfarin|coumadin|enoxaparin|lovenox|xarelto|rivaroxaban|eliquis|apixaban|aspirin',
    Statin: 'atorvastatin|lipitor|simvastatin|zocor|rosuvastatin|crestor|pravastatin',
    'Opioid Antagonist': 'naloxone|narcan|naltrexone',
    'Anti-infectives':
      'cephalexin|keflex|ciprofloxacin|cipro|amoxicillin|augmentin|doxycycline|clindamycin|bactrim',
    Hormones: 'testosterone|androgel|levothyroxine|synthroid|estradiol',
    Viscosupplementation: 'synvisc|hyaluronic|euflexxa|orthovisc|supartz|hyalgan|gel-one|monovisc',
    Cannabinoids: 'marinol|dronabinol|cannabis|marijuana|cesamet',
  }).flatMap(([cls, names]) => names.split('|').map((n) => [n, cls])),
);

/** Everything else, checked after the drug lexicon. */
export const AFTER_DRUGS: [string, string, string][] = [
  [
    '\\b(MRI|MR arthrogram|CT|CAT scan|x-?rays?|radiograph|bone scan|ultrasound(?! (therapy|treatment))|imaging|myelogram|discogram|DEXA|scan)\\b(?!.*\\b(therapy|treatment)\\b)',
    'Diagnostic Testing',
    'Imaging & Radiology',
  ],
  ['\\b(EMG|NCV|NCS|nerve conduction|electromyograph|SSEP)', 'Diagnostic Testing', 'EMG/NCV/NCS'],
  [
    '\\b(lab(s|oratory)?|urine|urinalysis|drug screen|toxicology|CBC|CMP|BMP|PT/PTT|blood (test|work|panel)|hepatic|renal function|genetic|DNA)\\b',
    'Diagnostic Testing',
    'Lab & Pathology',
  ],
  [
    '\\b(EKG|ECG|electrocardiogram|electroencephalogram|EEG|functional capacity evaluation|FCE|sleep study|polysomnogra|jamar|grip (strength )?test|range of motion (of )?test|computeri[sz]ed (ROM|range)|pulmonary function|audiogram|videonystagmography|stress test)\\b',
    'Diagnostic Testing',
    'Other Diagnostic Tests',
  ],
  ['\\b(acupuncture|electro-?acupuncture)', 'Rehabilitation', 'Acupuncture'],
  [
    '\\b(chiro\\w*|spinal manipulation|manipulation therapy|manipulative)',
    'Rehabilitation',
    'Chiropractic',
  ],
  [
    '\\b(physical therapy|occupational therapy|PT/OT|physiotherapy|PT|OT|hand therapy|aquatic therapy|pool therapy|therapeutic exercise|work (hardening|conditioning)|inpatient rehabilitation|rehabilitation unit)\\b',
    'Rehabilitation',
    'Physical Therapy/Occupational Therapy (PT/OT)',
  ],
  [
    '\\b(TENS|E-?stim|electrical (muscle )?stimulat\\w*|interferential|IF unit|H-wave|neuromuscular stimulat\\w*|NMES)\\b',
    'DMEPOS',
    'Electrical Stimulation',
  ],
  [
    '\\b(braces?|orthotics?|orthosis|insoles?|splint|prosthe\\w*|hearing aids?|compression (stockings|garment))\\b',
    'DMEPOS',
    'Prosthetics/Orthotics',
  ],
  [
    '\\b(gloves|wipes|dressings?|electrodes|batteries|supplies|catheters?|bandages?)\\b',
    'DMEPOS',
    'Supplies',
  ],
  [
    '\\b(wheelchair|walker|cane|commode|shower chair|bath\\w* chair|hospital bed|back support|lumbar support|pad|wrap|hot/cold|heat(ing)? (unit|pad)|cold (therapy|pack)|ice (unit|machine)|cryo\\w*|traction|mattress|pillow|workstation|chair|scooter|lift|DME|unit|machine|device)\\b',
    'DMEPOS',
    'DME',
  ],
  [
    '\\b(psych\\w*|cognitive behavio\\w*|CBT|biofeedback|counsel\\w*|hypnotherapy|mental health)\\b',
    'Psych Services',
    'Therapies',
  ],
  [
    '\\b(functional restoration|HELP program|interdisciplinary|multidisciplinary|pain program|detox\\w*|weight loss program|gym membership|health club|pool membership|YMCA)\\b',
    'Programs',
    'Programs',
  ],
  [
    '\\b(home health|home aide|home care|RN|nurse|nursing|caregiver|home assistance|attendant)\\b',
    'Home Health',
    'Home Health',
  ],
  ['\\b(transport\\w*|ambulance|mileage|taxi)\\b', 'Transportation', 'Transportation'],
  ['\\b(dental|dentist|teeth|tooth|oral surgeon)\\b', 'Evaluation & Management', 'Dental Services'],
  [
    '\\b(consult\\w*|referral|evaluation|eval|office visit|follow[- ]?up|re-?exam|TOC|transfer of care|specialist|visit|clearance|medication management)\\b',
    'Evaluation & Management',
    'Medical Specialties',
  ],
  [
    '\\b(ultrasound|laser|heat therapy|cold therapy|mechanical traction|kinesio|modalities)\\b',
    'Rehabilitation',
    'Other Therapies',
  ],
];
