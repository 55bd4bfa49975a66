import { expect, test } from './fixtures.ts';
import { diagramText, hopValues, waitForRedraw } from './helpers.ts';

// Golden values worked out by hand from SPEC §10 (the same as tests/unit/outbound.node.test.ts):
// Load Balancer, pool 10, default table → 1,024 ports; 20/s × (2 s + 240 s) = 4,840 held; 1,024 ÷ 20 = 51.2 s.
const DEFAULT_HOPS = [
  ['10.0.1.4:51000', '203.0.113.200:443'],
  ['198.51.100.80:1024', '203.0.113.200:443'],
  ['203.0.113.200:443', '198.51.100.80:1024'],
  ['203.0.113.200:443', '10.0.1.4:51000'],
];
const DEFAULT_FIGURES = {
  wins: 'lb',
  'ports-per-vm': '1024',
  needed: '4840',
  exhausted: 'yes',
  'exhaust-after': '51.2',
  allowlist: '198.51.100.80',
};
// NAT Gateway with two public IPs: 2 × 50,000 toward one destination = 100,000 for the subnet; 10 VMs × 20/s × (2 s + 65 s) = 13,400 held.
const NATGW = '?egress=lb,natgw&pips=198.51.100.80,198.51.100.81';
const NATGW_FIGURES = { wins: 'natgw', 'ports-per-vm': '100000', needed: '13400', exhausted: 'no', 'exhaust-after': 'never' };

async function figures(explorer: import('@playwright/test').Locator, fields: Record<string, string>) {
  for (const [field, value] of Object.entries(fields)) {
    await expect(explorer.locator(`[data-field="${field}"]`).first(), field).toHaveAttribute('data-value', value);
  }
}

for (const lang of ['ja', 'en'] as const) {
  for (const javaScriptEnabled of [true, false]) {
    test.describe(`/${lang}/outbound/ with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
      test.use({ javaScriptEnabled });

      test('defaults: the method, the port arithmetic, the packets and the diagram', async ({ page }) => {
        await page.goto(`/${lang}/outbound/`);
        const explorer = page.locator('[data-explorer="outbound"]');
        expect(await hopValues(explorer)).toEqual(DEFAULT_HOPS);
        await figures(explorer, DEFAULT_FIGURES);
        const text = await diagramText(explorer);
        for (const [src, dst] of DEFAULT_HOPS) expect(text).toContain(`${src} → ${dst}`);
        expect(text).toContain('4,840');
      });

      test('the FAQ computes the point of exhaustion and the fixes', async ({ page }) => {
        await page.goto(`/${lang}/faq/snat-exhaustion/`);
        const explorer = page.locator('#snat-example');
        await figures(explorer, DEFAULT_FIGURES);
        await expect(explorer.locator('[data-fix="natgw"] [data-field="fix-ports"]')).toHaveAttribute('data-value', '50000');
        await expect(explorer.locator('[data-fix="allocate"] [data-field="fix-ports"]')).toHaveAttribute('data-value', '6400');
        await expect(explorer.locator('[data-fix="pooling"] [data-field="fix-needed"]')).toHaveAttribute('data-value', '40');
      });
    });
  }

  test(`/${lang}/outbound/: a scenario from the URL, then edits recompute and bad input is held at the field`, async ({ page }) => {
    await page.goto(`/${lang}/outbound/${NATGW}`);
    const explorer = page.locator('[data-explorer="outbound"]');
    await waitForRedraw(explorer);
    await figures(explorer, { ...NATGW_FIGURES, allowlist: '198.51.100.80,198.51.100.81' });
    // An instance-level public IP keeps the VM's port.
    await explorer.locator('input[name="egress"]').fill('ilpip');
    await explorer.locator('input[name="pips"]').fill('198.51.100.90');
    await waitForRedraw(explorer, 2);
    expect((await hopValues(explorer))[1]).toEqual(['198.51.100.90:51000', '203.0.113.200:443']);
    await figures(explorer, { wins: 'ilpip', exhausted: 'no' });
    await expect.poll(() => new URL(page.url()).searchParams.get('egress')).toBe('ilpip');
    // Not a multiple of 8: the error names the rule, the results stay those of the last valid scenario.
    await explorer.locator('input[name="egress"]').fill('lb');
    await explorer.locator('input[name="pips"]').fill('198.51.100.80');
    await explorer.locator('input[name="ports"]').fill('1001');
    await expect(explorer.locator('[data-error-for="ports"]')).toBeVisible();
    await expect(explorer.locator('[data-error-for="ports"]')).toContainText('8');
    await explorer.locator('input[name="ports"]').fill('6400');
    await expect(explorer.locator('[data-error-for="ports"]')).toBeHidden();
    await figures(explorer, { 'ports-per-vm': '6400', 'max-pool': '10', exhausted: 'no' });
    await explorer.locator('input[name="dest"]').fill('<img src=x onerror=alert(1)>');
    await expect(explorer.locator('[data-error-for="dest"]')).toBeVisible();
    await figures(explorer, { 'ports-per-vm': '6400' });
  });
}

// SPEC §12: while a field is invalid, the explorer says its results are the last valid scenario's.
test('an invalid field marks the results as stale until a valid edit', async ({ page }) => {
  await page.goto('/en/outbound/');
  const explorer = page.locator('[data-explorer="outbound"]');
  await explorer.locator('input[name="vm"]').fill('300.1.2.3');
  await expect(explorer).toHaveAttribute('data-stale', '');
  await expect(explorer.locator('[data-status]')).toContainText('last valid scenario');
  await expect(explorer.locator('[data-field="wins"]')).toHaveAttribute('data-value', 'lb');
  await explorer.locator('input[name="vm"]').fill('10.0.1.9');
  await expect(explorer).not.toHaveAttribute('data-stale');
  expect((await hopValues(explorer))[0]).toEqual(['10.0.1.9:51000', '203.0.113.200:443']);
});
