import { test, expect } from './fixtures.ts';
import { builtLinks } from './site-pages.ts';
import type { Page } from '@playwright/test';

/**
 * The answer first (issue 32): every interactive explorer opens with its verdict, above the form,
 * within the first screen after the explorer's heading; on a phone the form folds away, so the
 * first result table starts within two screens of the heading.
 */

/** Every page with an interactive explorer, in both languages (the print page's explorers and the index's matrix are fixed). */
const pages = [
  ...new Set(
    builtLinks()
      .filter((link) => link.kind === 'explorer' && !link.url.includes('/print/') && !link.url.endsWith('#compare-matrix'))
      .map((link) => link.url.split('#')[0]!),
  ),
].sort();

const WIDTHS = [
  { name: '1280', width: 1280, height: 800 },
  { name: '390', width: 390, height: 844 },
] as const;

/** For each interactive explorer: where its heading, verdict, form and first table are, in page coordinates. */
function measure(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-explorer][data-interactive]')].map((explorer) => {
      const top = (element: Element | null) => (element ? element.getBoundingClientRect().top + window.scrollY : null);
      const bottom = (element: Element | null) => (element ? element.getBoundingClientRect().bottom + window.scrollY : null);
      const verdicts = explorer.querySelectorAll<HTMLElement>('[data-field="verdict"]');
      const verdict = verdicts[0] ?? null;
      const form = explorer.querySelector('form[data-form]');
      // The heading may be for screen readers only (the section's own heading names the explorer); the explorer starts there.
      const heading = Math.min(top(explorer.querySelector('.atp-explorer-heading'))!, top(explorer)!);
      return {
        id: explorer.id,
        count: verdicts.length,
        state: verdict?.dataset.state ?? null,
        value: verdict?.dataset.value ?? '',
        word: verdict?.querySelector('.atp-verdict-state')?.textContent?.trim() ?? '',
        visible: verdict !== null && verdict.getClientRects().length > 0 && getComputedStyle(verdict).visibility !== 'hidden',
        beforeForm: verdict !== null && form !== null && (verdict.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
        heading,
        verdictBottom: bottom(verdict),
        formTop: top(form),
        tableTop: top(explorer.querySelector('[data-output] table')),
      };
    }),
  );
}

for (const size of WIDTHS) {
  test.describe(`verdict first at ${size.name} px`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });
    for (const url of pages) {
      test(url, async ({ page }) => {
        await page.goto(url);
        const explorers = await measure(page);
        expect(explorers.length, 'interactive explorers on the page').toBeGreaterThan(0);
        for (const e of explorers) {
          const where = `${url}#${e.id}`;
          expect(e.count, `${where}: one verdict`).toBe(1);
          expect(['ok', 'warning', 'fails'], `${where}: data-state`).toContain(e.state);
          expect(e.value.length, `${where}: data-value holds the sentence`).toBeGreaterThan(10);
          expect(e.word, `${where}: the state in words`).not.toBe('');
          expect(e.visible, `${where}: verdict shown`).toBe(true);
          expect(e.beforeForm, `${where}: verdict before the form`).toBe(true);
          expect(e.verdictBottom!, `${where}: verdict above the form`).toBeLessThanOrEqual(e.formTop!);
          expect(e.verdictBottom! - e.heading, `${where}: verdict within the first screen after the heading`).toBeLessThanOrEqual(
            size.height,
          );
          if (size.width === 390) {
            expect(e.tableTop! - e.heading, `${where}: first table within two screens of the heading`).toBeLessThanOrEqual(2 * size.height);
          }
        }
      });
    }
  });
}

test.describe('the form on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('folds behind "Edit the scenario", counts the changes, and the verdict follows an edit', async ({ page }) => {
    await page.goto('/en/faq/snat-exhaustion/');
    const explorer = page.locator('[data-explorer="outbound"]');
    const summary = explorer.locator('summary');
    const verdict = explorer.locator('[data-field="verdict"]');
    await expect(summary).toHaveText('Edit the scenario');
    await expect(explorer.locator('input[name="rate"]')).toBeHidden();
    await expect(verdict).toHaveAttribute('data-state', 'fails');
    await summary.click();
    // 1 connection a second × (2 s + 240 s) = 242 ports, within the 1,024 of a pool of 10.
    await explorer.locator('input[name="rate"]').fill('1');
    await expect(verdict).toHaveAttribute('data-state', 'ok');
    await expect(verdict).toHaveText(
      'OK Fits: 242 ports needed toward 203.0.113.200:443, 1,024 available per VM (Load Balancer outbound rule).',
    );
    await expect(summary).toHaveText('Edit the scenario (1 changed)');
  });

  test('opens at a field whose value from the link is invalid', async ({ page }) => {
    await page.goto('/ja/load-balancer/?cport=1');
    const explorer = page.locator('[data-explorer="load-balancer"]');
    await expect(explorer.locator('[data-error-for="cport"]')).toBeVisible();
    await expect(explorer.locator('summary')).toHaveText('シナリオを編集（1 件変更）');
  });
});

test.describe('the form on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('is open without a summary', async ({ page }) => {
    await page.goto('/ja/outbound/');
    const explorer = page.locator('[data-explorer="outbound"]');
    await expect(explorer.locator('summary')).toBeHidden();
    await expect(explorer.locator('input[name="rate"]')).toBeVisible();
    // Fields the method does not read are hidden: the firewall's instances with a Load Balancer outbound rule.
    await expect(explorer.locator('input[name="fwinst"]')).toBeHidden();
  });

  test('offers the outbound methods as checkboxes that write the egress list', async ({ page }) => {
    await page.goto('/en/outbound/');
    const explorer = page.locator('[data-explorer="outbound"]');
    const methods = explorer.getByRole('group', { name: 'Configured outbound methods (egress)' });
    await expect(methods.getByRole('checkbox', { name: 'Load Balancer outbound rule' })).toBeChecked();
    await methods.getByRole('checkbox', { name: 'NAT Gateway', exact: true }).check();
    // In Microsoft's precedence NAT Gateway comes before the outbound rule, and wins: the subnet's 10 VMs × 20 × (2 s + 65 s)
    // = 13,400 ports fit in the 50,000 one public IP gives toward one destination.
    await expect(explorer.locator('input[name="egress"]')).toHaveValue('natgw,lb');
    await expect(explorer.locator('[data-field="verdict"]')).toHaveAttribute('data-state', 'ok');
    await expect(page).toHaveURL(/[?&]egress=natgw,lb(&|$)/);
    // Typing the list ticks the boxes.
    await explorer.locator('input[name="egress"]').fill('fw');
    await expect(methods.getByRole('checkbox', { name: 'Azure Firewall (0.0.0.0/0 routed to it)' })).toBeChecked();
    await expect(methods.getByRole('checkbox', { name: 'NAT Gateway', exact: true })).not.toBeChecked();
    await expect(explorer.locator('input[name="fwinst"]')).toBeVisible();
  });
});
