// The DMHC data set's category labels, as data: one canonical name for each concept, with every
// spelling the years of one download use for it. etl/dmhc/vocabulary.ts reads these lists;
// spellings are matched without case, spaces or punctuation ("Gen Surg proc" is "Gen Surg Proc").
// The canonical names are the 2001-2016 file's words (its "Neurosugery" mended), so a file in
// either vocabulary gives the same names, and etl/letters/classify/rules/treatment-types.json is keyed by them.
// The later spellings are those of ../shared/reference/dmhc/README.md (public analyses of the
// current download). Newer rows also name CPT sections ("Radio Proc", "Path Lab Serv") and ICD
// chapters ("Nervous System", "Neoplasms (Tumor)"): a section or chapter that is one of the
// older concepts is put with it, the others are canonical names of their own.

/** Treatment categories: canonical name -> its other spellings. */
export const TREATMENT_CATEGORIES: Record<string, string[]> = {
  'Acute Medical Services - Inpatient': ['Acute Med Svc Inpt'],
  'Acute Medical Services - Outpatient': [],
  'Alternative Treatment': ['Alternative Tx'],
  'Autism Related Treatment': ['Autism Related Tx'],
  'Cancer Treatment': ['Cancer Care'],
  'Cardio Vascular': ['Cardio-Vasc Proc'],
  Chiropractic: ['Chiropractic Care', 'Chiropractic Services'],
  'Dental/Orthodontic': ['Dent/Orthodont Proc'],
  'Diagnostic Imaging, Screening and Testing': ['Diag Imag & Screen'],
  'Diagnostic/Physician Evaluation': ['Diag/ MD Eval'],
  // Diabetic pumps, monitors and supplies are durable medical equipment.
  'Durable Medical Equipment': ['DME', 'Durable Med Equip', 'Diabetic Equipment'],
  'Ear, Nose and Throat Procedures': ['Ear-Nose-Thro Proc'],
  'Electrical/ Thermal/ Radiofreq. Interventions': ['Elect/Therm/Radfreq'],
  'Emergency/Urgent Care': ['Emergency/Urg Care'],
  'General Surgery': ['Gen Surg Proc'],
  'Home Health Care': [],
  'Mental Health Treatment': ['Mental Health'],
  Neurosurgery: ['Neurosugery', 'Neurosurgery Proc'],
  'Not Applicable': [],
  'OB/GYN Procedures': ['Ob-Gyn Proc'],
  Ophthalmology: ['Ophthalmology Proc'],
  Orthopedic: ['Orthopedic Proc', 'Ortho Proc Serv'],
  'Pain Management': [],
  'Pharmacy/Prescription Drugs': ['Pharmacy'],
  'Preventive Health Screening': ['Prev Health Screen'],
  'Reconstructive/Plastic Surgery': ['Reconstr/Plast Proc'],
  'Rehabilitation Services - Outpatient': ['Rehab/ Svc - Outpt'],
  'Rehabilitation Services - Skilled Nursing Facility - Inpatient': ['Rehab/Svcs SNF Inpt'],
  'Special Procedure': ['Special Proc'],
  Urology: ['Urology Proc'],
  // "Vision Services" was renamed "Vision Services/Ophthalmology" about 2019.
  Vision: ['Vision Services', 'Vision Services/Ophthalmology'],
  // Newer concepts, and CPT sections that are none of the older ones.
  Transportation: [],
  'Managed Long-Term Services and Supports': ['MLTSS'],
  'Pathology and Laboratory': ['Path Lab Serv'],
  Surgery: [],
  'Medicine Services and Procedures': ['Medicine Serv Proc'],
  'Radiology Procedures': ['Radio Proc'],
  'Evaluation and Management': ['Eval and Mgmt'],
};

/** Diagnosis categories: canonical name -> its other spellings (ICD chapters included). */
export const DIAGNOSIS_CATEGORIES: Record<string, string[]> = {
  'Alcohol and Drug Addiction': [],
  'Autism Spectrum': [],
  'Blood Related': ['Blood Related Disord', 'Diseases of Blood'],
  Cancer: ['Neoplasms (Tumor)'],
  'Cardiac/Circulatory': ['Cardiac/Circ Problem', 'Circulatory System'],
  'Central Nervous System/ Neuromuscular': ['CNS/ Neuromusc Dis', 'Nervous System'],
  'Chronic Pain': ['Chron Pain Synd'],
  Dental: ['Dental Problems'],
  'Digestive System/ Gastrointestinal': ['Digestive System/ GI', 'Digest System'],
  'Ears, Nose, Throat': ['Ears/Nose/Throat', 'Ear and Mastoid'],
  'Endocrine/ Metabolic': ['Endocrine/Metabolic', 'Endo/Metabolic'],
  Foot: ['Foot Disorder'],
  // Congenital malformations and chromosomal abnormalities (ICD chapter 17).
  Genetic: ['Genetic Diseases', 'Malfor/Deform/Abnor'],
  'Genitourinary/ Kidney': ['GU/ Kidney Disorder', 'Genitourinary Sys'],
  Immunologic: ['Immuno Disorders'],
  Infectious: ['Infectious Disease', 'Infect/Parasit Dx'],
  Mental: ['Mental Disorder', 'Mental Behav Neur'],
  'Morbid Obesity': [],
  'Not Applicable': [],
  'OB-Gyn/ Pregnancy': [],
  'Organ Failure': [],
  'Orthopedic/ Musculoskeletal': ['Orth/Musculoskeletal', 'Musculoskeletal'],
  Other: [],
  Pediatrics: [],
  'Post Surgical Complication': ['Post Surgical Comp'],
  // Pregnancy and childbirth alone (ICD chapter 15), beside the older OB-Gyn/ Pregnancy.
  'Pregnancy/Childbirth': ['Pregnancy Childbirth'],
  // Factors influencing health status and contact with health services (ICD chapter 21).
  'Prevention/Good Health': ['Prevention/Good Hlth', 'Hlth Factor/Contact'],
  'Respiratory System': ['Resp System'],
  Skin: ['Skin Disorders', 'Skin Subcutaneous'],
  // Symptoms, signs and abnormal findings not elsewhere classified (ICD chapter 18).
  'Symptoms and Abnormal Findings': ['Sym/Sign Ab Find'],
  'Trauma/Injuries': ['Injury Poison Oth'],
  Vision: ['Disease Eye Adnexa'],
};

/** Subcategory abbreviations known to mean a 2001-2016 subcategory: abbreviation -> that name. */
export const SUBCATEGORIES: Record<string, string> = {
  'RTC/ Admit': 'Residential Treatment Center - Admission',
  'SCP Consult Refer': 'Specialty Consultation Referral',
};
