import { describe, expect, it } from 'vitest';
import { BOILERPLATE_RULES, RULES_BY_ID, cleanText, type RuleContext, type RuleVerdict } from '../src/lib/extract/clean.ts';

/** Runs one rule on a line, as the only line of a text unless `lines` says otherwise. */
function verdict(id: string, line: string, opts: Partial<RuleContext> = {}): RuleVerdict {
  const rule = RULES_BY_ID.get(id);
  if (!rule) throw new Error(`no rule ${id}`);
  const lines = opts.lines ?? [line];
  const ctx: RuleContext = {
    lines,
    index: opts.index ?? lines.indexOf(line),
    position: opts.position ?? 5,
    tail: opts.tail ?? false,
    text: opts.text ?? lines.join('\n'),
  };
  return rule.test(line, ctx);
}

const PROSE = [
  "Le ministre a annoncé sur Facebook que la France livrerait 40 missiles Scalp à l'Ukraine d'ici la fin du mois.",
  "Selon une source proche du dossier, les obusiers Caesar seront livrés avant l'été, a indiqué le ministère.",
  "Partager le fardeau de l'aide militaire entre alliés reste la priorité de Paris, a-t-il dit.",
  'Les sources diplomatiques ont indiqué que Washington suivra les derniers développements dans ce dossier.',
  'Avec 40 missiles Scalp, la France rejoint le Royaume-Uni parmi les fournisseurs de missiles de croisière.',
  "Par ailleurs, la France coopère avec Berlin sur la production d'obus.",
  'Note moyenne des sondages : le soutien à Kiev reste majoritaire en Europe selon plusieurs enquêtes publiées mardi.',
];

describe('BOILERPLATE_RULES', () => {
  it('has unique ids and a description for every rule', () => {
    const ids = BOILERPLATE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of BOILERPLATE_RULES) expect(rule.description.length).toBeGreaterThan(10);
  });

  it('keeps article prose that mentions Facebook or sources mid-sentence', () => {
    for (const line of PROSE) {
      for (const rule of BOILERPLATE_RULES) {
        const lines = ['Titre', line, "Suite de l'article."];
        expect(`${rule.id}: ${rule.test(line, { lines, index: 1, position: 1, tail: false, text: lines.join('\n') })}`).toBe(`${rule.id}: keep`);
      }
    }
    const text = PROSE.join('\n\n');
    expect(cleanText(text).text).toBe(text);
  });
});

describe('attribution rules', () => {
  it('attribution-source: "Source: AA", "La source: www.rt.com", "Sources : Reuters, AFP"', () => {
    for (const line of ['Source: AA', 'La source: www.rt.com', 'Sources : Reuters, AFP', 'Source : AFP', 'SOURCE AFP']) {
      expect(verdict('attribution-source', line)).toBe('attribution');
    }
    expect(verdict('attribution-source', 'Source : le ministre a dit. Puis il est parti vers Kiev pour négocier.')).toBe('keep');
  });

  it('attribution-with: "Avec AFP", "(avec Reuters)", "Par la rédaction avec AFP"', () => {
    for (const line of ['Avec AFP', '(avec Reuters)', 'Par la rédaction avec AFP', 'Par Le Figaro avec AFP et Reuters', 'Avec agences']) {
      expect(verdict('attribution-with', line)).toBe('attribution');
    }
    expect(verdict('attribution-with', 'Avec la France.')).toBe('keep');
  });

  it('attribution-agency-mark: "(AFP)" anywhere, "— Ukrinform" only in the tail', () => {
    expect(verdict('attribution-agency-mark', '(AFP)')).toBe('attribution');
    expect(verdict('attribution-agency-mark', '(Reuters)')).toBe('attribution');
    expect(verdict('attribution-agency-mark', '(Vidéo)')).toBe('keep');
    expect(verdict('attribution-agency-mark', '— Ukrinform', { tail: true })).toBe('attribution');
    expect(verdict('attribution-agency-mark', '— Ukrinform', { tail: false })).toBe('keep');
  });

  it('editorial-footnote: a marked note in the tail, not a bullet in the body', () => {
    const text =
      'M. Umerov a écrit sur Facebook*.\n* Les activités de Meta (réseaux sociaux Facebook et Instagram) sont interdites comme extrémistes en Russie';
    const lines = text.split('\n');
    expect(verdict('editorial-footnote', lines[1], { lines, tail: true, text })).toBe('footnote');
    expect(verdict('editorial-footnote', lines[1], { lines, tail: false, text })).toBe('keep');
    const numbered = 'Le Scalp (1) est un missile.\n(1) Missile de croisière franco-britannique.';
    const nl = numbered.split('\n');
    expect(verdict('editorial-footnote', nl[1], { lines: nl, tail: true, text: numbered })).toBe('footnote');
    const unreferenced = 'Le Scalp est un missile.\n(1) Missile de croisière franco-britannique.';
    const ul = unreferenced.split('\n');
    expect(verdict('editorial-footnote', ul[1], { lines: ul, tail: true, text: unreferenced })).toBe('keep');
  });
});

describe('drop rules', () => {
  it('read-more: a label alone drops the next line too; a label with its teaser drops one line', () => {
    expect(verdict('read-more', 'LIRE LA SUITE:')).toBe('drop-with-next');
    expect(verdict('read-more', 'Lire aussi :')).toBe('drop-with-next');
    expect(verdict('read-more', 'Read more:')).toBe('drop-with-next');
    expect(verdict('read-more', 'À lire aussi : Ukraine : la France livre des Caesar')).toBe('drop');
    expect(verdict('read-more', 'A lire aussi Les Caesar arrivent à Kiev')).toBe('drop');
    expect(verdict('read-more', 'Voir aussi')).toBe('drop-with-next');
  });

  it('live-teaser: "Suivez en direct…", "Suivez notre direct", "EN DIRECT"', () => {
    expect(verdict('live-teaser', 'Suivez en direct les dernières nouvelles sur la guerre en Ukraine')).toBe('drop');
    expect(verdict('live-teaser', 'Suivez notre direct sur la guerre en Ukraine')).toBe('drop');
    expect(verdict('live-teaser', 'EN DIRECT')).toBe('drop');
    expect(verdict('live-teaser', 'EN DIRECT - Guerre en Ukraine : Kiev réclame des Patriot')).toBe('drop');
    expect(verdict('live-teaser', 'En direct, le ministre a confirmé la livraison.')).toBe('keep');
  });

  it('comment-prompt: French and English comment prompts', () => {
    for (const line of [
      'Laisser un commentaire',
      'Leave a Reply',
      'Leave a comment',
      'Your email address will not be published. Required fields are marked *',
      'Required fields are marked *',
      'Votre adresse e-mail ne sera pas publiée.',
      'Les champs obligatoires sont indiqués avec *',
      '3 commentaires',
    ]) {
      expect(verdict('comment-prompt', line)).toBe('drop');
    }
  });

  it('comment-form: field labels only in the tail', () => {
    expect(verdict('comment-form', 'Nom *', { tail: true })).toBe('drop');
    expect(verdict('comment-form', 'Site web', { tail: true })).toBe('drop');
    expect(verdict('comment-form', 'Nom *', { tail: false })).toBe('keep');
  });

  it('rating-widget: the WordPress star-rating block', () => {
    for (const line of [
      'Cette publication vous a-t-elle été utile ?',
      'Cliquez sur une étoile pour la noter !',
      'Note moyenne 0 / 5. Décompte des voix : 0',
      "Aucun vote pour l'instant ! Soyez le premier à noter ce post.",
      'Nous sommes désolés que cet article ne vous ait pas été utile !',
      'How useful was this post?',
    ]) {
      expect(verdict('rating-widget', line)).toBe('drop');
    }
  });

  it('share-buttons: single buttons and rows of them', () => {
    for (const line of [
      'Partager',
      'Partager sur Facebook',
      'Tweet',
      'WhatsApp',
      'Imprimer',
      'Facebook Twitter WhatsApp',
      'Partager : Facebook | X | Telegram',
      'E-mail',
    ]) {
      expect(verdict('share-buttons', line)).toBe('drop');
    }
    expect(verdict('share-buttons', 'Facebook a supprimé le compte.')).toBe('keep');
  });

  it('subscribe: newsletter and channel calls', () => {
    for (const line of ['Abonnez-vous', "S'abonner à notre newsletter", 'Suivez-nous sur Telegram', 'Inscrivez-vous à notre newsletter quotidienne']) {
      expect(verdict('subscribe', line)).toBe('drop');
    }
  });

  it('cookie-banner: consent text and buttons, not prose about cookies', () => {
    expect(verdict('cookie-banner', 'Ce site utilise des cookies pour améliorer votre expérience de navigation.')).toBe('drop');
    expect(verdict('cookie-banner', 'We use cookies to ensure that we give you the best experience on our website.')).toBe('drop');
    expect(verdict('cookie-banner', 'Tout accepter')).toBe('drop');
    expect(verdict('cookie-banner', 'Les soldats ont reçu des cookies et du café.')).toBe('keep');
  });

  it('advertisement: ad labels', () => {
    for (const line of ['Publicité', '- PUBLICITÉ -', 'Contenu sponsorisé', 'Advertisement']) {
      expect(verdict('advertisement', line)).toBe('drop');
    }
  });

  it('photo-credit: credits, copyright lines and captions ending with a credit', () => {
    for (const line of [
      'Photo : AFP',
      '© AFP',
      'Crédit photo : Ministère des Armées',
      "Photo d'illustration",
      '(Photo : Reuters)',
      'Un canon Caesar à Bakhmout. © AFP',
    ]) {
      expect(verdict('photo-credit', line)).toBe('drop');
    }
    expect(verdict('photo-credit', 'La photo a été publiée par le ministère.')).toBe('keep');
  });

  it('tag-list: tags, keywords and hashtag rows', () => {
    for (const line of ['Tags: Ukraine, Russie, Caesar', 'Mots-clés : Défense, OTAN', '#Ukraine #OTAN #Scalp']) {
      expect(verdict('tag-list', line)).toBe('drop');
    }
  });

  it('breadcrumb: navigation trails', () => {
    expect(verdict('breadcrumb', 'Accueil > Monde > Europe')).toBe('drop');
    expect(verdict('breadcrumb', 'Monde › Europe › Ukraine')).toBe('drop');
    expect(verdict('breadcrumb', 'Le prix est passé de 3 > 2 en un an.')).toBe('keep');
  });

  it('byline: author lines, not sentences starting with "Par"', () => {
    expect(verdict('byline', 'Par Jean Dupont')).toBe('drop');
    expect(verdict('byline', 'Par la rédaction')).toBe('drop');
    expect(verdict('byline', 'Par ailleurs, Kiev a demandé des Patriot.')).toBe('keep');
  });

  it('section-kicker: a one- or two-word label only among the first lines, before a headline', () => {
    const lines = ['International', 'La France livre des Scalp'];
    expect(verdict('section-kicker', 'International', { lines, index: 0, position: 0 })).toBe('drop');
    expect(verdict('section-kicker', 'International', { lines, index: 0, position: 1 })).toBe('drop');
    expect(verdict('section-kicker', 'International', { lines, index: 0, position: 6 })).toBe('keep');
    expect(verdict('section-kicker', 'Monde', { lines: ['Monde', 'entier, disent-ils.'], index: 0, position: 0 })).toBe('keep');
  });

  it('publication-date: "Publié le …", "Mis à jour le …" and date-only lines', () => {
    for (const line of [
      'Publié le 25 janvier 2023 à 14h12 - Mis à jour le 25 janvier 2023 à 15h00',
      'Mis à jour le 12/03/2024 à 10:45',
      'Updated: March 12, 2024',
      '12 mars 2024',
      'Mercredi 25 janvier 2023 à 14h12',
      '2024-03-12 10:45',
    ]) {
      expect(verdict('publication-date', line)).toBe('drop');
    }
    expect(verdict('publication-date', 'Publié en 2023, le rapport recense 40 livraisons.')).toBe('keep');
  });

  it('separator: lines without letters or digits', () => {
    expect(verdict('separator', '***')).toBe('drop');
    expect(verdict('separator', '—')).toBe('drop');
    expect(verdict('separator', '40 %')).toBe('keep');
  });
});

describe('cleanText', () => {
  it('drops a live-blog teaser first line and keeps one paragraph per line when there are no blank lines', () => {
    const r = cleanText('Suivez en direct les dernières nouvelles sur la guerre en Ukraine\nLa France livre des Scalp.\nKiev remercie Paris.');
    expect(r.text).toBe('La France livre des Scalp.\n\nKiev remercie Paris.');
    expect(r.removed).toEqual([{ ruleId: 'live-teaser', text: 'Suivez en direct les dernières nouvelles sur la guerre en Ukraine' }]);
  });

  it('drops "LIRE LA SUITE:" with its teaser, skipping blank lines, and sets the source aside', () => {
    const r = cleanText(
      "Titre de l'article\n\nLe texte de l'article.\n\nLIRE LA SUITE:\n\nUn membre de l'OTAN envoie un système de missiles à l'Ukraine\n\nLa source: www.rt.com\n\nCette publication vous a-t-elle été utile ?\n\nLeave a Reply",
    );
    expect(r.text).toBe("Titre de l'article\n\nLe texte de l'article.");
    expect(r.attributions).toEqual(['La source: www.rt.com']);
    expect(r.removed.map((x) => x.ruleId)).toEqual(['read-more', 'read-more', 'attribution-source', 'rating-widget', 'comment-prompt']);
  });

  it('does not drop a real paragraph after a read-more label', () => {
    const r = cleanText('Lire aussi :\n\nLe ministre a confirmé la livraison de douze canons Caesar supplémentaires.');
    expect(r.text).toBe('Le ministre a confirmé la livraison de douze canons Caesar supplémentaires.');
  });

  it('moves a final editorial footnote to footnotes without its marker', () => {
    const r = cleanText('M. Umerov a écrit sur Facebook*.\n* Les activités de Meta sont interdites comme extrémistes en Russie');
    expect(r.text).toBe('M. Umerov a écrit sur Facebook*.');
    expect(r.footnotes).toEqual(['Les activités de Meta sont interdites comme extrémistes en Russie']);
  });

  it('finds a footnote before trailing boilerplate', () => {
    const r = cleanText('Texte sur Facebook*.\n\n(*) Meta est interdite en Russie.\n\nSource: AA\n\nPartager');
    expect(r.footnotes).toEqual(['Meta est interdite en Russie.']);
    expect(r.attributions).toEqual(['Source: AA']);
    expect(r.text).toBe('Texte sur Facebook*.');
  });

  it('joins hard-wrapped lines inside paragraphs separated by blank lines', () => {
    const r = cleanText(
      "La France a annoncé jeudi la livraison de\n40 missiles de croisière Scalp à\nl'Ukraine, a indiqué le ministre.\n\nKiev a salué cette\ndécision du gouvernement\nfrançais.",
    );
    expect(r.text).toBe(
      "La France a annoncé jeudi la livraison de 40 missiles de croisière Scalp à l'Ukraine, a indiqué le ministre.\n\nKiev a salué cette décision du gouvernement français.",
    );
  });

  it('joins a line broken mid-sentence even without blank lines, and keeps hyphenated compounds', () => {
    const r = cleanText('Le complexe militaro-\nindustriel ukrainien\nproduit davantage.\nUn autre paragraphe.');
    expect(r.text).toBe('Le complexe militaro-industriel ukrainien produit davantage.\n\nUn autre paragraphe.');
  });

  it('keeps long lines of a block as separate paragraphs', () => {
    const a = 'A'.repeat(20) + ' a annoncé la livraison de canons Caesar supplémentaires à Kiev dans les prochaines semaines, selon le ministère.';
    const b = "Le ministre ukrainien a remercié la France pour son soutien constant depuis le début de l'invasion russe en 2022.";
    const r = cleanText(`La France livre des Caesar\n\n${a}\n${b}`);
    expect(r.text).toBe(`La France livre des Caesar\n\n${a}\n\n${b}`);
  });

  it('separates paragraphs with exactly one blank line', () => {
    const r = cleanText('Un.\n\n\n\nDeux.\n\nPublicité\n\nTrois.');
    expect(r.text).toBe('Un.\n\nDeux.\n\nTrois.');
  });

  it('cleans a WordPress-style page: breadcrumb, kicker, byline, share row, ad, read-more, credit, tags, cookies', () => {
    const raw = [
      'Accueil > International > Europe',
      'International',
      "Guerre en Ukraine : l'Allemagne va livrer des chars Leopard 2",
      'Par Jean Dupont',
      'Publié le 25 janvier 2023 à 14h12',
      'Facebook Twitter WhatsApp',
      "BERLIN (AFP) - Olaf Scholz a annoncé mercredi que l'Allemagne livrerait 14 chars Leopard 2 à l'Ukraine.",
      'Publicité',
      'La décision a été saluée par Kiev.',
      'Lire aussi : Les chars Abrams américains bientôt en Ukraine',
      'Avec AFP',
      'Tags: Ukraine, Allemagne, Leopard',
      'Ce site utilise des cookies. En poursuivant votre navigation, vous acceptez leur utilisation.',
      'Tout accepter',
    ].join('\n');
    const r = cleanText(raw);
    expect(r.text).toBe(
      "Guerre en Ukraine : l'Allemagne va livrer des chars Leopard 2\n\nBERLIN (AFP) - Olaf Scholz a annoncé mercredi que l'Allemagne livrerait 14 chars Leopard 2 à l'Ukraine.\n\nLa décision a été saluée par Kiev.",
    );
    expect(r.attributions).toEqual(['Avec AFP']);
    expect(r.removed.map((x) => x.ruleId)).toEqual([
      'breadcrumb',
      'section-kicker',
      'byline',
      'publication-date',
      'share-buttons',
      'advertisement',
      'read-more',
      'attribution-with',
      'tag-list',
      'cookie-banner',
      'cookie-banner',
    ]);
  });

  it('handles an empty text', () => {
    expect(cleanText('')).toEqual({ text: '', attributions: [], footnotes: [], removed: [] });
  });
});

describe('bylines and credits in more styles', () => {
  it('byline: a person with a role ("Par Marek Novák, correspondant à Prague") is dropped, prose is kept', () => {
    expect(verdict('byline', 'Par Marek Novák, correspondant à Prague')).toBe('drop');
    expect(verdict('byline', 'Par Anne Martin, envoyée spéciale à Kiev')).toBe('drop');
    expect(verdict('byline', 'Par Euronews')).toBe('drop');
    expect(verdict('byline', 'Par la rédaction de France Info')).toBe('drop');
    expect(verdict('byline', 'Par Kiev, la décision a été prise mardi.')).toBe('keep');
  });

  it('keeps a person byline out of the text and the lead, and lists it in `removed`', () => {
    const r = cleanText('Des chars pour Kiev\n\nPar Marek Novák, correspondant à Prague\n\nLa Slovénie a livré 28 chars M-55S.');
    expect(r.text).toBe('Des chars pour Kiev\n\nLa Slovénie a livré 28 chars M-55S.');
    expect(r.removed).toEqual([{ ruleId: 'byline', text: 'Par Marek Novák, correspondant à Prague' }]);
    expect(r.attributions).toEqual([]);
  });

  it('attribution-with: Le Monde\'s "Le Monde avec AFP"', () => {
    expect(verdict('attribution-with', 'Le Monde avec AFP')).toBe('attribution');
    expect(verdict('attribution-with', 'Kiev avec la France')).toBe('keep');
  });

  it('attribution-agency-mark: a bare agency name on the last line ("Ukrinform", "AFP."), only in the tail', () => {
    expect(verdict('attribution-agency-mark', 'Ukrinform', { tail: true })).toBe('attribution');
    expect(verdict('attribution-agency-mark', 'AFP.', { tail: true })).toBe('attribution');
    expect(verdict('attribution-agency-mark', 'Ukrinform', { tail: false })).toBe('keep');
    expect(verdict('attribution-agency-mark', 'Zelensky', { tail: true })).toBe('keep');
  });

  it('publication-date: "Mis en ligne le …", RFI\'s "Publié le : 12/03/2024 - 08:15", "Publié le mardi 12 mars 2024 à 10h05"', () => {
    for (const line of [
      'Mis en ligne le 12 mars 2024 à 10h05',
      'Publié le : 12/03/2024 - 08:15',
      'Publié le mardi 12 mars 2024 à 10h05',
      'Publié le 20/08/2023 - 19:12 • Mis à jour 20/08/2023 - 22:35',
    ]) {
      expect(verdict('publication-date', line)).toBe('drop');
    }
    expect(verdict('publication-date', 'Mis en ligne le projet a été critiqué.')).toBe('keep');
  });
});
