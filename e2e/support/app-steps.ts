import { expect, type Page } from '@playwright/test';
import { ALICE, GOOGLE_CLIENT } from '../../test-support/emulators/google-seed';

/** What a person does in the app on the way to what a spec is about, the same way in every spec. */

export async function openPage(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
}

/** Settings → Models: a custom OpenAI-compatible endpoint (the specs' fake model) and its key. */
export async function configureProvider(page: Page, baseUrl: string, apiKey: string): Promise<void> {
  await openPage(page, 'Settings');
  const models = page.getByRole('region', { name: 'Models' });
  await models.getByRole('radiogroup', { name: 'Provider' }).getByRole('radio', { name: 'Custom' }).check();
  await models.getByRole('textbox', { name: 'Base URL' }).fill(baseUrl);
  await models.getByLabel('API key').fill(apiKey);
  await models.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(models.getByText('Key saved')).toBeVisible();
}

/**
 * Google through its browser sign-in against the emulator: the card's form, the consent page it
 * links (the host runs with IZZIE_NO_BROWSER=1), Alice's account, back to a connected card.
 */
export async function connectGoogle(page: Page, google: { apiUrl: string; redirectPort: number }): Promise<void> {
  await openPage(page, 'Integrations');
  const googleCard = page.getByRole('region', { name: 'Google — Gmail & Calendar' });
  await googleCard.getByRole('button', { name: 'Connect' }).click();
  const googleForm = googleCard.getByRole('form', { name: /Connect Google/ });
  await googleForm.getByLabel('OAuth client ID').fill(GOOGLE_CLIENT.clientId);
  await googleForm.getByLabel('Client secret').fill(GOOGLE_CLIENT.clientSecret);
  await googleForm.getByRole('button', { name: 'Advanced' }).click();
  await googleForm.getByLabel('API base URL').fill(google.apiUrl);
  await googleForm.getByLabel('Redirect port').fill(String(google.redirectPort));
  await googleForm.getByRole('button', { name: 'Connect' }).click();
  await expect(googleCard.getByRole('group', { name: 'Sign-in in progress' })).toBeVisible();
  const popupOpened = page.waitForEvent('popup');
  await googleCard.getByRole('link', { name: 'Open the sign-in page' }).click();
  const consent = await popupOpened;
  await consent.getByRole('button', { name: new RegExp(ALICE.replace('.', '\\.')) }).click();
  await expect(consent.getByText(/return to Izzie/)).toBeVisible();
  await consent.close();
  await expect(googleCard).toContainText(ALICE);
  await expect(googleCard).toContainText('Connected');
}
