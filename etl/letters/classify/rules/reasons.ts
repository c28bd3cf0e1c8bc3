// Readable rules for why a reviewer decided, as data: each reason family of
// ../shared/reference/reasons.md with its cues, patterns and negations. etl/letters/fields/reasons.ts applies
// them, one sentence at a time; test/reasons-rules.test.ts holds an example for every cue.
import type { Decision, Reason } from '../../../../model/values.ts';

/**
 * A pattern tried on one sentence, and the words (lower case, whole) it needs: reasons.ts finds
 * every cue of every rule in one pass over the text and tries a rule only on the sentences that
 * hold one of its cues. A match must contain a cue (a test checks it on every letter).
 */
export interface ReasonRule {
  cues: string[];
  pattern: RegExp;
  /** Only when no other family was found in the sentence: the catch-all "no documentation of". */
  alone?: true;
  /** Only when the whole text matches (opioid or sedative durations are drug monitoring). */
  textHas?: RegExp;
  /** Not when the whole text matches. */
  textLacks?: RegExp;
}

export interface Family {
  /** The decisions the family is a ground of: criteria met for an overturned denial, the rest for one upheld. */
  decisions: readonly Decision[];
  /** Whether a bare conclusion ("the request for X is medically necessary") gives it. */
  concluded?: true;
  /**
   * Whether a guideline's own words (a quotation, "The MTUS states ...") can give it, when they
   * are unconditional: a guideline calling a service not recommended is the ground itself, while
   * one listing what a record must show is not the reviewer's finding that it does not.
   */
  stated?: true;
  rules: ReasonRule[];
  /** A sentence matching any of these gives not this family, whatever its rules match. */
  negations: RegExp[];
}

const UPHELD = ['Upheld'] as const;

// A lack: the words that say something is not there, before or after what is missing.
const LACK = String.raw`(?:no|not|never|nor|neither|none|without|lack(?:s|ing)?|absen(?:t|ce)|fail(?:s|ed)?\s+to|unable\s+to|insufficient|inadequate|unclear|uncertain|unknown|yet\s+to|argued?\s+against)`;
const LACK_AFTER = String.raw`(?:(?:was|were|is|are|has|have|had|been|be)\s+)+(?:not|neither)(?!\s+(?:medically|necessary|appropriate|supported|recommended|indicated|warranted|reasonable|certified|approved|authorized|a\s+candidate)\b)|not\s+(?:documented|provided|noted|included|submitted|specified|demonstrated|established|stated|apparent|evident|clear|shown|reported|indicated)|absent|lacking|unknown|unclear|missing`;

/** The topic said to be missing: "no documentation of functional improvement", "X was not documented". */
const lacking = (topic: string, gap = 80) =>
  new RegExp(
    String.raw`\b${LACK}\b[^;]{0,${gap}}?\b(?:${topic})|\b(?:${topic})[^;]{0,80}?\b(?:${LACK_AFTER})\b`,
    'i',
  );

const SEDATIVES = /\b(?:opioids?|opiates?|narcotics?|benzodiazepines?|sedatives?|hypnotics?)\b/i;

/** Sentences that are about no ground: the opioid notice every such letter closes with. */
export const BOILERPLATE =
  /\bshould not be interpreted as\b|\badvised to (?:consult|speak)\b|\bthis (?:medical necessity )?decision addresses\b/i;

/**
 * The bare conclusion, "Therefore, the request for X is not medically necessary.": no ground but
 * criteria met, whatever words the service's name holds (a professional review names them all).
 */
export const CONCLUSION =
  /^(?:(?:therefore|thus|hence|consequently|accordingly|as such|given the above|based on the above),?\s+)?(?:the|this)\s+(?:current\s+|original\s+)?request(?:ed)?\b[^;]{0,200}?\b(?:is|are|was|were)\s+(?:(?:considered|deemed|determined\s+to\s+be|found\s+to\s+be)\s+)?(?:not\s+)?medically\s+(?:necessary|appropriate|reasonable)\b[^;]{0,60}$/i;

/** A sentence about this case: the reviewer applying the guideline, not quoting it. */
export const CASE =
  /\b(?:in this (?:case|instance|situation)|in the case of|here\b|(?:this|the) (?:patient|claimant|individual|injured worker|worker|applicant|iw|enrollee|member)\b(?!s)|(?:this|the) (?:original(?:ly)? |current(?:ly)? )?request(?:ed)?\b|(?:he|she|his|her)\b|the (?:medical |clinical |submitted )?(?:records?|documentation|notes?|file|chart|information)\b|(?:submitted|provided|available) (?:for review|documentation|records?|medical)|the (?:treating|requesting|attending) (?:physician|provider)|the provider\b|given (?:that|the)\b|as such\b)/i;

/** A sentence that says what a guideline says: "The MTUS states ...", "Per the ODG, X is ...". */
export const GUIDELINE =
  /^(?:(?:per|according to|pursuant to|as (?:noted|stated|outlined) (?:in|on|by)|regarding [^,]{1,60},)\s+(?:the\s+)?(?:california\s+|ca[- ]?)?(?:mtus|odg|acoem|cpmtg|official disability|chronic pain|american college|medical treatment utilization|guidelines?)\b|(?:the\s+)?(?:california\s+|ca[- ]?)?(?:mtus|odg|acoem|cpmtg|official disability|chronic pain|american college|medical treatment utilization|(?:national|other|current|these|the) guidelines?|guidelines?)\b[^;]{0,80}?\b(?:state|states|stated|recommend|recommends|indicate|indicates|note|notes|support|supports|specif(?:y|ies)|outlines?|limits?|says|allows?|suggests?|discuss(?:es)?|defines?|considers?|requires?|describes?|advises?|address(?:es)?|(?:do|does)\s+not))\b/i;

/** The reviewer's own voice about the record: past tense, "there is no ...", the exam, the plan. */
export const VOICE =
  /\b(?:was|were|had|did|has been|have been|there (?:is|are) (?:no|not|a lack|lack|insufficient|minimal)|lack of|(?:is|are) (?:noted|documented|reported)|reveal(?:s|ed)?|treatment plan|physical exam\w*|clinical note|progress (?:note|report)|prior review|office visit|(?:is|are) not (?:specified|documented|provided|noted|included|established|clear))\b/i;

/** A general statement, as guidelines make them: read as the guideline's unless it speaks of the case. */
export const GENERIC =
  /\b(?:may|can|should|will|(?:is|are)\s+(?:\w+\s+)?(?:recommended|indicated|supported|helpful|useful))\b/i;

/** A guideline statement with a condition: not the ground by itself ("not recommended until ..."). */
export const CONDITIONAL =
  /\b(?:when|unless|until|except|if|after|only|primarily|but|may|as an option)\b/i;

const ALL_TOPICS_FINDINGS = String.raw`red[- ]flags?|neurolog\w*\s+(?:deficits?|dysfunction|findings|compromise|abnormalit\w+|signs|symptoms|impairment|exam\w*)|focal\s+neurolog\w*|nerve\s+(?:root\s+)?(?:compromise|impairment|deficits?|dysfunction|entrapment|impingement|problem)|radiculopathy|radicular|tissue\s+insult|(?:objective|significant|clinical|physical|exam(?:ination)?|positive|abnormal|specific|sufficient)\s+(?:\w+\s+)?(?:findings?|deficits?|signs)|evidence\s+of\s+(?!(?:a\s+)?(?:trial|failure|failed|functional|improvement|efficacy|benefit|pain|objective\s+functional|at\s+least|\d))|(?:functional|motor|sensory)\s+deficits?|deficits?\s+(?:in|on)|spasms?|instability|derangement|pathology|risk\s+factors?|(?:high|intermediate)\s+risk|history\s+of|complaints?|symptoms|diagnos[ie]s|diagnos(?:ed|ing)|signs|indications?\s+for|concerns?\s+for|osteoarthritis|neuropathic\s+pain|insomnia|anxiety|depression|gastrointestinal|dyspepsia`;

const FINDINGS_CUES = ['red', 'flag', 'flags', 'neurologic', 'neurological', 'neurologically', 'focal', 'nerve', 'radiculopathy', 'radicular', 'tissue', 'findings', 'finding', 'evidence', 'deficit', 'deficits', 'signs', 'spasm', 'spasms', 'instability', 'derangement', 'pathology', 'risk', 'history', 'complaints', 'complaint', 'symptoms', 'diagnosis', 'diagnoses', 'diagnosed', 'diagnosing', 'indication', 'indications', 'concerns', 'concern', 'osteoarthritis', 'neuropathic', 'insomnia', 'anxiety', 'depression', 'gastrointestinal', 'dyspepsia']; // prettier-ignore

const IMPROVEMENT = String.raw`(?:objective\s+|significant\s+|specific\s+|measurable\s+|sustained\s+|documented\s+|clinically\s+significant\s+|quantifi(?:ed|able)\s+|any\s+|clear\s+|subjective\s+or\s+)*(?:functional\s+(?:improvement|benefit|gains?|response|progress)|improvement\s+(?:in|of)\s+(?:function|pain|activities)|(?:objective|subjective|significant|measurable|sustained|lasting|documented)\s+(?:improvement|benefit|response|gains?)|efficacy|effectiveness|benefit\s+(?:from|with|of)|improvement\s+(?:with|from|after)|pain\s+relief|(?:decrease|reduction)\s+in\s+(?:pain|symptoms|medication|work\s+restrictions)|(?:response|responded)\s+to\s+(?:the\s+)?(?:prior|previous|treatment|therapy|sessions|medication|usage|use)|objective\s+response|clinical\s+progression|progress\s+(?:with|from))`;

const CONSERVATIVE = String.raw`(?:trial\s+and\s+)?(?:failure|failed)\s+(?:of|with|at)\b|trials?\s+of\s+(?:an?\s+)?(?:first|oral|conservative|anti|other)|conservative\s+(?:care|treatment|therapy|management|measures|options)|first[- ]line|non[- ]?opioid|(?:oral|pill)\s+(?:form|medications?|nsaids?|anti-inflammator\w+|capsules|tablets)|anti-?depressants|anti-?convulsants|(?:tried|trialed)\s+and\s+failed|exhaust\w*|(?:intolerant|intolerance)\s+to|(?:unable|able)\s+to\s+(?:use|utilize|tolerate|take|swallow)|over[- ]the[- ]counter|acetaminophen|tylenol|failed\s+(?:physical\s+therapy|conservative|treatment|therapy|medications?|injections?)`;

const DOCUMENTS = String.raw`(?:treatment\s+)?goals?|(?:treatment\s+)?plan\b|prescription|dosing\s+instructions|instructions|outcome|results|(?:progress|therapy|physical\s+therapy)\s+notes|number\s+of\s+(?:sessions|visits|treatments)|how\s+many|total\s+number|body\s+part|rationale|rational\b|explanation|justification|reason\s+(?:for|why)|candidate\s+for\s+surgery|surg\w*\s+(?:is|was|being)\s+(?:being\s+)?(?:considered|contemplated|planned)|(?:consider|contemplate)\w*\s+(?:\w+\s+){0,4}surg\w+|discussion\s+of\s+surgery|invasive\s+procedure|endpoint|end\s+date|(?:x-?ray|radiograph|imaging|mri)\s+reports?|radiographs|how\s+(?:\w+\s+){0,4}(?:change|alter|affect)`;

export const FAMILIES: Record<Reason, Family> = {
  not_recommended: {
    decisions: UPHELD,
    stated: true,
    rules: [
      {
        cues: ['recommended', 'recommend'],
        pattern:
          /\b(?:(?:is|are|was|were|be|being)\s+not(?:\s+(?:generally|currently|specifically))?\s+recommended|not\s+(?:be\s+)?recommended|(?:does|do|did)\s+not\s+(?:specifically\s+)?recommend)\b/i,
      },
      {
        cues: ['indicated', 'approved'],
        pattern:
          /\bnot\s+(?:be\s+)?(?:clinically\s+|medically\s+)?(?:indicated|approved)\s+(?:for|in)\s+(?!longer|more|long|chronic\s+use|this\s+(?:patient|claimant|case|request))/i,
      },
      {
        cues: ['support', 'supported'],
        pattern:
          /\b(?:guidelines?|mtus|odg|acoem)\b[^;]{0,30}\b(?:do|does|did)\s+not\s+(?:specifically\s+)?support\s+(?:the|its|this|a|topical|use)\b|\bnot\s+supported\s+for\s+(?:the|topical|use|chronic|acute)\b/i,
      },
    ],
    negations: [
      /\bnot\s+(?:be\s+)?(?:recommended|indicated)\s+(?:until|unless|except|without|before|prior|as\s+(?:a\s+)?(?:first|primary|sole|solo|stand-alone|an?\s+isolated|routine)|for\s+(?:longer|more|greater|over|use\s+beyond|long[- ]term|chronic\s+use|extended|prolonged|routine|the\s+first)|beyond|after|over|in\s+the\s+absence|routinely|if|when|in\s+most|to\s+exceed|more\s+than)\b/i,
      /\broutine(?:ly)?\b|\blong[- ]?term\b|\bfirst[- ]line\b|\bunless\b|\bexcept\b|\bin\s+most\s+(?:instances|cases)\b|\babsence\s+of\b/i,
    ],
  },
  no_functional_improvement: {
    decisions: UPHELD,
    rules: [
      {
        cues: ['improvement', 'benefit', 'gains', 'gain', 'progress', 'progression', 'efficacy', 'effectiveness', 'relief', 'response', 'responded', 'decrease', 'reduction'], // prettier-ignore
        pattern: lacking(IMPROVEMENT),
      },
      {
        cues: ['improvement'],
        pattern: /\b(?:without|no|not\s+any)\s+(?:\w+\s+)?improvement\b/i,
      },
    ],
    negations: [/\bfailure\s+to\s+progress\b|\b(?:studies|literature|trials)\b/i],
  },
  exceeds_quantity: {
    decisions: UPHELD,
    rules: [
      {
        cues: ['exceed', 'exceeds', 'exceeded', 'exceeding', 'excess', 'excessive', 'surpass', 'surpasses', 'upper'], // prettier-ignore
        pattern:
          /\bexceed(?:s|ed|ing)?\b|\bin\s+excess\s+of\b|\bexcessive\b|\bsurpass(?:es)?\b|\bupper\s+limit\b/i,
      },
      {
        cues: ['beyond', 'more', 'greater', 'longer', 'number'],
        pattern:
          /\b(?:more|greater|longer)\s+than\s+(?:the\s+)?(?:recommended|guidelines?|allowed|supported)|\bbeyond\s+(?:the\s+)?(?:recommended|guidelines?|supported)|\blarge\s+number\s+of\b/i,
      },
      {
        cues: ['up', 'allow', 'allows', 'allowed', 'maximum', 'limited', 'limit', 'approved', 'authorized', 'certified', 'completed', 'received', 'attended', 'had', 'additional', 'complement'], // prettier-ignore
        pattern:
          /\b(?:up\s+to|allows?(?:\s+for)?|allowed|maximum\s+of|limited\s+to|limit\s+(?:of|to))\s+(?:\d+|six|eight|ten|twelve)(?:\s*-\s*\d+)?\s+(?:\w+\s+)?(?:visits|sessions|treatments)\b|\b(?:approved|authorized|certified|completed|received|attended|had)\s+(?:for\s+|an?\s+|the\s+)?(?:\w+\s+){0,3}(?:\d+|six|eight|ten|twelve)\s+(?:\w+\s+){0,3}(?:sessions|visits|treatments)\b|\bfull\s+complement\b|\badditional\s+(?:\d+|two|four|six|eight|ten|twelve)\s+(?:\w+\s+){0,2}(?:sessions|visits)\b/i,
      },
      {
        cues: ['purchase', 'shortest'],
        pattern:
          /\bpurchase\b[^;]{0,30}\b(?:over|rather\s+than|instead\s+of)\s+(?:a\s+)?rental\b|\bnot\s+(?:\w+\s+){0,4}shortest\s+(?:duration|period)\b/i,
      },
      {
        cues: ['refill', 'refills'],
        pattern:
          /\brefills?\b[^;]{0,40}\b(?:not\s+(?:supported|necessary|appropriate|indicated|warranted))\b/i,
      },
      {
        cues: ['since', 'long', 'full', 'chronic', 'ongoing'],
        pattern:
          /\b(?:been\s+(?:on|using|utilizing|taking|prescribed)|utiliz\w+|taking|used)\b[^;]{0,50}\bsince\s+(?:at\s+least\s+)?(?:\d|[a-z]+\s+\d)|\b(?:long[- ]term|chronic|ongoing)\s+(?:use|usage|treatment|therapy)\b[^;]{0,40}\b(?:not|exceed)|\bhas\s+been\s+on\s+long[- ]term\b|\bcompleted\s+a\s+full\s+course\b/i,
        textLacks: SEDATIVES,
      },
    ],
    negations: [
      /\b(?:not|never|without)\s+(?:\w+\s+)?exceed|\bby\s+only\b|\bexceptional\s+factors\s+should\b/i,
    ],
  },
  findings_do_not_support: {
    decisions: UPHELD,
    rules: [
      { cues: FINDINGS_CUES, pattern: lacking(ALL_TOPICS_FINDINGS, 80) },
      {
        cues: ['criteria', 'criterion', 'guidelines', 'guideline', 'indications', 'requirements', 'meet', 'satisfy', 'candidate', 'indication', 'accordance', 'support'], // prettier-ignore
        pattern:
          /\b(?:criteria|guidelines?|indications?|requirements?)\b[^;]{0,30}\b(?:(?:have|has|were|was|are|is)\s+not\s+(?:been\s+)?met|not\s+(?:been\s+)?(?:met|satisfied))|\b(?:does|do|did)\s+not\s+(?:meet|satisfy)\b|\bfails?\s+(?:to\s+meet|criteri\w+)|\bnot\s+a\s+candidate\b|\bnot\s+(?:an?\s+)?indications?\s+for\b|\bnot\s+in\s+accordance\s+with\b|\b(?:records?|documentation|findings)\s+(?:do|does|did)\s+not\s+support\b/i,
      },
      {
        cues: ['normal', 'unremarkable', 'negative', 'intact'],
        pattern:
          /\b(?:exam\w*|neurolog\w*|test(?:ing|s)?|reflexes|strength|sensation)\b[^;]{0,40}\b(?:was|were|is|are)\s+(?:otherwise\s+|all\s+)?(?:normal|unremarkable|negative|intact)\b|\b(?:normal|unremarkable)\s+(?:\w+\s+){0,3}(?:exam\w*|findings)\b/i,
      },
      {
        cues: ['minimal', 'mild', 'only'],
        pattern:
          /\b(?:minimal|only\s+mild|only)\s+(?:\w+\s+)?(?:deficits|findings|swelling|tenderness)\b/i,
      },
      {
        cues: ['indication', 'evidence'],
        pattern:
          /\b(?:no|not\s+any|lack\s+of)\s+(?:\w+\s+){0,2}(?:indication|evidence)\s+(?:that|of)\b/i,
        alone: true,
      },
    ],
    negations: [
      /\b(?:literature|peer[- ]reviewed|randomized|insufficient\s+studies)\b|\b(?:reduction|improvement)\s+in\s+symptoms\b/i,
    ],
  },
  missing_documentation: {
    decisions: UPHELD,
    rules: [
      {
        cues: ['unclear', 'unknown', 'uncertain', 'clear', 'certain'],
        pattern: /\bunclear\b|\bunknown\b|\buncertain\b|\bnot\s+(?:clear|certain)\b/i,
        alone: true,
      },
      {
        cues: ['specify', 'specified', 'specifying', 'unspecified', 'vague', 'interpretation'],
        pattern:
          /\b(?:not|fail(?:s|ed)?\s+to|without)\s+(?:\w+\s+){0,2}(?:specify|specified|specifying)\b|\b(?:an|the)\s+unspecified\s+(?!(?:muscle|sprain|strain|joint))|\bvague\b|\bopen\s+to\s+interpretation\b/i,
      },
      {
        cues: ['quantity', 'amount', 'frequency', 'duration', 'type', 'rationale', 'goals', 'plan', 'dose', 'dosage', 'date'], // prettier-ignore
        pattern:
          /\bfail(?:s|ed)?\s+to\s+(?:provide|specify|include|state|indicate|furnish|document)\s+(?:\w+\s+){0,3}(?:quantity|amount|frequency|duration|type|rationale|goals?|plan|dose|dosage|date)\b/i,
      },
      {
        cues: ['goal', 'goals', 'plan', 'prescription', 'instructions', 'outcome', 'results', 'notes', 'number', 'many', 'body', 'rationale', 'rational', 'explanation', 'justification', 'reason', 'candidate', 'surgery', 'surgical', 'invasive', 'endpoint', 'end', 'report', 'reports', 'radiographs', 'how'], // prettier-ignore
        pattern: lacking(DOCUMENTS, 60),
      },
      {
        cues: ['duration', 'quantity', 'frequency', 'amount', 'number'],
        pattern:
          /\b(?:duration|quantity|frequency|amount|number)\s+(?:of\s+(?:\w+\s+){1,3})?(?:was|were|is|are|has)\s+(?:not|never|unknown|unclear|missing)\b/i,
      },
      {
        cues: ['established', 'determined', 'verified', 'confirmed', 'mention', 'address', 'discuss', 'describe', 'detail'], // prettier-ignore
        pattern:
          /\bcould\s+not\s+be\s+(?:established|determined|verified|confirmed)\b|\bno\s+mention\b|\b(?:note|notes|records?|documentation|provider|physician|report)\b[^;]{0,30}\b(?:does|do|did)\s+not\s+(?:address|discuss|mention|describe|detail)\b/i,
      },
      {
        cues: ['documentation', 'information', 'record', 'records', 'discussion', 'notes', 'documented', 'document', 'note', 'noted', 'discuss'], // prettier-ignore
        pattern:
          /\b(?:no|lack\s+of|without|insufficient|inadequate|not\s+sufficient|limited)\s+(?:\w+\s+){0,2}(?:documentation|information|records?|discussion|notes)\b|\b(?:not|fails?\s+to|failed\s+to)\s+(?:\w+\s+){0,2}(?:document(?:ed)?|note|noted|discuss)\b/i,
        alone: true,
      },
    ],
    negations: [
      /\bmedical\s+necessity\s+(?:(?:has|have|was|is)\s+not\s+been|cannot\s+be|could\s+not\s+be|has\s+not)\s*(?:been\s+)?established\b/i,
      /\b(?:guidelines?|mtus|odg|acoem)\b[^;]{0,20}\b(?:do|does|is|are)\s+(?:not|silent)\b/i,
      /\b(?:extenuating|exceptional)\s+(?:factors|circumstances)\b/i,
    ],
  },
  conservative_care_not_tried: {
    decisions: UPHELD,
    rules: [
      {
        cues: ['failure', 'failed', 'trial', 'conservative', 'first', 'line', 'opioid', 'oral', 'pill', 'antidepressants', 'anticonvulsants', 'depressants', 'convulsants', 'tried', 'trialed', 'exhaust', 'exhausted', 'exhaustive', 'intolerant', 'intolerance', 'unable', 'able', 'counter', 'acetaminophen', 'tylenol'], // prettier-ignore
        pattern: lacking(CONSERVATIVE),
      },
    ],
    negations: [/\b(?:cochrane|review|studies|literature)\b/i],
  },
  drug_monitoring: {
    decisions: UPHELD,
    rules: [
      {
        cues: ['urine', 'drug', 'uds', 'cures', 'agreement', 'contract', 'assessment', '4', 'four', 'aberrant', 'misuse', 'abuse', 'addiction', 'screening', 'effects', 'monitored', 'monitoring', 'compliance'], // prettier-ignore
        pattern: lacking(
          String.raw`urine\s+(?:drug\s+)?(?:screens?|tests?|testing|toxicology)|drug\s+(?:screens?|screening|testing|tests?)|uds|cures|(?:opioid\s+|pain\s+|narcotic\s+|treatment\s+)?(?:agreement|contract)|risk\s+assessment|(?:4|four)\s+a'?s|aberrant|misuse|abuse|addiction|screening\s+tools?|(?:adverse\s+|side\s+)effects|monitored\s+for|monitoring|compliance`,
        ),
      },
      {
        cues: ['weaning', 'tapering', 'taper', 'wean', 'weaned', 'tapered'],
        pattern:
          /\b(?:weaning|tapering|taper|wean)\b[^;]{0,40}\b(?:is|are|be|was)\s+(?:recommended|indicated|appropriate|advised|considered|warranted)|\bshould\s+be\s+(?:weaned|tapered)|\b(?:recommend\w*|consider\w*|appropriate)\s+(?:\w+\s+)?(?:weaning|tapering)\b/i,
      },
      {
        cues: ['long', 'chronic', 'longer', 'beyond', 'since', 'least'],
        pattern:
          /\b(?:long[- ]term|chronic)\s+(?:\w+\s+)?(?:use|usage|treatment|therapy)\b|\blonger\s+than\b|\bbeyond\s+\d|\bsince\s+(?:at\s+least\s+)?\d|\bat\s+least\s+\d+\s+(?:days|weeks|months)\b/i,
        textHas: SEDATIVES,
      },
    ],
    negations: [
      /\bhigh\s+risk\s+for\s+(?:abuse|addiction|misuse)|\bwould\s+require\s+(?:\w+\s+){0,2}(?:urine\s+)?(?:drug\s+)?(?:screens?|tests?|testing)/i,
    ],
  },
  insufficient_evidence: {
    decisions: UPHELD,
    rules: [
      {
        cues: ['insufficient', 'lack', 'absence', 'experimental', 'investigational', 'unproven', 'proven', 'established', 'evidence', 'literature', 'studies', 'randomized'], // prettier-ignore
        pattern:
          /\binsufficient\s+(?:\w+\s+){0,2}(?:evidence|studies|data|literature)|\b(?:lack|absence)\s+of\s+(?:(?:sufficient|quality|high[- ]quality|good|published|scientific|peer[- ]reviewed)\s+)*(?:literature|evidence|studies|data|trials)\b(?!\s+(?:of|that|provided|based|to\s+support\s+(?:the|a)\s+(?:diagnosis|reasonable)))|\bexperimental\b|\binvestigational\b|\bunproven\b|\bnot\s+(?:been\s+)?(?:proven|established)\s+(?:to\s+be\s+|as\s+)?(?:effective|efficacious|safe)|\bno\s+(?:good|quality|high[- ]quality|peer[- ]reviewed|published|scientific|reliable)\s+(?:\w+\s+)?(?:evidence|literature|studies|data)|\bnot\s+supported\s+by\s+(?:\w+\s+){0,2}(?:literature|evidence|studies)|\bno\s+evidence\s+for\s+(?:the\s+)?use\b|\blimited\s+(?:\w+\s+)?evidence\b|\bfew\s+randomized|\bevidence\s+(?:does|do)\s+not\s+support\b/i,
      },
    ],
    negations: [],
  },
  depends_on_denied_service: {
    decisions: UPHELD,
    rules: [
      {
        cues: ['as', 'since', 'because', 'given'],
        pattern:
          /^(?:as|since|because|given\s+that|given)\s+(?!such\b|noted\b|above\b|per\b|well\b|of\b)[^,;]{3,120}?\b(?:is|was|were|are|has\s+been|have\s+been)\s+(?:not|deemed\s+not|found\s+not|determined\s+(?:to\s+be\s+)?not|non-?certified|denied)\b[^,;]{0,60},/i,
      },
      {
        cues: ['associated', 'concurrent', 'ancillary', 'primary'],
        pattern:
          /\b(?:associated|concurrent|ancillary|primary)\s+(?:\w+\s+){0,2}(?:surg\w+|procedure|operation|intervention|request)\b[^;]{0,60}\b(?:is|was|has\s+been)\s+not\b/i,
      },
    ],
    negations: [],
  },
  criteria_met: {
    decisions: ['Overturned'],
    concluded: true,
    rules: [
      {
        cues: ['necessary', 'supported', 'indicated', 'appropriate', 'reasonable', 'warranted', 'justified'], // prettier-ignore
        pattern:
          /\b(?:is|are|was|were|be|being|been)\s+(?:considered\s+|deemed\s+|determined\s+to\s+be\s+|found\s+to\s+be\s+|felt\s+to\s+be\s+|medically\s+|clinically\s+)*(?:necessary|supported|indicated|appropriate|reasonable|warranted|justified)\b/i,
      },
      {
        cues: ['criteria', 'meets', 'meet', 'met', 'qualifies', 'qualify', 'within', 'consistent', 'supported', 'support', 'supports'], // prettier-ignore
        pattern:
          /\bcriteria\s+(?:have|has|are|were)\s+(?:been\s+)?met\b|\bmeets?\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:criteria|guidelines?)\b|\bguidelines?\s+(?:have\s+been\s+|are\s+)?met\b|\bqualif(?:ies|y)\b|\bwithin\s+(?:the\s+)?(?:guidelines?|recommend\w*)|\bconsistent\s+with\s+(?:the\s+)?(?:guidelines?|mtus|odg|acoem)|\bsupported\s+by\s+(?:the\s+)?(?:guidelines?|mtus|odg|acoem)|\b(?:guidelines?|mtus|odg|acoem)\s+(?:support|supports)\b/i,
      },
    ],
    negations: [
      /\bnot\s+(?:been\s+)?(?:medically\s+)?(?:necessary|supported|met|indicated)\b|\bfails?\s+to\s+meet\b|\b(?:does|do)\s+not\s+meet\b/i,
    ],
  },
  other: {
    decisions: UPHELD,
    rules: [
      {
        cues: ['redundant', 'duplicate', 'duplicative', 'duplication', 'already', 'previously', 'covered', 'convenience'], // prettier-ignore
        pattern:
          /\bredundant\b|\bduplicat\w*|\b(?:already|previously)\s+(?:been\s+)?(?:authorized|approved|certified|performed|provided|done|obtained)\b(?![^;]{0,50}\b(?:sessions|visits|treatments|trial)\b)|\bnot\s+(?:a\s+)?covered\b|\bconvenience\b/i,
      },
    ],
    negations: [],
  },
};
