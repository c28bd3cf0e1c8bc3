// What the generator draws from: services by category with their shares of all services
// and uphold rates (after the published figures), and the guideline each side cites.
// Every name here must classify to the category and subcategory beside it (a test checks).

export interface Service {
  names: string[];
  category: string;
  subcategory: string;
  share: number;
  uphold: number;
  /** MTUS chapter the reviewer cites, and an optional outside guideline. */
  mtus: string;
  outside?: 'ODG' | 'ACOEM' | 'Other';
}

const DRUG = (names: string[], subcategory: string, share: number, uphold: number, outside?: Service['outside']): Service =>
  ({ names, category: 'Pharmaceuticals', subcategory, share, uphold, mtus: 'Chronic Pain Medical Treatment 2016', outside });

export const SERVICES: Service[] = [
  DRUG(['Norco 10/325mg #{n}', 'Hydrocodone/APAP 5/325mg #{n}', 'Tramadol 50mg #{n}', 'Oxycodone 10mg #{n}', 'Percocet 5/325mg #{n}'], 'Opioids', 0.13, 0.9),
  DRUG(['Cyclobenzaprine 7.5mg #{n}', 'Flexeril 10mg #{n}', 'Tizanidine 4mg #{n}', 'Baclofen 10mg #{n}', 'Soma 350mg #{n}'], 'Muscle Relaxant', 0.07, 0.95),
  DRUG(['Naproxen 550mg #{n}', 'Ibuprofen 800mg #{n}', 'Celebrex 200mg #{n}', 'Meloxicam 15mg #{n}'], 'NSAID', 0.05, 0.85),
  DRUG(['Lidoderm 5% patch #{n}', 'Voltaren 1% gel 100 grams', 'Terocin patch #{n}', 'Salonpas pad #{n}'], 'Topical Analgesics', 0.06, 0.94, 'ODG'),
  DRUG(['Compound Flurbiprofen 20% cream 180 grams', 'Compound Ketoprofen 10%, Gabapentin 6% cream 240 grams'], 'Topical Compounds', 0.05, 0.97),
  DRUG(['Gabapentin 600mg #{n}', 'Lyrica 75mg #{n}'], 'Anti-epilepsy drugs', 0.03, 0.84),
  DRUG(['Omeprazole 20mg #{n}', 'Pantoprazole 20mg #{n}'], 'Proton Pump Inhibitors', 0.03, 0.9),
  DRUG(['Duloxetine 30mg #{n}', 'Amitriptyline 25mg #{n}', 'Trazodone 50mg #{n}'], 'Antidepressant', 0.015, 0.72),
  DRUG(['Zolpidem 10mg #{n}', 'Ambien 5mg #{n}'], 'Sedative-hypnotics', 0.01, 0.96, 'ODG'),
  DRUG(['Ondansetron 4mg #{n}'], 'Antiemetic', 0.005, 0.95, 'ODG'),
  DRUG(['Diazepam 5mg #{n}', 'Alprazolam 0.5mg #{n}'], 'Benzodiazepine', 0.005, 0.97),
  { names: ['MRI of the lumbar spine without contrast', 'MRI of the cervical spine', 'X-rays of the left shoulder', 'CT scan of the thoracic spine', 'MRI of the right knee'],
    category: 'Diagnostic Testing', subcategory: 'Imaging & Radiology', share: 0.07, uphold: 0.88, mtus: 'Low Back Complaints 2004', outside: 'ODG' },
  { names: ['EMG/NCV of the bilateral lower extremities', 'NCS of the left upper extremity'],
    category: 'Diagnostic Testing', subcategory: 'EMG/NCV/NCS', share: 0.03, uphold: 0.86, mtus: 'Neck and Upper Back Complaints 2004' },
  { names: ['Urine drug screen', 'Complete blood count lab test'],
    category: 'Diagnostic Testing', subcategory: 'Lab & Pathology', share: 0.015, uphold: 0.9, mtus: 'Chronic Pain Medical Treatment 2016', outside: 'ODG' },
  { names: ['Functional capacity evaluation'], category: 'Diagnostic Testing', subcategory: 'Other Diagnostic Tests', share: 0.01, uphold: 0.93, mtus: 'General Approaches 2004', outside: 'ACOEM' },
  { names: ['Physical therapy {f} times a week for {w} weeks for the lumbar spine', 'Additional physical therapy, {s} sessions, right shoulder', 'Occupational therapy {f} times a week for {w} weeks'],
    category: 'Rehabilitation', subcategory: 'Physical Therapy/Occupational Therapy (PT/OT)', share: 0.1, uphold: 0.88, mtus: 'Chronic Pain Medical Treatment 2016' },
  { names: ['Acupuncture {f} times a week for {w} weeks', 'Electro-acupuncture, {s} sessions, cervical spine'],
    category: 'Rehabilitation', subcategory: 'Acupuncture', share: 0.04, uphold: 0.87, mtus: 'Acupuncture Treatment 2007' },
  { names: ['Chiropractic treatment {f} times a week for {w} weeks', 'Spinal manipulation, {s} visits'],
    category: 'Rehabilitation', subcategory: 'Chiropractic', share: 0.03, uphold: 0.9, mtus: 'Chronic Pain Medical Treatment 2016' },
  { names: ['Infrared heat therapy, {s} sessions', 'Massage therapy {f} times a week for {w} weeks', 'Extracorporeal shockwave therapy, {s} sessions'],
    category: 'Rehabilitation', subcategory: 'Other Therapies', share: 0.015, uphold: 0.95, mtus: 'Chronic Pain Medical Treatment 2016', outside: 'ODG' },
  { names: ['TENS unit, 30 day trial', 'Interferential stimulator rental'], category: 'DMEPOS', subcategory: 'Electrical Stimulation', share: 0.025, uphold: 0.94, mtus: 'Chronic Pain Medical Treatment 2016' },
  { names: ['Lumbar back brace', 'Custom orthotics'], category: 'DMEPOS', subcategory: 'Prosthetics/Orthotics', share: 0.015, uphold: 0.92, mtus: 'Low Back Complaints 2004', outside: 'ODG' },
  { names: ['Hot/cold therapy wrap', 'Shower chair purchase', 'Standard wheelchair rental'], category: 'DMEPOS', subcategory: 'DME', share: 0.025, uphold: 0.93, mtus: 'Knee Complaints 2004', outside: 'ODG' },
  { names: ['Lumbar epidural steroid injection at L4-5', 'Trigger point injections, 4 sites'], category: 'Injection', subcategory: 'Injection', share: 0.035, uphold: 0.95, mtus: 'Chronic Pain Medical Treatment 2016' },
  { names: ['Bilateral L4-5 facet injections', 'Medial branch block at L5-S1'], category: 'Injection', subcategory: 'Facet Injection', share: 0.015, uphold: 0.96, mtus: 'Low Back Complaints 2004', outside: 'ODG' },
  { names: ['Right shoulder arthroscopy with subacromial decompression', 'Left knee arthroscopy with partial meniscectomy'],
    category: 'Surgery', subcategory: 'Arthroscopic Surgery', share: 0.02, uphold: 0.85, mtus: 'Shoulder Complaints 2004', outside: 'ODG' },
  { names: ['L4-5 lumbar fusion', 'C5-6 anterior cervical discectomy and fusion'], category: 'Surgery', subcategory: 'Spine', share: 0.01, uphold: 0.9, mtus: 'Low Back Complaints 2004', outside: 'ODG' },
  { names: ['Right carpal tunnel release', 'Total knee arthroplasty'], category: 'Surgery', subcategory: 'Non-arthroscopic Surgery', share: 0.01, uphold: 0.84, mtus: 'Forearm, Wrist, and Hand Complaints 2004', outside: 'ODG' },
  { names: ['Pre-operative medical clearance', 'Post-operative cold therapy unit'], category: 'Surgery', subcategory: 'Adjunct Surgical Services', share: 0.005, uphold: 0.85, mtus: 'Postsurgical Treatment 2009', outside: 'ODG' },
  { names: ['Orthopedic surgeon consultation', 'Follow-up office visit', 'Pain management consultation'],
    category: 'Evaluation & Management', subcategory: 'Medical Specialties', share: 0.04, uphold: 0.77, mtus: 'General Approaches 2004', outside: 'ACOEM' },
  { names: ['Cognitive behavioral therapy, {s} sessions', 'Biofeedback, {s} sessions'], category: 'Psych Services', subcategory: 'Therapies', share: 0.015, uphold: 0.8, mtus: 'Chronic Pain Medical Treatment 2016', outside: 'ODG' },
  { names: ['Psychological evaluation'], category: 'Psych Services', subcategory: 'Evaluation & Management', share: 0.005, uphold: 0.78, mtus: 'Chronic Pain Medical Treatment 2016' },
  { names: ['Functional restoration program, 80 hours', 'Gym membership for 6 months'], category: 'Programs', subcategory: 'Programs', share: 0.01, uphold: 0.82, mtus: 'Chronic Pain Medical Treatment 2016', outside: 'Other' },
  { names: ['Home health aide 4 hours a day for 4 weeks'], category: 'Home Health', subcategory: 'Home Health', share: 0.008, uphold: 0.89, mtus: 'Chronic Pain Medical Treatment 2016' },
  { names: ['Transportation to and from medical appointments'], category: 'Transportation', subcategory: 'Transportation', share: 0.005, uphold: 0.9, mtus: 'General Approaches 2004', outside: 'Other' },
];

export const SPECIALTIES: [string[], number][] = [
  [['Preventive Medicine', 'Occupational Medicine'], 30], [['Family Practice'], 20],
  [['Physical Medicine & Rehabilitation', 'Pain Management'], 12], [['Physical Medicine & Rehabilitation'], 8],
  [['Internal Medicine'], 9], [['Orthopedic Surgery'], 6], [['Anesthesiology', 'Pain Management'], 4],
  [['Neurology'], 2], [['Emergency Medicine'], 2], [['Chiropractic'], 3], [['Psychology'], 2], [['Psychiatry'], 1],
  [['Neurological Surgery'], 1],
];

export const STATES = ['California', 'Texas', 'New York', 'Florida', 'Arizona', 'Oregon', 'Washington', 'Nevada'];

export const DIAGNOSES = ['lumbar radiculopathy', 'cervical strain', 'lumbar disc displacement', 'right shoulder impingement',
  'chronic pain syndrome', 'left knee internal derangement', 'carpal tunnel syndrome', 'myofascial pain',
  'lumbar facet arthropathy', 'depression', 'insomnia', 'cervical radiculopathy', 'rotator cuff tear'];
