import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { diagramText, waitForRedraw } from './helpers.ts';

// Written by hand from SPEC §3 (client certificate): LB and TM never terminate the client's TLS.
const APPGW: Record<string, string> = { offload: 'no', e2e: 'no', 'mtls-strict': 'header', 'mtls-passthrough': 'header' };

async function reaches(explorer: Locator): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const service of ['load-balancer', 'application-gateway', 'traffic-manager']) {
    const cell = explorer.locator(`[data-service="${service}"] [data-field="cert-reaches-backend"]`);
    expect((await cell.innerText()).trim()).not.toBe('');
    out[service] = (await cell.getAttribute('data-value')) ?? '';
  }
  return out;
}

const explorerOn = (page: Page) => page.locator('[data-explorer="client-certificate"]');

for (const lang of ['ja', 'en'] as const) {
  test.describe(`/${lang}/faq/client-certificate/`, () => {
    test('the default (e2e) rows, then every tls value from its segmented control', async ({ page }) => {
      await page.goto(`/${lang}/faq/client-certificate/`);
      const explorer = explorerOn(page);
      expect(await reaches(explorer)).toEqual({ 'load-balancer': 'yes', 'application-gateway': 'no', 'traffic-manager': 'yes' });
      let redraws = 0;
      for (const tls of ['mtls-strict', 'offload', 'mtls-passthrough', 'e2e']) {
        await explorer.locator(`input[name="tls"][value="${tls}"]`).check();
        await waitForRedraw(explorer, ++redraws);
        expect(await reaches(explorer)).toEqual({ 'load-balancer': 'yes', 'application-gateway': APPGW[tls], 'traffic-manager': 'yes' });
        // The address follows the edit when the browser is idle, not in the same task as the redraw.
        await expect.poll(() => new URL(page.url()).searchParams.get('tls')).toBe(tls === 'e2e' ? null : tls);
      }
    });

    test('?tls=mtls-passthrough: the gateway row says header and the backend validates', async ({ page }) => {
      await page.goto(`/${lang}/faq/client-certificate/?tls=mtls-passthrough`);
      const explorer = explorerOn(page);
      await waitForRedraw(explorer);
      const row = explorer.locator('[data-service="application-gateway"]');
      await expect(row.locator('[data-field="cert-reaches-backend"]')).toHaveAttribute('data-value', 'header');
      await expect(row.locator('[data-field="cert-validated-by"]')).toHaveAttribute('data-value', 'backend');
      await expect(explorer.locator('input[name="tls"][value="mtls-passthrough"]')).toBeChecked();
      // A long note wraps: compare without the line breaks.
      const squash = (text: string) => text.replace(/\s+/g, '');
      expect(squash(await diagramText(explorer))).toContain(squash(lang === 'ja' ? '証明書の検証はバックエンドが行う' : 'The backend must validate the certificate itself'));
    });
  });
}

test('an unknown tls value shows an error and keeps the default rows', async ({ page }) => {
  await page.goto('/en/faq/client-certificate/?tls=passthrough');
  const explorer = explorerOn(page);
  await expect(explorer.locator('[data-error-for="tls"]')).toContainText('TLS handling');
  expect(await reaches(explorer)).toEqual({ 'load-balancer': 'yes', 'application-gateway': 'no', 'traffic-manager': 'yes' });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const lang of ['ja', 'en'] as const) {
    test(`${lang}: the default rows and TLS diagram are in the static HTML`, async ({ page }) => {
      await page.goto(`/${lang}/faq/client-certificate/`);
      const explorer = explorerOn(page);
      expect(await reaches(explorer)).toEqual({ 'load-balancer': 'yes', 'application-gateway': 'no', 'traffic-manager': 'yes' });
      await expect(explorer.locator('[data-diagram] [data-svg="light"] svg title')).not.toBeEmpty();
      expect(await diagramText(explorer)).toContain(lang === 'ja' ? 'TLS ハンドシェイク' : 'TLS handshake');
    });
  }
});
