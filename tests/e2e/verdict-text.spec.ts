import { test, expect } from './fixtures.ts';
import { waitForRedraw } from './helpers.ts';

/**
 * Issue 32, the review's text items, on the built pages: the verdict's state and sentence as a
 * reader meets them after following a link (the sentences themselves are unit goldens,
 * tests/unit/verdict.node.test.ts), and the status line of a permalink load.
 */

test('en: Floating IP is a warning naming the loopback; a permalink load says it shows the link, an edit says what changed', async ({
  page,
}) => {
  await page.goto('/en/load-balancer/?floating=1');
  const explorer = page.locator('[data-explorer="load-balancer"]');
  const verdict = explorer.locator('[data-field="verdict"]');
  await expect(verdict).toHaveAttribute('data-state', 'warning');
  await expect(verdict).toContainText('Caution');
  await expect(verdict).toContainText('the VM answers only if its guest OS holds 198.51.100.10 on a loopback interface');
  const status = explorer.locator('[data-status]');
  await expect(status).toHaveText('The tables and the diagram show the scenario in this link.');
  // The reader's own edit: back to no Floating IP, an OK verdict, and the edit's status.
  await explorer.locator('input[name="floating"][value="0"]').check();
  await waitForRedraw(explorer);
  await expect(verdict).toHaveAttribute('data-state', 'ok');
  await expect(status).toHaveText('Scenario updated. Values this edit changed are tinted orange until the next edit.');
});

test('ja: paths verdicts name the client’s X-Forwarded-For entry, the PROXY v2 header, and a lost client as a warning', async ({
  page,
}) => {
  const explorer = page.locator('[data-explorer="path"]');
  const verdict = explorer.locator('[data-field="verdict"]');
  await page.goto('/ja/paths/?chain=fd,agw');
  await expect(verdict).toHaveAttribute('data-state', 'ok');
  await expect(verdict).toContainText('クライアントは 2 個のうち 1 番目の 203.0.113.10 です');
  await expect(explorer.locator('[data-status]')).toHaveText('表と図は、このリンクで指定されたシナリオを示しています。');
  await page.goto('/ja/paths/?chain=pls,lb&client=10.1.0.10&proxy=1');
  await expect(verdict).toHaveAttribute('data-state', 'ok');
  await expect(verdict).toContainText(
    'コンシューマーのアドレス 10.1.0.10:50000 は、ストリームの先頭に付く PROXY プロトコル v2 ヘッダーで届きます。',
  );
  await page.goto('/ja/paths/?chain=fw,agw');
  await expect(verdict).toHaveAttribute('data-state', 'warning');
  await expect(verdict).toContainText('クライアントのアドレス 203.0.113.10 は途中で失われます。');
});

test('en and ja: the outbound method in use, the Front Door certificate row, the lookup sentence and the failover times', async ({
  page,
}) => {
  await page.goto('/en/outbound/?egress=natgw');
  const inUse = page.locator('[data-explorer="outbound"] [data-fix="natgw-ips"]');
  await expect(inUse.locator('th')).toHaveText('1. The NAT Gateway’s 1 public IP, as configured');
  await expect(inUse.locator('[data-field="fix-result"]')).toHaveText('Not needed: in use, and nothing is exhausted');

  await page.goto('/en/faq/client-certificate/');
  const frontDoor = page.locator('[data-explorer="client-certificate"] [data-service="front-door"] [data-field="cert-reaches-backend"]');
  await expect(frontDoor).toHaveText('No: the client’s TLS ends at Front Door (edge)');

  // The page's two lookups: a sentence, not 「10.0.0.4: …」, and no space before では after Japanese.
  await page.goto('/ja/lookup/');
  const lookups = page.locator('[data-explorer="lookup"] [data-field="verdict"] .atp-verdict-text');
  await expect(lookups.nth(0)).toContainText(/^10\.0\.0\.4 は Application Gateway のインスタンスです。Application Gateway では、/);
  await expect(lookups.nth(1)).toContainText(
    /^168\.63\.129\.16 は Load Balancer の正常性プローブの送信元です。Load Balancer の正常性プローブでは、/,
  );

  await page.goto('/en/faq/dns-cache-failover/');
  await expect(page.locator('[data-explorer="failover"] [data-field="verdict"]').first()).toContainText(
    'Endpoint 1 fails at t=45 s and Traffic Manager marks it Degraded at t=160 s',
  );
});
