// Runs in the page (Chromium), before printing: packs each mosaic's frames (6 grid units wide)
// top-down, every frame where the skyline under its span is lowest, in reading order (data-frame),
// whatever order the HTML writes them in. Then sizes every page to the tallest one, plus slack.
// Plain JavaScript: typeset.ts reads it as text and evaluates it in the page.
(function placeAndSize(slack) {
  const mm = 96 / 25.4;
  for (const mosaic of Array.from(document.querySelectorAll('.mosaic'))) {
    const gap = 5 * mm;
    const width = mosaic.clientWidth;
    const unit = (width + gap) / 6;
    const skyline = [0, 0, 0, 0, 0, 0];
    const frames = Array.from(mosaic.querySelectorAll(':scope > [data-frame]')).sort((a, b) => Number(a.dataset.frame) - Number(b.dataset.frame));
    for (const frame of frames) {
      const span = Math.min(6, Number(frame.dataset.span ?? '2'));
      frame.style.position = 'absolute';
      frame.style.width = `${span * unit - gap}px`;
      frame.style.margin = '0';
      const height = frame.getBoundingClientRect().height;
      let bestX = 0;
      let bestTop = Infinity;
      for (let x = 0; x + span <= 6; x++) {
        const top = Math.max(...skyline.slice(x, x + span));
        if (top < bestTop - 1) [bestX, bestTop] = [x, top];
      }
      frame.style.left = `${bestX * unit}px`;
      frame.style.top = `${bestTop}px`;
      for (let x = bestX; x < bestX + span; x++) skyline[x] = bestTop + height + gap;
    }
    mosaic.style.height = `${Math.max(...skyline)}px`;
  }
  const pages = Array.from(document.querySelectorAll('.pg'));
  const tallest = Math.max(...pages.map((p) => p.getBoundingClientRect().height));
  const widthPx = pages[0].getBoundingClientRect().width;
  const heightMm = Math.ceil((tallest * slack) / mm) + 8;
  const widthMm = Math.round(widthPx / mm);
  for (const p of pages) p.style.height = `${heightMm}mm`;
  document.getElementById('page-size').textContent = `@page { size: ${widthMm}mm ${heightMm}mm; margin: 0; }`;
  return heightMm;
})
