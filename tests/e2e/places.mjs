// Where a place of the app lives: shared by the Playwright specs and the engines' run.

/**
 * A place's link as the app writes it: `sre/toil` is the page `sre/` at `#toil`, and
 * the overview is the root, `./`.
 */
export function linkTo(place) {
  const [view, ...address] = place.split('/');
  const page = view === '' || view === 'overview' ? './' : `${view}/`;
  return address.length ? `${page}#${address.join('/')}` : page;
}
