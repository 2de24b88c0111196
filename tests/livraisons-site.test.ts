/**
 * The deliveries explorer in a built site under BASE_PATH=/archive/ (fixture articles with
 * several reports of the same pledges): the explorer, its views per supplier and per system,
 * entity pages, article pages and the open data all agree on the delivery events.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { load, type CheerioAPI } from 'cheerio';
import { HtmlValidate } from 'html-validate';
import { buildFixtureSite, type FixtureSite } from './helpers/site-fixtures.ts';
import { livraisonsArticles } from './helpers/livraisons-fixtures.ts';
import { findBrokenLinks, htmlFiles } from './helpers/links.ts';

const BASE = '/archive/';
const read = (site: FixtureSite, path: string) => readFileSync(join(site.dist, path), 'utf8');
const text = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
/** A table row's cells, as read one after the other. */
const cells = ($: CheerioAPI, tr: Parameters<CheerioAPI>[0]) =>
  $(tr)
    .children('th, td')
    .map((_, c) => text($(c).text()))
    .get()
    .join(' ');
/** Parses a CSV of this site (quoted fields, CRLF). */
function csv(body: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  const [header, ...rest] = rows;
  return rest.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

describe('the deliveries explorer, built under /archive/', () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await buildFixtureSite({ name: 'livraisons-base', env: { BASE_PATH: BASE, SITE_URL: 'https://example.org' }, articles: livraisonsArticles() });
  });

  it('merges the three reports of France’s six Caesar into one event, announced then delivered', () => {
    const events = csv(read(site, 'data/delivery-events.csv'));
    const caesar = events.filter((e) => e.supplier_id === 'france' && e.weapon_id === 'caesar' && e.status !== 'produced');
    expect(caesar).toHaveLength(1);
    expect(caesar[0]).toMatchObject({
      quantity: '6',
      status: 'delivered',
      status_history: 'announced:2024-01-18 delivered:2024-03-05',
      first_report: '2024-01-18',
      latest_report: '2024-03-05',
      reports: '3',
    });
    expect(caesar[0].articles.split(' ').sort()).toEqual([
      'la-france-envoie-des-missiles-scalp-et-des-caesar',
      'les-caesar-francais-sont-arrives',
      'paris-confirme-les-caesar',
    ]);
    expect(caesar[0].page).toBe(`https://example.org${BASE}livraisons/systeme/caesar/2024/#${caesar[0].event_id}`);
    // Production and other suppliers' Caesar stay separate events.
    expect(
      events
        .filter((e) => e.weapon_id === 'caesar')
        .map((e) => `${e.supplier_id} ${e.status}`)
        .sort(),
    ).toEqual(['france delivered', 'france produced', 'slovaquie planned']);
  });

  it('names each article-level delivery’s event in deliveries.csv and articles.json, and every event exists', () => {
    const events = new Set(csv(read(site, 'data/delivery-events.csv')).map((e) => e.event_id));
    const rows = csv(read(site, 'data/deliveries.csv'));
    expect(rows.length).toBe(livraisonsArticles().reduce((n, a) => n + a.deliveries.length, 0));
    for (const r of rows) expect(events.has(r.event_id), r.article).toBe(true);
    const json = JSON.parse(read(site, 'data/articles.json')) as {
      articles: Array<{ slug: string; deliveries: Array<{ event: string | null; supplier: string | null }> }>;
    };
    const unnamed = json.articles.find((a) => a.slug === 'quarante-scalp-pour-l-ukraine')!.deliveries[0];
    // The article's own fact stays as extracted (no supplier); its event names France.
    expect(unnamed.supplier).toBeNull();
    const event = csv(read(site, 'data/delivery-events.csv')).find((e) => e.event_id === unnamed.event)!;
    expect(event).toMatchObject({ supplier_id: 'france', weapon_id: 'scalp-eg', quantity: '40' });
  });

  it('lists every event on /livraisons/ with links under the base to the supplier and system views', () => {
    const $ = load(read(site, 'livraisons/index.html'));
    expect(text($('h1').text())).toBe('Livraisons : qui fournit quoi à qui');
    const events = csv(read(site, 'data/delivery-events.csv'));
    expect($('#explorer-rows tr')).toHaveLength(events.length);
    expect(
      $('.explorer-browse a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(expect.arrayContaining([`${BASE}livraisons/fournisseur/france/`, `${BASE}livraisons/systeme/caesar/`]));
    // Newest first report first.
    const dates = $('#explorer-rows tr time')
      .map((_, t) => $(t).attr('datetime'))
      .get();
    expect(dates).toEqual([...dates].sort().reverse());
    // The filter form is there for the script, hidden without it; the data file is a separate URL.
    expect($('#explorer-form').attr('hidden')).toBeDefined();
    expect($('#explorer').attr('data-data')).toBe(`${BASE}livraisons/evenements.json`);
    for (const name of ['fournisseur', 'destinataire', 'systeme', 'categorie', 'statut', 'annee', 'tri']) expect($(`select[name="${name}"]`)).toHaveLength(1);
    expect(
      $('select[name="fournisseur"] option')
        .map((_, o) => $(o).attr('value'))
        .get(),
    ).toContain('france');
  });

  it('draws the supplier × category matrix as SVG beside a table of events and units', () => {
    const $ = load(read(site, 'livraisons/index.html'));
    expect(
      $('.matrix-table thead th')
        .map((_, th) => text($(th).text()))
        .get(),
    ).toEqual(['Fournisseur', 'Artillerie', 'Défense aérienne', 'Missiles de croisière', 'Total']);
    const rows = $('.matrix-table tbody tr')
      .map((_, tr) =>
        $(tr)
          .children('th, td')
          .map((_, c) => text($(c).text()))
          .get()
          .join('|'),
      )
      .get();
    // France: two artillery events (6 delivered + 72 planned for production) and the 40 SCALP.
    expect(rows).toEqual(['France|2 (78)||1 (40)|3', 'Allemagne||1 (1)||1', 'Slovaquie|1 (12)|||1']);
    expect($('.matrix-table tbody th a').first().attr('href')).toBe(`${BASE}livraisons/fournisseur/france/`);
    // One square per non-empty cell, one path per supplier.
    const paths = $('svg.matrix-chart path')
      .map((_, p) => ($(p).attr('d') ?? '').split('M').length - 1)
      .get();
    expect(paths).toEqual([2, 1, 1]);
  });

  it('answers “what has France delivered, and when was it first reported?” on France’s view', () => {
    const $ = load(read(site, 'livraisons/fournisseur/france/index.html'));
    const summary = $('#delivered-heading').parent().find('tbody tr');
    expect(summary).toHaveLength(1);
    expect(cells($, summary[0])).toBe('Caesar 5 mars 2024 6 1 1 18 janvier 2024');
    expect(summary.find('a').attr('href')).toBe(`${BASE}livraisons/systeme/caesar/`);
    // Every France event, the delivered one included, with its first report.
    const all = $('#supplier-events tbody tr')
      .map((_, tr) => cells($, tr))
      .get();
    expect(all).toContain('18 janvier 2024 Ukraine Caesar 6 livrée 3 articles');
  });

  it('details each event on its system view: anchor, status history, reports with evidence and why they were merged', () => {
    const events = csv(read(site, 'data/delivery-events.csv'));
    const caesar = events.find((e) => e.supplier_id === 'france' && e.weapon_id === 'caesar' && e.status === 'delivered')!;
    const $ = load(read(site, 'livraisons/systeme/caesar/2024/index.html'));
    const row = $(`tbody#${caesar.event_id}`);
    expect(row).toHaveLength(1);
    expect(
      row
        .find('.event-history li')
        .map((_, li) => text($(li).text()))
        .get(),
    ).toEqual(['annoncée le 18 janvier 2024', 'livrée le 5 mars 2024']);
    expect(
      row
        .find('.event-reports li > a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual([
      `${BASE}articles/la-france-envoie-des-missiles-scalp-et-des-caesar/`,
      `${BASE}articles/paris-confirme-les-caesar/`,
      `${BASE}articles/les-caesar-francais-sont-arrives/`,
    ]);
    expect(row.find('.event-evidence').last().text()).toBe('Les six canons Caesar promis par la France sont arrivés en Ukraine, selon Kiev.');
    // The system's page: a timeline chart and its table (one announcement in January, one delivery
    // in March), its years, and its latest events linking to their detailed rows.
    const system = load(read(site, 'livraisons/systeme/caesar/index.html'));
    expect(system('svg[aria-labelledby="system-chart-title system-chart-desc"]')).toHaveLength(1);
    const months = system('.system-timeline tbody tr')
      .map((_, tr) => cells(system, tr))
      .get();
    expect(months).toEqual(expect.arrayContaining(['janvier 2024 1 0', 'mars 2024 0 1']));

    expect(
      system('nav[aria-labelledby="years-heading"] a')
        .map((_, a) => system(a).text())
        .get(),
    ).toEqual(['2024', 'date imprécise']);
    expect(
      system('#system-latest a')
        .filter((_, a) => system(a).text() === '3 articles')
        .attr('href'),
    ).toBe(`${BASE}livraisons/systeme/caesar/2024/#${caesar.event_id}`);
    const scalp = load(read(site, 'livraisons/systeme/scalp-eg/2024/index.html'));
    expect(scalp('.event-note').text()).toContain("fournisseur non nommé dans cet article, déduit de l'événement");
  });

  it('links each delivery of an article to its event', () => {
    const $ = load(read(site, 'articles/paris-confirme-les-caesar/index.html'));
    const link = $('table.deliveries a', $('#deliveries-heading').parent()).filter((_, a) => $(a).text() === "voir l'événement");
    expect(link).toHaveLength(1);
    const events = csv(read(site, 'data/delivery-events.csv'));
    const caesar = events.find((e) => e.supplier_id === 'france' && e.weapon_id === 'caesar' && e.status === 'delivered')!;
    expect(link.attr('href')).toBe(`${BASE}livraisons/systeme/caesar/2024/#${caesar.event_id}`);
  });

  it('shows "Fournit" and "Reçoit" on country pages and "Fourni par" on weapon pages', () => {
    const france = load(read(site, 'pays/france/index.html'));
    expect(text(france('#fournit-heading').parent().find('tbody').text())).toContain('Caesar');
    const ukraine = load(read(site, 'pays/ukraine/index.html'));
    const suppliers = ukraine('#recoit-heading')
      .parent()
      .find('tbody th')
      .map((_, th) => ukraine(th).text())
      .get();
    expect(suppliers).toEqual(expect.arrayContaining(['France', 'Allemagne', 'Slovaquie']));
    const caesar = load(read(site, 'armes/caesar/index.html'));
    const rows = caesar('#fourni-par-heading')
      .parent()
      .find('tbody tr')
      .map((_, tr) => cells(caesar, tr))
      .get();
    // France: the delivered six and the production plan; Slovakia: one plan whose article is only dated to a year-wide window.
    expect(rows).toEqual(['France 5 mars 2024 6 1 2 18 janvier 2024', 'Slovaquie — — 0 1 —']);
    expect(caesar('#fourni-par-heading').parent().find('tbody a').first().attr('href')).toBe(`${BASE}livraisons/fournisseur/france/`);
  });

  it('ships the explorer data as compact JSON that matches the events', () => {
    const data = JSON.parse(read(site, 'livraisons/evenements.json'));
    const events = csv(read(site, 'data/delivery-events.csv'));
    expect(data.events.map((e: unknown[]) => e[0]).sort()).toEqual(events.map((e) => e.event_id).sort());
    expect(data.systemView).toBe(`${BASE}livraisons/systeme/`);
    // One file per supplier, system and year holds exactly that share.
    const france = JSON.parse(read(site, 'livraisons/donnees/fournisseur/france.json'));
    expect(france.events.map((e: unknown[]) => e[0]).sort()).toEqual(
      events
        .filter((e) => e.supplier_id === 'france')
        .map((e) => e.event_id)
        .sort(),
    );
    const year = JSON.parse(read(site, 'livraisons/donnees/annee/2024.json'));
    expect(year.events.map((e: unknown[]) => e[0]).sort()).toEqual(
      events
        .filter((e) => e.first_report.startsWith('2024'))
        .map((e) => e.event_id)
        .sort(),
    );
    expect(JSON.parse(read(site, 'livraisons/donnees/systeme/caesar.json')).events).toHaveLength(3);
  });

  it('has no broken link or anchor, no inline script, and valid HTML on the explorer pages', async () => {
    const { broken } = findBrokenLinks(site.dist, BASE);
    expect(broken).toEqual([]);
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: { 'void-style': 'off', 'no-trailing-whitespace': 'off', 'long-title': 'off' },
    });
    const failures: string[] = [];
    for (const file of htmlFiles(site.dist).filter((f) => f.startsWith('livraisons/') || f.startsWith('pays/') || f.startsWith('armes/'))) {
      const html = read(site, file);
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)]
        .map((m) => m[1])
        .filter((a) => !a.includes('application/ld+json') && !/\ssrc="\/archive\/_astro\/[^"]+\.js"/.test(a));
      expect(scripts, file).toEqual([]);
      expect(html, file).not.toMatch(/\sstyle="/);
      const report = await validator.validateString(html, file);
      for (const r of report.results) for (const m of r.messages) failures.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(failures).toEqual([]);
  });
});
