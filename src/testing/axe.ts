import axe from 'axe-core';

/** The axe-core violations in a rendered tree, one line each: rule and the elements it found. */
export async function violations(container: HTMLElement) {
  // jsdom lays nothing out, so contrast is left to the e2e suite's axe run in Chromium.
  const results = await axe.run(container, {
    runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    rules: { 'color-contrast': { enabled: false } },
  });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
