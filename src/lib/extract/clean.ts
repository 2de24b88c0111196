/**
 * Clean stage: removes boilerplate lines from normalised article text (output of normalizeText),
 * sets aside attribution lines and editorial footnotes, and rebuilds paragraphs.
 *
 * Every rule is a small named object tested on one trimmed line. Rules anchor on whole-line
 * shapes with length limits, never on a trigger word somewhere in a sentence, so article prose
 * that mentions "Facebook" or "source" is kept. Lines are examined from the last to the first so
 * each rule knows whether it sits in the tail of the article (nothing kept after it).
 *
 * Paragraphs: with no blank line in the text, every line is a paragraph; when blank lines
 * separate paragraphs and lines are hard-wrapped (short, broken mid-sentence), wrapped lines are
 * joined with a space. In every layout a line broken mid-sentence (no terminal punctuation, next
 * line starting in lower case) is joined to the next. Output paragraphs are separated by "\n\n".
 */
import type { CleanedText } from './types.ts';

export type RuleVerdict = 'drop' | 'drop-with-next' | 'attribution' | 'footnote' | 'keep';

export interface RuleContext {
  /** All lines of the input, trimmed. */
  lines: readonly string[];
  /** Index of the line under test. */
  index: number;
  /** Number of non-empty lines before this one. */
  position: number;
  /** True when no line after this one is kept as article text (only boilerplate, attributions, footnotes, blanks). */
  tail: boolean;
  /** The whole input text. */
  text: string;
}

export interface BoilerplateRule {
  id: string;
  description: string;
  test(line: string, context: RuleContext): RuleVerdict;
}

/* ---------- Shapes shared by several rules ---------- */

/** Lines longer than this are prose for every drop rule (a paragraph is never boilerplate). */
const MAX_BOILERPLATE = 300;

const LIVE_TEASER =
  /^(?:suivez|retrouvez|revivez)\s+(?:en direct|notre (?:direct|live|fil)|(?:toute )?l'actualit[ée]|les derni[èe]res (?:nouvelles|informations|infos|actualit[ée]s))/i;
const LIVE_LABEL = /^(?:en direct|direct|live|live updates?)\s*(?:$|[-–—:|•])/i;
const LIVE_EN = /^follow (?:our |the )?live\b/i;

const COMMENT_PROMPTS: RegExp[] = [
  /^(?:laisser|laissez|ajouter|écrire|[ée]crivez|poster|publier) (?:un|une|votre) (?:commentaire|réponse|avis)\b/i,
  /^(?:leave a (?:reply|comment)|add (?:a )?comment|post (?:a )?comment|cancel reply|annuler (?:la )?réponse|répondre|reply|\d+ (?:commentaires?|comments?|réactions?)|commentaires?|comments?|réagir|réagissez|aucun commentaire|no comments?(?: yet)?|voir les commentaires|afficher les commentaires|publier le commentaire|envoyer le commentaire)\s*[.!:]?$/i,
  /^your email address will not be published\b/i,
  /^required fields are marked\b/i,
  /^votre adresse (?:e-?mail|de messagerie|courriel|électronique) ne sera pas publiée\b/i,
  /^les champs (?:obligatoires|requis) sont (?:indiqués|marqués)\b/i,
  /^vous devez (?:être connecté|vous connecter|être inscrit) pour (?:publier|poster|laisser) un commentaire\b/i,
  /^you must be logged in to post a comment\b/i,
  /^(?:enregistrer mon nom|save my name)\b/i,
  /^(?:connectez-vous|identifiez-vous) pour (?:commenter|réagir)\b/i,
];
const COMMENT_FIELD = /^(?:nom|name|pseudo|e-?mail|adresse e-?mail|courriel|site (?:web|internet)|website|commentaire|comment|message)\s*\*?\s*:?\s*\*?$/i;

const RATING_WIDGET: RegExp[] = [
  /^(?:cette publication|cet article|ce post|ce contenu) vous a-t-(?:il|elle) été utile/i,
  /^cliquez sur une étoile/i,
  /^note moyenne\s*:?\s*\d/i,
  /^décompte des voix\s*:?\s*\d/i,
  /^aucun vote (?:pour l'instant|jusqu'à présent|pour le moment)/i,
  /^nous sommes désolés que (?:cet article|cette publication|ce post|ce contenu)/i,
  /^(?:améliorons|améliorez) (?:cet article|cette publication|ce post)/i,
  /^dites-nous comment nous (?:pouvons|pourrions) améliorer/i,
  /^comme vous avez trouvé (?:cet article|cette publication|ce post)/i,
  /^suivez-nous sur les réseaux sociaux\s*!?$/i,
  /^(?:how useful was this|click on a star|average rating|vote count|no votes so far|we are sorry that this (?:post|article)|let us improve this|tell us how we can improve|submit feedback|envoyer (?:vos |le )?(?:commentaires?|avis))\b/i,
  /^(?:votez|notez cet article|rate this(?: article| post)?)\s*[:!]?$/i,
];

const SHARE_TOKEN =
  "(?:partager(?: (?:sur|via) [\\p{L}+]+| cet article| l'article| la publication)?|partagez(?: cet article)?|share(?: (?:on|via) [\\p{L}+]+| this(?: article)?)?|tweet(?:er)?|facebook|twitter|x|linkedin|whatsapp|telegram|messenger|reddit|pinterest|vk|vkontakte|viber|bluesky|threads|flipboard|e-?mail|courriel|envoyer(?: par e-?mail| à un ami)?|imprimer|print|copier le lien|copy link|lien copié)";
const SHARE_LINE = new RegExp(`^${SHARE_TOKEN}(?:\\s*[|•·,/:]?\\s*${SHARE_TOKEN})*\\s*:?$`, 'iu');

const SUBSCRIBE =
  /^(?:abonnez[- ]vous|s'abonner|inscrivez[- ]vous|s'inscrire|subscribe|sign up|rejoignez[- ]nous|suivez[- ]nous|follow us|recevez (?:notre|nos|chaque|gratuitement)|ne manquez (?:rien|aucune)|newsletter|t[ée]l[ée]chargez (?:notre |l')app(?:lication|li)?|soutenez[- ]nous|faire un don|devenez (?:abonnée?|membre))(?![\p{L}\d])/iu;

const READ_MORE =
  /^(?:(?:à |a )?(?:lire|voir) (?:aussi|également|la suite|plus|notre)|lire la suite|read (?:more|also)|see also|related(?: articles?| stories)?|sur le même (?:sujet|thème)|dans la même rubrique|articles? (?:liés|similaires|connexes|recommandés)|(?:à |a )?voir aussi|en savoir plus|pour aller plus loin|notre dossier|à la une)\b/i;
const READ_MORE_SEPARATOR = /^\s*[:.…>»|•–—-]*\s*/;
const TEASER_MAX = 200;

const COOKIE_WORD = /\bcookies?\b/i;
const COOKIE_START =
  /^(?:ce site|notre site|le site|nous utilisons|nous et nos partenaires|we use|this (?:web)?site|en (?:poursuivant|continuant)|by (?:continuing|using|clicking)|nos partenaires|avec votre accord|gérer (?:les|mes|vos) (?:cookies|préférences)|paramétrer|paramètres|accepter|refuser|politique|utilisation des cookies|cookies?\b)/i;
const COOKIE_BUTTON =
  /^(?:tout accepter|accepter(?: (?:et fermer|tout|les cookies))?|tout refuser|refuser(?: tout)?|continuer sans accepter|j'accepte|accept(?: all)?(?: cookies)?|reject all|gérer (?:mes )?(?:choix|préférences)|paramètres des cookies|cookie settings|ok,? j'ai compris|j'ai compris|personnaliser)\s*[.!]?$/i;

const ADVERTISEMENT =
  /^[-–—*\s[(]*(?:publicité|advertisement|advertising|annonce|annonces|sponsorisé|contenu sponsorisé|contenu partenaire|sponsored(?: content)?|pub|ad)[-–—*\s\])]*[.:]?$/i;

const PHOTO_CREDIT_START =
  /^(?:photos?|images?|illustration|vidéo|crédits?(?: photos?| images?)?|photo credits?|credits?|légende)(?:\s+d'(?:illustration|archives?))?\s*(?:[:©/|]|-\s|by\s)/i;
const PHOTO_ALONE = /^(?:photo|image|illustration)(?: d'(?:illustration|archives?))?\s*\.?$/i;
const COPYRIGHT_START = /^(?:©|\(c\)\s|copyright\b)/i;
const PHOTO_PAREN = /^\((?:photos?|crédits?|illustration)\b[^()]{0,100}\)\.?$/i;
/** A caption ending with a credit: "Des soldats ukrainiens à Bakhmout. © AFP". */
const CAPTION_CREDIT = /(?:©\s?[^\s©][^©]{0,60}|\((?:photo|crédit)\s*:[^()]{1,60}\))$/i;

const TAG_LIST =
  /^(?:tags?|mots[- ]cl[ée]s?|mots[- ]clefs?|étiquettes?|thèmes?|sujets?|keywords?|catégories?|categories?|rubriques?|classé dans|filed under|posted in|publié dans)\s*:/i;
const HASHTAG_LINE = /^(?:#[\p{L}\d_]+[\s,]*){2,}$/u;

const BREADCRUMB_START = /^(?:accueil|home|à la une|actualités?|news|infos?)\s*(?:>|›|»|\/|\||→)/i;
const BREADCRUMB_SEP = /\s(?:>|›|→)\s/;

const BYLINE =
  /^(?:[Pp]ar|[Bb]y|[Dd]e notre (?:envoyée?|correspondante?)[^,]{0,40},?)\s+(?:(?:la |notre )?rédaction(?: de [^,]{1,40})?|[\p{Lu}][^\s,]*(?: (?:de |du |von |van |le |la |d')?[\p{Lu}][^\s,]*){0,3})(?:\s*(?:,|et|and)\s+[\p{Lu}][^,]{0,60})?(?:\s*,\s*(?:correspondante?|envoyée? spéciale?|journaliste|rédact(?:eur|rice)|reporter|chroniqueu(?:r|se)|grand reporter|avec|à|au|aux|en|depuis|pour)\b[^.!?]{0,50})?$/u;

const KICKER = /^[\p{Lu}][\p{L}'-]*(?: [\p{L}'-]+)?$/u;

const PUBLICATION_META =
  /^(?:publié|publiée|mis en ligne|mise en ligne|mis à jour|mise à jour|modifié|modifiée|actualisé|actualisée|updated|published|posted|dernière mise à jour)(?![\p{L}])(?:\s+(?:le|on))?\s*:?\s*/iu;
const META_SPLIT = /[\s,|:/().–—•·-]+/;
const META_WORDS = new Set([
  'le',
  'à',
  'a',
  'at',
  'on',
  'et',
  'and',
  'mis',
  'mise',
  'jour',
  'en',
  'ligne',
  'modifié',
  'modifiée',
  'updated',
  'publié',
  'publiée',
  'actualisé',
  'actualisée',
  'dernière',
  'heure',
  'heures',
  'h',
  'gmt',
  'utc',
  'cet',
  'cest',
  'am',
  'pm',
  'il',
  'y',
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
  'janv',
  'févr',
  'fév',
  'avr',
  'juil',
  'sept',
  'oct',
  'nov',
  'déc',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'min',
  'minutes',
  'heures',
]);

/** "Publié le 25 janvier 2023 à 14h12 - Mis à jour le …", optionally "par <author>": only date words after the label. */
function isPublicationMeta(line: string): boolean {
  const m = PUBLICATION_META.exec(line);
  if (!m) return false;
  let digits = false;
  for (const word of line.slice(m[0].length).split(META_SPLIT)) {
    if (word === '') continue;
    const w = word.toLowerCase();
    if (w === 'par' || w === 'by') break;
    if (/\d/.test(w)) digits = true;
    else if (!META_WORDS.has(w.replace(/\.$/, ''))) return false;
  }
  return digits;
}
const DATE_ONLY =
  /^(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?(?:\d{1,2}(?:er)?[\s./-]+(?:\p{L}+\.?|\d{1,2})[\s./-]+\d{2,4}|\d{4}-\d{2}-\d{2})(?:\s*(?:à|-|,|at)?\s*\d{1,2}\s*[h:]\s*\d{0,2}(?:\s*(?:GMT|UTC|CET|CEST)(?:[+-]\d{1,2})?)?)?$/iu;

const NO_LETTERS = /^[^\p{L}\p{N}]{1,40}$/u;
const STARTS_LOWER_LETTER = /^\p{Ll}/u;

/* ---------- Attributions and footnotes ---------- */

const ATTRIBUTION_SOURCE = /^(?:la |les )?sources?\s*:\s*(\S.*)$/i;
const ATTRIBUTION_SOURCE_BARE = /^[Ss](?:ources?|OURCES?)\s+([\p{Lu}\d&.-]{2,10})$/u;
/** "Avec AFP", "(avec AFP)", "Par la rédaction avec AFP", "Par Le Figaro avec AFP et Reuters", "Le Monde avec AFP". */
const ATTRIBUTION_WITH =
  /^\(?\s*(?:(?:[Pp](?:ar|AR)\s+)?(?:(?:la |notre )?[Rr]édaction|[\p{Lu}][\p{L}'.-]*(?: [\p{Lu}][\p{L}'.-]*){0,3})\s+)?[Aa](?:vec|VEC)\s+(?:l'|les\s+)?(\S[^()]{0,58}?)\s*\)?\s*\.?$/u;
/** At least one word of an agency credit must look like an agency: an acronym or a known wire name. */
const AGENCY_WORD = /^(?:\p{Lu}{2,}[\p{Lu}\d-]*|agences?|reuters|belga|xinhua|anadolu|ukrinform|sputnik|interfax|bloomberg|unian|kyodo|yonhap|efe|ansa)$/u;
const AGENCY_WORD_CI = /^(?:agences?|reuters|belga|xinhua|anadolu|ukrinform|sputnik|interfax|bloomberg|unian|kyodo|yonhap)$/i;
const ATTRIBUTION_WITH_WORD = /^(?:[\p{Lu}\d][\p{L}\d&.'-]*|agences?|et|and|la|le|les|l'|de|du|des|presse|médias|[\p{Lu}][\p{L}]*'[\p{L}]+)$/u;
/** "(AFP)", "(Reuters)", "(avec AFP)". */
const ATTRIBUTION_PAREN = /^\(\s*(?:avec\s+)?([\p{Lu}][\p{L}\d&.' -]{0,30}?)\s*\)\.?$/u;
const PAREN_NOT_AGENCY = /^(?:vidéo|video|photo|photos|audio|infographie|carte|archives?|illustration|mis à jour|màj|update|fin|suite|à suivre|\d)/i;
/** "Ukrinform", "AFP." alone on the last line (tail of the article only). */
const ATTRIBUTION_AGENCY_ALONE =
  /^(?:AFP|AP|ATS|ANP|DPA|dpa|PAP|EFE|ANSA|TASS|Belga|BELGA|Reuters|REUTERS|Ukrinform|UKRINFORM|Interfax|Xinhua|Anadolu|Sputnik|RIA Novosti|UNIAN|Keystone-ATS)\.?$/;
/** "— Ukrinform", "- AFP" (tail of the article only). */
const ATTRIBUTION_DASH = /^[—–-]\s*([\p{Lu}][\p{L}\d&.'-]*(?: [\p{L}\d&.'-]+){0,3})\.?$/u;

/** Footnote markers: "*", "**", "(*)", "¹", "(1)", "[1]". */
const FOOTNOTE = /^(\(\*{1,3}\)|\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\d{1,2}\)|\[\d{1,2}\])\s*(\S.{5,})$/u;
const MARKED_WORD = /[\p{L}\d)»"]\*/u;

/** The text of a footnote line without its leading marker ("* Les activités…" → "Les activités…"). */
export function stripFootnoteMarker(line: string): string {
  const m = FOOTNOTE.exec(line);
  return m ? m[2] : line;
}

let markedWordCache: { text: string; result: boolean } = { text: '', result: false };

/** Whether the text has a word carrying a footnote asterisk ("Facebook*"); cached for the current text. */
function hasMarkedWord(text: string): boolean {
  if (markedWordCache.text !== text) markedWordCache = { text, result: MARKED_WORD.test(text) };
  return markedWordCache.result;
}

/** One alternation for a list of case-insensitive patterns: one regex call per line instead of many. */
function union(patterns: readonly RegExp[]): RegExp {
  return new RegExp(patterns.map((re) => `(?:${re.source})`).join('|'), 'iu');
}

const COMMENT_PROMPT = union(COMMENT_PROMPTS);
const RATING = union(RATING_WIDGET);

function nextNonEmpty(ctx: RuleContext): string | null {
  for (let i = ctx.index + 1; i < ctx.lines.length; i++) if (ctx.lines[i] !== '') return ctx.lines[i];
  return null;
}

/* ---------- The rules, in evaluation order (first non-keep verdict wins) ---------- */

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    id: 'attribution-source',
    description: 'Source line: "Source: AA", "La source: www.rt.com", "Sources : Reuters, AFP" (short value, no sentence).',
    test(line) {
      if (line.length > 140) return 'keep';
      const m = ATTRIBUTION_SOURCE.exec(line);
      if (m) {
        const value = m[1];
        if (value.length > 100 || /[.!?]\s+\p{Lu}/u.test(value)) return 'keep';
        return 'attribution';
      }
      return ATTRIBUTION_SOURCE_BARE.test(line) ? 'attribution' : 'keep';
    },
  },
  {
    id: 'attribution-with',
    description: 'Agency credit: "Avec AFP", "(avec Reuters)", "Par la rédaction avec AFP".',
    test(line) {
      if (line.length > 100) return 'keep';
      const m = ATTRIBUTION_WITH.exec(line);
      if (!m) return 'keep';
      const words = m[1].split(/\s+|,\s*/).filter(Boolean);
      if (words.length === 0 || words.length > 8) return 'keep';
      if (!words.every((w) => ATTRIBUTION_WITH_WORD.test(w))) return 'keep';
      return words.some((w) => AGENCY_WORD.test(w) || AGENCY_WORD_CI.test(w)) ? 'attribution' : 'keep';
    },
  },
  {
    id: 'attribution-agency-mark',
    description: 'A line that is only an agency mark: "(AFP)", "(Reuters)"; or, in the tail, "— Ukrinform" or a bare "Ukrinform".',
    test(line, ctx) {
      if (line.length > 50) return 'keep';
      const p = ATTRIBUTION_PAREN.exec(line);
      if (p) return PAREN_NOT_AGENCY.test(p[1]) ? 'keep' : 'attribution';
      if (ctx.tail && (ATTRIBUTION_DASH.test(line) || ATTRIBUTION_AGENCY_ALONE.test(line))) return 'attribution';
      return 'keep';
    },
  },
  {
    id: 'editorial-footnote',
    description:
      'A note at the end explaining a marked term: "* Les activités de Meta … sont interdites comme extrémistes en Russie", "(*)", "¹", "(1)" (numbered markers must appear earlier in the text).',
    test(line, ctx) {
      if (!ctx.tail || line.length > 600) return 'keep';
      const m = FOOTNOTE.exec(line);
      if (!m) return 'keep';
      const marker = m[1];
      if (marker[0] !== '*' && marker !== '(*)' && marker !== '(**)' && marker !== '(***)') {
        // Numbered markers ("(1)", "[1]", "¹") must also appear in the body: at least twice in the text.
        return ctx.text.indexOf(marker) !== ctx.text.lastIndexOf(marker) ? 'footnote' : 'keep';
      }
      // "*" / "(*)": referenced by a marked word ("Facebook*"), or a single trailing note after the body.
      return hasMarkedWord(ctx.text) || nextNonEmpty(ctx) === null ? 'footnote' : 'keep';
    },
  },
  {
    id: 'read-more',
    description:
      '"Lire aussi :", "À lire aussi", "LIRE LA SUITE:", "Read more:" — with the teaser on the same line, or alone (then the next non-blank line, the teaser headline, goes too).',
    test(line) {
      if (line.length > 250) return 'keep';
      const m = READ_MORE.exec(line);
      if (!m) return 'keep';
      const after = line.slice(m[0].length);
      const sep = READ_MORE_SEPARATOR.exec(after);
      const rest = after.slice(sep ? sep[0].length : 0);
      if (rest === '') return 'drop-with-next';
      // With text after the label it must be a teaser, not a sentence ("En savoir plus sur ... a dit").
      if (!sep || sep[0].trim() === '') return rest.length <= 120 && !/[.!?]$/.test(rest) && /^\p{Lu}/u.test(rest) ? 'drop' : 'keep';
      return rest.length <= TEASER_MAX ? 'drop' : 'keep';
    },
  },
  {
    id: 'live-teaser',
    description: 'Live-blog teasers: "Suivez en direct les dernières nouvelles…", "Suivez notre direct", "EN DIRECT".',
    test(line) {
      if (line.length > 200) return 'keep';
      if (LIVE_TEASER.test(line) || LIVE_EN.test(line)) return 'drop';
      if (line.length <= 160 && LIVE_LABEL.test(line)) {
        // "En direct, le ministre a dit…" is prose; "EN DIRECT - Guerre en Ukraine" is a label.
        return /^(?:en direct|direct|live)\s*,/i.test(line) ? 'keep' : 'drop';
      }
      return 'keep';
    },
  },
  {
    id: 'comment-prompt',
    description: 'Comment prompts: "Laisser un commentaire", "Leave a Reply", "Your email address will not be published", "Required fields are marked *"…',
    test(line) {
      return line.length <= 200 && COMMENT_PROMPT.test(line) ? 'drop' : 'keep';
    },
  },
  {
    id: 'comment-form',
    description: 'Comment-form field labels in the tail of the page: "Nom *", "Email *", "Site web", "Commentaire".',
    test(line, ctx) {
      return ctx.tail && line.length <= 40 && COMMENT_FIELD.test(line) ? 'drop' : 'keep';
    },
  },
  {
    id: 'rating-widget',
    description: 'Rating widgets: "Cette publication vous a-t-elle été utile ?", "Cliquez sur une étoile pour la noter", "Note moyenne 0 / 5"…',
    test(line) {
      return line.length <= 200 && RATING.test(line) ? 'drop' : 'keep';
    },
  },
  {
    id: 'share-buttons',
    description: 'Share buttons: "Partager", "Partager sur Facebook", "Tweet", "WhatsApp", "Imprimer", or a row of them.',
    test(line) {
      return line.length <= 150 && SHARE_LINE.test(line) ? 'drop' : 'keep';
    },
  },
  {
    id: 'subscribe',
    description: 'Subscription calls: "Abonnez-vous", "S\'abonner à notre newsletter", "Suivez-nous sur Telegram"…',
    test(line) {
      return line.length <= 160 && SUBSCRIBE.test(line) ? 'drop' : 'keep';
    },
  },
  {
    id: 'cookie-banner',
    description: 'Cookie and consent banners ("Ce site utilise des cookies…") and their buttons ("Tout accepter").',
    test(line) {
      if (line.length <= 40 && COOKIE_BUTTON.test(line)) return 'drop';
      return line.length <= 600 && COOKIE_START.test(line) && COOKIE_WORD.test(line) ? 'drop' : 'keep';
    },
  },
  {
    id: 'advertisement',
    description: 'Advertisement labels: "Publicité", "- PUBLICITÉ -", "Contenu sponsorisé", "Advertisement".',
    test(line) {
      return line.length <= 40 && ADVERTISEMENT.test(line) ? 'drop' : 'keep';
    },
  },
  {
    id: 'photo-credit',
    description: 'Photo credits and captions ending with a credit: "Photo : AFP", "© AFP", "Crédit photo : …", "(Photo : Reuters)".',
    test(line) {
      if (line.length > 250) return 'keep';
      if (line.length <= 200 && (PHOTO_CREDIT_START.test(line) || COPYRIGHT_START.test(line))) return 'drop';
      if (PHOTO_ALONE.test(line) || PHOTO_PAREN.test(line)) return 'drop';
      return CAPTION_CREDIT.test(line) ? 'drop' : 'keep';
    },
  },
  {
    id: 'tag-list',
    description: 'Tag and category lists: "Tags: …", "Mots-clés :", "Catégories :", a row of #hashtags.',
    test(line) {
      if (line.length > 400) return 'keep';
      return TAG_LIST.test(line) || HASHTAG_LINE.test(line) ? 'drop' : 'keep';
    },
  },
  {
    id: 'breadcrumb',
    description: 'Navigation breadcrumbs: "Accueil > Monde > Europe", "Home › News › Ukraine".',
    test(line) {
      if (line.length > 200) return 'keep';
      if (BREADCRUMB_START.test(line)) return 'drop';
      if (!BREADCRUMB_SEP.test(line)) return 'keep';
      const parts = line.split(BREADCRUMB_SEP);
      return parts.length >= 3 && parts.every((p) => p.length > 0 && p.length <= 50 && !/[.!?]$/.test(p)) ? 'drop' : 'keep';
    },
  },
  {
    id: 'byline',
    description: 'Author bylines: "Par Jean Dupont", "Par la rédaction", "By Jane Doe, à Kiev".',
    test(line) {
      return line.length <= 90 && BYLINE.test(line) ? 'drop' : 'keep';
    },
  },
  {
    id: 'publication-date',
    description:
      'Publication metadata: "Publié le 25 janvier 2023 à 14h12 - Mis à jour le …", "Updated: …", or a line that is only a date/time. Kept in `removed` for the date stage.',
    test(line) {
      if (line.length > 160) return 'keep';
      return isPublicationMeta(line) || DATE_ONLY.test(line) ? 'drop' : 'keep';
    },
  },
  {
    id: 'section-kicker',
    description: 'A one- or two-word section label among the first lines of the page ("International", "Défense") before the headline.',
    test(line, ctx) {
      if (ctx.position > 3 || line.length > 25 || !KICKER.test(line)) return 'keep';
      const next = nextNonEmpty(ctx);
      return next !== null && !STARTS_LOWER_LETTER.test(next) ? 'drop' : 'keep';
    },
  },
  {
    id: 'separator',
    description: 'Lines with no letter or digit: "***", "---", "•".',
    test(line) {
      return NO_LETTERS.test(line) ? 'drop' : 'keep';
    },
  },
];

/** The rules indexed by id (for tests and reports). */
export const RULES_BY_ID: ReadonlyMap<string, BoilerplateRule> = new Map(BOILERPLATE_RULES.map((r) => [r.id, r]));

/* ---------- The stage ---------- */

type LineState = { verdict: RuleVerdict; ruleId: string };

const KEEP: LineState = { verdict: 'keep', ruleId: '' };
const LINE_MAX_WRAPPED = 100;
const ENDS_SENTENCE = /[.!?…:;](?:\s?[»"')\]])*$/;
const ENDS_SOFT = /[.!?…:;»"')\]]$/;
const STARTS_LOWER = /^\p{Ll}/u;
const HYPHEN_END = /\p{L}-$/u;
/** Characters of a paragraph's end that ENDS_SENTENCE and HYPHEN_END need (a stop and its closers). */
const TAIL = 64;

function classify(line: string, ctx: RuleContext): LineState {
  if (line.length > MAX_BOILERPLATE * 2) return KEEP;
  for (const rule of BOILERPLATE_RULES) {
    const verdict = rule.test(line, ctx);
    if (verdict !== 'keep') return { verdict, ruleId: rule.id };
  }
  return KEEP;
}

/** Removes boilerplate from normalised text; see the module comment. */
export function cleanText(text: string): CleanedText {
  const lines = text.split('\n').map((l) => l.trim());
  const n = lines.length;

  const position = new Array<number>(n);
  let seen = 0;
  for (let i = 0; i < n; i++) {
    position[i] = seen;
    if (lines[i] !== '') seen++;
  }

  // Backwards, so each line knows whether anything after it is kept.
  const states = new Array<LineState>(n);
  let keptAfter = 0;
  for (let i = n - 1; i >= 0; i--) {
    const line = lines[i];
    if (line === '') {
      states[i] = KEEP;
      continue;
    }
    const ctx: RuleContext = { lines, index: i, position: position[i], tail: keptAfter === 0, text };
    const state = classify(line, ctx);
    states[i] = state;
    if (state.verdict === 'drop-with-next') {
      let j = i + 1;
      while (j < n && lines[j] === '') j++;
      if (j < n && states[j].verdict === 'keep' && lines[j].length <= TEASER_MAX && !ENDS_SENTENCE.test(lines[j])) {
        states[j] = { verdict: 'drop', ruleId: state.ruleId };
        keptAfter--;
      }
    } else if (state.verdict === 'keep') {
      keptAfter++;
    }
  }

  const attributions: string[] = [];
  const footnotes: string[] = [];
  const removed: { ruleId: string; text: string }[] = [];
  const paragraphs: string[] = [];
  const hasBlankLines = lines.some((l, i) => l === '' && i > 0 && i < n - 1);
  let block: string[] = [];

  const flush = (): void => {
    if (block.length > 0) paragraphs.push(...assemble(block, hasBlankLines));
    block = [];
  };

  for (let i = 0; i < n; i++) {
    const line = lines[i];
    if (line === '') {
      flush();
      continue;
    }
    const state = states[i];
    if (state.verdict === 'keep') {
      block.push(line);
      continue;
    }
    flush();
    removed.push({ ruleId: state.ruleId, text: line });
    if (state.verdict === 'attribution') attributions.push(line);
    else if (state.verdict === 'footnote') footnotes.push(stripFootnoteMarker(line));
  }
  flush();

  return { text: paragraphs.join('\n\n'), attributions, footnotes, removed };
}

/** Turns a block of consecutive kept lines into paragraphs. */
function assemble(block: string[], hasBlankLines: boolean): string[] {
  if (block.length === 1) return block;
  let joinAll = false;
  if (hasBlankLines) {
    let short = true;
    let wraps = 0;
    for (let i = 0; i < block.length - 1; i++) {
      if (block[i].length > LINE_MAX_WRAPPED) short = false;
      if (!ENDS_SOFT.test(block[i]) || STARTS_LOWER.test(block[i + 1])) wraps++;
    }
    joinAll = short && wraps * 2 >= block.length - 1;
  }
  const out: string[] = [];
  // The paragraph being built, as its lines, and the end of its text: the end-of-sentence and
  // hyphen tests read only that tail, so joining n wrapped lines stays linear (testing the whole
  // growing paragraph was quadratic: 100,000 short lines took 46 s).
  let parts = [block[0]];
  let tail = block[0].slice(-TAIL);
  for (let i = 1; i < block.length; i++) {
    const next = block[i];
    const midSentence = !ENDS_SENTENCE.test(tail) && STARTS_LOWER.test(next);
    if (joinAll || midSentence) {
      const glue = HYPHEN_END.test(tail) && STARTS_LOWER.test(next) ? '' : ' ';
      parts.push(glue, next);
      tail = (tail + glue + next).slice(-TAIL);
    } else {
      out.push(parts.join(''));
      parts = [next];
      tail = next.slice(-TAIL);
    }
  }
  out.push(parts.join(''));
  return out;
}
