import { expect, test } from './fixtures.ts';
import { diagramText, waitForRedraw } from './helpers.ts';

// The lookup draws the match the reader picks (`design`): a radio per row of the match list, in one
// group, reached by the keyboard and named in the page's language; the diagram, the line above it and
// the URL follow. Expected legs from the default scenario: the gateway alone puts its instance
// 10.0.0.4:40000 on leg 2 (client → gateway → backend); Front Door before it, on leg 3.

const NAMES = {
  ja: { gateway: 'Application Gateway の区間 2 を図に描く', fdGateway: 'Front Door → Application Gateway の区間 3 を図に描く' },
  en: { gateway: 'Draw Application Gateway, leg 2', fdGateway: 'Draw Front Door → Application Gateway, leg 3' },
} as const;

for (const lang of ['ja', 'en'] as const) {
  test(`/${lang}/lookup/: a radio per match picks the drawing; the diagram, its caption and the URL follow`, async ({ page }) => {
    // Japanese opens from a permalink with the pick in it; English opens on the default (the first match).
    const picked = lang === 'ja';
    await page.goto(`/${lang}/lookup/${picked ? '?design=fd,agw' : ''}`);
    const explorer = page.locator('#lookup');
    if (picked) await waitForRedraw(explorer);
    const radio = (design: string) => explorer.locator(`[data-match][data-design="${design}"] input[type="radio"]`);
    const gateway = page.getByRole('radio', { name: NAMES[lang].gateway, exact: true });
    const fdGateway = page.getByRole('radio', { name: NAMES[lang].fdGateway, exact: true });
    await expect(gateway).toBeVisible();
    // One radio per match, all in one group.
    const rows = await explorer.locator('[data-match]').count();
    await expect(explorer.locator('[data-match] input[type="radio"][name="lookup-draw"]')).toHaveCount(rows);

    if (picked) {
      await expect(fdGateway).toBeChecked();
      await expect(explorer.locator('[data-field="drawn"]')).toHaveAttribute('data-value', 'fd,agw');
      expect(await diagramText(explorer)).toContain('(3) 10.0.0.4:40000');
      // Back to the gateway alone, by keyboard: the group is one Tab stop, the arrows move the pick.
      await fdGateway.focus();
      const before = await explorer.locator('[data-match]').evaluateAll((all) => all.map((row) => row.getAttribute('data-design')));
      const up = before.indexOf('fd,agw') > before.indexOf('agw');
      for (let i = Math.abs(before.indexOf('fd,agw') - before.indexOf('agw')); i > 0; i--)
        await page.keyboard.press(up ? 'ArrowUp' : 'ArrowDown');
      await expect(gateway).toBeChecked();
      await expect(gateway).toBeFocused();
      await waitForRedraw(explorer, 2);
      await expect.poll(() => diagramText(explorer)).toContain('(2) 10.0.0.4:40000');
      await expect(explorer.locator('[data-field="drawn"]')).toHaveAttribute('data-value', 'agw');
      await expect.poll(() => new URL(page.url()).searchParams.get('design')).toBe('agw');
    } else {
      // The first match is drawn by default.
      await expect(gateway).toBeChecked();
      await expect(explorer.locator('[data-match]').first()).toHaveAttribute('data-drawn', '');
      expect(await diagramText(explorer)).toContain('(2) 10.0.0.4:40000');
      await fdGateway.check();
      await waitForRedraw(explorer);
      await expect.poll(() => diagramText(explorer)).toContain('(3) 10.0.0.4:40000');
      await expect(explorer.locator('[data-field="drawn"]')).toHaveAttribute('data-value', 'fd,agw');
      await expect(explorer.locator('[data-match][data-drawn]')).toHaveAttribute('data-design', 'fd,agw');
      await expect(gateway).not.toBeChecked();
      await expect.poll(() => new URL(page.url()).searchParams.get('design')).toBe('fd,agw');
      // The drawing's region is named by the drawing now shown.
      const title = (await explorer.locator('[data-diagram] [data-svg="light"] svg title').first().textContent()) ?? '';
      expect(title).not.toBe('');
      await expect.poll(() => explorer.locator('[data-diagram] [data-svg="light"]').getAttribute('aria-label')).toContain(title);
      // An address the pick does not match draws the first match again, and its radio is the one checked.
      await explorer.locator('input[name="addr"]').fill('10.0.0.9');
      await expect(explorer.locator('[data-match][data-drawn]')).toHaveAttribute('data-design', 'fd,agw');
      await explorer.locator('input[name="addr"]').fill('203.0.113.10');
      await expect(explorer.locator('[data-match][data-drawn]')).not.toHaveAttribute('data-design', 'fd,agw');
      const first = await explorer.locator('[data-match]').first().getAttribute('data-design');
      await expect(radio(first!)).toBeChecked();
    }
    // The design field itself stays out of sight: the radios set it.
    await expect(explorer.locator('[data-field-for="design"]')).toBeHidden();
    // Not in print.
    await page.emulateMedia({ media: 'print' });
    await expect(explorer.locator('[data-match] input[type="radio"]').first()).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
  });
}
