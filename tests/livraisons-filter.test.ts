/** The explorer's URL state, filtering and sorting (src/client/livraisons/filter.ts). */
import { describe, expect, it } from 'vitest';
import { applyState, formatDay, formatNumber, readState, writeState } from '../src/client/livraisons/filter.ts';
import type { ExplorerData } from '../src/client/livraisons/params.ts';

const data: ExplorerData = {
  parties: [
    ['france', 'France', '/pays/france/'],
    ['ukraine', 'Ukraine', '/pays/ukraine/'],
    ['caesar', 'Caesar', '/armes/caesar/'],
    ['allemagne', 'Allemagne', ''],
    ['leopard-2', 'Leopard 2', ''],
    ['non-precise', 'non précisé', ''],
  ],
  systemView: '/livraisons/systeme/',
  months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  statuses: { announced: 'annoncée', delivered: 'livrée' },
  // Newest first, as the site writes it.
  events: [
    ['e3', 3, 1, 4, 'tank', 'announced', 14, '', '2024-05-01', 2, 'announced'],
    ['e2', 0, 1, 2, 'artillery', 'delivered', 6, '', '2024-01-18', 3, 'announced delivered'],
    ['e1', 0, 1, 2, 'artillery', 'announced', null, 'des dizaines', '2023-02-10', 1, 'announced'],
    ['e0', 5, 1, 2, 'artillery', 'announced', 100, '', '', 1, 'announced'],
  ],
};
const ids = (state: Parameters<typeof applyState>[1]) => applyState(data, state).map((e) => e[0]);

describe('explorer URL state', () => {
  it('reads and writes the filters and sort, leaving defaults out of the URL', () => {
    const state = readState('?fournisseur=france&statut=delivered&tri=quantity-desc&inconnu=1');
    expect(state).toEqual({ filters: { supplier: 'france', status: 'delivered' }, sort: 'quantity-desc' });
    expect(writeState(state)).toBe('?fournisseur=france&statut=delivered&tri=quantity-desc');
    expect(writeState(readState('?tri=date-desc'))).toBe('');
    expect(readState('?tri=nimporte').sort).toBe('date-desc');
  });
});

describe('explorer filters and sorts', () => {
  it('combines filters of different kinds', () => {
    expect(ids({ filters: { supplier: 'france' }, sort: 'date-desc' })).toEqual(['e2', 'e1']);
    expect(ids({ filters: { supplier: 'france', status: 'delivered' }, sort: 'date-desc' })).toEqual(['e2']);
    // A status finds every event that went through it: France's two announcements, one since delivered.
    expect(ids({ filters: { supplier: 'france', status: 'announced' }, sort: 'date-desc' })).toEqual(['e2', 'e1']);
    expect(ids({ filters: { system: 'caesar', year: '2024' }, sort: 'date-desc' })).toEqual(['e2']);
    expect(ids({ filters: { category: 'tank' }, sort: 'date-desc' })).toEqual(['e3']);
    expect(ids({ filters: { supplier: 'non-precise' }, sort: 'date-desc' })).toEqual(['e0']);
  });

  it('sorts by date either way (undated last) and by quantity (unknown quantities last)', () => {
    expect(ids({ filters: {}, sort: 'date-desc' })).toEqual(['e3', 'e2', 'e1', 'e0']);
    expect(ids({ filters: {}, sort: 'date-asc' })).toEqual(['e1', 'e2', 'e3', 'e0']);
    expect(ids({ filters: {}, sort: 'quantity-desc' })).toEqual(['e0', 'e3', 'e2', 'e1']);
    expect(ids({ filters: {}, sort: 'quantity-asc' })).toEqual(['e2', 'e3', 'e0', 'e1']);
  });

  it('prints dates and numbers as the pages do', () => {
    expect(formatDay('2024-01-18', data.months)).toBe('18 janvier 2024');
    expect(formatDay('2024-03-01', data.months)).toBe('1er mars 2024');
    expect(formatNumber(10000)).toBe(new Intl.NumberFormat('fr-FR').format(10000));
    expect(formatNumber(72)).toBe('72');
  });
});
