/**
 * French word lists the tokenizer classifies words with (token flags) and the entity stage reads.
 */

/** Folded French function words, frequent sentence starters, titles, months: never names. */
export const COMMON_WORDS = new Set(
  (
    'a au aux avec apres avant ainsi alors aussi aujourd autre autres avoir bien car ce ceci cela celle celui ces cet cette ' +
    'chaque comme comment contre dans de des depuis desormais deja donc dont du durant elle elles en encore enfin entre et ' +
    'etre eux hier il ils je jusqu la le les leur leurs lors lorsque mais malgre meme moins ne ni nos notre nous on ou par ' +
    'parmi pas pendant peu plus plusieurs pour pourtant puis quand que quel quelle quelles quels qui quoi sa sans se selon ' +
    'ses si son sous sur ses tandis tant toujours tous tout toute toutes tres un une vers voici voila vous demain ' +
    'ici la-bas cependant neanmoins toutefois outre egalement notamment d l qu s c n j m mme mlle mm monsieur madame ' +
    'president presidente ministre premier premiere secretaire general generale chef ambassadeur ambassadrice chancelier ' +
    'chanceliere commandant amiral colonel marechal conseiller conseillere commissaire porte parole roi reine prince ' +
    'gouvernement ministere defense affaires etrangeres exterieures armees armee interieur etat etats justice finances economie ' +
    'sante diplomatie forces union alliance conseil commission parlement assemblee senat republique presidence ' +
    'lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin juillet aout septembre ' +
    'octobre novembre decembre source lire suite photo video afp reuters ' +
    'selon face suite concernant pres loin nouvelle nouveau nouvel ancien ancienne lors ensuite cependant certes ' +
    'dans cet cela celles ceux voici dont or grace hors sauf via quant enfin oui non merci bonjour le-president ' +
    'nord sud est ouest occident ouest europe'
  ).split(/\s+/),
);

/** Military words that make an ambiguous weapon name ("César", "Archer") acceptable in a sentence. */
// prettier-ignore
export const MILITARY_WORDS = new Set([
  'arme', 'armes', 'armement', 'armements', 'militaire', 'militaires', 'livraison', 'livraisons', 'livre', 'livres',
  'livree', 'livrees', 'livrer', 'livrera', 'livrerait', 'envoi', 'envoyer', 'artillerie', 'defense', 'antiaerienne',
  'aerienne', 'munitions', 'front', 'frappe', 'frappes', 'armee', 'armees', 'soldats', 'troupes', 'batterie', 'batteries',
  'calibre', 'tir', 'tirs', 'production', 'fabrication', 'fourniture', 'obus', 'chars', 'blindes',
]);
