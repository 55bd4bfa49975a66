import { expect, test } from './fixtures.ts';
import { hopValues, waitForRedraw } from './helpers.ts';

// The virtual network's subnets (SPEC §14, virtual-network-manage-subnet): each lies inside the
// address space 10.0.0.0/16 and none overlaps another. Defaults: the gateway's subnet 10.0.0.0/24,
// the backends' 10.0.1.0/24. Worked by hand: 10.0.0.128/25 lies inside the gateway's subnet;
// 10.1.0.0/24 lies outside the space. Each is refused at the field edited, in the page's language,
// and the tables keep the last valid scenario. One page load per language.
const MESSAGES = {
  ja: { overlap: 'AppGW サブネット（IPv4 CIDR）と重なっています', within: '仮想ネットワークのアドレス空間（IPv4 CIDR）の中' },
  en: { overlap: 'this block overlaps AppGW subnet (IPv4 CIDR)', within: 'use a block inside Virtual network address space' },
};

for (const lang of ['ja', 'en'] as const) {
  test(`/${lang}/paths/: a subnet outside the virtual network or over another is refused at its field`, async ({ page }) => {
    await page.goto(`/${lang}/paths/?chain=fd,agw#path`);
    const explorer = page.locator('[data-explorer="path"]');
    await waitForRedraw(explorer);
    // A valid edit first: the address links into the lookup carry the edited scenario at once.
    await explorer.locator('input[name="cport"]').fill('50001');
    const link = explorer.locator('[data-output] a.atp-lookup-link').first();
    await expect.poll(async () => new URL((await link.getAttribute('href'))!, page.url()).searchParams.get('cport')).toBe('50001');
    const before = await hopValues(explorer);

    const bsubnet = explorer.locator('input[name="bsubnet"]');
    const subnet = explorer.locator('input[name="subnet"]');
    await bsubnet.fill('10.0.0.128/25');
    await expect(explorer.locator('[data-error-for="bsubnet"]')).toContainText(MESSAGES[lang].overlap);
    await expect(bsubnet).toHaveAttribute('aria-invalid', 'true');
    expect(await hopValues(explorer)).toEqual(before);

    await bsubnet.fill('10.0.1.0/24');
    await expect(explorer.locator('[data-error-for="bsubnet"]')).toBeHidden();
    await subnet.fill('10.1.0.0/24');
    await expect(explorer.locator('[data-error-for="subnet"]')).toContainText(MESSAGES[lang].within);
    expect(await hopValues(explorer)).toEqual(before);
    await expect(explorer).toHaveAttribute('data-stale', '');
  });
}
