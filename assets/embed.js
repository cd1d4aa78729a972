// Ops Trio's host script: load it once on a page that embeds Ops Trio widgets, and each
// iframe takes the height its widget reports, so it never shows an inner scrollbar.
// Only a frame of this script's own module is sized, from a message of that module's
// origin (or an opaque one, from a frame sandboxed without allow-same-origin), and only
// within a sane range: no other frame or page can resize the host's frames.
(() => {
  const script = document.currentScript;
  if (!script) return;
  const origin = new URL(script.src, location.href).origin;
  const [MIN, MAX] = [80, 20000];
  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'ops-trio:height' || !Number.isFinite(data.height)) return;
    if (event.origin !== origin && event.origin !== 'null') return;
    for (const frame of document.getElementsByTagName('iframe')) {
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, location.href).origin !== origin) return;
      frame.style.height = `${Math.min(MAX, Math.max(MIN, Math.ceil(data.height)))}px`;
    }
  });
})();
