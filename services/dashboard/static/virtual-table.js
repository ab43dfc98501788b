// A virtualised table: only the rows in view (plus a few) exist in the DOM, so 10,000 targets
// render and update as fast as 30. Rows have a fixed height; a spacer gives the scrollbar its size.
export function virtualTable(container, { rowHeight = 34, overscan = 8, renderRow }) {
  const viewport = document.createElement('div');
  viewport.className = 'vt-viewport';
  viewport.setAttribute('role', 'rowgroup');
  const spacer = document.createElement('div');
  spacer.className = 'vt-spacer';
  viewport.append(spacer);
  container.append(viewport);
  let rows = [];
  let frame = 0;
  const pool = new Map(); // index → element currently shown

  function draw() {
    frame = 0;
    spacer.style.height = `${rows.length * rowHeight}px`;
    const first = Math.max(0, Math.floor(viewport.scrollTop / rowHeight) - overscan);
    const last = Math.min(rows.length, Math.ceil((viewport.scrollTop + viewport.clientHeight) / rowHeight) + overscan);
    for (const [i, el] of pool) if (i < first || i >= last) { el.remove(); pool.delete(i); }
    for (let i = first; i < last; i++) {
      const el = renderRow(rows[i], pool.get(i));
      el.style.transform = `translateY(${i * rowHeight}px)`;
      el.style.height = `${rowHeight}px`;
      if (!pool.has(i)) { spacer.append(el); pool.set(i, el); }
    }
  }
  const schedule = () => { if (!frame) frame = requestAnimationFrame(draw); };
  viewport.addEventListener('scroll', schedule, { passive: true });
  new ResizeObserver(schedule).observe(viewport);

  return {
    /** Replaces the rows; re-renders what is visible (rows in view are re-used, not rebuilt). */
    setRows(next) { rows = next; draw(); },
    redraw: draw,
    get size() { return rows.length; },
  };
}
