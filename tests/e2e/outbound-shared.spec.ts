import { expect, test } from './fixtures.ts';
import { waitForRedraw } from './helpers.ts';

// Golden values worked out by hand from SPEC §10 (issue 30), as in tests/unit/outbound-shared.node.test.ts:
// 100 VMs × 20/s × (2 s + 65 s after FIN) = 134,000 ports held through one NAT Gateway; one public IP gives
// 50,000 toward one destination, so new connections fail after 50,000 ÷ (100 × 20) = 25 s; three IPs (150,000) hold it.
const HUNDRED = '?egress=natgw&pool=100';
const THREE_IPS = '198.51.100.80,198.51.100.81,198.51.100.82';
const LABEL = { ja: '1 つの宛先にサブネット全体で使える SNAT ポート', en: 'SNAT ports toward one destination, for the subnet' };

async function figures(explorer: import('@playwright/test').Locator, fields: Record<string, string>) {
  for (const [field, value] of Object.entries(fields)) {
    await expect(explorer.locator(`[data-field="${field}"]`).first(), field).toHaveAttribute('data-value', value);
  }
}

for (const lang of ['ja', 'en'] as const) {
  test(`/${lang}/outbound/: a NAT Gateway shared by 100 VMs is exhausted with one IP and fits with three`, async ({ page }) => {
    await page.goto(`/${lang}/outbound/${HUNDRED}`);
    const explorer = page.locator('[data-explorer="outbound"]');
    await figures(explorer, { wins: 'natgw', 'ports-per-vm': '50000', needed: '134000', exhausted: 'yes', 'exhaust-after': '25' });
    await expect(explorer.getByText(LABEL[lang], { exact: true })).toBeVisible();
    // The fix is the NAT Gateway in use with more public IPs: 134,000 ÷ 50,000 → 3.
    await expect(explorer.locator('[data-fix="natgw-ips"] [data-field="fix-ports"]')).toHaveAttribute('data-value', '150000');
    await expect(explorer.locator('[data-fix="natgw-ips"] [data-field="fix-result"]')).toHaveAttribute('data-value', 'fits');
    await expect(explorer.locator('[data-fix="natgw"]')).toHaveCount(0);

    await explorer.locator('input[name="pips"]').fill(THREE_IPS);
    await waitForRedraw(explorer);
    await figures(explorer, { 'ports-per-vm': '150000', needed: '134000', exhausted: 'no', 'exhaust-after': 'never' });
    await expect(explorer.locator('[data-fix="natgw-ips"] [data-field="fix-result"]')).toHaveAttribute('data-value', 'in-use');
    await expect(explorer.locator('[data-fix="pooling"] [data-field="fix-result"]')).toHaveAttribute('data-value', 'not-needed');
  });

  test(`/${lang}/outbound/: an Azure Firewall's ports are shared by the VMs routed to it`, async ({ page }) => {
    // 2,496 × 1 IP × 2 instances = 4,992 against 10 × 20 × 242 = 48,400: exhausted after 4,992 ÷ 200 = 25.0 s.
    await page.goto(`/${lang}/outbound/?egress=fw`);
    const explorer = page.locator('[data-explorer="outbound"]');
    await figures(explorer, { wins: 'fw', 'ports-per-vm': '4992', needed: '48400', exhausted: 'yes', 'exhaust-after': '25' });
    // The fixes: NAT Gateway on AzureFirewallSubnet (10 × 20 × 67 = 13,400, one IP), or ten firewall IPs (48,400 ÷ 4,992 → 10).
    await expect(explorer.locator('[data-fix="natgw"] [data-field="fix-needed"]')).toHaveAttribute('data-value', '13400');
    await expect(explorer.locator('[data-fix="fw-ips"] [data-field="fix-ports"]')).toHaveAttribute('data-value', '49920');
    // Ten IPs: 49,920 ≥ 48,400.
    const ten = Array.from({ length: 10 }, (_, i) => `198.51.100.${80 + i}`).join(',');
    await page.goto(`/${lang}/outbound/?egress=fw&pips=${ten}`);
    await figures(explorer, { 'ports-per-vm': '49920', exhausted: 'no' });
  });
}
