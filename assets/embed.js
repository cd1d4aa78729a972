// Ops Trio's host script: load it once on a page that embeds Ops Trio widgets, and each
// iframe takes the height its widget reports, so it never shows an inner scrollbar.
addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'ops-trio:height' || typeof data.height !== 'number') return;
  for (const frame of document.getElementsByTagName('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(data.height)}px`;
  }
});
