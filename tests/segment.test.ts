import { describe, expect, it } from 'vitest';
import { segmentText } from '../src/lib/extract/segment.ts';

const sentences = (text: string): string[] => segmentText(text).sentences.map((s) => s.text);

describe('segmentText', () => {
  it('splits paragraphs on blank lines with exact, trimmed offsets', () => {
    const text = 'Premier paragraphe.\n\n  Second paragraphe.  \n \nTroisième.';
    const doc = segmentText(text);
    expect(doc.body).toBe(text);
    expect(doc.paragraphs.map((p) => p.text)).toEqual(['Premier paragraphe.', 'Second paragraphe.', 'Troisième.']);
    for (const p of doc.paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(doc.paragraphs[1].start).toBe(23);
  });

  it('splits sentences and records their paragraph and exact offsets', () => {
    const text = 'La France livre des Caesar. Kiev remercie Paris !\n\nLe Scalp arrive-t-il ? Oui.';
    const doc = segmentText(text);
    expect(doc.sentences.map((s) => [s.text, s.paragraph])).toEqual([
      ['La France livre des Caesar.', 0],
      ['Kiev remercie Paris !', 0],
      ['Le Scalp arrive-t-il ?', 1],
      ['Oui.', 1],
    ]);
    for (const s of doc.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(doc.sentences[1].start).toBe(28);
  });

  it('does not split after French abbreviations', () => {
    expect(sentences('M. Lavrov a parlé. MM. Dupont et Durand aussi. Mme Borne a dit oui.')).toEqual([
      'M. Lavrov a parlé.',
      'MM. Dupont et Durand aussi.',
      'Mme Borne a dit oui.',
    ]);
    expect(sentences('Voir p. 12 et cf. Annexe 3 du rapport. Fin.')).toEqual(['Voir p. 12 et cf. Annexe 3 du rapport.', 'Fin.']);
    expect(sentences('Né en 52 av. J.-C. Jules César est mort en 44 av. J.-C. à Rome.')).toEqual([
      'Né en 52 av. J.-C. Jules César est mort en 44 av. J.-C. à Rome.',
    ]);
    expect(sentences('Le décret No. 4 et art. 5 sont publiés le 3 janv. 2024 au journal. Suite.')).toEqual([
      'Le décret No. 4 et art. 5 sont publiés le 3 janv. 2024 au journal.',
      'Suite.',
    ]);
    expect(sentences('Le Dr. Martin et St. Pierre sont là. Ensuite.')).toEqual(['Le Dr. Martin et St. Pierre sont là.', 'Ensuite.']);
  });

  it('does not split after initials', () => {
    expect(sentences('J. Biden et E. Macron se sont parlé. Ils ont convenu.')).toEqual(['J. Biden et E. Macron se sont parlé.', 'Ils ont convenu.']);
  });

  it('does not split decimal numbers or glued ellipses', () => {
    expect(sentences("Un budget de 1.5 milliard d'euros. Voilà.")).toEqual(["Un budget de 1.5 milliard d'euros.", 'Voilà.']);
    expect(sentences("membres de l'OTAN...Nous sommes engagés. Fin.")).toEqual(["membres de l'OTAN...Nous sommes engagés.", 'Fin.']);
  });

  it('keeps closing guillemets and quotes with their sentence', () => {
    expect(sentences('Il a dit que « le soutien va se poursuivre. » Puis il est parti.')).toEqual([
      'Il a dit que « le soutien va se poursuivre. »',
      'Puis il est parti.',
    ]);
    expect(sentences('Elle a dit : "Et nous avons convenu d\'aider." Ensuite Blinken a parlé.')).toEqual([
      'Elle a dit : "Et nous avons convenu d\'aider."',
      'Ensuite Blinken a parlé.',
    ]);
  });

  it('does not split when the quote is followed by its attribution in lower case', () => {
    expect(sentences('« Nous devons renforcer la défense ! », a déclaré Oumerov. Fin.')).toEqual([
      '« Nous devons renforcer la défense ! », a déclaré Oumerov.',
      'Fin.',
    ]);
    expect(sentences('« Pourquoi ? » a-t-il demandé. Fin.')).toEqual(['« Pourquoi ? » a-t-il demandé.', 'Fin.']);
  });

  it('does not split on an ellipsis inside guillemets', () => {
    expect(sentences('« Nous sommes prêts… Nous livrerons », a-t-il dit. Fin.')).toEqual(['« Nous sommes prêts… Nous livrerons », a-t-il dit.', 'Fin.']);
  });

  it('treats "?!", "..." and "…" as one terminator', () => {
    expect(sentences('Vraiment ?! Oui... Et ensuite… Rien.')).toEqual(['Vraiment ?!', 'Oui...', 'Et ensuite…', 'Rien.']);
  });

  it('splits after a closing parenthesis and before a number', () => {
    expect(sentences("Paris livre (selon l'AFP). 40 missiles arrivent.")).toEqual(["Paris livre (selon l'AFP).", '40 missiles arrivent.']);
  });

  it('returns a paragraph without terminal punctuation as one sentence', () => {
    const doc = segmentText("Aide à l'Ukraine: Lecornu salue le partenariat");
    expect(doc.sentences).toEqual([{ text: "Aide à l'Ukraine: Lecornu salue le partenariat", start: 0, end: 46, paragraph: 0 }]);
  });

  it('returns nothing for empty or blank text', () => {
    expect(segmentText('')).toEqual({ body: '', paragraphs: [], sentences: [] });
    expect(segmentText('  \n\n ').sentences).toEqual([]);
  });

  it('stays linear on a 200 KB line full of periods', () => {
    const text = 'a.a '.repeat(50_000) + 'M. '.repeat(10_000);
    const doc = segmentText(text);
    expect(doc.paragraphs).toHaveLength(1);
    expect(doc.sentences.length).toBeGreaterThan(0);
  });
});
