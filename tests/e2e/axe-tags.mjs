// What axe checks, in Playwright's specs and in the three engines' run alike.

/**
 * Every axe rule that applies to a WCAG 2.2 AA page: each level A and AA rule up to
 * 2.2, axe's best practices, and the experimental rules, which axe leaves off unless
 * asked (label-content-name-mismatch, WCAG 2.5.3, among them). Level AAA is left out:
 * the module does not claim it.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental'];
