/// <reference types="mocha" />
/**
 * The staff console shell against the real server (proxied under /api/): sign in with the
 * session cookie, see who is signed in, sign out; a wrong password is announced; axe clean.
 */
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../../console/console-app.js';
import type { MemorialConsole } from '../../../console/console-app.js';
import { axeViolations, describeViolations } from '../fixtures/axe.js';
import { mount } from '../fixtures/mount.js';
import { until } from '../fixtures/until.js';

const part = <E extends Element = HTMLElement>(el: Element, name: string) => el.shadowRoot?.querySelector(`[part~="${name}"]`) as E | null;

async function consoleEl(): Promise<MemorialConsole> {
  const el = mount('<memorial-console></memorial-console>').querySelector('memorial-console')!;
  await until('the console decided whether anyone is signed in', () => part(el, 'sign-in-form') !== null || part(el, 'roles') !== null);
  return el;
}

function fill(form: HTMLFormElement, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) (form.elements.namedItem(name) as HTMLInputElement).value = value;
  form.requestSubmit();
}

describe('<memorial-console>', () => {
  it('signs in with the session cookie, shows the person and roles, and signs out', async () => {
    const login = `con${Date.now().toString(36)}`;
    const staff = await executeServerCommand<{ login: string; password: string }, object>('memorial-create-staff', {
      login, displayName: '县审核员', roles: [{ role: 'moderator' }, { role: 'caseworker', region: '3607' }],
    });
    const el = await consoleEl();
    expect(await axeViolations(el), describeViolations(await axeViolations(el))).to.have.length(0);
    fill(part<HTMLFormElement>(el, 'sign-in-form')!, { login: 'nobody-here', password: 'wrong password' });
    await until('the error is announced', () => el.shadowRoot!.querySelector('[role="alert"]') !== null);
    fill(part<HTMLFormElement>(el, 'sign-in-form')!, { login: staff.login, password: staff.password });
    await until('signed in', () => part(el, 'roles') !== null);
    expect(el.shadowRoot!.querySelector('h1')!.textContent).to.equal('县审核员');
    expect(part(el, 'roles')!.textContent!.replace(/\s+/g, ' ')).to.contain('caseworker · 3607');
    expect(await axeViolations(el), describeViolations(await axeViolations(el))).to.have.length(0);
    // The cookie is HttpOnly: the page cannot read it, yet the next request carries it.
    expect(document.cookie).to.not.contain('memorial_staff');
    expect((await fetch('/api/v1/staff/me')).status).to.equal(200);
    (el.shadowRoot!.querySelector('.actions button') as HTMLButtonElement).click();
    await until('signed out', () => part(el, 'sign-in-form') !== null);
    expect((await fetch('/api/v1/staff/me')).status).to.equal(401);
  });
});
