/**
 * What a person does in the browser on the Google emulator's consent page: open it, pick an account
 * (its hidden form), and follow the redirect to the app's loopback listener. Returns the listener's
 * answer. `tamper` may change the form fields first (a forged `state`, say).
 */
export async function consentInBrowser(
  authorizationUrl: string,
  email: string,
  tamper?: (fields: Record<string, string>) => void,
): Promise<Response> {
  const page = await fetch(authorizationUrl);
  if (page.status !== 200) throw new Error(`the consent page answered ${page.status}: ${await page.text()}`);
  const forms = [...(await page.text()).matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)].map(
    ([, action = '', inner = '']) => {
      const fields: Record<string, string> = {};
      for (const [, name = '', value = ''] of inner.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)) {
        fields[name] = unescapeAttr(value);
      }
      return { action, fields };
    },
  );
  const account = forms.find((form) => form.fields.email === email);
  if (!account) throw new Error(`the consent page offers no button for ${email}`);
  tamper?.(account.fields);
  const picked = await fetch(new URL(account.action, authorizationUrl), {
    method: 'POST',
    body: new URLSearchParams(account.fields),
    redirect: 'manual',
  });
  const location = picked.headers.get('location');
  if (picked.status !== 302 || !location) throw new Error(`picking ${email} answered ${picked.status}, not a redirect`);
  return fetch(location);
}

function unescapeAttr(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
