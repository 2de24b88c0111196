/** "/" focuses the search box (the search page's, else the header's) unless the reader is typing. */
export function initSearchShortcut(): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    const box = document.querySelector<HTMLInputElement>('#search-q, #header-search-q');
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });
}
