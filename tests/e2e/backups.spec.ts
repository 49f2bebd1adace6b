import { test, expect } from './fixtures';

test('a broker backs up, changes the profile, restores the backup and finds the old profile', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Настройки' }).click();
  await page.getByLabel('Брокер или название компании').fill('ТОО «Первое имя»');
  await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(page.getByText('Профиль сохранён.').first()).toBeVisible();

  await page.getByRole('button', { name: 'Создать копию сейчас' }).click();
  await expect(page.getByText('Копия создана.')).toBeVisible();
  const manual = page.getByRole('row').filter({ hasText: 'вручную' });
  await expect(manual).toHaveCount(1);

  await page.getByLabel('Брокер или название компании').fill('ТОО «Второе имя»');
  await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(page.getByText('Профиль сохранён.').first()).toBeVisible();

  await manual.getByRole('button', { name: 'Восстановить' }).click();
  await page.getByRole('button', { name: 'Да, восстановить' }).click();
  // The page reloads after a restore; the profile is the one from the backup.
  await expect(page.getByLabel('Брокер или название компании')).toHaveValue('ТОО «Первое имя»', { timeout: 15_000 });
  // A revert point was written before restoring, so the second name is not lost either.
  await expect(page.getByRole('row').filter({ hasText: 'перед восстановлением' })).toHaveCount(1);
});
