import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { expectPageClean } from './page-checks.ts';
import { hopValues } from './helpers.ts';
import { builtLinks } from './site-pages.ts';

/**
 * Issue 32: a parameter that takes one of a fixed set is a group of radio buttons under its
 * parameter's name, drawn as a segmented control, not a drop-down. The lookup's scenario holds every
 * such parameter of the site, so one page load sees them all.
 */
const FROM_URL: Record<string, { options: string[]; value: string }> = {
  seen: { options: ['backend', 'xff', 'destination', 'probe'], value: 'xff' },
  tls: { options: ['offload', 'e2e', 'mtls-strict', 'mtls-passthrough'], value: 'mtls-strict' },
  fwrule: { options: ['network', 'app'], value: 'app' },
  proxy: { options: ['0', '1'], value: '1' },
  floating: { options: ['0', '1'], value: '1' },
  etp: { options: ['cluster', 'local'], value: 'local' },
  proto: { options: ['tcp', 'udp'], value: 'udp' },
  close: { options: ['fin', 'rst', 'idle'], value: 'rst' },
  interval: { options: ['30', '10'], value: '10' },
};

test('no explorer form on any built page holds a drop-down', () => {
  for (const link of builtLinks().filter((l) => l.kind === 'page')) {
    const html = readFileSync(`dist${link.url}index.html`, 'utf8');
    expect(html.match(/<select[^>]*\sname=/g), link.url).toBeNull();
  }
});

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('every choice is a radio group checked from the URL; a tap and an arrow key edit the table and the URL', async ({ page }) => {
    const query = new URLSearchParams(Object.entries(FROM_URL).map(([name, { value }]) => [name, value]));
    await page.goto(`/en/lookup/?${query}`);
    const explorer = page.locator('#lookup');
    for (const [name, { options, value }] of Object.entries(FROM_URL)) {
      const group = explorer.locator(`fieldset[role="radiogroup"][data-field-for="${name}"]`);
      await expect(group.locator('legend'), name).not.toBeEmpty();
      const radios = group.locator(`input[type="radio"][name="${name}"]`);
      expect(await radios.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)), name).toEqual(options);
      await expect(group.locator(`input[value="${value}"]`), name).toBeChecked();
      await expect(group.locator('input:checked'), name).toHaveCount(1);
      await expect(explorer.locator(`[data-error-for="${name}"]`)).toBeHidden();
    }
    // Nine parameters differ from the page's scenario (seen, tls, fwrule, proxy, floating, etp, proto, close, interval).
    await expect(explorer.locator('[data-changed-count]')).toHaveText(' (9 changed)');

    // The form folds on a phone; open it and tap a segment: every segment is a 44 px target.
    await explorer.locator('.atp-form-summary').click();
    const seen = explorer.locator('[data-field-for="seen"]');
    for (const segment of await seen.locator('.atp-segment').all()) {
      expect((await segment.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await seen.locator('.atp-segment', { hasText: 'health probe' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('seen')).toBe('probe');
    await expect(explorer.locator('[data-field="seen"]').first()).toHaveAttribute('data-value', 'probe');
    await expect(explorer.locator('[data-changed-count]')).toHaveText(' (9 changed)');

    // The arrow keys move within the group, as native radio buttons do: probe is last, so on to the first.
    await seen.locator('input[value="probe"]').focus();
    await page.keyboard.press('ArrowRight');
    await expect(seen.locator('input[value="backend"]')).toBeChecked();
    await expect(seen.locator('input[value="backend"]')).toBeFocused();
    await expect.poll(() => new URL(page.url()).searchParams.get('seen')).toBeNull();
    await expect(explorer.locator('[data-field="seen"]').first()).toHaveAttribute('data-value', 'backend');
    await expect(explorer.locator('[data-changed-count]')).toHaveText(' (8 changed)');
    // The focused segment is ringed.
    const ring = await seen
      .locator('.atp-segment:has(input:focus-visible)')
      .evaluate((segment) => getComputedStyle(segment).outlineStyle + ' ' + getComputedStyle(segment).outlineWidth);
    expect(ring).toBe('solid 2px');
  });
});

test('a value that is none of the options: the error shows at its group, and a segment clears it', async ({ page }) => {
  await page.goto('/ja/load-balancer/?floating=maybe');
  const explorer = page.locator('[data-explorer="load-balancer"]');
  const group = explorer.locator('fieldset[role="radiogroup"][data-field-for="floating"]');
  const error = group.locator('[data-error-for="floating"]');
  await expect(error).toBeVisible();
  await expect(error).not.toBeEmpty();
  await expect(group).toHaveAttribute('aria-invalid', 'true');
  await expect(group.locator('input:checked')).toHaveCount(0);
  // The tables are the page's own scenario (SPEC §3, Floating IP off).
  expect(await hopValues(explorer)).toEqual([
    ['203.0.113.10:50000', '198.51.100.10:443'],
    ['203.0.113.10:50000', '10.0.1.4:443'],
    ['10.0.1.4:443', '203.0.113.10:50000'],
    ['198.51.100.10:443', '203.0.113.10:50000'],
  ]);
  await expectPageClean(page);

  await group.locator('input[value="1"]').check();
  await expect(error).toBeHidden();
  await expect(group).not.toHaveAttribute('aria-invalid', 'true');
  // Floating IP on: the backend sees the frontend IP as destination (hops 2 and 3).
  await expect
    .poll(() => hopValues(explorer))
    .toEqual([
      ['203.0.113.10:50000', '198.51.100.10:443'],
      ['203.0.113.10:50000', '198.51.100.10:443'],
      ['198.51.100.10:443', '203.0.113.10:50000'],
      ['198.51.100.10:443', '203.0.113.10:50000'],
    ]);
  await expect.poll(() => new URL(page.url()).searchParams.get('floating')).toBe('1');
  await expect(explorer.locator('[data-changed-count]')).toHaveText('（1 件変更）');
});
