/**
 * The delivery cue lexicon, as data: every cue once, with its status and its forms.
 *
 * A form is a sequence of slots matched on consecutive words of the folded sentence (lower case,
 * no accents, ’ → '). A slot lists alternative words (regex fragments for one word; a word may
 * end with an apostrophe: "l'", "d'"); an optional slot may be absent; a gap slot skips up to n
 * words. Required words must be single words: the gate (cues.ts) looks them up in the sentence's
 * words. Keep the table readable: one cue per line of meaning, grouped by status.
 */
import type { DeliveryStatus } from '../types.ts';
import type { CueKind } from './cues.ts';

export interface Slot {
  words: string[];
  optional?: boolean;
  gap?: number;
}

export interface CueEntry {
  rule: string;
  status: DeliveryStatus;
  kind?: CueKind;
  forms: Slot[][];
}

const w = (...words: string[]): Slot => ({ words });
const opt = (...words: string[]): Slot => ({ words, optional: true });
const gap = (n: number): Slot => ({ words: [], gap: n });

/** Auxiliaries of the compound past, indicative and reported conditional. */
const AUX = w('a', 'ont', 'avait', 'avaient', 'aurait', 'auraient');
/** One adverb between auxiliary and participle ("a déjà livré", "ont discrètement cédé"). */
const ADV = opt(
  'deja',
  "d'ores et deja",
  'finalement',
  'recemment',
  'effectivement',
  'bien',
  'surtout',
  'aussi',
  'egalement',
  'ensuite',
  'notamment',
  'encore',
  'enfin',
  'pour sa part',
  'pour leur part',
  'de son cote',
  'de leur cote',
  'quant a lui',
  'quant a elle',
  'chacun',
  'chacune',
  'tous deux',
  'toutes deux',
  'conjointement',
  'elle aussi',
  'lui aussi',
  'eux aussi',
  'elles aussi',
  'lui-meme',
  "jusqu'ici",
  "jusqu'a present",
  'deja',
  'bientot',
  'vite',
  'desormais',
  'ainsi',
  'donc',
  'alors',
  'toutefois',
  'cependant',
  'meme',
  'aussitot',
  'tres vite',
  'tres bientot',
  '\\p{L}+ment',
);
/** Participles of transfer verbs, any gender and number. */
const TRANSFERRED = w('(?:livre|fourni|transfere|envoye|remis|cede|donne|offert|expedie|achemine|deploye|depeche|vendu)e?s?');
/** Infinitives of transfer verbs. */
const TO_TRANSFER = w('envoyer', 'livrer', 'fournir', 'transferer', 'ceder', 'donner', 'offrir', 'expedier', 'remettre', 'depecher', 'acheminer', 'vendre');
/** Nouns naming a transfer. */
const TRANSFER_NOUN = w('livraisons?', 'cessions?', 'fournitures?', 'dons?', 'transferts?');
const OF = w('de', "d'", 'des', 'du');

export const CUE_TABLE: CueEntry[] = [
  // ---- delivered
  {
    rule: 'past-tense',
    status: 'delivered',
    forms: [
      [AUX, ADV, TRANSFERRED],
      [w('avoir'), ADV, TRANSFERRED],
    ],
  },
  { rule: 'passive-past', status: 'delivered', forms: [[AUX, ADV, w('ete'), ADV, TRANSFERRED]] },
  { rule: 'arrived', status: 'delivered', forms: [[w('sont', 'est', 'etaient', 'etait'), ADV, w('(?:arrive|parvenu|livre|transfere)e?s?')]] },
  { rule: 'delivery-done', status: 'delivered', forms: [[w('livraisons?'), opt('a ete', 'ont ete'), w('effectuees?')]] },
  {
    rule: 'received',
    status: 'delivered',
    kind: 'receive',
    forms: [[AUX, ADV, w('recue?s?', 'obtenue?s?')], [w('receptionne\\p{L}*')], [w('avoir'), ADV, w('recue?s?', 'obtenue?s?')], [w('recoit', 'recoivent')]],
  },
  {
    rule: 'will-receive',
    status: 'announced',
    kind: 'receive',
    forms: [
      [w('va', 'vont', 'devrait', 'devraient', 'doit', 'doivent', 'pourra'), ADV, w('recevoir', 'obtenir')],
      [w('recevra', 'recevront', 'obtiendra', 'obtiendront')],
    ],
  },
  {
    rule: 'participle',
    status: 'delivered',
    kind: 'post',
    forms: [
      [TRANSFERRED, w('a', 'au', 'aux', 'en', 'par', 'vers')],
      [w('(?:arrive|parvenu)e?s?'), w('a', 'au', 'aux', 'en')],
    ],
  },
  { rule: 'offering', status: 'delivered', forms: [[w('offrant', 'fournissant', 'livrant', 'envoyant', 'cedant', 'depechant', 'transferant')]] },
  // Present and imperfect of unambiguous transfer verbs: "l'Iran fournit des Shahed à la Russie".
  {
    rule: 'present',
    status: 'delivered',
    forms: [
      [
        w(
          'fournit',
          'fournissent',
          'livrent',
          'envoient',
          'transferent',
          'cedent',
          'vend',
          'vendent',
          'livrait',
          'livraient',
          'fournissait',
          'fournissaient',
          'envoyait',
          'envoyaient',
          'cedait',
          'cedaient',
          'exporte',
          'exportent',
        ),
      ],
    ],
  },
  // "La France livre des Caesar": folded, the present is also the participle; a participle right after
  // the weapon is read first (chooseCue) and a longer compound cue ending at the same word wins.
  { rule: 'present-singular', status: 'delivered', forms: [[w('livre', 'envoie', 'cede', 'transfere', 'remet', 'expedie', 'donne')]] },
  { rule: 'gift', status: 'delivered', forms: [[w('fait', 'font', 'faisait'), w('don'), OF]] },
  // "a commencé à livrer", "continuent de fournir", "le premier pays à livrer".
  {
    rule: 'ongoing',
    status: 'delivered',
    forms: [
      [AUX, ADV, w('commence', 'continue'), w('a', 'de', "d'"), TO_TRANSFER],
      [w('commence', 'commencent', 'continue', 'continuent', 'poursuit', 'poursuivent'), ADV, w('a', 'de', "d'"), TO_TRANSFER],
      [w('premier', 'premiere', 'seul', 'seule', 'dernier', 'derniere'), gap(2), w('a'), TO_TRANSFER],
    ],
  },
  { rule: 'exported', status: 'delivered', forms: [[AUX, ADV, w('exportee?s?')]] },
  { rule: 'completed', status: 'delivered', forms: [[AUX, gap(1), w('acheve', 'termine', 'finalise'), w('la', 'les'), w('livraisons?')]] },
  {
    rule: 'transfer-noun',
    status: 'announced',
    kind: 'noun',
    forms: [
      [
        w('la', 'une', 'les', 'des', 'sa', 'ses', 'leur', 'leurs', 'cette', 'prochaine', 'nouvelle', 'nouvelles'),
        gap(1),
        TRANSFER_NOUN,
        opt("a l'\\p{L}+", 'au \\p{L}+', 'a \\p{L}+'),
        OF,
      ],
    ],
  },
  // Strikes and use are not transfers: "la Russie a tiré des Kinjal", "frappée par des Kh-101", "utilise des F-16".
  {
    rule: 'use',
    status: 'delivered',
    kind: 'use',
    forms: [
      [
        w(
          'tir(?:e|ee|es|ees|ent|er|ait|aient)',
          'frapp\\p{L}*',
          'abattu\\p{L}*',
          'abattre',
          'intercept\\p{L}*',
          'lanc(?:e|ee|es|ees|er|ent|ait|aient)',
          'utilis\\p{L}*',
          'employ\\p{L}*',
          'bombard\\p{L}*',
          'detrui\\p{L}*',
        ),
      ],
    ],
  },
  // Training, repair and maintenance on a system are not transfers of it.
  {
    rule: 'service',
    status: 'delivered',
    kind: 'use',
    forms: [
      [
        w(
          'formation',
          'former',
          'formes',
          'forment',
          'entrainent',
          'entrainement',
          'entrainer',
          'reparation',
          'reparer',
          'maintenance',
          'entretien',
          'pilotes',
          'pilotage',
        ),
      ],
    ],
  },

  // ---- announced
  { rule: 'announce', status: 'announced', forms: [[AUX, ADV, w('annonce')], [w('annoncent')], [w('annonce'), w("l'", 'de', "d'")]] },
  {
    rule: 'envoi',
    status: 'announced',
    kind: 'noun',
    forms: [
      [w("l'"), w('envoi')],
      [w('envoi'), w('de', "d'")],
    ],
  },
  {
    rule: 'near-future',
    status: 'announced',
    forms: [
      [w('va', 'vont', 'allons', 'vais', 'allait', 'allaient', 'irait', 'iraient'), gap(3), TO_TRANSFER],
      [w('va', 'vont', 'allait', 'allaient'), gap(2), w('proceder'), w('a'), w('des', 'de', 'la'), opt('nouvelles'), w('livraisons?')],
    ],
  },
  {
    rule: 'future',
    status: 'announced',
    forms: [
      [w('(?:enverr|livrer|fournir|transferer|ceder|donner|offrir|expedier|remplacer|remettr|deploier|depecher|vendr)(?:a|ai|as|ons|ez|ont|ait|aient|ions)')],
    ],
  },
  // "Les F-16 danois arriveront en Ukraine cet été."
  {
    rule: 'will-arrive',
    status: 'announced',
    forms: [[w('arrivera', 'arriveront', 'arriveraient', 'arriverait')], [w('devrai(?:t|ent)', 'doi(?:t|vent)', 'vont', 'va'), ADV, w('arriver', 'parvenir')]],
  },
  // "Paris mettra à disposition de Kiev des Caesar."
  { rule: 'provide', status: 'delivered', forms: [[w('met', 'mettent', 'mis', 'mise', 'mises'), w('a'), w('disposition')]] },
  { rule: 'will-provide', status: 'announced', forms: [[w('mettra', 'mettront', 'mettre'), w('a'), w('disposition')]] },
  { rule: 'future-passive', status: 'announced', forms: [[w('sera', 'seront', 'serait', 'seraient'), ADV, TRANSFERRED]] },
  { rule: 'subjunctive-passive', status: 'planned', forms: [[w('soit', 'soient'), ADV, TRANSFERRED]] },
  {
    rule: 'pledge',
    status: 'pledged',
    forms: [
      [w('promet', 'promettent', 'promettait')],
      [AUX, ADV, w('promis')],
      [w("s'"), w('est', 'etait'), ADV, w('engagee?')],
      [w('se'), w('sont', 'etaient'), ADV, w('engagee?s')],
      [w("s'"), w('engag(?:ent|e|eait|eaient|era|eront)'), w('a')],
      [w('prete?s?'), w('a'), TO_TRANSFER],
      [w("s'", 'se'), w('(?:prepar|appret)(?:e|ent|ait|aient)'), ADV, w('a'), TO_TRANSFER],
    ],
  },
  { rule: 'promised', status: 'pledged', kind: 'post', forms: [[w('promise?s?'), w('a', 'au', 'aux', 'par')]] },
  { rule: 'funding', status: 'announced', forms: [[w('debloque\\p{L}*')]] },
  {
    rule: 'package',
    status: 'announced',
    forms: [
      [w('nouvelle'), w('aide')],
      [w('nouveau'), w('paquet', 'volet')],
      [w('paquet', 'volet'), w("d'"), w('aide')],
      [w('comprenant', 'comprendra', 'comprend', 'comprenait', 'incluait', 'inclut', 'inclura', 'incluant', 'inclure', 'inclus', 'incluse', 'inclues')],
    ],
  },
  {
    rule: 'decision',
    status: 'announced',
    forms: [
      [AUX, ADV, w('accepte', 'decide', 'propose', 'convenu', 'approuve', 'autorise'), w("d'", 'de'), TO_TRANSFER],
      [w('decision'), w('de', "d'"), TO_TRANSFER],
      [w('confirme', 'confirment'), w('la', 'les'), TRANSFER_NOUN],
    ],
  },

  // ---- planned
  {
    rule: 'plan',
    status: 'planned',
    forms: [
      [w('prevoi(?:t|ent)')],
      [w('prevue?s?')],
      [w('planifie\\p{L}*')],
      [w('compte', 'comptent', 'entend', 'entendent', 'veut', 'veulent', 'vouloir', 'souhaite', 'souhaitent', 'souhaiter'), ADV, TO_TRANSFER],
    ],
  },
  {
    rule: 'order',
    status: 'planned',
    forms: [
      [w('commande'), w('de', "d'", 'des', 'portant')],
      [w("l'"), w('acquisition'), w('de', "d'", 'par')],
      [w("l'"), w('achat'), w('de')],
      [w('acheter', 'achete', 'achetee?s?', 'achetera', 'acheteront', 'acheterait', 'acquerir')],
    ],
  },
  // "devrait livrer", "doivent être livrés", "devrait être annoncé" (not any "devrait": "devraient permettre de …").
  {
    rule: 'should',
    status: 'planned',
    forms: [
      [w('devrai(?:t|ent)', 'doi(?:t|vent)'), ADV, w('arriver', 'recevoir', 'inclure', 'comprendre')],
      [w('devrai(?:t|ent)', 'doi(?:t|vent)'), ADV, TO_TRANSFER],
      [
        w('devrai(?:t|ent)', 'doi(?:t|vent)'),
        ADV,
        w('etre'),
        ADV,
        w('(?:livre|envoye|transfere|fourni|cede|remis|expedie|annonce|inclus|livree|livrees|livres)e?s?'),
      ],
    ],
  },
  {
    rule: 'deadline',
    status: 'planned',
    forms: [
      [w("d'"), w('ici'), w('a', 'la', 'fin', "l'", '\\d+')],
      [w("l'"), w('annee'), w('prochaine')],
      [w("l'"), w('an'), w('prochain')],
      [w('dans'), w('les'), w('prochain(?:s|es)'), w('jours', 'semaines', 'mois')],
    ],
  },

  // ---- requested
  {
    rule: 'request',
    status: 'requested',
    forms: [
      [w('a', 'ont', 'avait', 'avaient'), w('appele', 'exhorte', 'demande', 'sollicite', 'prie', 'implore', 'supplie', 'reclame')],
      [
        w(
          'appelle',
          'appellent',
          'exhorte',
          'exhortent',
          'demandent',
          'reclame',
          'reclament',
          'plaide',
          'plaident',
          'sollicite',
          'sollicitent',
          'supplie',
          'implore',
        ),
      ],
      [w('demande'), w('a', 'aux', 'de', "d'", "l'", 'la', 'des')],
      // "… et appelé les autres alliés à …": the participle without its auxiliary, before its object.
      [w('appele', 'exhorte', 'invite', 'prie'), w('les', 'la', 'le', "l'", 'ses', 'leurs', 'tous')],
    ],
  },
  {
    rule: 'need',
    status: 'requested',
    forms: [
      [w("l'"), w('importance'), w('de'), w('fournir', 'livrer', 'envoyer')],
      [w('la'), w('necessite'), w('de'), w('fournir', 'livrer', 'envoyer')],
      [w('besoin'), opt('urgent'), w('de', "d'")],
      [w('appel'), w('a'), w('fournir', 'livrer', 'envoyer')],
    ],
  },

  // ---- produced
  {
    rule: 'production',
    status: 'produced',
    forms: [
      [w('produi(?:t|sent|ra|ront|re|sait|saient)')],
      [w('productions?')],
      [w('cadence'), w('de'), w('production')],
      [w('fabriqu(?:e|ent|era|eront|er)')],
      [w('fabrication'), w('de', "d'", 'des')],
    ],
  },

  // ---- hedges: speculation, hesitation and refusal make what they govern no fact
  {
    rule: 'hedge',
    status: 'announced',
    kind: 'hedge',
    forms: [
      [w('pourrai(?:s|t|ent)', 'pourr(?:a|ont)', 'pourrions')],
      [
        w(
          'envisag\\p{L}*',
          'songe\\p{L}*',
          'reflechi\\p{L}*',
          'hesit\\p{L}*',
          'refus\\p{L}*',
          'exclu(?:t|ent|re)?',
          'eventuel\\p{L}*',
          'possibilite',
          'hypothese',
          'rumeurs?',
        ),
      ],
      [w('etudie', 'etudient'), w('la', 'une'), w('possibilite', 'option', 'demande')],
      [w('feu'), w('vert')],
      // A condition: "si l'Allemagne décidait de livrer", "si Washington livrait des ATACMS".
      [
        w('si', "s'"),
        gap(3),
        w('decid\\p{L}*', 'accept\\p{L}*', 'livrait', 'livraient', 'fournissait', 'fournissaient', 'envoyait', 'envoyaient', 'cedait', 'cedaient'),
      ],
    ],
  },
];
