import { expect, test } from './fixtures.ts';

// Issue 33: the chain editor offers a stage only where it makes a chain the page accepts, and its
// controls are labelled targets of 44 CSS px or more.
test('the editor never offers pls where it would be refused, and offers it before a Load Balancer', async ({ page }) => {
  await page.goto('/en/paths/?chain=fd,agw');
  const editor = page.locator('[data-explorer="path"] .atp-chain');
  await expect(editor.locator('select option[value="pls"]')).toHaveCount(0);
  await expect(editor.locator('select option[value="glb"]')).toHaveCount(0);
  await page.goto('/en/paths/?chain=lb');
  await editor.locator('select').selectOption('pls');
  await editor.locator('button[data-focus="add"]').click();
  await expect(page.locator('[data-explorer="path"] input[name="chain"]')).toHaveValue('pls,lb');
  await expect(page.locator('[data-explorer="path"] [data-error-for="chain"]')).toBeHidden();
});

test('the add control is labelled and every control is at least 44 px each way', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/ja/paths/');
  // On a phone the form (the chain editor with it) is folded under the verdict until the reader opens it.
  await page.locator('[data-explorer="path"] [data-form-details] > summary').click();
  const editor = page.locator('[data-explorer="path"] .atp-chain');
  await expect(editor.getByLabel('サービスを追加').first()).toBeVisible();
  for (const control of await editor.locator('button, select').all()) {
    const box = (await control.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
  }
});
