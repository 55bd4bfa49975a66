import { test, expect } from './fixtures.ts';

/**
 * The answer first (issue 32): the form folds on a phone and follows the verdict. That every
 * explorer opens with its verdict above the form, within the first screen after its heading, is
 * checked on every built page by site-pages.spec.ts (page-checks.ts `verdictProblems`).
 */

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
